/**
 * ConfigMaps and the containers that consume them.
 *
 * "The ConfigMap must exist before it is referenced in a Pod spec (unless the reference is marked optional)";
 * "If you reference a key that does not exist in the ConfigMap, the Pod won't start"; "Pods can only reference
 * ConfigMaps in the same namespace"; with `envFrom`, "keys that are considered invalid environment variable names
 * are skipped" (an `InvalidVariableNames` event). Keys must be valid ConfigMap keys and the data is limited to 1 MiB.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/
 */
import { configMapKeyErrors } from '../configmap/keys';
import { REFERENCE, docsUrl } from '../docs';
import { containersOf, type ConfigMapObject, type Container, type KubeObject, type PodLike } from '../k8s';
import { targetVersion, type RuleOptions } from '../kubernetes-version';
import { fieldKey, fieldPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import type { Finding } from './finding';
import { runAppCheck, type ExternalConfigMapRef, type StreamingAppCheck } from './app-check';
import { referenceAppCheck, type ReferenceCheck } from './references';
import { listed, listedObjects } from './listed';

const RESTRICTIONS = docsUrl('configure-pod-configmap', '制限事項');
const ENV = docsUrl('configure-pod-configmap', 'configmapデータを使用してコンテナ環境変数を定義する');
const COMMAND = docsUrl('configure-pod-configmap', 'podのコマンドでconfigmapに定義した環境変数を使用する');

/** `core.MaxSecretSize`, the limit on a ConfigMap's data plus binaryData. */
export const MAX_CONFIG_MAP_BYTES = 1024 * 1024;

export const configMapRules = {
  /** An input kubectl or kustomize would refuse (a duplicate key, an invalid env-file line, a missing file …), in the tool's words. */
  sourceInvalid: defineRule('config-map/source-invalid', docsUrl('configure-pod-configmap', 'configmapを作成する'), (detail: string) => detail),
  keyInvalid: defineRule('config-map/key-invalid', REFERENCE.configMap, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  keyInBoth: defineRule('config-map/key-in-data-and-binary-data', REFERENCE.configMap, (key: string) => `Invalid value: ${goQuote(key)}: duplicate of key present in binaryData`),
  tooLong: defineRule('config-map/too-long', REFERENCE.configMap, (max: number) => `Too long: must have at most ${max} bytes`),
  refNameRequired: defineRule('config-map/ref-name-required', ENV, () => 'Required value'),
  refKeyRequired: defineRule('config-map/ref-key-required', ENV, () => 'Required value'),
  refKeyInvalid: defineRule('config-map/ref-key-invalid', ENV, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  undefinedVariable: defineRule(
    'config-map/undefined-variable',
    COMMAND,
    (name: string) => `$(${name}) refers to no variable defined in env: Kubernetes leaves it unexpanded (podkit warning)`,
    'warning',
  ),
  notFound: defineRule('config-map/not-found', RESTRICTIONS, (ref: string) => `ConfigMap ${goQuote(ref)} is neither in the app nor declared external, and the reference is not optional`),
  otherNamespace: defineRule(
    'config-map/other-namespace',
    RESTRICTIONS,
    (name: string, podNs: string, found: string) => `ConfigMap ${goQuote(name)} is in namespace ${goQuote(found)}, not in the pod's namespace ${goQuote(podNs)}: pods can only reference ConfigMaps in their own namespace`,
  ),
  keyNotFound: defineRule(
    'config-map/key-not-found',
    RESTRICTIONS,
    (key: string, name: string) => `key ${goQuote(key)} is not in ConfigMap ${goQuote(name)}: the Pod will not start unless the reference is optional`,
  ),
  envFromInvalidKey: defineRule(
    'config-map/env-from-invalid-key',
    RESTRICTIONS,
    (key: string, name: string, variable: string = key) =>
      variable === key
        ? `key ${goQuote(key)} of ConfigMap ${goQuote(name)} is not a valid environment variable name: Kubernetes skips it (InvalidVariableNames)`
        : `key ${goQuote(key)} of ConfigMap ${goQuote(name)} with the prefix makes ${goQuote(variable)}, not a valid environment variable name: Kubernetes skips it (InvalidVariableNames)`,
    'warning',
  ),
};

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Checks a ConfigMap object: keys, no key in both maps, the 1 MiB limit. Other kinds pass. */
export function checkConfigMap(obj: KubeObject): Violation[] {
  if (obj.kind !== 'ConfigMap') return [];
  const cm = obj as ConfigMapObject;
  const out: Violation[] = [];
  let size = 0;
  // keys are reported at `data[key]` and `binaryData[key]`, always bracketed: `field.NewPath("data").Key(key)` and
  // `field.NewPath("binaryData").Key(key)` in ValidateConfigMap, pkg/apis/core/validation/validation.go (v1.31.1 lines 6632, 6637, 6643)
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    for (const detail of configMapKeyErrors(key)) out.push(configMapRules.keyInvalid.at(fieldKey('data', key), key, detail));
    if (cm.binaryData && typeof cm.binaryData === 'object' && key in cm.binaryData) out.push(configMapRules.keyInBoth.at(fieldKey('data', key), key));
    size += byteLength(String(value));
  }
  for (const [key, value] of Object.entries(cm.binaryData ?? {})) {
    for (const detail of configMapKeyErrors(key)) out.push(configMapRules.keyInvalid.at(fieldKey('binaryData', key), key, detail));
    size += Buffer.from(String(value), 'base64').length;
  }
  if (size > MAX_CONFIG_MAP_BYTES) out.push(configMapRules.tooLong.at('', MAX_CONFIG_MAP_BYTES));
  return out;
}

/**
 * `$(VAR)` references in a string, as Kubernetes expands them (third_party/forked/golang/expansion): `$$`
 * escapes a `$`, an unterminated `$(` is literal text, and `$(anything)` up to the first `)` names a variable,
 * which is replaced when the container defines it and left as written when not.
 */
export function variableReferences(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$') continue;
    if (s[i + 1] === '$') {
      i++;
      continue;
    }
    if (s[i + 1] === '(') {
      const end = s.indexOf(')', i + 2);
      if (end < 0) break;
      out.push(s.slice(i + 2, end));
      i = end;
    }
  }
  return out;
}

/**
 * Whether an undefined `$(NAME)` is worth a warning: NAME looks like an environment variable (upper-case
 * letters, digits and `_`, not starting with a digit, the POSIX convention for environment variables). Anything
 * else left unexpanded is, in practice, shell command substitution in an `sh -c` script (`$(date)`,
 * `$(hostname -f)`, `$((n + 1))`), which Kubernetes passes through untouched, as intended.
 */
export function looksLikeVariableName(name: string): boolean {
  return /^[A-Z_][A-Z0-9_]*$/.test(name);
}

/**
 * Checks one container's use of ConfigMaps that needs no other object: the selector fields, and `$(VAR)`
 * in command/args naming a variable the container does not define (checked only when it has no `envFrom`,
 * whose keys are known only with the ConfigMap: see {@link checkConfigMapReferences}).
 */
export function checkContainerConfigMapUse(container: Container, at: string): Violation[] {
  const out: Violation[] = [];
  const env = listedObjects(container.env);
  for (let i = 0; i < env.length; i++) {
    const ref = env[i]!.valueFrom?.configMapKeyRef;
    if (!ref) continue;
    // paths are built only for a violation: this runs for every env var of every container
    const base = () => `${fieldPath(`${at}.env`, i)}.valueFrom.configMapKeyRef`;
    if (!ref.key) out.push(configMapRules.refKeyRequired.at(`${base()}.key`));
    else if (!VALID_KEYS.has(ref.key)) {
      const errors = configMapKeyErrors(ref.key);
      if (errors.length === 0 && VALID_KEYS.size < 4096) VALID_KEYS.add(ref.key);
      for (const detail of errors) out.push(configMapRules.refKeyInvalid.at(`${base()}.key`, ref.key, detail));
    }
  }
  listedObjects(container.envFrom).forEach((src, i) => {
    if (src.configMapRef && !src.configMapRef.name) out.push(configMapRules.refNameRequired.at(`${fieldPath(`${at}.envFrom`, i)}.configMapRef.name`));
  });
  if (!container.envFrom?.length) {
    let defined: Set<string> | undefined;
    for (const field of ['command', 'args'] as const) {
      listed(container[field]).forEach((s, i) => {
        if (typeof s !== 'string' || !s.includes('$(')) return;
        defined ??= new Set(env.map((e) => e.name));
        for (const name of variableReferences(s)) if (!defined.has(name) && looksLikeVariableName(name)) out.push(configMapRules.undefinedVariable.at(fieldPath(`${at}.${field}`, i), name));
      });
    }
  }
  return out;
}

/** Keys `configMapKeyErrors` found valid (a function of the key alone), bounded. */
const VALID_KEYS = new Set<string>();

/** The pod check: {@link checkContainerConfigMapUse} for every container. */
export function checkConfigMapUse(pod: PodLike, base = 'spec'): Violation[] {
  const out: Violation[] = [];
  for (const { container, rel } of containersOf(pod.spec)) {
    if (container.env?.length || container.envFrom?.length || container.command?.length || container.args?.length) out.push(...checkContainerConfigMapUse(container, `${base}.${rel}`));
  }
  return out;
}

export type { ExternalConfigMapRef } from './app-check';


/** The `$(VAR)` uses of one container with `envFrom`, kept until the ConfigMaps' keys are known. */
interface EnvFromVariables {
  /** The ConfigMap of each `envFrom` source (undefined: not a ConfigMap, its keys are never known) and its prefix. */
  readonly sources: readonly { readonly name: string | undefined; readonly prefix: string | undefined }[];
  /** Each `$(NAME)` of command/args that env does not define and looks like a variable, with its path. */
  readonly uses: readonly { readonly path: string; readonly name: string }[];
}

/**
 * `$(VAR)` in command/args of containers that use `envFrom` (the pod check skips them), taken from the pod as
 * read: undefined when there are none. Checked once the ConfigMaps are known ({@link undefinedVariablesWithEnvFrom}).
 */
function envFromVariables(pod: PodLike, base: string): EnvFromVariables[] | undefined {
  let out: EnvFromVariables[] | undefined;
  for (const { container, rel } of containersOf(pod.spec)) {
    if (!container.envFrom?.length) continue;
    const defined = new Set(listedObjects(container.env).map((e) => e.name));
    const uses: { path: string; name: string }[] = [];
    for (const field of ['command', 'args'] as const) {
      listed(container[field]).forEach((s, i) => {
        for (const name of variableReferences(s)) if (!defined.has(name) && looksLikeVariableName(name)) uses.push({ path: fieldPath(`${base}.${rel}.${field}`, i), name });
      });
    }
    if (uses.length === 0) continue;
    (out ??= []).push({ sources: container.envFrom.map((src) => ({ name: src.configMapRef?.name || undefined, prefix: src.prefix })), uses });
  }
  return out;
}

/**
 * The `$(VAR)` uses of {@link envFromVariables} that no variable defines: checked only when every `envFrom`
 * source is a ConfigMap with known keys; the variables are then the env names plus those keys (with the prefix).
 */
function undefinedVariablesWithEnvFrom(containers: readonly EnvFromVariables[], keysOf: (name: string) => Set<string> | undefined): Violation[] {
  const out: Violation[] = [];
  for (const { sources, uses } of containers) {
    const defined = new Set<string>();
    let known = true;
    for (const src of sources) {
      const keys = src.name ? keysOf(src.name) : undefined;
      if (!keys) {
        known = false;
        break;
      }
      for (const k of keys) defined.add(`${src.prefix ?? ''}${k}`);
    }
    if (!known) continue;
    for (const { path, name } of uses) if (!defined.has(name)) out.push(configMapRules.undefinedVariable.at(path, name));
  }
  return out;
}

/**
 * Cross-object check over a set of objects (an app, or linted files): every ConfigMap reference of every pod
 * resolves to a ConfigMap of the set in the pod's namespace (an unset namespace counts as `default`), or to
 * one of `externals`; the referenced key exists; `envFrom` imports only valid variable names. Without
 * `externals` (`undefined`), references to ConfigMaps absent from the set are not reported: only a caller
 * that knows the declared external ConfigMaps can tell "outside the app" from "missing". `$(VAR)` in
 * containers with `envFrom` is checked here, where the imported keys are known.
 * Linear: the ConfigMaps are indexed once.
 */
export function checkConfigMapReferences(objects: readonly KubeObject[], externals?: readonly ExternalConfigMapRef[], options: RuleOptions = {}): Finding[] {
  return runAppCheck(configMapAppCheck({ ...options, configMapExternals: externals }), objects);
}

/** {@link checkConfigMapReferences} fed one object at a time, with `context.configMapExternals`. */
export const configMapAppCheck: StreamingAppCheck = (context) => {
  const externals = context?.configMapExternals;
  return referenceAppCheck(CONFIG_MAP_REFERENCES, externals?.map((ext) => ({ namespace: ext.namespace, name: ext.name, keys: ext.keys })), targetVersion(context ?? {}));
};

/** ConfigMap references: their fields, this area's rules, and `$(VAR)` checked where `envFrom` keys are known. */
const CONFIG_MAP_REFERENCES: ReferenceCheck = {
  fields: { keyRef: 'configMapKeyRef', envFromRef: 'configMapRef', volume: 'configMap', volumeNameField: 'name' },
  rules: {
    otherNamespace: (path, name, podNs, other) => configMapRules.otherNamespace.at(path, name, podNs, other),
    notFound: (path, id) => configMapRules.notFound.at(path, id),
    keyNotFound: (path, key, name) => configMapRules.keyNotFound.at(path, key, name),
    envFromInvalidKey: (path, key, name, variable) => configMapRules.envFromInvalidKey.at(path, key, name, variable),
  },
  reportAbsentItems: true,
  targetOf: (obj) => {
    if (obj.kind !== 'ConfigMap' || !obj.metadata?.name) return undefined;
    const cm = obj as ConfigMapObject;
    const keys = Object.keys(cm.data ?? {});
    return { namespace: obj.metadata.namespace, name: obj.metadata.name, keys: cm.binaryData ? [...keys, ...Object.keys(cm.binaryData)] : keys };
  },
  perPod: (pod, base) => {
    const containers = envFromVariables(pod, base);
    return containers && ((podNs, index) => undefinedVariablesWithEnvFrom(containers, (name) => index.keysOf(podNs, name)));
  },
};
