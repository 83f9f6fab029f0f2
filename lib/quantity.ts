/**
 * Quantity with Kubernetes apimachinery semantics (k8s.io/apimachinery/pkg/api/resource).
 *
 * Parsing follows `ParseQuantity` step by step, including its fast int64 path (exact, never capped)
 * and its slow decimal path (rounded up to nano; a BinarySI amount capped at 2^63-1); the canonical form follows
 * `CanonicalizeBytes`. Arithmetic is exact: a value is `unscaled × 10^exponent` held as a BigInt,
 * never a float. https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

/** How a quantity was written, which decides how it is printed (apimachinery `Format`). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** The three parse errors of apimachinery, with its exact messages. */
export const QUANTITY_ERRORS = {
  formatWrong: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  numeric: 'unable to parse numeric part of quantity',
  suffix: "unable to parse quantity's suffix",
} as const;

export type QuantityErrorKind = keyof typeof QUANTITY_ERRORS;

export type QuantityParseResult =
  | { readonly ok: true; readonly quantity: Quantity }
  | { readonly ok: false; readonly kind: QuantityErrorKind; readonly message: string };

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXPONENT = new Map(Object.entries(DEC_SUFFIXES).map(([s, e]) => [e, s]));
const BIN_BY_EXPONENT = new Map(Object.entries(BIN_SUFFIXES).map(([s, e]) => [e, s]));
const SUFFIX_CHARS = 'eEinumkKMGTP';
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
const NANO = -9;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

interface Split {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** apimachinery `parseQuantityString`: splits sign, numerator, denominator and suffix. */
function splitQuantity(str: string): Split | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // strip leading zeros; a string of only zeros is "0" and loses its sign
  for (;;) {
    if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[pos] === '0') pos++;
    else break;
  }
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
  let num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    let j = pos;
    while (j < end && isDigit(str[j])) j++;
    if (j >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
    denom = str.slice(pos, j);
    pos = j;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  let k = pos;
  while (k < end && SUFFIX_CHARS.includes(str[k]!)) k++;
  if (k >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = k;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  let m = pos;
  while (m < end && isDigit(str[m])) m++;
  if (m >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  return undefined;
}

/** apimachinery `suffixHandler.interpret`. */
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[suffix]!, format: 'DecimalSI' };
  if (suffix in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1);
    // strconv.ParseInt(s, 10, 64): optional sign, at least one digit
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined;
    const parsed = BigInt(rest);
    if (parsed > MAX_INT64 || parsed < MIN_INT64) return undefined;
    // Go truncates to int32
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** Number of decimal places to which `unscaled × 10^exponent` is exact once trailing zeros are removed. */
function stripTens(unscaled: bigint, exponent: number): [bigint, number] {
  if (unscaled === 0n) return [0n, 0];
  let u = unscaled;
  let e = exponent;
  while (u % 10n === 0n) {
    u /= 10n;
    e++;
  }
  return [u, e];
}

/** Divides rounding away from zero (inf.RoundUp). */
function divAwayFromZero(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : q + (a < 0n ? -1n : 1n);
}

/**
 * Parse results by input text: manifests repeat a few quantities ("100Mi", "500m") many times, and both a
 * `Quantity` and a result are immutable. Bounded: emptied when full.
 */
const PARSED = new Map<string, QuantityParseResult>();
const PARSED_MAX = 4096;

/**
 * A Kubernetes resource quantity. Immutable; compare with {@link Quantity.cmp}, never with `===` on strings:
 * `"1"` and `"1000m"` are equal, `"129M"` is larger than `"123Mi"`.
 */
export class Quantity {
  /**
   * Parses a quantity as apimachinery's `ParseQuantity` does, returning a result instead of throwing.
   * A number is read from its JSON text, as the API server reads an unquoted quantity.
   */
  static tryParse(input: string | number): QuantityParseResult {
    const str = typeof input === 'number' ? String(input) : input;
    const known = PARSED.get(str);
    if (known) return known;
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    const result = Object.freeze(Quantity.parseText(str));
    PARSED.set(str, result);
    return result;
  }

  /**
   * Parses a quantity as the API server decodes one from a manifest (`Quantity.UnmarshalJSON`): the text is
   * trimmed of surrounding spaces first ({@link trimWireSpace}), so `"200Mi "` is the quantity `200Mi`, printed
   * canonically without the spaces. A JSON `null` decodes as zero; any other value that is neither a string nor
   * a number fails as its JSON text does (`true`, an object).
   */
  static tryParseWire(input: unknown): QuantityParseResult {
    if (input === null) return Quantity.tryParse('0');
    if (typeof input === 'string') return Quantity.tryParse(trimWireSpace(input));
    if (typeof input === 'number') return Quantity.tryParse(input);
    return fail('formatWrong');
  }

  /** ParseQuantity itself, uncached. */
  private static parseText(str: string): QuantityParseResult {
    if (str.length === 0) return fail('formatWrong');
    if (str === '0') return ok(new Quantity(0n, 0, 'DecimalSI', '0'));
    const split = splitQuantity(str);
    if (!split) return fail('formatWrong');
    const { positive, value, num, denom, suffix } = split;
    const interpreted = interpretSuffix(suffix);
    if (!interpreted) return fail('suffix');
    const { base, exponent, format } = interpreted;

    let precision = 0;
    let scale = 0;
    let mantissa = 1n;
    if (format === 'BinarySI') {
      if (exponent >= 0 && denom.length === 0) {
        mantissa = 1n << BigInt(exponent);
        precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
      } else {
        precision = -1;
      }
    } else {
      scale = exponent;
      precision = 18 - (num.length + denom.length);
    }

    if (precision >= 0) {
      // Go's int32 arithmetic wraps: "0.1e-2147483648" has scale 2147483647
      scale = (scale - denom.length) | 0;
      if (scale >= NANO) {
        const shifted = num + denom;
        const v = BigInt(shifted);
        if (v > MAX_INT64) return fail('numeric');
        let result = v * mantissa;
        if (result <= MAX_INT64) {
          if (!positive) result = -result;
          // apimachinery keeps the written string when it is already canonical
          let cached: string | undefined;
          if (format === 'BinarySI') {
            if (exponent % 10 === 0 && (v & 7n) !== 0n) cached = str;
          } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') {
            cached = str;
          }
          return ok(new Quantity(result, scale, format, cached));
        }
      }
    }

    // slow path: arbitrary precision, rounded up to nano; BinarySI capped at 2^63-1
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return fail('numeric');
    let unscaled = BigInt((m[2] || '0') + (m[3] ?? ''));
    let exp = -(m[3] ?? '').length;
    if (m[1] === '-') unscaled = -unscaled;
    if (base === 10) exp = -((-exp + (-exponent | 0)) | 0); // inf.Dec scale arithmetic, int32 like Go's
    else unscaled *= 1n << BigInt(exponent);
    const negative = unscaled < 0n;
    if (negative) unscaled = -unscaled;
    if (unscaled !== 0n && exp < NANO) {
      // a value below 10^(NANO - exp) only rounds up to 1n; never build that power when it is huge
      const shift = NANO - exp;
      unscaled = shift >= unscaled.toString().length ? 1n : divAwayFromZero(unscaled, pow10(shift));
      exp = NANO;
    }
    let outFormat = format;
    // only a BinarySI amount is capped: kubectl prints "18446744073709551616" as written, "16Ei" as 2^63-1
    if (format === 'BinarySI' && compareParts(unscaled, exp, MAX_INT64, 0) > 0) {
      unscaled = MAX_INT64;
      exp = 0;
    }
    if (outFormat === 'BinarySI' && unscaled !== 0n && compareParts(unscaled, exp, 1n, 0) < 0) outFormat = 'DecimalSI';
    if (negative) unscaled = -unscaled;
    return ok(new Quantity(unscaled, exp, outFormat, undefined));
  }

  /** Parses a quantity, throwing on invalid input (Go's `MustParse`); for literals. */
  static parse(input: string | number): Quantity {
    const r = Quantity.tryParse(input);
    if (!r.ok) throw new Error(`cannot parse quantity ${JSON.stringify(String(input))}: ${r.message}`);
    return r.quantity;
  }

  /** Zero, as Kubernetes prints it. */
  static readonly ZERO = new Quantity(0n, 0, 'DecimalSI', '0');

  /** A quantity from a whole number of milli-units (`1500` → `1500m`, printed canonically). */
  static fromMilli(milli: bigint | number): Quantity {
    return new Quantity(BigInt(milli), -3, 'DecimalSI', undefined);
  }

  private constructor(
    /** value = unscaled × 10^exponent, exactly */
    private readonly unscaled: bigint,
    private readonly exponent: number,
    /** The format the quantity prints in. */
    readonly format: QuantityFormat,
    private readonly cached: string | undefined,
  ) {}

  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** Compares values exactly: -1, 0 or 1. */
  cmp(other: Quantity): -1 | 0 | 1 {
    return compareParts(this.unscaled, this.exponent, other.unscaled, other.exponent);
  }

  equals(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** The exact sum, in this quantity's format (as apimachinery's `Add`). */
  add(other: Quantity): Quantity {
    const e = Math.min(this.exponent, other.exponent);
    const u = this.unscaled * pow10(this.exponent - e) + other.unscaled * pow10(other.exponent - e);
    return new Quantity(u, e, this.isZero() ? other.format : this.format, undefined);
  }

  /** The exact difference, in this quantity's format. */
  sub(other: Quantity): Quantity {
    return this.add(other.neg());
  }

  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exponent, this.format, undefined);
  }

  /** Value in milli-units, rounded up as apimachinery's `MilliValue` does. */
  milliValue(): bigint {
    return this.scaledValue(-3);
  }

  /** Value in whole units, rounded up as apimachinery's `Value` does. */
  value(): bigint {
    return this.scaledValue(0);
  }

  /** Value at 10^scale, rounded away from zero when inexact (apimachinery `ScaledValue`). */
  scaledValue(scale: number): bigint {
    const d = this.exponent - scale;
    if (d >= 0) return this.unscaled * pow10(d);
    return divAwayFromZero(this.unscaled, pow10(-d));
  }

  /** True when the value is a whole number (`MilliValue() % 1000 == 0`, as the integer-resource rule checks). */
  isInteger(): boolean {
    return this.milliValue() % 1000n === 0n;
  }

  /** True when the value has more precision than `10^scale` (e.g. finer than 1m at scale -3). */
  isFinerThan(scale: number): boolean {
    // stripping trailing zeros only raises the exponent: at `scale` or above already, it is not finer
    if (this.exponent >= scale) return false;
    const [u, e] = stripTens(this.unscaled, this.exponent);
    return u !== 0n && e < scale;
  }

  /** An approximate float, for display and ratios only. */
  toNumber(): number {
    return Number(this.unscaled) * 10 ** this.exponent;
  }

  /** apimachinery's canonical string (`String()`): `"0.5"` → `"500m"`, `"1.5Gi"` → `"1536Mi"`, `129e6` → `"129e6"`. */
  toString(): string {
    if (this.cached !== undefined) return this.cached;
    if (this.unscaled === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      const inSmallRange = this.cmp(SMALL_NEG) > 0 && this.cmp(SMALL_POS) < 0;
      if (inSmallRange || this.isFinerThan(0)) format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
      let u = this.scaledValue(0);
      let times = 0;
      const neg = u < 0n;
      if (neg) u = -u;
      while (u >= 1024n && u % 1024n === 0n) {
        u /= 1024n;
        times++;
      }
      if (neg) u = -u;
      return `${u}${BIN_BY_EXPONENT.get(times * 10) ?? ''}`;
    }
    let [u, e] = stripTens(this.unscaled, this.exponent);
    const r = ((e % 3) + 3) % 3;
    if (r !== 0) {
      u *= pow10(r);
      e -= r;
    }
    const suffix = format === 'DecimalExponent' ? (e === 0 ? '' : `e${e}`) : (DEC_BY_EXPONENT.get(e) ?? '');
    return `${u}${suffix}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

const SMALL_NEG = Quantity.parse('-1024');
const SMALL_POS = Quantity.parse('1024');

function compareParts(ua: bigint, ea: number, ub: bigint, eb: number): -1 | 0 | 1 {
  const e = Math.min(ea, eb);
  const a = ua * pow10(ea - e);
  const b = ub * pow10(eb - e);
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * The white space `Quantity.UnmarshalJSON` trims (`strings.TrimSpace`) as it sees it: it trims the raw JSON text
 * of the string, in which kubectl's encoder has already escaped tab, newline and the other control characters
 * (`\t`, `\n`) and U+2028/U+2029, so only the space and Unicode spaces written as such are trimmed. Checked
 * with `kubectl set resources --local` (typed decoding): `"200Mi "`, `"\u00a0100Mi"` and `"\u3000100Mi"` decode,
 * `"200Mi\t"`, `"200Mi\n"` and `"\ufeff100Mi"` do not.
 */
const WIRE_SPACE = ' \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
const WIRE_TRIM = new RegExp(`^[${WIRE_SPACE}]+|[${WIRE_SPACE}]+$`, 'g');

/** Whether the UTF-16 code unit `c` is one of {@link WIRE_SPACE}. */
function isWireSpace(c: number): boolean {
  return c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** The text `Quantity.UnmarshalJSON` parses: the string trimmed of the white space it trims. */
export function trimWireSpace(text: string): string {
  // most quantities have nothing to trim: tell by their first and last code unit, without the regex
  if (text.length > 0 && !isWireSpace(text.charCodeAt(0)) && !isWireSpace(text.charCodeAt(text.length - 1))) return text;
  return text.replace(WIRE_TRIM, '');
}

function ok(quantity: Quantity): QuantityParseResult {
  return { ok: true, quantity };
}

function fail(kind: QuantityErrorKind): QuantityParseResult {
  return { ok: false, kind, message: QUANTITY_ERRORS[kind] };
}

/** Parses a quantity (result form). */
export function parseQuantity(input: string | number): QuantityParseResult {
  return Quantity.tryParse(input);
}

/** Memory-style suffixes, for template-literal quantity types. */
export type BinarySuffix = 'Ki' | 'Mi' | 'Gi' | 'Ti' | 'Pi' | 'Ei';
export type DecimalSuffix = 'n' | 'u' | 'm' | 'k' | 'M' | 'G' | 'T' | 'P' | 'E';
/**
 * A quantity literal as the docs write them (`"100Mi"`, `"0.5"`, `"700m"`, `"129e6"`), a number, or a
 * parsed {@link Quantity}. The template type catches typos in literals; the runtime parse is the authority.
 */
export type QuantityInput = `${number}` | `${number}${BinarySuffix | DecimalSuffix}` | `${number}e${number}` | `${number}E${number}` | number | Quantity;

/** The wire value of a quantity input: literals and numbers exactly as written, `Quantity` values canonical. */
export function quantityWire(input: QuantityInput | string): string | number {
  return input instanceof Quantity ? input.toString() : input;
}
