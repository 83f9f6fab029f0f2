/**
 * Field paths in the form the API server prints them: `spec.containers[0].resources.requests.memory`.
 * Map keys that are not plain identifiers are bracketed, as apimachinery's `field.Path.Key` does:
 * `resources.limits[example.com/dongle]`.
 */
export function fieldPath(base: string, ...parts: readonly (string | number)[]): string {
  let out = base;
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (isIdentifier(part)) out += out === '' ? part : `.${part}`;
    else out += `[${part}]`;
  }
  return out;
}

/** `/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)`, without the regex: this runs for every path segment of every check. */
function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}
