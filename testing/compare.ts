/**
 * Semantic comparison of manifests: parsed objects, compared field by field, with a readable path-by-path
 * diff. Objects are matched by apiVersion, kind, namespace and name, so their order does not matter.
 */
import type { KubeObject } from '../lib/k8s';

/** One difference between an expected and an actual manifest. */
export interface ManifestDifference {
  /** `Pod/qos-example/qos-demo: spec.containers[0].resources.limits.cpu` */
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

function keyPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

function diffValues(expected: unknown, actual: unknown, path: string, out: ManifestDifference[]): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      if (i >= actual.length) out.push({ path: keyPath(path, i), kind: 'missing', expected: expected[i] });
      else if (i >= expected.length) out.push({ path: keyPath(path, i), kind: 'unexpected', actual: actual[i] });
      else diffValues(expected[i], actual[i], keyPath(path, i), out);
    }
    return;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    for (const k of Object.keys(expected)) {
      if (!(k in actual)) out.push({ path: keyPath(path, k), kind: 'missing', expected: expected[k] });
      else diffValues(expected[k], actual[k], keyPath(path, k), out);
    }
    for (const k of Object.keys(actual)) if (!(k in expected)) out.push({ path: keyPath(path, k), kind: 'unexpected', actual: actual[k] });
    return;
  }
  if (!Object.is(expected, actual)) out.push({ path, kind: 'changed', expected, actual });
}

/** Differences inside one object, with paths `Kind/ns/name: field.path`. */
function diffObject(expected: KubeObject, actual: KubeObject, name: string, out: ManifestDifference[]): void {
  const inner: ManifestDifference[] = [];
  diffValues(expected, actual, '', inner);
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
