/**
 * Semantic comparison of manifests: parsed objects, compared field by field, with a readable path-by-path
 * diff. Objects are matched by apiVersion, kind, namespace and name, so their order does not matter. A difference's
 * field path is written as the API server and the rules write one (lib/path.ts): a field `.name`, a list index
 * `[0]`, a map key always in brackets (`resources.limits[cpu]`, `metadata.labels[app.kubernetes.io/name]`).
 */
import type { KubeObject } from '../lib/k8s';
import { fieldKey, fieldPath } from '../lib/path';
import { fieldsOf, rootTypeOf, type FieldType } from '../lib/schema';

/** One difference between an expected and an actual manifest. */
export interface ManifestDifference {
  /**
   * The object, then the field path in the API server's form: `Pod/qos-example/qos-demo: spec.containers[0].resources.limits[cpu]`;
   * the object alone for an object missing or unexpected as a whole.
   */
  readonly path: string;
  readonly kind: 'missing' | 'unexpected' | 'changed';
  readonly expected?: unknown;
  readonly actual?: unknown;
}

export interface CompareOptions {
  /**
   * Drop the fields the API server fills in (`creationTimestamp`, `resourceVersion`, `uid`, `selfLink`,
   * `managedFields`, `generation`, the last-applied annotation) from both sides, and treat an expected
   * `metadata.namespace: default` as matching an object without a namespace.
   * @default true
   */
  readonly ignoreServerFields?: boolean;
}

const SERVER_FIELDS = ['creationTimestamp', 'resourceVersion', 'uid', 'selfLink', 'managedFields', 'generation'];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function withoutServerFields(obj: KubeObject): KubeObject {
  const out = clone(obj);
  const meta = out.metadata;
  if (meta && typeof meta === 'object') {
    for (const f of SERVER_FIELDS) delete meta[f];
    if (meta.annotations) {
      delete meta.annotations[LAST_APPLIED];
      if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
    }
  }
  return out;
}

function identity(obj: KubeObject): string {
  const m = obj.metadata ?? {};
  return [obj.apiVersion ?? '', obj.kind ?? '', m.namespace ?? '', m.name ?? ''].join('|');
}

function label(obj: KubeObject): string {
  const m = obj.metadata ?? {};
  return [obj.kind ?? '?', m.namespace, m.name ?? '?'].filter((p) => p !== undefined).join('/');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The object type every object's `metadata` has, also of a kind the schema does not have. */
const OBJECT_META: FieldType = { kind: 'object', name: 'ObjectMeta' };

/**
 * The path of `key` under `base`, whose value is of `type` (undefined where the schema does not know it), and the type
 * of the value at `key`. A field of a known object type is `.name`, a key of a known map `[key]`, an index `[0]`;
 * where the type is not known (a custom resource, a kind the schema does not have), a key that could be a field name
 * (an identifier) is written as one and any other key (`example.com/d`, `app.kubernetes.io/name`) in brackets.
 */
function step(base: string, type: FieldType | undefined, key: string | number): { readonly path: string; readonly type: FieldType | undefined } {
  if (typeof key === 'number') return { path: fieldPath(base, key), type: type?.kind === 'list' ? type.of : undefined };
  if (type?.kind === 'map') return { path: fieldKey(base, key), type: type.of };
  if (type?.kind === 'object') return { path: fieldPath(base, key), type: fieldsOf(type.name)?.get(key)?.type };
  const path = IDENTIFIER.test(key) ? fieldPath(base, key) : fieldKey(base, key);
  return { path, type: base === '' && key === 'metadata' ? OBJECT_META : undefined };
}

function diffValues(expected: unknown, actual: unknown, path: string, type: FieldType | undefined, out: ManifestDifference[]): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      const at = step(path, type, i);
      if (i >= actual.length) out.push({ path: at.path, kind: 'missing', expected: expected[i] });
      else if (i >= expected.length) out.push({ path: at.path, kind: 'unexpected', actual: actual[i] });
      else diffValues(expected[i], actual[i], at.path, at.type, out);
    }
    return;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    for (const k of Object.keys(expected)) {
      const at = step(path, type, k);
      if (!Object.prototype.hasOwnProperty.call(actual, k)) out.push({ path: at.path, kind: 'missing', expected: expected[k] });
      else diffValues(expected[k], actual[k], at.path, at.type, out);
    }
    for (const k of Object.keys(actual)) if (!Object.prototype.hasOwnProperty.call(expected, k)) out.push({ path: step(path, type, k).path, kind: 'unexpected', actual: actual[k] });
    return;
  }
  if (!Object.is(expected, actual)) out.push({ path, kind: 'changed', expected, actual });
}

/** Differences inside one object, with paths `Kind/ns/name: field.path`. */
function diffObject(expected: KubeObject, actual: KubeObject, name: string, out: ManifestDifference[]): void {
  const inner: ManifestDifference[] = [];
  const root = rootTypeOf(expected.apiVersion, expected.kind);
  diffValues(expected, actual, '', root === undefined ? undefined : { kind: 'object', name: root }, inner);
  for (const d of inner) out.push({ ...d, path: `${name}: ${d.path}` });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every difference between the expected objects and the actual ones; empty when they are equal. */
export function compareManifests(
  actual: readonly KubeObject[],
  expected: readonly KubeObject[],
  options: CompareOptions = {},
): ManifestDifference[] {
  const ignore = options.ignoreServerFields ?? true;
  const prep = (o: KubeObject) => (ignore ? withoutServerFields(o) : clone(o));
  const act = actual.map(prep);
  const exp = expected.map(prep);
  const out: ManifestDifference[] = [];
  const byId = new Map<string, KubeObject[]>();
  for (const a of act) {
    const id = identity(a);
    byId.set(id, [...(byId.get(id) ?? []), a]);
  }
  const take = (id: string) => {
    const list = byId.get(id);
    const first = list?.shift();
    return first;
  };
  for (const e of exp) {
    let a = take(identity(e));
    if (!a && ignore && e.metadata?.namespace === 'default') {
      const alt = { ...e, metadata: { ...e.metadata } };
      delete alt.metadata.namespace;
      a = take(identity(alt));
      if (a) {
        diffObject({ ...e, metadata: alt.metadata }, a, label(e), out);
        continue;
      }
    }
    if (!a) out.push({ path: label(e), kind: 'missing', expected: e });
    else diffObject(e, a, label(e), out);
  }
  for (const rest of byId.values()) for (const a of rest) out.push({ path: label(a), kind: 'unexpected', actual: a });
  return out;
}

function show(v: unknown): string {
  return JSON.stringify(v);
}

/** Renders differences one per line: `- path: expected X` / `+ path: unexpected Y` / `~ path: X → Y`. */
export function formatDifferences(diffs: readonly ManifestDifference[]): string {
  return diffs
    .map((d) =>
      d.kind === 'missing'
        ? `- ${d.path}: missing, expected ${show(d.expected)}`
        : d.kind === 'unexpected'
          ? `+ ${d.path}: unexpected ${show(d.actual)}`
          : `~ ${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`,
    )
    .join('\n');
}
