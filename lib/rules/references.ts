/**
 * References from pods to ConfigMaps and Secrets, one walker for both: `env[].valueFrom.<kind>KeyRef`,
 * `envFrom[].<kind>Ref`, `volumes[].<kind>` (with `items`) and projected `<kind>` sources. Each reference must
 * resolve to an object of its kind in the pod's namespace (an unset namespace counts as `default`) or to a
 * declared external one; a referenced key must exist unless the reference is optional; `envFrom` imports only
 * keys that are valid variable names (with the prefix).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/#制限事項
 */
import { containersOf, podSpecOf, type KubeObject, type PodLike } from '../k8s';
import { DEFAULT_KUBERNETES_VERSION, type KubernetesVersion } from '../kubernetes-version';
import { envVarNameErrorsFor } from './env';
import { fieldPath } from '../path';
import type { Violation } from '../violation';
import type { Finding, ObjectRef } from './finding';
import type { AppCheckRun } from './app-check';
import { listedObjects } from './listed';

/** The field names under which a pod refers to one kind of object. */
export interface ReferenceFields {
  /** `env[].valueFrom.<keyRef>`: `configMapKeyRef` or `secretKeyRef`. */
  readonly keyRef: 'configMapKeyRef' | 'secretKeyRef';
  /** `envFrom[].<envFromRef>`: `configMapRef` or `secretRef`. */
  readonly envFromRef: 'configMapRef' | 'secretRef';
  /** `volumes[].<volume>` and projected `sources[].<volume>`: `configMap` or `secret`. */
  readonly volume: 'configMap' | 'secret';
  /** The name field of the volume source: `name` for a ConfigMap, `secretName` for a Secret (projected: `name`). */
  readonly volumeNameField: 'name' | 'secretName';
}

/** One reference from a pod, with where it is. */
export interface PodReference {
  readonly name: string;
  readonly key?: string;
  readonly optional: boolean;
  /** Path of the selector; its name field is `nameField`. */
  readonly path: string;
  readonly nameField: string;
  readonly envFrom: boolean;
  /** `envFrom[].prefix`, put before every imported key. */
  readonly prefix?: string;
  /** An `items[]` entry of a volume source. */
  readonly item?: boolean;
}

type VolumeSource = { name?: string; secretName?: string; optional?: boolean; items?: { key: string }[] };
type Selector = { name?: string; key?: string; optional?: boolean };

/** Every reference of `pod` (at `base`) to objects of the kind `fields` describe. */
export function referencesOf(pod: PodLike, base: string, fields: ReferenceFields): PodReference[] {
  const out: PodReference[] = [];
  for (const { container, rel } of containersOf(pod.spec)) {
    const at = `${base}.${rel}`;
    listedObjects(container.env).forEach((env, i) => {
      const ref = (env.valueFrom as Record<string, Selector | undefined> | undefined)?.[fields.keyRef];
      if (ref?.name) out.push({ name: ref.name, key: ref.key, optional: ref.optional === true, path: `${fieldPath(`${at}.env`, i)}.valueFrom.${fields.keyRef}`, nameField: 'name', envFrom: false });
    });
    listedObjects(container.envFrom).forEach((src, i) => {
      const ref = (src as Record<string, Selector | undefined>)[fields.envFromRef];
      if (ref?.name) out.push({ name: ref.name, optional: ref.optional === true, path: `${fieldPath(`${at}.envFrom`, i)}.${fields.envFromRef}`, nameField: 'name', envFrom: true, prefix: src.prefix });
    });
  }
  listedObjects(pod.spec.volumes).forEach((volume, i) => {
    const vol = fieldPath(`${base}.volumes`, i);
    const sources: { ref: VolumeSource; path: string; nameField: 'name' | 'secretName' }[] = [];
    const own = (volume as Record<string, VolumeSource | undefined>)[fields.volume];
    if (own) sources.push({ ref: own, path: `${vol}.${fields.volume}`, nameField: fields.volumeNameField });
    listedObjects(volume.projected?.sources).forEach((s, j) => {
      const projected = (s as Record<string, VolumeSource | undefined>)[fields.volume];
      if (projected) sources.push({ ref: projected, path: `${fieldPath(`${vol}.projected.sources`, j)}.${fields.volume}`, nameField: 'name' });
    });
    for (const { ref, path, nameField } of sources) {
      const name = ref[nameField];
      if (!name) continue;
      const optional = ref.optional === true;
      out.push({ name, optional, path, nameField, envFrom: false });
      listedObjects(ref.items).forEach((item, k) => out.push({ name, key: item.key, optional, path: fieldPath(`${path}.items`, k), nameField, envFrom: false, item: true }));
    }
  });
  return out;
}

/** An object that can be referenced, with its keys (`undefined`: unknown, nothing is checked against them). */
export interface ReferenceTarget {
  readonly namespace: string | undefined;
  readonly name: string;
  readonly keys: readonly string[] | undefined;
}

/** The objects of one kind, indexed as they come: by namespace and name, and the namespaces each name is in. */
export class ReferenceIndex {
  /** namespace → name → keys (undefined: unknown), as small arrays until looked up. */
  private readonly byNamespace = new Map<string, Map<string, readonly string[] | Set<string> | undefined>>();
  /** name → the namespace it is in, or the namespaces (in order, repeated as often as the name came). */
  private readonly namespaces = new Map<string, string | string[]>();

  constructor(targets: Iterable<ReferenceTarget> = []) {
    for (const t of targets) this.add(t);
  }

  /** Indexes one more target; a second one of the same id adds its keys (unknown keys stay unknown). */
  add(t: ReferenceTarget): void {
    const ns = namespaceOf(t.namespace);
    let names = this.byNamespace.get(ns);
    if (!names) this.byNamespace.set(ns, (names = new Map()));
    if (!names.has(t.name)) names.set(t.name, t.keys);
    else {
      const known = names.get(t.name);
      names.set(t.name, known === undefined || t.keys === undefined ? undefined : new Set([...known, ...t.keys]));
    }
    const seen = this.namespaces.get(t.name);
    this.namespaces.set(t.name, seen === undefined ? ns : typeof seen === 'string' ? [seen, ns] : (seen.push(ns), seen));
  }

  /** Whether `name` is known in `namespace`. */
  has(namespace: string, name: string): boolean {
    return this.byNamespace.get(namespace)?.has(name) ?? false;
  }

  /** Its keys, when known. */
  keysOf(namespace: string, name: string): Set<string> | undefined {
    const names = this.byNamespace.get(namespace);
    const keys = names?.get(name);
    if (keys === undefined || keys instanceof Set) return keys;
    const set = new Set(keys);
    names!.set(name, set);
    return set;
  }

  /** The other namespaces `name` is in. */
  elsewhere(namespace: string, name: string): string[] {
    const seen = this.namespaces.get(name);
    return (seen === undefined ? [] : typeof seen === 'string' ? [seen] : seen).filter((ns) => ns !== namespace);
  }
}

/** An unset namespace counts as `default`. */
export function namespaceOf(ns: string | undefined): string {
  return ns ?? 'default';
}

/** How one kind words its findings (its own rules). */
export interface ReferenceRules {
  readonly otherNamespace: (path: string, name: string, podNamespace: string, other: string) => Violation;
  readonly notFound: (path: string, id: string) => Violation;
  readonly keyNotFound: (path: string, key: string, name: string) => Violation;
  readonly envFromInvalidKey: (path: string, key: string, name: string, variable: string) => Violation;
}

/** What {@link referenceAppCheck} needs to know about one kind. */
export interface ReferenceCheck {
  readonly fields: ReferenceFields;
  readonly rules: ReferenceRules;
  /** Whether an `items[]` entry of an absent object is reported too, or only its volume source. */
  readonly reportAbsentItems: boolean;
  /** The object as a target of references (a ConfigMap, a Secret), or undefined for other kinds. */
  readonly targetOf: (obj: KubeObject) => ReferenceTarget | undefined;
  /**
   * More findings per pod that need the index (e.g. `$(VAR)` that `envFrom` keys define): given the pod as it
   * is read, the facts it needs are taken and a function returned that reports once every object is indexed
   * (undefined: nothing to check in this pod).
   */
  readonly perPod?: (pod: PodLike, base: string) => ((podNamespace: string, index: ReferenceIndex) => Violation[]) | undefined;
}

/** What is kept of a pod that refers to objects of one kind, until the end of the run: its object's ref, flattened. */
interface ReferringPod {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly index: number;
  readonly refs: readonly PodReference[];
  readonly perPod: ((podNamespace: string, index: ReferenceIndex) => Violation[]) | undefined;
}

/**
 * The cross-object check of one kind, fed one object at a time (an app, or linted files): the targets are
 * indexed and each pod's references kept (names, keys, paths) as they come, and resolved at the end. Without
 * `externals`, references to objects absent from the set are not reported: only a caller that knows the
 * declared external objects can tell "outside the app" from "missing". Linear: the targets are indexed once.
 */
export function referenceAppCheck(
  check: ReferenceCheck,
  externals: readonly ReferenceTarget[] | undefined,
  version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION,
): AppCheckRun {
  const index = new ReferenceIndex();
  const pods: ReferringPod[] = [];
  return {
    add(obj, i) {
      const target = check.targetOf(obj);
      if (target) index.add(target);
      const found = podSpecOf(obj);
      if (!found) return;
      const refs = referencesOf(found.pod, found.base, check.fields);
      const perPod = check.perPod?.(found.pod, found.base);
      if (refs.length > 0 || perPod) pods.push({ kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace, index: i, refs: refs.slice(), perPod });
    },
    finish() {
      // external objects are indexed after the set's own: an object of the set is named first in a message
      for (const ext of externals ?? []) index.add(ext);
      const out: Finding[] = [];
      for (const pod of pods) resolveReferences(pod, index, check, externals !== undefined, version, out);
      return out;
    },
  };
}

function resolveReferences(pod: ReferringPod, index: ReferenceIndex, check: ReferenceCheck, externalsDeclared: boolean, version: KubernetesVersion, out: Finding[]): void {
  const { refs, perPod } = pod;
  const object: ObjectRef = { kind: pod.kind, name: pod.name, namespace: pod.namespace, index: pod.index };
  const podNs = namespaceOf(pod.namespace);
  const report = (v: Violation) => out.push({ object, violation: v });
  for (const v of perPod?.(podNs, index) ?? []) report(v);
  for (const ref of refs) {
    const namePath = `${ref.path}.${ref.nameField}`;
    if (!index.has(podNs, ref.name)) {
      if (ref.optional || (ref.item && !check.reportAbsentItems)) continue;
      const elsewhere = index.elsewhere(podNs, ref.name);
      if (elsewhere.length > 0) report(check.rules.otherNamespace(namePath, ref.name, podNs, elsewhere[0]!));
      else if (externalsDeclared) report(check.rules.notFound(namePath, `${podNs}/${ref.name}`));
      continue;
    }
    const keys = index.keysOf(podNs, ref.name);
    if (!keys) continue;
    if (ref.key !== undefined && !ref.optional && !keys.has(ref.key)) report(check.rules.keyNotFound(`${ref.path}.key`, ref.key, ref.name));
    if (ref.envFrom) {
      for (const key of [...keys].sort()) {
        const variable = `${ref.prefix ?? ''}${key}`;
        // the env var name rule of the target version: relaxed names (1.32+) take every ConfigMap or Secret key
          if (envVarNameErrorsFor(variable, version).length > 0) report(check.rules.envFromInvalidKey(ref.path, key, ref.name, variable));
      }
    }
  }
}
