/**
 * The items of a list field as a manifest holds it. A value of another JSON type where a list belongs (a map, a
 * string, a number: a test tool's assertion, a template placeholder) is not a list: the API server's decoding
 * refuses it (`json: cannot unmarshal object into Go struct field PodSpec.spec.volumes of type []v1.Volume`), which
 * fields/type-mismatch reports; the rules that walk the list see no items, instead of failing on it.
 */
export function listed<T>(value: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}
