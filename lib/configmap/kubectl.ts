/**
 * `kubectl create configmap NAME [--from-file=…] [--from-literal=…] [--from-env-file=…] [--append-hash]`,
 * reproduced: the same data, binaryData and name, and an error wherever kubectl fails.
 * - files are read first, then literals, then env files; several env files are merged (kubectl ≥ 1.23);
 *   `--from-env-file` cannot be combined with the other two;
 * - `--from-file=DIR` adds every regular file of DIR (hidden ones too) and skips subdirectories, symlinks
 *   and other special files; a file whose name is not a valid ConfigMap key is an error, not skipped;
 * - a key added twice is an error.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/#create-a-configmap-using-kubectl-create-configmap
 */
import { KubectlContent, type ConfigMapContent } from './content';
import { parseEnvFile } from './env-file';
import type { ReadPath } from './files';
import { compareBytes } from './go';
import { kubectlConfigMapHash } from './hash';
import { fail, ok, type Result } from './result';
import { parseFileSource, parseLiteralSource } from './sources';

/** The arguments of `kubectl create configmap`. */
export interface KubectlConfigMapArgs {
  readonly name: string;
  /** `--from-file`: `path`, `key=path` or a directory. */
  readonly fromFile?: readonly string[];
  /** `--from-literal`: `key=value`. */
  readonly fromLiteral?: readonly string[];
  /** `--from-env-file`: paths of env files, merged in order. */
  readonly fromEnvFile?: readonly string[];
  /** `--append-hash`: suffix the name with a hash of the content (the name included). */
  readonly appendHash?: boolean;
  /** kubectl's environment, for env-file lines without `=`. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/** A ConfigMap's generated name and content. */
export interface GeneratedConfigMap extends ConfigMapContent {
  readonly name: string;
}

/** Joins paths as Go's `path.Join` does for the simple cases kubectl meets (a directory and an entry name). */
function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** Runs `kubectl create configmap` on `args`, reading files through `read`. */
export function kubectlCreateConfigMap(args: KubectlConfigMapArgs, read: ReadPath): Result<GeneratedConfigMap> {
  const files = args.fromFile ?? [];
  const literals = args.fromLiteral ?? [];
  const envFiles = args.fromEnvFile ?? [];
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) return fail('from-env-file cannot be combined with from-file or from-literal');
  const content = new KubectlContent(args.name);

  for (const source of files) {
    const parsed = parseFileSource(source, 'kubectl');
    if (!parsed.ok) return parsed;
    const { key, path, explicitKey } = parsed.value;
    const info = read(path);
    if (info.type === 'missing') return fail(`error reading ${path}: ${info.reason}`);
    if (info.type === 'directory') {
      if (explicitKey) return fail('cannot give a key name for a directory path');
      const entries = [...info.entries].sort((a, b) => compareBytes(a.name, b.name));
      for (const entry of entries) {
        if (entry.type !== 'file') continue;
        if (!entry.content) return fail(`error reading ${joinPath(path, entry.name)}`);
        const error = content.addBytes(entry.name, entry.content);
        if (error) return fail(error);
      }
    } else {
      const error = content.addBytes(key, info.content);
      if (error) return fail(error);
    }
  }

  for (const source of literals) {
    const parsed = parseLiteralSource(source, 'kubectl');
    if (!parsed.ok) return parsed;
    const error = content.addText(parsed.value.key, parsed.value.value);
    if (error) return fail(error);
  }

  for (const path of envFiles) {
    const info = read(path);
    if (info.type === 'missing') return fail(`error reading ${path}: ${info.reason}`);
    if (info.type === 'directory') return fail("env config file cannot be a directory");
    const parsed = parseEnvFile(info.content, { dialect: 'kubectl', path, environment: args.environment });
    for (const pair of parsed.pairs) {
      const error = content.addText(pair.key, pair.value);
      if (error) return fail(error);
    }
    if (parsed.error) return fail(parsed.error);
  }

  const result = content.content;
  const name = args.appendHash ? `${args.name}-${kubectlConfigMapHash(args.name, result)}` : args.name;
  return ok({ name, ...result });
}
