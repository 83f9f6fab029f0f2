/**
 * Turns construct props into the plain JSON of a manifest: `Quantity` and handler classes become their
 * wire form (via `toJSON`), and keys left `undefined` disappear. Nothing is added.
 *
 * The result is what `JSON.parse(JSON.stringify(value))` gives, built in one walk without the text in
 * between, and deeply frozen: the props a checked construct hands to cdk8s cannot change behind its checks
 * (see checked-api-object.ts).
 */
export function toWire<T>(value: T): T {
  if (value === undefined) return value;
  try {
    const out = copy(value, '');
    if (typeof out === 'object' && out !== null) wire.add(out);
    return out as T;
  } catch (e) {
    // a cycle overflows the stack here; JSON.stringify names it ("Converting circular structure to JSON")
    if (e instanceof RangeError) JSON.stringify(value);
    throw e;
  }
}

/** Whether `value` is what a `toWire` call returned (a deeply frozen plain JSON object or array). */
export function isWire(value: object): boolean {
  return wire.has(value);
}

const wire = new WeakSet<object>();

/** `JSON.stringify`'s conversion of one value (SerializeJSONProperty), followed by parsing it back. */
function copy(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  if (typeof value === 'object' && value !== null) return freeze(Array.isArray(value) ? copyArray(value) : copyObject(value as Record<string, unknown>));
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value + 0 : null; // -0 reads back as 0
    case 'bigint':
      return JSON.stringify(value); // throws JSON's TypeError
    default:
      return value;
  }
}

/** Values JSON leaves out of an object (and writes as `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function copyArray(value: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) {
    const c = copy(value[i], String(i));
    out[i] = omitted(c) ? null : c;
  }
  return out;
}

function copyObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const c = copy(value[k], k);
    if (!omitted(c)) out[k] = c;
  }
  return out;
}

function freeze<T extends object>(o: T): T {
  return Object.freeze(o);
}
