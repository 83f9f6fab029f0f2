/**
 * Field paths in the form the API server prints them, apimachinery's `field.Path.String()`: a field is `.name`
 * (`Path.Child`), a list index `[0]` (`Path.Index`), and a map key is ALWAYS bracketed (`Path.Key`), whatever it
 * holds: `spec.containers[0].resources.limits[memory]`, `resources.limits[example.com/dongle]`, `data[my-key]`.
 * `String()` writes `.` before a named element and `[%s]` for an index or key element alike
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go at v0.31.1: `Key` lines 85-89, `String` 91-117).
 */

/** A map key among the parts of a {@link fieldPath}: printed `[key]`, as `field.Path.Key(key)` prints it. */
export interface MapKey {
  readonly key: string;
}

/** Marks `key` as a map key for {@link fieldPath} (where the parts come from a list built elsewhere). */
export function mapKey(key: string): MapKey {
  return { key };
}

/**
 * `base` followed by `parts`: a string is a field name (`.name`, or `name` when `base` is empty), a number a
 * list index (`[0]`), a {@link MapKey} a map key (`[key]`). A field name is never bracketed: `Path.Child` prints
 * `.name` whatever the name holds. Append a map key with {@link fieldKey} (or {@link mapKey}), never as a string.
 */
export function fieldPath(base: string, ...parts: readonly (string | number | MapKey)[]): string {
  let out = base;
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string') out += out === '' ? part : `.${part}`;
    else out += `[${part.key}]`;
  }
  return out;
}

/** `base` subscripted by the map key `key`, as `field.Path.Key` prints it: always `base[key]`. */
export function fieldKey(base: string, key: string): string {
  return `${base}[${key}]`;
}

/**
 * `violation` with `indexedPath` (`Violation.indexedPath`): the field it is about with the list index its `path`
 * leaves out where the API server's path has none (`volumeMounts[1].subPath` for `volumeMounts.subPath`,
 * `resizePolicy[1].restartPolicy` for `resizePolicy`). The printed path stays the API server's; the linter locates
 * the finding at `indexedPath`.
 */
export function withIndexedPath<V extends { readonly path: string }>(violation: V, indexedPath: string): V & { readonly indexedPath: string } {
  return { ...violation, indexedPath };
}
