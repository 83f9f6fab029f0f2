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
import { fieldPath } from '../path';
import type { Violation } from '../violation';
import type { Finding } from './app';
import { envVarNameErrorsFor } from './env';

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
    (container.env ?? []).forEach((env, i) => {
      const ref = (env.valueFrom as Record<string, Selector | undefined> | undefined)?.[fields.keyRef];
      if (ref?.name) out.push({ name: ref.name, key: ref.key, optional: ref.optional === true, path: `${fieldPath(`${at}.env`, i)}.valueFrom.${fields.keyRef}`, nameField: 'name', envFrom: false });
    });
    (container.envFrom ?? []).forEach((src, i) => {
      const ref = (src as Record<string, Selector | undefined>)[fields.envFromRef];
      if (ref?.name) out.push({ name: ref.name, optional: ref.optional === true, path: `${fieldPath(`${at}.envFrom`, i)}.${fields.envFromRef}`, nameField: 'name', envFrom: true, prefix: src.prefix });
    });
  }
  (pod.spec.volumes ?? []).forEach((volume, i) => {
    const vol = fieldPath(`${base}.volumes`, i);
    const sources: { ref: VolumeSource; path: string; nameField: 'name' | 'secretName' }[] = [];
    const own = (volume as Record<string, VolumeSource | undefined>)[fields.volume];
    if (own) sources.push({ ref: own, path: `${vol}.${fields.volume}`, nameField: fields.volumeNameField });
    (volume.projected?.sources ?? []).forEach((s, j) => {
      const projected = (s as Record<string, VolumeSource | undefined>)[fields.volume];
      if (projected) sources.push({ ref: projected, path: `${fieldPath(`${vol}.projected.sources`, j)}.${fields.volume}`, nameField: 'name' });
    });
    for (const { ref, path, nameField } of sources) {
      const name = ref[nameField];
      if (!name) continue;
      const optional = ref.optional === true;
      out.push({ name, optional, path, nameField, envFrom: false });
      (ref.items ?? []).forEach((item, k) => out.push({ name, key: item.key, optional, path: fieldPath(`${path}.items`, k), nameField, envFrom: false, item: true }));
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

/** The objects of one kind, indexed once: by `namespace/name`, and the namespaces each name is in. */
export class ReferenceIndex {
  private readonly byId = new Map<string, Set<string> | undefined>();
  private readonly namespaces = new Map<string, string[]>();

  constructor(targets: Iterable<ReferenceTarget>) {
    for (const t of targets) {
      const ns = namespaceOf(t.namespace);
      const id = `${ns}/${t.name}`;
      const known = this.byId.has(id) ? this.byId.get(id) : new Set<string>();
      this.byId.set(id, t.keys === undefined || known === undefined ? undefined : new Set([...known, ...t.keys]));
      this.namespaces.set(t.name, [...(this.namespaces.get(t.name) ?? []), ns]);
    }
  }

  /** Whether `name` is known in `namespace`. */
  has(namespace: string, name: string): boolean {
    return this.byId.has(`${namespace}/${name}`);
  }

  /** Its keys, when known. */
  keysOf(namespace: string, name: string): Set<string> | undefined {
    return this.byId.get(`${namespace}/${name}`);
  }

  /** The other namespaces `name` is in. */
  elsewhere(namespace: string, name: string): string[] {
    return (this.namespaces.get(name) ?? []).filter((ns) => ns !== namespace);
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

/** What {@link checkReferences} needs to know about one kind. */
export interface ReferenceCheck {
  readonly fields: ReferenceFields;
  readonly rules: ReferenceRules;
  /** Whether an `items[]` entry of an absent object is reported too, or only its volume source. */
  readonly reportAbsentItems: boolean;
  /** More findings per pod, given the index (e.g. `$(VAR)` that `envFrom` keys define). */
  readonly perPod?: (pod: PodLike, base: string, podNamespace: string, index: ReferenceIndex) => Violation[];
}

/**
 * The cross-object check of one kind over a set of objects (an app, or linted files). Without `externals`,
 * references to objects absent from the set are not reported: only a caller that knows the declared external
 * objects can tell "outside the app" from "missing". Linear: the targets are indexed once.
 */
export function checkReferences(
  objects: readonly KubeObject[],
  index: ReferenceIndex,
  check: ReferenceCheck,
  externalsDeclared: boolean,
  version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION,
): Finding[] {
  const out: Finding[] = [];
  objects.forEach((obj, i) => {
    const found = podSpecOf(obj);
    if (!found) return;
    const podNs = namespaceOf(obj.metadata?.namespace);
    const object = { kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace, index: i };
    const report = (v: Violation) => out.push({ object, violation: v });
    for (const v of check.perPod?.(found.pod, found.base, podNs, index) ?? []) report(v);
    for (const ref of referencesOf(found.pod, found.base, check.fields)) {
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
  });
  return out;
}
