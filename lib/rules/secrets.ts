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
import { configMapKeyErrors } from '../configmap/keys';
import { docsUrl } from '../docs';
import type { KubeObject } from '../k8s';
import { targetVersion, type RuleOptions } from '../kubernetes-version';
import { fieldKey } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import type { Finding } from './finding';
import { runAppCheck, type ExternalSecretRef, type StreamingAppCheck } from './app-check';
import { referenceAppCheck, type ReferenceCheck } from './references';

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
    (key: string, name: string, variable: string = key) =>
      variable === key
        ? `key ${goQuote(key)} of Secret ${goQuote(name)} is not a valid environment variable name: Kubernetes skips it (InvalidVariableNames)`
        : `key ${goQuote(key)} of Secret ${goQuote(name)} with the prefix makes ${goQuote(variable)}, not a valid environment variable name: Kubernetes skips it (InvalidVariableNames)`,
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
    // `dataPath.Key(key)` in ValidateSecret (v1.31.1 line 6529): `data[key]`, always bracketed; `stringData` is merged into `data` before validation
    for (const detail of configMapKeyErrors(key)) out.push(secretRules.keyInvalid.at(fieldKey('data', key), key, detail));
    total += size;
  }
  if (total > MAX_SECRET_BYTES) out.push(secretRules.tooLong.at('data', MAX_SECRET_BYTES));
  const required = secret.type !== undefined ? SECRET_TYPE_KEYS[secret.type] : undefined;
  if (required) {
    const missing = required.filter((k) => !sizes.has(k));
    // basic-auth: username or password may be missing, not both; ssh-auth: the key must be non-empty
    const report = secret.type === 'kubernetes.io/basic-auth' ? (missing.length === 2 ? missing : []) : secret.type === 'kubernetes.io/ssh-auth' ? (sizes.get('ssh-privatekey') ? [] : required) : missing;
    // `field.Required(dataPath.Key(...))` in ValidateSecret (v1.31.1 lines 6549, 6560, 6574-6575, 6580, 6586, 6589)
    for (const k of report) out.push(secretRules.typeKeyRequired.at(fieldKey('data', k)));
  }
  return out;
}

export type { ExternalSecretRef } from './app-check';

/**
 * Cross-object check over a set of objects (an app, or linted files): every Secret reference of every pod
 * resolves to a Secret of the set in the pod's namespace (an unset namespace counts as `default`) or to one of
 * `externals`; a referenced key exists unless the reference is optional; `envFrom` imports only valid variable
 * names. Without `externals`, references to Secrets absent from the set are not reported (linting files cannot
 * tell "in the cluster" from "missing"). Linear: the Secrets are indexed once.
 */
export function checkSecretReferences(objects: readonly KubeObject[], externals?: readonly ExternalSecretRef[], options: RuleOptions = {}): Finding[] {
  return runAppCheck(secretAppCheck({ ...options, secretExternals: externals }), objects);
}

/** {@link checkSecretReferences} fed one object at a time, with `context.secretExternals`. */
export const secretAppCheck: StreamingAppCheck = (context) => {
  const externals = context?.secretExternals;
  return referenceAppCheck(SECRET_REFERENCES, externals?.map((ext) => ({ namespace: ext.namespace, name: ext.name, keys: ext.keys })), targetVersion(context ?? {}));
};

/** Secret references: their fields, and this area's rules for them. */
const SECRET_REFERENCES: ReferenceCheck = {
  fields: { keyRef: 'secretKeyRef', envFromRef: 'secretRef', volume: 'secret', volumeNameField: 'secretName' },
  rules: {
    otherNamespace: (path, name, podNs, other) => secretRules.otherNamespace.at(path, name, podNs, other),
    notFound: (path, id) => secretRules.notFound.at(path, id),
    keyNotFound: (path, key, name) => secretRules.keyNotFound.at(path, key, name),
    envFromInvalidKey: (path, key, name, variable) => secretRules.envFromInvalidKey.at(path, key, name, variable),
  },
  // an absent Secret is reported once, on its volume source
  reportAbsentItems: false,
  targetOf: (obj) => (obj.kind === 'Secret' && obj.metadata?.name ? { namespace: obj.metadata.namespace, name: obj.metadata.name, keys: secretKeys(obj as SecretObject) } : undefined),
};
