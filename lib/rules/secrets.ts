/**
 * Secrets and the pods that consume them.
 *
 * The API server's `ValidateSecret`: every key of `data` is a valid ConfigMap key, the data is at most 1 MiB,
 * and the built-in types need their keys (`kubernetes.io/tls`: `tls.crt` and `tls.key`;
 * `kubernetes.io/dockerconfigjson`: `.dockerconfigjson`; …). As for ConfigMaps, a Pod does not start while a
 * Secret it references (by `secretKeyRef`, `envFrom.secretRef`, a `secret` volume or a projected `secret`
 * source) or a key it names is missing, unless the reference is optional; Secrets are namespaced like the pod.
 * No message here quotes a Secret value.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-projected-volume-storage/
 */
import { configMapKeyErrors, isEnvVarName } from '../configmap/keys';
import { docsUrl } from '../docs';
import { containersOf, podSpecOf, type KubeObject, type PodLike } from '../k8s';
import { fieldPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import type { Finding } from './app';

const PAGE = docsUrl('configure-projected-volume-storage');
const STEPS = docsUrl('configure-projected-volume-storage', 'projectedボリュームをpodに設定する');

/** `core.MaxSecretSize`. */
export const MAX_SECRET_BYTES = 1024 * 1024;

/** The keys each built-in Secret type requires (`ValidateSecret`); basic-auth needs one of its two. */
export const SECRET_TYPE_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/basic-auth': ['username', 'password'],
};

export const secretRules = {
  /** An input kubectl or kustomize would refuse, in the tool's words, with any value left out. */
  sourceInvalid: defineRule('secret/source-invalid', STEPS, (detail: string) => detail),
  keyInvalid: defineRule('secret/key-invalid', PAGE, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  tooLong: defineRule('secret/too-long', PAGE, (max: number) => `Too long: must have at most ${max} bytes`),
  typeKeyRequired: defineRule('secret/type-key-required', PAGE, () => 'Required value'),
  notFound: defineRule('secret/not-found', STEPS, (ref: string) => `Secret ${goQuote(ref)} is neither in the app nor declared external, and the reference is not optional`),
  otherNamespace: defineRule(
    'secret/other-namespace',
    STEPS,
    (name: string, podNs: string, found: string) => `Secret ${goQuote(name)} is in namespace ${goQuote(found)}, not in the pod's namespace ${goQuote(podNs)}: pods can only reference Secrets in their own namespace`,
  ),
  keyNotFound: defineRule(
    'secret/key-not-found',
    STEPS,
    (key: string, name: string) => `key ${goQuote(key)} is not in Secret ${goQuote(name)}: the Pod will not start unless the reference is optional`,
  ),
  envFromInvalidKey: defineRule(
    'secret/env-from-invalid-key',
    STEPS,
    (key: string, name: string) => `key ${goQuote(key)} of Secret ${goQuote(name)} is not a valid environment variable name: Kubernetes skips it (InvalidVariableNames)`,
    'warning',
  ),
};

/** The fields of a Secret these rules read. */
export interface SecretObject extends KubeObject {
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  immutable?: boolean;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys of a Secret: `data` and `stringData` (which the API server merges into `data`). */
export function secretKeys(secret: SecretObject): string[] {
  const keys = new Set<string>();
  for (const m of [secret.data, secret.stringData]) if (isMap(m)) for (const k of Object.keys(m)) keys.add(k);
  return [...keys];
}

/** Checks a Secret object: keys, the 1 MiB limit, the keys its type requires. Other kinds pass. */
export function checkSecret(obj: KubeObject): Violation[] {
  if (obj.kind !== 'Secret') return [];
  const secret = obj as SecretObject;
  const out: Violation[] = [];
  const sizes = new Map<string, number>();
  if (isMap(secret.data)) for (const [k, v] of Object.entries(secret.data)) sizes.set(k, typeof v === 'string' ? Buffer.from(v, 'base64').length : 0);
  if (isMap(secret.stringData)) for (const [k, v] of Object.entries(secret.stringData)) sizes.set(k, typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : 0);
  let total = 0;
  for (const [key, size] of sizes) {
    for (const detail of configMapKeyErrors(key)) out.push(secretRules.keyInvalid.at(fieldPath('data', key), key, detail));
    total += size;
  }
  if (total > MAX_SECRET_BYTES) out.push(secretRules.tooLong.at('data', MAX_SECRET_BYTES));
  const required = secret.type !== undefined ? SECRET_TYPE_KEYS[secret.type] : undefined;
  if (required) {
    const missing = required.filter((k) => !sizes.has(k));
    // basic-auth: username or password may be missing, not both; ssh-auth: the key must be non-empty
    const report = secret.type === 'kubernetes.io/basic-auth' ? (missing.length === 2 ? missing : []) : secret.type === 'kubernetes.io/ssh-auth' ? (sizes.get('ssh-privatekey') ? [] : required) : missing;
    for (const k of report) out.push(secretRules.typeKeyRequired.at(fieldPath('data', k)));
  }
  return out;
}

/** A Secret that lives outside the app (created with kubectl, by another tool), declared explicitly. */
export interface ExternalSecretRef {
  readonly name: string;
  /** @default 'default' */
  readonly namespace?: string;
  /** The keys it is known to hold; when given, key references are checked against them. */
  readonly keys?: readonly string[];
}

interface Reference {
  readonly name: string;
  readonly key?: string;
  readonly optional: boolean;
  /** Path of the selector; its name field is `nameField`. */
  readonly path: string;
  readonly nameField: string;
  readonly envFrom: boolean;
  readonly prefix?: string;
  /** An `items[]` entry: its Secret's absence is reported once, on the volume source. */
  readonly item?: boolean;
}

type SecretSource = { name?: string; secretName?: string; optional?: boolean; items?: { key: string }[] };

function referencesOf(pod: PodLike, base: string): Reference[] {
  const out: Reference[] = [];
  for (const { container, rel } of containersOf(pod.spec)) {
    const at = `${base}.${rel}`;
    (container.env ?? []).forEach((env, i) => {
      const ref = env.valueFrom?.secretKeyRef;
      if (ref?.name) out.push({ name: ref.name, key: ref.key, optional: ref.optional === true, path: `${fieldPath(`${at}.env`, i)}.valueFrom.secretKeyRef`, nameField: 'name', envFrom: false });
    });
    (container.envFrom ?? []).forEach((src, i) => {
      const ref = src.secretRef;
      if (ref?.name) out.push({ name: ref.name, optional: ref.optional === true, path: `${fieldPath(`${at}.envFrom`, i)}.secretRef`, nameField: 'name', envFrom: true, prefix: src.prefix });
    });
  }
  (pod.spec.volumes ?? []).forEach((volume, i) => {
    const vol = fieldPath(`${base}.volumes`, i);
    const sources: { ref: SecretSource; path: string; nameField: string }[] = [];
    if (volume.secret) sources.push({ ref: volume.secret, path: `${vol}.secret`, nameField: 'secretName' });
    (volume.projected?.sources ?? []).forEach((s, j) => {
      if (s.secret) sources.push({ ref: s.secret, path: `${fieldPath(`${vol}.projected.sources`, j)}.secret`, nameField: 'name' });
    });
    for (const { ref, path, nameField } of sources) {
      const name = nameField === 'secretName' ? ref.secretName : ref.name;
      if (!name) continue;
      const optional = ref.optional === true;
      out.push({ name, optional, path, nameField, envFrom: false });
      (ref.items ?? []).forEach((item, k) => out.push({ name, key: item.key, optional, path: fieldPath(`${path}.items`, k), nameField, envFrom: false, item: true }));
    }
  });
  return out;
}

const nsOf = (ns: string | undefined) => ns ?? 'default';

/**
 * Cross-object check over a set of objects (an app, or linted files): every Secret reference of every pod
 * resolves to a Secret of the set in the pod's namespace (an unset namespace counts as `default`) or to one of
 * `externals`; a referenced key exists unless the reference is optional; `envFrom` imports only valid variable
 * names. Without `externals`, references to Secrets absent from the set are not reported (linting files cannot
 * tell "in the cluster" from "missing"). Linear: the Secrets are indexed once.
 */
export function checkSecretReferences(objects: readonly KubeObject[], externals?: readonly ExternalSecretRef[]): Finding[] {
  const byId = new Map<string, Set<string> | undefined>();
  const namespacesOf = new Map<string, string[]>();
  const add = (ns: string, name: string, keys: readonly string[] | undefined) => {
    const id = `${ns}/${name}`;
    const known = byId.has(id) ? byId.get(id) : new Set<string>();
    if (keys === undefined || known === undefined) byId.set(id, undefined);
    else byId.set(id, new Set([...known, ...keys]));
    namespacesOf.set(name, [...(namespacesOf.get(name) ?? []), ns]);
  };
  for (const obj of objects) if (obj.kind === 'Secret' && obj.metadata?.name) add(nsOf(obj.metadata.namespace), obj.metadata.name, secretKeys(obj as SecretObject));
  for (const ext of externals ?? []) add(nsOf(ext.namespace), ext.name, ext.keys);

  const out: Finding[] = [];
  objects.forEach((obj, index) => {
    const found = podSpecOf(obj);
    if (!found) return;
    const podNs = nsOf(obj.metadata?.namespace);
    const object = { kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace, index };
    const report = (v: Violation) => out.push({ object, violation: v });
    for (const ref of referencesOf(found.pod, found.base)) {
      const id = `${podNs}/${ref.name}`;
      if (!byId.has(id)) {
        if (ref.optional || ref.item) continue;
        const elsewhere = (namespacesOf.get(ref.name) ?? []).filter((ns) => ns !== podNs);
        if (elsewhere.length > 0) report(secretRules.otherNamespace.at(`${ref.path}.${ref.nameField}`, ref.name, podNs, elsewhere[0]!));
        else if (externals !== undefined) report(secretRules.notFound.at(`${ref.path}.${ref.nameField}`, id));
        continue;
      }
      const keys = byId.get(id);
      if (!keys) continue;
      if (ref.key !== undefined && !ref.optional && !keys.has(ref.key)) report(secretRules.keyNotFound.at(`${ref.path}.key`, ref.key, ref.name));
      if (ref.envFrom) for (const key of [...keys].sort()) if (!isEnvVarName(`${ref.prefix ?? ''}${key}`)) report(secretRules.envFromInvalidKey.at(ref.path, key, ref.name));
    }
  });
  return out;
}
