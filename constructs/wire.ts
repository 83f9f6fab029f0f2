/**
 * Turns construct props into the plain JSON of a manifest: `Quantity` and handler classes become their
 * wire form (via `toJSON`), and keys left `undefined` disappear. Nothing is added.
 *
 * The result is what `JSON.parse(JSON.stringify(value))` gives, built in one walk without the text in
 * between, and deeply frozen, except for cdk8s tokens: a `Lazy`, or any object with a `resolve()` method
 * (what cdk8s's built-in resolvers resolve), is kept as it is, for cdk8s to resolve at synthesis exactly as
 * it would in a raw `ApiObject`'s props.
 */
import { Lazy } from 'cdk8s';

export function toWire<T>(value: T): T {
  if (value === undefined) return value;
  const { copy: out, tokens, nulls } = copyToWire(value);
  if (typeof out === 'object' && out !== null && !isToken(out)) wire.set(out, { tokens, nulls });
  return out;
}

/** What {@link copyToWire} gives: the copy, and whether it holds a token or a `null` anywhere. */
export interface WireCopy<T> {
  readonly copy: T;
  readonly tokens: boolean;
  readonly nulls: boolean;
}

/**
 * `toWire`'s copy with what it holds, without recording the copy for `isWire` (the construct base asks once, at
 * construction, and never passes its props to `toWire` again: one entry less in a weak map per object of an app).
 */
export function copyToWire<T>(value: T): WireCopy<T> {
  const walk: Walk = { tokens: false, nulls: false, prototypeHooks: 'toJSON' in Object.prototype || 'resolve' in Object.prototype };
  try {
    const out = copy(value, '', walk) as T;
    return { copy: out, tokens: walk.tokens, nulls: walk.nulls };
  } catch (e) {
    // a cycle overflows the stack here; JSON.stringify names it ("Converting circular structure to JSON")
    if (e instanceof RangeError) JSON.stringify(value);
    throw e;
  }
}

/** Whether `value` is what a `toWire` call returned (a deeply frozen copy, tokens kept). */
export function isWire(value: object): boolean {
  return wire.has(value);
}

/**
 * Whether `value` is what a `toWire` call returned and is exact plain JSON: no token and no `null` anywhere,
 * so that cdk8s writes it as it is (cdk8s drops `null` values and resolves tokens).
 */
export function isExactWire(value: object): boolean {
  const found = wire.get(value);
  return found !== undefined && !found.tokens && !found.nulls;
}

/** Whether `value` is what a `toWire` call returned and holds no token (it may hold `null`). */
export function isTokenFreeWire(value: object): boolean {
  return wire.get(value)?.tokens === false;
}

/**
 * Whether cdk8s resolves `value` at synthesis: a `Lazy`, or an object with a `resolve()` method (cdk8s's
 * `LazyResolver` and `ImplicitTokenResolver`).
 */
export function isToken(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value instanceof Lazy || typeof (value as { resolve?: unknown }).resolve === 'function');
}

/** What a walk found in a `toWire` result. */
interface Walk {
  tokens: boolean;
  nulls: boolean;
  /** Whether `Object.prototype` has a `toJSON` or `resolve` (some other code added one): every plain object then has it. */
  readonly prototypeHooks?: boolean;
}

/** `toWire` results, each with what it holds. */
const wire = new WeakMap<object, Readonly<Walk>>();

/** `JSON.stringify`'s conversion of one value (SerializeJSONProperty), followed by parsing it back; tokens stay. */
function copy(value: unknown, key: string, walk: Walk): unknown {
  if (typeof value === 'object' && value !== null) {
    // a toWire result (frozen) is taken as it is
    if (Object.isFrozen(value)) {
      const known = wire.get(value);
      if (known !== undefined) {
        walk.tokens ||= known.tokens;
        walk.nulls ||= known.nulls;
        return value;
      }
    }
    if (Array.isArray(value)) return Object.freeze(copyArray(value, walk));
    // the common case first: a plain object that is neither a token nor has a toJSON method, told by its own
    // keys (Object.prototype has neither method: checked once per toWire call), without looking either up
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const keys = Object.keys(value);
      if (!walk.prototypeHooks && !keys.includes('toJSON') && !keys.includes('resolve')) return Object.freeze(copyKeys(value as Record<string, unknown>, keys, walk));
      if (typeof (value as { toJSON?: unknown }).toJSON !== 'function' && typeof (value as { resolve?: unknown }).resolve !== 'function') return Object.freeze(copyKeys(value as Record<string, unknown>, keys, walk));
    }
    if (isToken(value)) {
      walk.tokens = true;
      return value;
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
    if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
    if (typeof value === 'object' && value !== null) {
      if (isToken(value)) {
        walk.tokens = true;
        return value;
      }
      return Object.freeze(Array.isArray(value) ? copyArray(value, walk) : copyObject(value as Record<string, unknown>, walk));
    }
  }
  switch (typeof value) {
    case 'number':
      if (Number.isFinite(value)) return value + 0; // -0 reads back as 0
      walk.nulls = true;
      return null;
    case 'bigint':
      return JSON.stringify(value); // throws JSON's TypeError
    case 'object':
      walk.nulls = true; // null
      return value;
    default:
      return value;
  }
}

/** Values JSON leaves out of an object (and writes as `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function copyArray(value: readonly unknown[], walk: Walk): unknown[] {
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) {
    const c = copy(value[i], String(i), walk);
    if (omitted(c)) {
      walk.nulls = true;
      out[i] = null;
    } else out[i] = c;
  }
  return out;
}

function copyObject(value: Record<string, unknown>, walk: Walk): Record<string, unknown> {
  return copyKeys(value, Object.keys(value), walk);
}

function copyKeys(value: Record<string, unknown>, keys: readonly string[], walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const c = copy(value[k], k, walk);
    if (!omitted(c)) out[k] = c;
  }
  return out;
}
