/**
 * `kubectl create secret generic` (kubectl 1.32), reproduced: the same data, type and name, and kubectl's error
 * wherever kubectl fails, with any value it would quote left out ({@link REDACTED}). It differs from
 * `create configmap` in ways that show in its output and errors:
 * - literals are read first, then files, then env files (`--from-env-file` cannot be combined with the others);
 * - every value goes to `data`, base64-encoded, whatever its bytes (no `binaryData`);
 * - a key must be a ConfigMap key (`"k" is not valid key name for a Secret …`), a duplicate is an error
 *   (`cannot add key k, another key by that name already exists`);
 * - `--type` is written as given, and left out when not given (the API server then defaults it to `Opaque`);
 * - `--append-hash` hashes the name, the type and the data ({@link kubectlSecretHash}).
 * Where kubectl's message would repeat a value (a literal without `key=`, the bytes of an env-file line that
 * is not UTF-8, an env-file line without `=` that is not a variable name), that part is left out (redact.ts).
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_secret_generic/
 */
import { parseEnvFile } from '../configmap/env-file';
import type { ReadPath } from '../configmap/files';
import { compareBytes, strconvQuote } from '../configmap/go';
import { configMapKeyErrors } from '../configmap/keys';
import { fail, ok, type Result } from '../configmap/result';
import { parseFileSource, parseLiteralSource } from '../configmap/sources';
import { kubectlSecretHash } from './hash';
import { redactEnvFileError, redactedEnvLineError, redactedLiteralSourceError } from './redact';

/** A Secret's name, type and data (values base64-encoded, one line each). */
export interface GeneratedSecret {
  readonly name: string;
  /** `type`, absent when kubectl writes none. */
  readonly type?: string;
  readonly data: Readonly<Record<string, string>>;
}

/** The arguments of `kubectl create secret generic`. */
export interface KubectlSecretArgs {
  readonly name: string;
  /** `--type`. @default - none written */
  readonly type?: string;
  /** `--from-file`: `path`, `key=path` or a directory. */
  readonly fromFile?: readonly string[];
  /** `--from-literal`: `key=value`. */
  readonly fromLiteral?: readonly string[];
  /** `--from-env-file`: paths of env files, merged in order. */
  readonly fromEnvFile?: readonly string[];
  /** `--append-hash`. */
  readonly appendHash?: boolean;
  /** kubectl's environment, for env-file lines without `=`. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/** Go's `path.Clean` on a slash path, as `filepath.Join` applies it. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** The data of a Secret being built, with kubectl's `addKeyFromLiteralToSecret` checks on each new key. */
export class SecretContent {
  private readonly data = new Map<string, Uint8Array>();

  /** Adds `value` under `key`; returns kubectl's error, if any (it names the key, never the value). */
  add(key: string, value: Uint8Array): string | undefined {
    const errs = configMapKeyErrors(key);
    if (errs.length > 0) return `${strconvQuote(key)} is not valid key name for a Secret ${errs.join(';')}`;
    if (this.data.has(key)) return `cannot add key ${key}, another key by that name already exists`;
    this.data.set(key, value);
    return undefined;
  }

  /** The data, base64-encoded, in key order. */
  get base64(): Record<string, string> {
    const keys = [...this.data.keys()].sort(compareBytes);
    return Object.fromEntries(keys.map((k) => [k, Buffer.from(this.data.get(k)!).toString('base64')]));
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Adds `--from-file` sources to `content` as kubectl's `handleSecretFromFileSources` does. */
export function addFileSources(content: SecretContent, sources: readonly string[], read: ReadPath): string | undefined {
  for (const source of sources) {
    const parsed = parseFileSource(source, 'kubectl');
    if (!parsed.ok) return parsed.error;
    const { key, path, explicitKey } = parsed.value;
    const info = read(path);
    if (info.type === 'missing') return `error reading ${path}: ${info.reason}`;
    if (info.type === 'directory') {
      if (explicitKey) return 'cannot give a key name for a directory path';
      for (const entry of [...info.entries].sort((a, b) => compareBytes(a.name, b.name))) {
        if (entry.type !== 'file') continue;
        if (!entry.content) return `open ${cleanPath(`${path}/${entry.name}`)}: permission denied`;
        const error = content.add(entry.name, entry.content);
        if (error) return error;
      }
    } else {
      const error = content.add(key, info.content);
      if (error) return error;
    }
  }
  return undefined;
}

/** Runs `kubectl create secret generic` on `args`, reading files through `read`. */
export function kubectlCreateSecretGeneric(args: KubectlSecretArgs, read: ReadPath): Result<GeneratedSecret> {
  const files = args.fromFile ?? [];
  const literals = args.fromLiteral ?? [];
  const envFiles = args.fromEnvFile ?? [];
  if (args.name === '') return fail('name must be specified');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) return fail('from-env-file cannot be combined with from-file or from-literal');
  const content = new SecretContent();

  for (const source of literals) {
    const parsed = parseLiteralSource(source, 'kubectl');
    if (!parsed.ok) return fail(redactedLiteralSourceError());
    const error = content.add(parsed.value.key, utf8(parsed.value.value));
    if (error) return fail(error);
  }

  const fileError = addFileSources(content, files, read);
  if (fileError) return fail(fileError);

  for (const path of envFiles) {
    const info = read(path);
    if (info.type === 'missing') return fail(`error reading ${path}: ${info.reason}`);
    if (info.type === 'directory') return fail('env secret file cannot be a directory');
    const parsed = parseEnvFile(info.content, { dialect: 'kubectl', path, environment: args.environment });
    for (const pair of parsed.pairs) {
      const error = content.add(pair.key, utf8(pair.value));
      if (error) return fail(error);
    }
    if (parsed.errorQuotesLine) return fail(redactedEnvLineError(path, parsed.errorQuotesLine.line, parsed.errorQuotesLine.details));
    if (parsed.error) return fail(redactEnvFileError(parsed.error));
  }

  return ok(kubectlSecret(args.name, args.type, content.base64, args.appendHash));
}

/** The Secret with its final name (`NAME-<hash>` with `--append-hash`). */
export function kubectlSecret(name: string, type: string | undefined, data: Record<string, string>, appendHash: boolean | undefined): GeneratedSecret {
  const typed = type !== undefined && type !== '' ? type : undefined;
  return {
    name: appendHash ? `${name}-${kubectlSecretHash(name, typed, data)}` : name,
    ...(typed !== undefined ? { type: typed } : {}),
    data,
  };
}
