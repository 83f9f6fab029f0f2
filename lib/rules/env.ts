/**
 * Environment variables of containers: `env` and `envFrom` as the API server validates them (`ValidateEnv`,
 * `validateEnvVarValueFrom`, `ValidateEnvFrom` in pkg/apis/core/validation/validation.go).
 *
 * "コンテナに環境変数を設定するには、設定ファイルに`env`または`envFrom`フィールドを設定します"; a variable has a `value` or a
 * `valueFrom` with exactly one source, a downward-API `fieldRef` names one of the fields the API exposes to
 * environment variables, and a `resourceFieldRef` one of the container's requests or limits. Names follow the
 * strict rule (`[-._a-zA-Z][-._a-zA-Z0-9]*`) until Kubernetes 1.32 turned on RelaxedEnvironmentVariableValidation
 * (any printable ASCII but `=`), so the name rules follow the target version.
 * https://kubernetes.io/ja/docs/tasks/inject-data-application/define-environment-variable-container/
 */
import { configMapKeyErrors, envVarNameErrors } from '../configmap/keys';
import { REFERENCE, docsUrl } from '../docs';
import { containersOf, type Container, type PodLike } from '../k8s';
import { featureEnabled, targetVersion, type KubernetesVersion, type RuleOptions } from '../kubernetes-version';
import { dns1123SubdomainErrors, qualifiedNameErrors } from '../names';
import { Quantity } from '../quantity';
import { fieldPath } from '../path';
import { listedObjects } from './listed';
import { defineRule, goQuote, type Violation } from '../violation';

const ENV = 'https://kubernetes.io/ja/docs/tasks/inject-data-application/define-environment-variable-container/';
const DOWNWARD = 'https://kubernetes.io/ja/docs/tasks/inject-data-application/environment-variable-expose-pod-information/';
const ENV_FROM = 'https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/#configmapの全てのキーバリューペアをコンテナ環境変数として構成する';
const SECRET_ENV = REFERENCE.secretEnv;
const CONFIG_MAP_ENV = docsUrl('configure-pod-configmap', 'configmapデータを使用してコンテナ環境変数を定義する');

/** `validEnvDownwardAPIFieldPathExpressions`: the pod fields an env var's `fieldRef` may name (besides subscripted labels and annotations). */
export const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
] as const;

/** Field labels `ConvertDownwardAPIFieldLabel` accepts for `v1` (the volume form accepts more of them than env vars). */
const CONVERTIBLE_FIELD_LABELS: ReadonlySet<string> = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP',
  'status.hostIPs', 'status.podIP', 'status.podIPs', 'spec.host',
]);

/** `validContainerResourceFieldPathExpressions`, sorted as the API server prints them; `requests.hugepages-*` and `limits.hugepages-*` are accepted too. */
export const ENV_RESOURCE_FIELDS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'] as const;
const HUGEPAGES_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'] as const;

const CPU_DIVISORS: ReadonlySet<string> = new Set(['1m', '1']);
const BYTE_DIVISORS: ReadonlySet<string> = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);
const BYTE_DIVISOR_LIST = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

/** apimachinery `IsRelaxedEnvVarName`'s message. */
export const RELAXED_ENV_VAR_NAME_MESSAGE = "a valid environment variable name must consist only of printable ASCII characters other than '='";

const quoteAll = (values: readonly string[]) => values.map(goQuote).join(', ');

export const envRules = {
  nameRequired: defineRule('env/name-required', ENV, () => 'Required value'),
  nameInvalid: defineRule('env/name-invalid', ENV, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  sourceRequired: defineRule(
    'env/value-from-source-required',
    ENV,
    () => 'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
  ),
  valueAndValueFrom: defineRule('env/value-and-value-from', ENV, () => 'Invalid value: "": may not be specified when `value` is not empty'),
  multipleSources: defineRule('env/value-from-multiple-sources', ENV, () => 'Invalid value: "": may not have more than one field specified at a time'),
  fieldPathRequired: defineRule('env/field-path-required', DOWNWARD, () => 'Required value'),
  fieldPathNotConvertible: defineRule(
    'env/field-path-invalid',
    DOWNWARD,
    (fieldPathValue: string, error: string) => `Invalid value: ${goQuote(fieldPathValue)}: error converting fieldPath: ${error}`,
  ),
  fieldPathUnsupported: defineRule(
    'env/field-path-unsupported',
    DOWNWARD,
    (fieldPathValue: string) => `Unsupported value: ${goQuote(fieldPathValue)}: supported values: ${quoteAll(ENV_FIELD_PATHS)}`,
  ),
  fieldPathSubscriptInvalid: defineRule('env/field-path-subscript-invalid', DOWNWARD, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  resourceRequired: defineRule('env/resource-required', DOWNWARD, () => 'Required value'),
  resourceUnsupported: defineRule(
    'env/resource-unsupported',
    DOWNWARD,
    (resource: string) => `Unsupported value: ${goQuote(resource)}: supported values: ${quoteAll(ENV_RESOURCE_FIELDS)}`,
  ),
  divisorUnsupported: defineRule(
    'env/divisor-unsupported',
    DOWNWARD,
    (resource: string, allowed: string, kind: string) => `Invalid value: ${goQuote(resource)}: only divisor's values ${allowed} are supported with the ${kind} resource`,
  ),
  envFromSourceRequired: defineRule('env/env-from-source-required', ENV_FROM, () => 'Invalid value: "": must specify one of: `configMapRef` or `secretRef`'),
  envFromMultipleSources: defineRule('env/env-from-multiple-sources', ENV_FROM, () => 'Invalid value: "": may not have more than one field specified at a time'),
  prefixInvalid: defineRule('env/prefix-invalid', ENV_FROM, (prefix: string, detail: string) => `Invalid value: ${goQuote(prefix)}: ${detail}`),
  /** A Secret name in `secretKeyRef` or `envFrom[].secretRef` that is no DNS subdomain. */
  refNameInvalid: defineRule('env/ref-name-invalid', SECRET_ENV, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  /** A ConfigMap name in `configMapKeyRef` or `envFrom[].configMapRef` that is no DNS subdomain (linked to the ConfigMap page). */
  configMapRefNameInvalid: defineRule('env/config-map-ref-name-invalid', CONFIG_MAP_ENV, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  secretKeyRequired: defineRule('env/secret-key-ref-key-required', SECRET_ENV, () => 'Required value'),
  secretKeyInvalid: defineRule('env/secret-key-ref-key-invalid', SECRET_ENV, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  secretRefNameRequired: defineRule('env/secret-ref-name-required', SECRET_ENV, () => 'Required value'),
};

/**
 * `NameIsDNSSubdomain(name, prefix)`: with `prefix` (an envFrom reference, validated as a name prefix) a trailing
 * dash is allowed, as in a `generateName`.
 */
function refNameErrors(name: string, prefix: boolean): string[] {
  return dns1123SubdomainErrors(prefix && name.endsWith('-') ? `${name.slice(0, -1)}a` : name);
}

/**
 * The name and key of a `configMapKeyRef` or `secretKeyRef` (`validateConfigMapKeySelector`,
 * `validateSecretKeySelector`): the name is validated as a DNS subdomain even when empty (the API server has no
 * "Required value" for it), the key is required and a ConfigMap key. A ConfigMap selector's key is the config-map
 * rules' (`config-map/ref-key-*`).
 */
function checkKeySelector(ref: { name?: unknown; key?: unknown }, at: string, secret: boolean): Violation[] {
  const out: Violation[] = [];
  const name = typeof ref.name === 'string' ? ref.name : '';
  const rule = secret ? envRules.refNameInvalid : envRules.configMapRefNameInvalid;
  for (const detail of refNameErrors(name, false)) out.push(rule.at(`${at}.name`, name, detail));
  if (!secret) return out;
  const key = typeof ref.key === 'string' ? ref.key : '';
  if (key === '') out.push(envRules.secretKeyRequired.at(`${at}.key`));
  else for (const detail of configMapKeyErrors(key)) out.push(envRules.secretKeyInvalid.at(`${at}.key`, key, detail));
  return out;
}

/** apimachinery `IsRelaxedEnvVarName`: non-empty, printable ASCII, no `=`. */
export function relaxedEnvVarNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length === 0) errs.push('environment variable name must be non-empty');
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x3d) {
      errs.push(RELAXED_ENV_VAR_NAME_MESSAGE);
      break;
    }
  }
  return errs;
}

/** The env var name rule of `version`: relaxed from 1.32 (RelaxedEnvironmentVariableValidation on by default), strict before. */
export function envVarNameErrorsFor(name: string, version: KubernetesVersion): string[] {
  return featureEnabled('RelaxedEnvironmentVariableValidation', version) ? relaxedEnvVarNameErrors(name) : envVarNameErrors(name);
}

/** `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['app']` → `['metadata.labels', 'app']`. */
function splitSubscript(path: string): [string, string] | undefined {
  if (!path.endsWith("']")) return undefined;
  const s = path.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

/** The findings of a `fieldRef` (`validateObjectFieldSelector`): where it is used decides the fields it may name and the rules that report it. */
export interface FieldSelectorRules {
  /** The fields it may name without a subscript, sorted as the API server lists them. */
  readonly expressions: readonly string[];
  readonly required: (path: string) => Violation;
  readonly notConvertible: (path: string, fieldPath: string, error: string) => Violation;
  readonly unsupported: (path: string, fieldPath: string) => Violation;
  readonly subscriptInvalid: (path: string, key: string, detail: string) => Violation;
}

const ENV_FIELD_SELECTOR: FieldSelectorRules = {
  expressions: ENV_FIELD_PATHS,
  required: (path) => envRules.fieldPathRequired.at(path),
  notConvertible: (path, fp, error) => envRules.fieldPathNotConvertible.at(path, fp, error),
  unsupported: (path, fp) => envRules.fieldPathUnsupported.at(path, fp),
  subscriptInvalid: (path, key, detail) => envRules.fieldPathSubscriptInvalid.at(path, key, detail),
};

/** `validateObjectFieldSelector` of a `fieldRef` at `at`, with the fields and rules of where it is used. */
export function checkFieldSelector(ref: { apiVersion?: string; fieldPath?: string }, at: string, rules: FieldSelectorRules): Violation[] {
  const fp = ref.fieldPath;
  if (typeof fp !== 'string' || fp === '') return [rules.required(`${at}.fieldPath`)];
  // an empty apiVersion is defaulted to v1 before validation
  const apiVersion = ref.apiVersion || 'v1';
  if (apiVersion !== 'v1') return [rules.notConvertible(`${at}.fieldPath`, fp, `unsupported pod version: ${apiVersion}`)];
  const sub = splitSubscript(fp);
  if (sub) {
    const [path, key] = sub;
    if (path !== 'metadata.annotations' && path !== 'metadata.labels') return [rules.notConvertible(`${at}.fieldPath`, fp, `field label does not support subscript: ${fp}`)];
    const name = path === 'metadata.annotations' ? key.toLowerCase() : key;
    return qualifiedNameErrors(name).map((detail) => rules.subscriptInvalid(at, name, detail));
  }
  if (!CONVERTIBLE_FIELD_LABELS.has(fp)) return [rules.notConvertible(`${at}.fieldPath`, fp, `field label not supported: ${fp}`)];
  const internal = fp === 'spec.host' ? 'spec.nodeName' : fp;
  return rules.expressions.includes(internal) ? [] : [rules.unsupported(`${at}.fieldPath`, internal)];
}

function checkFieldRef(ref: { apiVersion?: string; fieldPath?: string }, at: string): Violation[] {
  return checkFieldSelector(ref, at, ENV_FIELD_SELECTOR);
}

function checkResourceFieldRef(ref: { resource?: string; divisor?: string | number }, at: string): Violation[] {
  const out: Violation[] = [];
  const resource = typeof ref.resource === 'string' ? ref.resource : '';
  if (resource === '') out.push(envRules.resourceRequired.at(`${at}.resource`));
  else if (!(ENV_RESOURCE_FIELDS as readonly string[]).includes(resource) && !HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p)))
    out.push(envRules.resourceUnsupported.at(`${at}.resource`, resource));
  if (ref.divisor === undefined || ref.divisor === null) return out;
  const parsed = Quantity.tryParse(ref.divisor);
  if (!parsed.ok || parsed.quantity.isZero()) return out; // a malformed quantity fails decoding: the resources rules' concern
  const divisor = parsed.quantity.toString();
  const check = (allowed: ReadonlySet<string>, list: string, kind: string) => {
    if (!allowed.has(divisor)) out.push(envRules.divisorUnsupported.at(`${at}.divisor`, resource, list, kind));
  };
  if (resource === 'limits.cpu' || resource === 'requests.cpu') check(CPU_DIVISORS, '1m and 1', 'cpu');
  else if (resource === 'limits.memory' || resource === 'requests.memory') check(BYTE_DIVISORS, BYTE_DIVISOR_LIST, 'memory');
  else if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') check(BYTE_DIVISORS, BYTE_DIVISOR_LIST, 'local ephemeral storage');
  if (HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p))) check(BYTE_DIVISORS, BYTE_DIVISOR_LIST, 'hugepages');
  return out;
}

const isSet = (v: unknown) => v !== undefined && v !== null;

/** Checks one container's `env` and `envFrom` at `at` (`spec.containers[0]`). */
export function checkContainerEnv(container: Container, at: string, version: KubernetesVersion): Violation[] {
  const out: Violation[] = [];
  // a `null` entry is decoded as an empty one (its name is then required), as the API server decodes it
  const env = listedObjects(container.env);
  for (let i = 0; i < env.length; i++) {
    const ev = env[i];
    if (typeof ev !== 'object') continue;
    // the entry's path (`fieldPath(`${at}.env`, i)`) is built for a finding or a valueFrom only: most entries are a name and a value
    if (typeof ev.name !== 'string' || ev.name === '') out.push(envRules.nameRequired.at(`${at}.env[${i}].name`));
    else for (const detail of envVarNameErrorsFor(ev.name, version)) out.push(envRules.nameInvalid.at(`${at}.env[${i}].name`, ev.name, detail));
    const from = ev.valueFrom;
    if (!isSet(from) || typeof from !== 'object') continue;
    const vf = `${at}.env[${i}].valueFrom`;
    let sources = 0;
    if (isSet(from.fieldRef)) {
      sources++;
      for (const v of checkFieldRef(from.fieldRef!, `${vf}.fieldRef`)) out.push(v);
    }
    if (isSet(from.resourceFieldRef)) {
      sources++;
      for (const v of checkResourceFieldRef(from.resourceFieldRef!, `${vf}.resourceFieldRef`)) out.push(v);
    }
    if (isSet(from.configMapKeyRef)) {
      sources++;
      if (typeof from.configMapKeyRef === 'object') for (const v of checkKeySelector(from.configMapKeyRef!, `${vf}.configMapKeyRef`, false)) out.push(v);
    }
    if (isSet(from.secretKeyRef)) {
      sources++;
      if (typeof from.secretKeyRef === 'object') for (const v of checkKeySelector(from.secretKeyRef!, `${vf}.secretKeyRef`, true)) out.push(v);
    }
    if (sources === 0) out.push(envRules.sourceRequired.at(vf));
    else if (typeof ev.value === 'string' && ev.value.length > 0) out.push(envRules.valueAndValueFrom.at(vf));
    else if (sources > 1) out.push(envRules.multipleSources.at(vf));
  }
  const envFrom = listedObjects(container.envFrom);
  for (let i = 0; i < envFrom.length; i++) {
    const src = envFrom[i];
    if (typeof src !== 'object') continue;
    if (typeof src.prefix === 'string' && src.prefix.length > 0)
      for (const detail of envVarNameErrorsFor(src.prefix, version)) out.push(envRules.prefixInvalid.at(`${fieldPath(`${at}.envFrom`, i)}.prefix`, src.prefix, detail));
    const sources = (isSet(src.configMapRef) ? 1 : 0) + (isSet(src.secretRef) ? 1 : 0);
    // `validateConfigMapEnvSource` / `validateSecretEnvSource`: names validated as prefixes (a trailing dash is fine);
    // an empty ConfigMap name is config-map/ref-name-required
    for (const [field, secret] of [['configMapRef', false], ['secretRef', true]] as const) {
      const ref = src[field];
      if (!isSet(ref) || typeof ref !== 'object') continue;
      const at2 = `${fieldPath(`${at}.envFrom`, i)}.${field}.name`;
      const name = typeof ref.name === 'string' ? ref.name : '';
      if (name === '') {
        if (secret) out.push(envRules.secretRefNameRequired.at(at2));
      } else for (const detail of refNameErrors(name, true)) out.push((secret ? envRules.refNameInvalid : envRules.configMapRefNameInvalid).at(at2, name, detail));
    }
    // reported on the list, not on the entry, as the API server does
    if (sources === 0) out.push(envRules.envFromSourceRequired.at(`${at}.envFrom`));
    else if (sources > 1) out.push(envRules.envFromMultipleSources.at(`${at}.envFrom`));
  }
  return out;
}

/** The pod check: {@link checkContainerEnv} for every container, at the target version. */
export function checkEnv(pod: PodLike, base = 'spec', options: RuleOptions = {}): Violation[] {
  const version = targetVersion(options);
  const out: Violation[] = [];
  for (const { container, rel } of containersOf(pod.spec)) {
    if (container.env?.length || container.envFrom?.length) for (const v of checkContainerEnv(container, `${base}.${rel}`, version)) out.push(v);
  }
  return out;
}
