/**
 * Plain YAML scalars resolved the way Kubernetes resolves them.
 *
 * kubectl and the API server turn YAML into JSON with sigs.k8s.io/yaml, which runs go-yaml v2: a YAML 1.1
 * reader (`on`, `yes`, `y` are booleans, `0777` is octal) with Go's own number syntax on top (`0o17`, `0b101`
 * and `0x1F` are integers, `1e3` is a float) and without YAML 1.1's base-60 numbers (`12:30` stays a string).
 * Timestamps (`2001-12-14`) stay strings when decoded into untyped JSON. This file is go-yaml v2's
 * `resolve()` for untagged plain scalars, checked against `kubectl` on this machine (see scalars.test.ts).
 */

/** go-yaml v2's table of exact spellings; `<<` (merge) is handled by the reader, only as a key. */
const EXACT = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((s) => [s, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, Number.NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Number.POSITIVE_INFINITY] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, Number.NEGATIVE_INFINITY] as const),
]);

/** go-yaml v2 only tries the table and numbers when the first character could start one. */
function hintOf(first: string | undefined): 'map' | 'number' | 'float' | 'none' {
  if (first === undefined) return 'map';
  if (first === '.') return 'float';
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) return 'number';
  return 'yYnNtTfFoO~'.includes(first) ? 'map' : 'none';
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's `strconv.ParseInt(s, 0, 64)` digits: `0x`, `0o`, `0b`, a leading `0` for octal, else decimal. */
function parseGoInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const [, sign, digits] = m as unknown as [string, string, string];
  let magnitude: bigint;
  if (/^0[xXoObB]/.test(digits)) magnitude = BigInt(digits.toLowerCase());
  else if (digits.length > 1 && digits.startsWith('0')) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  return sign === '-' ? -magnitude : magnitude;
}

const GO_YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's `strconv.ParseFloat(s, 64)`, which fails (rather than giving ±Inf) when the value is out of range. */
function parseGoFloat(s: string): number | undefined {
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The JSON value of an untagged plain scalar: a string, boolean, null or number, as kubectl would send it.
 * Non-finite numbers (`.inf`, `.nan`) are returned as such; kubectl fails on them ({@link isJsonNumber}).
 */
export function resolvePlainScalar(text: string): unknown {
  const hint = hintOf(text[0]);
  if (hint === 'none') return text;
  if (EXACT.has(text)) return EXACT.get(text);
  if (hint === 'float') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? (parseGoFloat(text) ?? text) : text;
  if (hint !== 'number') return text;
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int !== undefined && int >= INT64_MIN && int <= UINT64_MAX) {
    // uint64 values above int64 still decode (ParseUint); JSON numbers beyond 2^53 lose precision, in Go too.
    return int > INT64_MAX ? Number(int) : Number(int) || 0;
  }
  if (GO_YAML_FLOAT.test(plain)) {
    const float = parseGoFloat(plain);
    if (float !== undefined) return float || 0;
  }
  return text;
}

/** Whether a resolved value is something JSON can carry (kubectl rejects `.inf` and `.nan`: "json: unsupported value"). */
export function isJsonNumber(value: number): boolean {
  return Number.isFinite(value);
}

/** The string sigs.k8s.io/yaml makes of a non-string map key (`y: 1` has the key `"true"`). */
export function keyString(key: unknown): string | undefined {
  if (typeof key === 'string') return key;
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (typeof key === 'number' && Number.isInteger(key)) return String(key);
  if (typeof key === 'number') return Number.isFinite(key) ? String(key) : key > 0 ? '.inf' : key < 0 ? '-.inf' : '.nan';
  return undefined;
}
