/**
 * The items of a list field as a manifest holds it. A value of another JSON type where a list belongs (a map, a
 * string, a number: a test tool's assertion, a template placeholder) is not a list: the API server's decoding
 * refuses it (`json: cannot unmarshal object into Go struct field PodSpec.spec.volumes of type []v1.Volume`), which
 * fields/type-mismatch reports; the rules that walk the list see no items, instead of failing on it.
 */
export function listed<T>(value: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The items of a list of objects, as {@link listed}, with each `null` item read as an empty object: the API
 * server's decoding leaves a null element at its zero value (`env: [null]` is `env: [{}]`, whose name is then
 * required), and a rule reads its fields as unset instead of failing on it.
 */
export function listedObjects<T extends object>(value: readonly (T | null)[] | null | undefined): readonly T[];
/** The same for a value of no known type: its items are checked by the caller. */
export function listedObjects(value: unknown): readonly unknown[];
export function listedObjects(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) return [];
  return value.includes(null) ? value.map((item: unknown) => item ?? {}) : value;
}
