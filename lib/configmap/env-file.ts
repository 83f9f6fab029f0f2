/**
 * Env files (`kubectl create configmap --from-env-file`, kustomize `configMapGenerator.envs`), parsed line
 * by line exactly as both tools do:
 * - lines are split by Go's `bufio.Scanner` (`\n`, with one trailing `\r` dropped); a line of 64 KiB or
 *   more stops the scan **silently**, keeping the pairs before it (neither tool checks the scanner's error);
 * - a UTF-8 BOM is dropped from the first line only; leading white space (Go's `unicode.IsSpace`) is trimmed;
 *   empty lines and lines starting with `#` are skipped; quotes and trailing white space are kept;
 * - the key is everything before the first `=`; kubectl requires a valid env var name, kustomize does not
 *   check, and skips a line whose key is empty (`=v`);
 * - a line without `=`: kubectl takes the value from its own environment, kustomize uses `""`;
 * - a line that is not UTF-8 is an error.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/
 */
import { decodeUtf8, strconvQuote, trimLeftGoSpace } from './go';
import { envVarNameErrors } from './keys';
import type { Dialect } from './result';

/** One `key=value` pair read from a source, in source order. */
export interface Pair {
  readonly key: string;
  readonly value: string;
}

/** Pairs parsed before the first error, and that error (kubectl adds pairs as it reads, so both matter). */
export interface EnvFileParse {
  readonly pairs: readonly Pair[];
  readonly error?: string;
  /**
   * Set when `error` quotes a whole line as a key (an invalid key on a line without `=`): the line may be a value
   * written without its key, which a Secret's message must not repeat.
   */
  readonly errorQuotesLine?: { readonly line: number; readonly details: readonly string[] };
}

export interface EnvFileOptions {
  readonly dialect: Dialect;
  /** The path as given, for error messages. */
  readonly path: string;
  /**
   * kubectl's environment, for lines without `=` (kubectl only).
   * @default - no variables: such lines get `""`
   */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/** `bufio.MaxScanTokenSize`: a line of this many bytes or more ends the scan. */
export const MAX_SCAN_TOKEN = 64 * 1024;
const BOM = '\ufeff';

/** The raw lines `bufio.ScanLines` yields, stopping where the scanner would fail with `ErrTooLong`. */
export function scanLines(content: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf(0x0a, start);
    if (end < 0) end = content.length;
    // The scanner's buffer must hold the line and its newline (or, for the last line, one byte more).
    if (end - start >= MAX_SCAN_TOKEN) break;
    let line = content.subarray(start, end);
    if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** Parses an env file as `dialect` does. */
export function parseEnvFile(content: Uint8Array, options: EnvFileOptions): EnvFileParse {
  const pairs: Pair[] = [];
  const lines = scanLines(content);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    let text = decodeUtf8(raw);
    if (text === undefined) {
      const error =
        options.dialect === 'kubectl'
          ? `env file ${options.path} contains invalid utf8 bytes at line ${n + 1}: [${Array.from(raw).join(' ')}]`
          : `line ${n} has invalid utf8 bytes`;
      return { pairs, error };
    }
    if (n === 0 && text.startsWith(BOM)) text = text.slice(1);
    text = trimLeftGoSpace(text);
    if (text === '' || text.startsWith('#')) continue;
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    if (options.dialect === 'kubectl') {
      const errs = envVarNameErrors(key);
      if (errs.length > 0) {
        const error = `${strconvQuote(key)} is not a valid key name: ${errs.join(';')}`;
        return eq < 0 ? { pairs, error, errorQuotesLine: { line: n + 1, details: errs } } : { pairs, error };
      }
    }
    // kustomize treats an empty key as "nothing on this line" (its blank-pair check), so `=v` is skipped
    if (key === '') continue;
    let value: string;
    if (eq >= 0) value = text.slice(eq + 1);
    else value = options.dialect === 'kubectl' ? (options.environment?.[key] ?? '') : '';
    pairs.push({ key, value });
  }
  return { pairs };
}
