/**
 * Deep equality of the plain JSON values cdk8s writes (plain objects, arrays, strings, numbers, booleans, null),
 * as `util.isDeepStrictEqual` answers it for them, without its generality: the construct base compares the
 * metadata of every object in every synthesis. A value that is not plain JSON (a class instance, a Map, a sparse
 * array) is left to `isDeepStrictEqual`. Symbol-keyed properties are not compared: they are never written.
 */
import { isDeepStrictEqual } from 'node:util';

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  if (a === b) return true;
  const proto = Object.getPrototypeOf(a) as unknown;
  if (proto !== Object.getPrototypeOf(b)) return false;
  if (proto === Array.prototype) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (!(i in x) || !(i in y)) return isDeepStrictEqual(a, b);
      if (!jsonEqual(x[i], y[i])) return false;
    }
    return true;
  }
  if (proto !== Object.prototype && proto !== null) return isDeepStrictEqual(a, b);
  const x = a as Readonly<Record<string, unknown>>;
  const y = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !jsonEqual(x[k], y[k])) return false;
  return true;
}
