/**
 * A CronJob's `schedule` as the API server reads it: `validateScheduleFormat` (pkg/apis/batch/validation) parses
 * it with robfig/cron v3's standard parser (`cron.ParseStandard`) and reports that parser's error text. This
 * file follows that parser step by step, so the same schedules pass and fail, with the same messages:
 *
 * - five fields (minute, hour, day of month, month, day of week), split on whitespace;
 * - each field a comma-separated list of `*` or `?`, `N`, `N-M`, each optionally `/step`; `N/step` means `N-max/step`;
 * - month names `jan`…`dec` and weekday names `sun`…`sat`, in any case; weekdays 0–6 (7 is out of range);
 * - the descriptors `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`, and
 *   `@every <Go duration>`;
 * - a `TZ=`/`CRON_TZ=` prefix (the parser takes it; the API server then rejects any `TZ` in a new schedule).
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
 */
import { isKnownTimeZone } from './time-zone';

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DOW_NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** The five fields of a standard spec, in order. */
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 6, names: DOW_NAMES },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** The outcome of parsing a schedule: ok, or the parser's error text. */
export type ScheduleParse = { readonly ok: true } | { readonly ok: false; readonly error: string };

const OK: ScheduleParse = { ok: true };
const fail = (error: string): ScheduleParse => ({ ok: false, error });

/** Go's `strings.Fields`: split on runs of Unicode white space. */
function goFields(s: string): string[] {
  return s.split(/[\s\u0085\u00a0]+/u).filter((f) => f !== '');
}

/** Go's `fmt.Sprintf("%s", []string{...})`. */
function goStringSlice(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** Go's `strconv.Atoi` on a 64-bit platform: the value, or its error text. */
export function goAtoi(s: string): { value: number } | { error: string } {
  const quoted = JSON.stringify(s);
  const m = /^([+-]?)([0-9]+)$/.exec(s);
  if (!m) return { error: `strconv.Atoi: parsing ${quoted}: invalid syntax` };
  const n = BigInt(m[2]!) * (m[1] === '-' ? -1n : 1n);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return { error: `strconv.Atoi: parsing ${quoted}: value out of range` };
  return { value: Number(n) };
}

/** robfig/cron `mustParseInt`. */
function parseInt(expr: string): { value: number } | { error: string } {
  const r = goAtoi(expr);
  if ('error' in r) return { error: `failed to parse int from ${expr}: ${r.error}` };
  if (r.value < 0) return { error: `negative number (${r.value}) not allowed: ${expr}` };
  return r;
}

/** robfig/cron `parseIntOrName`. */
function parseIntOrName(expr: string, names: Bounds['names']): { value: number } | { error: string } {
  const named = names && Object.prototype.hasOwnProperty.call(names, expr.toLowerCase()) ? names[expr.toLowerCase()] : undefined;
  return named !== undefined ? { value: named } : parseInt(expr);
}

/** robfig/cron `getRange`: the error text for one range expression, or undefined when it is valid. */
function rangeError(expr: string, r: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0]!, r.names);
    if ('error' in s) return s.error;
    start = s.value;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1]!, r.names);
      if ('error' in e) return e.error;
      end = e.value;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = parseInt(rangeAndStep[1]!);
    if ('error' in s) return s.error;
    step = s.value;
    if (singleDigit) end = r.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

/**
 * Parses a schedule as `cron.ParseStandard` does (robfig/cron v3.0.1, which Kubernetes uses), with its error
 * text. The API server's extra rule about `TZ` is not part of this (see `checkCronJob`).
 */
export function parseCronSchedule(schedule: string): ScheduleParse {
  if (schedule.length === 0) return fail('empty spec string');
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    // `spec[eq+1 : i]` with no space panics in the parser; the API server recovers and reports the panic
    if (i < 0) return fail('invalid schedule format: runtime error: slice bounds out of range [:-1]');
    const eq = spec.indexOf('=');
    const location = spec.slice(eq + 1, i);
    if (eq + 1 > i) return fail(`invalid schedule format: runtime error: slice bounds out of range [${eq + 1}:${i}]`);
    if (!isKnownTimeZone(location)) return fail(`provided bad location ${location}: unknown time zone ${location}`);
    spec = spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return OK;
    if (spec.startsWith('@every ')) {
      const d = parseGoDuration(spec.slice('@every '.length));
      return 'error' in d ? fail(`failed to parse duration ${spec}: ${d.error}`) : OK;
    }
    return fail(`unrecognized descriptor: ${spec}`);
  }
  const fields = goFields(spec);
  if (fields.length !== FIELDS.length) return fail(`expected exactly ${FIELDS.length} fields, found ${fields.length}: ${goStringSlice(fields)}`);
  for (let i = 0; i < FIELDS.length; i++) {
    for (const expr of fields[i]!.split(',')) {
      if (expr === '') continue; // strings.FieldsFunc drops empty items
      const err = rangeError(expr, FIELDS[i]!);
      if (err !== undefined) return fail(err);
    }
  }
  return OK;
}

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1000n,
  '\u00b5s': 1000n,
  '\u03bcs': 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

/** Go's `time.ParseDuration`: nanoseconds, or its error text. */
export function parseGoDuration(text: string): { nanoseconds: bigint } | { error: string } {
  const quote = (s: string) => JSON.stringify(s);
  const invalid = { error: `time: invalid duration ${quote(text)}` };
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { nanoseconds: 0n };
  if (s === '') return invalid;
  let total = 0n;
  const max = 1n << 63n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0]! >= '0' && s[0]! <= '9'))) return invalid;
    const int = /^[0-9]*/.exec(s)![0];
    s = s.slice(int.length);
    let frac = '';
    let post = false;
    if (s.startsWith('.')) {
      s = s.slice(1);
      frac = /^[0-9]*/.exec(s)![0];
      s = s.slice(frac.length);
      post = frac.length > 0;
    }
    if (int.length === 0 && !post) return invalid;
    const unitText = /^[^.0-9]*/.exec(s)![0];
    if (unitText.length === 0) return { error: `time: missing unit in duration ${quote(text)}` };
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined) return { error: `time: unknown unit ${quote(unitText)} in duration ${quote(text)}` };
    const v = int.length > 0 ? BigInt(int) : 0n;
    if (v > max / unit) return invalid;
    let part = v * unit;
    if (frac.length > 0) part += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    total += part;
    if (total > max) return invalid;
  }
  if (!neg && total > max - 1n) return invalid;
  return { nanoseconds: neg ? -total : total };
}
