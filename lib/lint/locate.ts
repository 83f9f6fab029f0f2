/**
 * Finding a field path (`spec.containers[0].resources.limits[memory]`, `data[my.key]`, as the rules print it) in the
 * YAML an object was read from, so a finding points at `file:line:col`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Violation } from '../violation';
import type { Position, SourcedObject } from './read';
import { keyString, resolvePlainScalar } from './scalars';

/**
 * The segments of a field path: names and `[key]`s as strings (a key may hold dots: `data[my.key]`), `[0]` as
 * numbers. A bracket of digits is a list index only in its canonical form: `[0123]` is the map key `0123`.
 */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^(?:0|[1-9][0-9]*)$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

function keyOf(node: unknown): string | undefined {
  if (isScalar(node)) return keyString(node.type === 'PLAIN' && typeof node.source === 'string' ? resolvePlainScalar(node.source) : node.value);
  return undefined;
}

/**
 * The position of the deepest part of `path` present in the object's YAML: the key of a mapping entry, or
 * the start of a sequence item. A field the rule found missing points at its parent.
 */
export function locate(source: SourcedObject, path: string): Position {
  let node: unknown = source.node;
  let at = source.node.range?.[0];
  for (const segment of parseFieldPath(path)) {
    if (isAlias(node)) break; // anchors elsewhere: the alias itself is the best place to point
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      node = item;
      at = item.range?.[0] ?? at;
      continue;
    }
    if (isMap(node)) {
      // the last matching key is the one go-yaml kept
      const wanted = String(segment);
      const pair = [...node.items].reverse().find((p) => isPair(p) && keyOf(p.key) === wanted);
      if (!pair) break;
      node = pair.value;
      at = (pair.key as Node | null)?.range?.[0] ?? at;
      continue;
    }
    break;
  }
  return at === undefined ? source.position : source.lineCounter.linePos(at);
}

/**
 * The position of `violation`'s field: at its {@link Violation.indexedPath} when it has one (the API server's path
 * leaves a list index out there: `volumeMounts.subPath` names no mount, `volumeMounts[1].subPath` the second), else
 * at its path.
 */
export function locateViolation(source: SourcedObject, violation: Pick<Violation<string>, 'path' | 'indexedPath'>): Position {
  return locate(source, violation.indexedPath ?? violation.path);
}
