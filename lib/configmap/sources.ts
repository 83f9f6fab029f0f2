/**
 * The source arguments of `kubectl create configmap` and kustomize's `configMapGenerator`:
 * `--from-literal=key=value` / `literals`, and `--from-file=[key=]path` / `files`.
 */
import type { Pair } from './env-file';
import { fail, ok, type Dialect, type Result } from './result';

/** A file source split into the key it gives and the path it reads. */
export interface FileSource {
  /** The key, or the path's base name when none is given. */
  readonly key: string;
  readonly path: string;
  /** Whether the key was written explicitly (`key=path`); kubectl refuses a key for a directory. */
  readonly explicitKey: boolean;
}

/** Go's `path.Base` on a slash path. */
export function baseName(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** `ParseFileSource` of kubectl and of kustomize: `path` or `key=path`. */
export function parseFileSource(source: string, dialect: Dialect): Result<FileSource> {
  const separators = source.split('=').length - 1;
  if (separators === 0) return ok({ key: baseName(source), path: source, explicitKey: false });
  if (separators === 1 && source.startsWith('=')) {
    const path = source.slice(1);
    return fail(dialect === 'kubectl' ? `key name for file path ${path} missing` : `missing key name for file path "${path}" in source "${source}"`);
  }
  if (separators === 1 && source.endsWith('=')) {
    const key = source.slice(0, -1);
    return fail(dialect === 'kubectl' ? `file path for key name ${key} missing` : `missing file path for key name "${key}" in source "${source}"`);
  }
  if (separators > 1) return fail(dialect === 'kubectl' ? "key names or file paths cannot contain '='" : `source "${source}" key name or file path contains '='`);
  const [key, path] = source.split('=') as [string, string];
  return ok({ key, path, explicitKey: true });
}

/**
 * `ParseLiteralSource`: `key=value`, split at the first `=`. kustomize also strips one pair of matching
 * surrounding quotes (`"…"` or `'…'`) from the value; kubectl keeps them.
 */
export function parseLiteralSource(source: string, dialect: Dialect): Result<Pair> {
  const eq = source.indexOf('=');
  if (eq <= 0) return fail(`invalid literal source ${source}, expected key=value`);
  const key = source.slice(0, eq);
  const value = source.slice(eq + 1);
  return ok({ key, value: dialect === 'kustomize' ? removeQuotes(value) : value });
}

/** kustomize's `removeQuotes`: one pair of matching single or double quotes around the whole value. */
export function removeQuotes(value: string): string {
  if (value.length >= 2) {
    const c = value[value.length - 1];
    if (value[0] === c && (c === '"' || c === "'")) return value.slice(1, -1);
  }
  return value;
}
