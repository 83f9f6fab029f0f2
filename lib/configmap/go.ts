/**
 * The few Go standard-library behaviours that kubectl and kustomize output depends on, reproduced exactly:
 * `strconv.Quote` (their error messages), `encoding/json` string escaping (the name hash), `unicode.IsSpace`
 * (env-file lines) and `utf8.Valid`.
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Go's `utf8.Valid` followed by `string(bytes)`: the text, or `undefined` when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Go's `unicode.IsSpace`: Latin-1 spaces plus the Unicode `White_Space` property (U+FEFF is not one). */
export function isGoSpace(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** `bytes.TrimLeftFunc(line, unicode.IsSpace)` on decoded text. */
export function trimLeftGoSpace(text: string): string {
  let i = 0;
  for (const ch of text) {
    if (!isGoSpace(ch)) break;
    i += ch.length;
  }
  return text.slice(i);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `strconv.Quote` (`%q`): printable runes verbatim, the rest as Go escapes. */
export function strconvQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x80 && c >= 0x20 && c !== 0x7f) out += ch;
    else if (c >= 0x80 && PRINTABLE.test(ch)) out += ch;
    else {
      const named: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
      if (named[ch]) out += named[ch];
      else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, '0')}`;
      else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else out += `\\U${c.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

/**
 * `json.Marshal` of a value made of strings, booleans and string maps, as Go writes it: map keys sorted
 * by bytes, no spaces, and HTML-safe escaping (`<`, `>`, `&`, U+2028, U+2029 as `\u` escapes).
 */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareBytes(a, b));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJsonMarshal(v)}`).join(',')}}`;
  }
  throw new TypeError(`cannot marshal ${typeof value}`);
}

/** `encoding/json` of one string: HTML-safe escapes (`<`, `>`, `&`, U+2028, U+2029) as Go writes them. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ENCODER = new TextEncoder();

/** Go's string ordering: by UTF-8 bytes. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const x = ENCODER.encode(a);
  const y = ENCODER.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** UTF-8 length in bytes. */
export function byteLength(s: string): number {
  return ENCODER.encode(s).length;
}
