/**
 * Key syntaxes of apimachinery's `validation` package, with its exact messages: `IsConfigMapKey` (keys of
 * a ConfigMap's data and binaryData) and `IsEnvVarName` (keys from env files, names of env vars).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/
 */

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** The longest ConfigMap key (`DNS1123SubdomainMaxLength`). */
export const MAX_CONFIG_MAP_KEY_LENGTH = 253;

/** `hasChDirPrefix`: keys that would become `.`/`..` paths when a ConfigMap is mounted. */
function chDirErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** `IsConfigMapKey`: the messages it returns, empty when the key is valid. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > MAX_CONFIG_MAP_KEY_LENGTH) errs.push(`must be no more than ${MAX_CONFIG_MAP_KEY_LENGTH} characters`);
  if (!CONFIG_MAP_KEY.test(key))
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  return [...errs, ...chDirErrors(key)];
}

/** `IsEnvVarName` (strict mode, the default): the messages it returns, empty when the name is valid. */
export function envVarNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME.test(name))
    errs.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  return [...errs, ...chDirErrors(name)];
}

/** Whether `key` is a valid ConfigMap key. */
export function isConfigMapKey(key: string): boolean {
  return configMapKeyErrors(key).length === 0;
}

/** Whether `name` is a valid environment variable name (what `envFrom` imports; other keys are skipped). */
export function isEnvVarName(name: string): boolean {
  return envVarNameErrors(name).length === 0;
}
