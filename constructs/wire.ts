/**
 * Turns construct props into the plain JSON of a manifest: `Quantity` and handler classes become their
 * wire form (via `toJSON`), and keys left `undefined` disappear. Nothing is added.
 */
export function toWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
