/**
 * Field paths in the form the API server prints them: `spec.containers[0].resources.requests.memory`.
 * Map keys that are not plain identifiers are bracketed, as apimachinery's `field.Path.Key` does:
 * `resources.limits[example.com/dongle]`.
 */
export function fieldPath(base: string, ...parts: readonly (string | number)[]): string {
  let out = base;
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${part}]`;
  }
  return out;
}
