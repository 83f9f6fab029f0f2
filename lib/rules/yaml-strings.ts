/**
 * String fields that YAML 1.1 turns into something else. kubectl reads `on`, `yes`, `y`, `true` (and `off`, `no`,
 * `n`, `false`) as booleans and `8080`, `0777`, `1e3` as numbers unless quoted; the API server then cannot decode
 * them into the string fields they were meant for: "json: cannot unmarshal bool into Go struct field
 * ConfigMap.data of type string". The wording is Go's decoder's, checked against `kubectl set image --local`
 * (typed decoding, offline). A null is fine: it decodes as the empty string.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/
 */
import { docsUrl } from '../docs';
import { containersOf, podSpecOf, type KubeObject } from '../k8s';
import { featureFieldKnown, targetVersion, type RuleOptions } from '../kubernetes-version';
import { fieldKey } from '../path';
import { defineRule, type Violation } from '../violation';

export const yamlStringRules = {
  stringExpected: defineRule(
    'yaml/string-expected',
    docsUrl('configure-pod-configmap'),
    (jsonType: string, goField: string, goValueType: string, value: string) =>
      `json: cannot unmarshal ${jsonType} into Go struct field ${goField} of type ${goValueType} (the value ${value} is not a string: quote it; unquoted yes/no/on/off/y/n/true/false are booleans and 0777, 0x1F, 1e3 numbers in YAML 1.1)`,
  ),
};

function jsonTypeOf(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'string') return undefined;
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return Array.isArray(value) ? 'array' : 'object';
}

/** The Go decoder's field name: the JSON path without indices or map keys. */
const goPath = (path: string) => path.replace(/\[[^\]]*\]/g, '');

/** Whether a string field's value decodes as a Go string (a null decodes as ""). */
function decodesAsString(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string';
}

/** The longest quoted value: a message may end up in a CI log, and a value may be a whole document. */
export const MAX_QUOTED_VALUE = 64;

/** What a message shows of a value that must never be printed (Secret data, env values). */
export const HIDDEN_VALUE = '(not shown)';

/** A value as a message quotes it: its JSON, cut at {@link MAX_QUOTED_VALUE} characters. */
export function quoteValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= MAX_QUOTED_VALUE ? json : `${json.slice(0, MAX_QUOTED_VALUE)}…`;
}

/**
 * Reports one string field at `path`, of the Go struct `goType` (`[]uint8` fields are base64 strings in JSON).
 * A `secret` value (Secret data, env values) is never quoted. Callers build the paths only for a violation:
 * the check runs on every string of every manifest.
 */
function report(out: Violation[], value: unknown, path: string, goType: string, goField: string, goValueType = 'string', secret = false): void {
  out.push(yamlStringRules.stringExpected.at(path, jsonTypeOf(value)!, `${goType}.${goField}`, goValueType, secret ? HIDDEN_VALUE : quoteValue(value)));
}

/**
 * Every value of a string map (`labels`, `data`, `nodeSelector`) at `path`. The decoder's message names no key; the
 * finding is at the value's key in the API server's form for a map key, always bracketed (`data[enabled]`).
 */
function checkStringMap(out: Violation[], map: unknown, path: string, goType: string, goValueType = 'string', secret = false): void {
  if (!map || typeof map !== 'object' || Array.isArray(map)) return;
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    const value = (map as Record<string, unknown>)[key];
    if (!decodesAsString(value)) report(out, value, fieldKey(path, key), goType, goPath(path), goValueType, secret);
  }
}

/** Every item of a string list (`command`, `args`) at `at.field` (the path is built for a finding only). */
function checkStringList(out: Violation[], list: unknown, at: string, field: string, goType: string): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) if (!decodesAsString(list[i])) report(out, list[i], `${at}.${field}[${i}]`, goType, goPath(`${at}.${field}`));
}

const CONTAINER_STRINGS = ['name', 'image', 'workingDir'] as const;
const ENV_STRINGS = ['name', 'value'] as const;
const POD_STRINGS = ['nodeName', 'serviceAccountName', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName', 'runtimeClassName'] as const;

/** The string fields of an object that these pages use, wherever YAML could have made them booleans or numbers. */
export function checkYamlStrings(obj: KubeObject, options: RuleOptions = {}): Violation[] {
  const out: Violation[] = [];
  checkStringMap(out, obj.metadata?.labels, 'metadata.labels', 'ObjectMeta');
  checkStringMap(out, obj.metadata?.annotations, 'metadata.annotations', 'ObjectMeta');
  if (obj.kind === 'ConfigMap') {
    checkStringMap(out, obj.data, 'data', 'ConfigMap');
    checkStringMap(out, obj.binaryData, 'binaryData', 'ConfigMap', '[]uint8');
  }
  if (obj.kind === 'Secret') {
    checkStringMap(out, obj.data, 'data', 'Secret', '[]uint8', true);
    checkStringMap(out, obj.stringData, 'stringData', 'Secret', 'string', true);
  }
  const spec = obj.spec as { selector?: { matchLabels?: unknown } } | undefined;
  if (obj.kind !== 'Pod' && spec && typeof spec === 'object') checkStringMap(out, spec.selector?.matchLabels, 'spec.selector.matchLabels', 'LabelSelector');
  const found = podSpecOf(obj);
  if (!found) return out;
  const { pod, base } = found;
  // `lifecycle.stopSignal` (a `v1.Signal`), a field of the API from 1.33: older API servers do not know it at all
  const stopSignals = featureFieldKnown('ContainerStopSignals', targetVersion(options));
  if (base !== 'spec') {
    const meta = base.replace(/\.spec$/, '.metadata');
    checkStringMap(out, pod.metadata?.labels, `${meta}.labels`, 'ObjectMeta');
    checkStringMap(out, pod.metadata?.annotations, `${meta}.annotations`, 'ObjectMeta');
  }
  checkStringMap(out, pod.spec.nodeSelector, `${base}.nodeSelector`, 'PodSpec');
  for (const field of POD_STRINGS) if (!decodesAsString(pod.spec[field])) report(out, pod.spec[field], `${base}.${field}`, 'PodSpec', `${base}.${field}`);
  // paths are built only for a finding: this runs for every container of every object
  for (const { container, list, rel } of containersOf(pod.spec)) {
    const goType = list === 'ephemeralContainers' ? 'EphemeralContainer' : 'Container';
    for (const field of CONTAINER_STRINGS) if (!decodesAsString(container[field])) report(out, container[field], `${base}.${rel}.${field}`, goType, goPath(`${base}.${rel}.${field}`));
    if (container.command !== undefined) checkStringList(out, container.command, `${base}.${rel}`, 'command', goType);
    if (container.args !== undefined) checkStringList(out, container.args, `${base}.${rel}`, 'args', goType);
    const signal = stopSignals ? container.lifecycle?.stopSignal : undefined;
    if (!decodesAsString(signal)) report(out, signal, `${base}.${rel}.lifecycle.stopSignal`, 'Lifecycle', goPath(`${base}.${rel}.lifecycle.stopSignal`), 'v1.Signal');
    const env = Array.isArray(container.env) ? container.env : [];
    for (let i = 0; i < env.length; i++) {
      for (const field of ENV_STRINGS) {
        if (!decodesAsString(env[i]?.[field])) report(out, env[i]?.[field], `${base}.${rel}.env[${i}].${field}`, 'EnvVar', goPath(`${base}.${rel}.env.${field}`), 'string', field === 'value');
      }
    }
  }
  return out;
}
