/**
 * Secret values never appear in a message. Where kubectl's or kustomize's own error text would quote a value
 * (an `--from-literal` without a key, the bytes of an env-file line that is not UTF-8), that part is replaced by
 * the API server's own placeholder for Secret data in its errors; everything else keeps the tool's wording.
 */

/** The API server's placeholder for Secret data in a validation error (`ValidateSecret`). */
export const REDACTED = '<secret contents redacted>';

/** kubectl's and kustomize's message for a literal source without `key=`, with the source (a value) left out. */
export function redactedLiteralSourceError(): string {
  return `invalid literal source ${REDACTED}, expected key=value`;
}

/**
 * An env-file parse error with the line's bytes left out: kubectl prints them
 * (`env file F contains invalid utf8 bytes at line N: [104 105 …]`), and that line holds a value.
 */
export function redactEnvFileError(error: string): string {
  return error.replace(/^(env file .* contains invalid utf8 bytes at line \d+: )\[[\d ]*\]$/s, `$1${REDACTED}`);
}

/**
 * kubectl's message for an env-file line without `=` that is not a variable name quotes the whole line
 * (`"PASSWORD hunter2" is not a valid key name: …`), which may be a value written without its key (a space or
 * `:` for `=`): the line is named by its number instead.
 */
export function redactedEnvLineError(path: string, line: number, details: readonly string[]): string {
  return `env file ${path} line ${line}: ${REDACTED} is not a valid key name: ${details.join(';')}`;
}
