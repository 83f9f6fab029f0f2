/**
 * Fields the API server does not know, and values its decoder cannot read.
 *
 * kubectl validates strictly by default (`--validate=strict`, server-side field validation since 1.27): an unknown or
 * misspelt field is rejected with `strict decoding error: unknown field "spec.containers[0].imagePullPolisy"`, and a
 * value of the wrong JSON type, or an integer that does not fit its int32/int64 field, fails decoding
 * (`json: cannot unmarshal number 1.5 into Go struct field Probe.spec.containers.livenessProbe.failureThreshold of
 * type int32`). The field list is generated from the Kubernetes API (lib/schema) for the core/v1, apps/v1 and
 * batch/v1 kinds that carry pods (and a few others); custom resources and other kinds are not checked. A field that
 * a newer Kubernetes added is unknown to an older API server, so the check follows the target version. The newest
 * supported version is the newest whose field list the schema has (`FIELD_SCHEMA_VERSION`, a test keeps them equal).
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
import { isPatchDirective } from './workloads';
import type { KubeObject } from '../k8s';
import { targetVersion, type RuleOptions } from '../kubernetes-version';
import { fieldsOf, rootTypeOf, type FieldType } from '../schema';
import { fieldPath } from '../path';
import { defineRule, type Violation } from '../violation';

const DOCS = 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation';

export const fieldRules = {
  unknown: defineRule('fields/unknown', DOCS, (path: string) => `unknown field ${JSON.stringify(path)}`),
  /** The field is in the API from a version newer than the target one: the target's API server does not know it. */
  newerThanTarget: defineRule(
    'fields/newer-than-target',
    DOCS,
    (path: string, since: string, target: string) => `unknown field ${JSON.stringify(path)} (Kubernetes ${since} added it; the target version is ${target})`,
  ),
  integerRange: defineRule(
    'fields/integer-range',
    DOCS,
    (value: number, goField: string, goType: string) => `json: cannot unmarshal number ${String(value)} into Go struct field ${goField} of type ${goType}`,
  ),
  typeMismatch: defineRule(
    'fields/type-mismatch',
    DOCS,
    (jsonType: string, goField: string, goType: string) => `json: cannot unmarshal ${jsonType} into Go struct field ${goField} of type ${goType}`,
  ),
};

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The Go type name the decoder prints for a field type. */
function goTypeOf(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int32':
      return 'int32';
    case 'int64':
      return 'int64';
    case 'number':
      return 'float64';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'any':
      return 'interface {}';
    case 'object':
      return `v1.${type.name.replace(/^CoreV1/, '')}`;
    case 'list':
      return `[]${goTypeOf(type.of)}`;
    case 'map':
      return `map[string]${goTypeOf(type.of)}`;
  }
}

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

interface Walk {
  readonly out: Violation[];
  readonly targetMinor: number;
  readonly target: string;
}

/**
 * Checks `value` against `type` at `path`. `goPath` is the path without list indices, as the decoder prints it
 * (`spec.containers.livenessProbe`), and `goOwner` the Go type holding the field.
 */
function walk(w: Walk, value: unknown, type: FieldType, path: string, goOwner: string, goPath: string): void {
  if (value === null || value === undefined) return;
  switch (type.kind) {
    case 'bool':
    case 'int32':
    case 'int64':
      if (!scalarDecodes(value, type.kind)) reportScalar(w, value, type, path, goOwner, goPath);
      return;
    case 'list':
      if (!Array.isArray(value)) return mismatch(w, value, type, path, goOwner, goPath);
      // a list of unchecked scalars (a command, args): nothing to walk, no element path to build
      if (UNCHECKED_KINDS.has(type.of.kind)) return;
      for (let i = 0; i < value.length; i++) walk(w, value[i], type.of, fieldPath(path, i), goOwner, goPath);
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch(w, value, type, path, goOwner, goPath);
      if (UNCHECKED_KINDS.has(type.of.kind)) return;
      // the decoder's own path, not apimachinery's: sigs.k8s.io/json joins a map key with a dot, as it does a field
      // (`appendStrictFieldStackKey`), so a map key is appended as a field name here
      for (const key in value as Record<string, unknown>) walk(w, (value as Record<string, unknown>)[key], type.of, fieldPath(path, key), goOwner, goPath);
      return;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch(w, value, type, path, goOwner, goPath);
      walkObject(w, value as Record<string, unknown>, type.name, path, goPath);
      return;
    default:
      // strings accept numbers where they are quantities (cpu: 2), so scalars other than bool and integers are not checked
      return;
  }
}

/** Whether the decoder reads `value` (not null) into a bool, int32 or int64 field. */
function scalarDecodes(value: unknown, kind: 'bool' | 'int32' | 'int64'): boolean {
  if (kind === 'bool') return typeof value === 'boolean';
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  return kind === 'int32' ? value >= INT32_MIN && value <= INT32_MAX : Math.abs(value) < 2 ** 63;
}

/** The finding for a bool, int32 or int64 field the decoder cannot read `value` into. */
function reportScalar(w: Walk, value: unknown, type: FieldType, path: string, goOwner: string, goPath: string): void {
  if (type.kind === 'bool' || typeof value !== 'number') mismatch(w, value, type, path, goOwner, goPath);
  else w.out.push(fieldRules.integerRange.at(path, value, `${goOwner}.${goPath}`, type.kind));
}

function mismatch(w: Walk, value: unknown, type: FieldType, path: string, goOwner: string, goPath: string): void {
  w.out.push(fieldRules.typeMismatch.at(path, jsonTypeOf(value), `${goOwner}.${goPath}`, goTypeOf(type)));
}

/** Field types whose values are not checked (see `walk`): most fields of a manifest, so their paths are never built. */
const UNCHECKED_KINDS: ReadonlySet<FieldType['kind']> = new Set(['string', 'number', 'intOrString', 'any']);

/** The Go type name of each schema type the decoder prints (`CoreV1Probe` is `Probe`), computed once per type. */
const GO_OWNERS = new Map<string, string>();

function goOwnerOf(typeName: string): string {
  let owner = GO_OWNERS.get(typeName);
  if (owner === undefined) GO_OWNERS.set(typeName, (owner = typeName.replace(/^CoreV1/, '')));
  return owner;
}

function walkObject(w: Walk, obj: Record<string, unknown>, typeName: string, path: string, goPath: string): void {
  const fields = fieldsOf(typeName);
  if (!fields) return;
  for (const key in obj) {
    const spec = fields.get(key);
    if (spec !== undefined && spec.sinceMinor <= w.targetMinor) {
      const value = obj[key];
      const kind = spec.type.kind;
      if (value === null || value === undefined || UNCHECKED_KINDS.has(kind)) continue;
      // a bool or integer that decodes (most of them): no path built
      if ((kind === 'bool' || kind === 'int32' || kind === 'int64') && scalarDecodes(value, kind)) continue;
      walk(w, value, spec.type, fieldPath(path, key), goOwnerOf(typeName), goPath === '' ? key : `${goPath}.${key}`);
      continue;
    }
    // the strict decoder's path: `.field` whatever the field holds (sigs.k8s.io/json `newFieldError` joins it with a dot)
    const at = fieldPath(path, key);
    if (spec === undefined) w.out.push(fieldRules.unknown.at(at, at));
    else w.out.push(fieldRules.newerThanTarget.at(at, at, `1.${spec.sinceMinor}`, w.target));
  }
}

/** The object check: unknown fields and undecodable values of a core/v1, apps/v1 or batch/v1 object the schema has. */
export function checkFields(obj: KubeObject, options: RuleOptions = {}): Violation[] {
  const root = rootTypeOf(obj.apiVersion, obj.kind);
  // a kustomize patch directive (`$patch: delete`) is not an object the API server decodes
  if (!root || isPatchDirective(obj)) return [];
  const target = targetVersion(options);
  const w: Walk = { out: [], targetMinor: Number(target.split('.')[1]), target };
  walkObject(w, obj as Record<string, unknown>, root, '', '');
  return w.out;
}
