/**
 * kustomize's `configMapGenerator` (kustomize v5, as in `kubectl kustomize`), reproduced: the same data,
 * binaryData and name, and an error wherever kustomize fails.
 * - `envs` are read first, then `literals`, then `files`; a key given twice is an error;
 * - env files parse like kubectl's, except that keys are not checked and a line without `=` gives `""`;
 * - `literals` lose one pair of surrounding quotes; keys of literals and files are not checked either
 *   (the API server checks them: see the `config-map/key-invalid` rule);
 * - `files` must be files, not directories; non-UTF-8 content goes to `binaryData`;
 * - a key or value holding a character go-yaml writes but will not read back (DEL, the C1 controls other
 *   than U+0085, U+FFFE, U+FFFF) makes kustomize fail with `yaml: control characters are not allowed`;
 * - `binaryData` is base64 wrapped at 70 columns from 52 bytes on ({@link kustomizeBase64}), as kustomize
 *   writes and hashes it;
 * - the name gets a hash suffix of the content (not of the name) unless `options.disableNameSuffixHash`.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/#create-a-configmap-from-generator
 */
import { kustomizeBase64 } from './base64';
import type { ConfigMapContent } from './content';
import { parseEnvFile, type Pair } from './env-file';
import type { ReadPath } from './files';
import { decodeUtf8 } from './go';
import { kustomizeConfigMapHash } from './hash';
import type { GeneratedConfigMap } from './kubectl';
import { fail, ok, type Result } from './result';
import { parseFileSource, parseLiteralSource } from './sources';

/** `configMapGenerator[].options` (and the kustomization's `generatorOptions`). */
export interface GeneratorOptions {
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly disableNameSuffixHash?: boolean;
  /** Emits `immutable: true`; `false` emits nothing, as kustomize does. */
  readonly immutable?: boolean;
}

/** One entry of `configMapGenerator`. */
export interface ConfigMapGeneratorArgs {
  readonly name: string;
  readonly namespace?: string;
  readonly envs?: readonly string[];
  readonly literals?: readonly string[];
  readonly files?: readonly string[];
  readonly options?: GeneratorOptions;
}

/** What a generator entry produces. */
export interface GeneratedKustomizeConfigMap extends GeneratedConfigMap {
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly immutable?: boolean;
}

/** Characters kustomize's YAML round trip rejects (measured with kustomize v5.5). */
const UNWRITABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** kustomize joins paths with `filepath.Join`, which cleans away a trailing '/'. */
const clean = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') || '/' : p);

/** A value read by kustomize's kv loader: text from envs and literals, bytes from files. */
export type KvValue = { readonly text: string } | { readonly bytes: Uint8Array };

/** One key and its value, in the order kustomize reads them. */
export interface KvPair {
  readonly key: string;
  readonly value: KvValue;
}

/** The sources of one generator entry (`configMapGenerator` or `secretGenerator`). */
export interface KvSources {
  readonly name: string;
  readonly envs?: readonly string[];
  readonly literals?: readonly string[];
  readonly files?: readonly string[];
}

/**
 * kustomize's kv loader and `makeValidatedDataMap`, shared by both generators: `envs`, then `literals`, then
 * `files`; a key read twice is an error (worded `configmap …` for Secrets too, as kustomize words it).
 */
export function kustomizeKvPairs(args: KvSources, read: ReadPath): Result<readonly KvPair[]> {
  const pairs: KvPair[] = [];
  for (const path of args.envs ?? []) {
    const info = read(clean(path));
    if (info.type !== 'file') return fail(info.type === 'missing' ? `evalsymlink failure on '${path}' : ${info.reason}` : `'${path}' must resolve to a file`);
    const parsed = parseEnvFile(info.content, { dialect: 'kustomize', path });
    if (parsed.error) return fail(parsed.error);
    pairs.push(...parsed.pairs.map((p: Pair) => ({ key: p.key, value: { text: p.value } })));
  }
  for (const source of args.literals ?? []) {
    const parsed = parseLiteralSource(source, 'kustomize');
    if (!parsed.ok) return parsed;
    pairs.push({ key: parsed.value.key, value: { text: parsed.value.value } });
  }
  for (const source of args.files ?? []) {
    const parsed = parseFileSource(source, 'kustomize');
    if (!parsed.ok) return parsed;
    const info = read(clean(parsed.value.path));
    if (info.type !== 'file')
      return fail(info.type === 'missing' ? `evalsymlink failure on '${parsed.value.path}' : ${info.reason}` : `'${parsed.value.path}' must resolve to a file`);
    pairs.push({ key: parsed.value.key, value: { bytes: info.content } });
  }
  const seen = new Set<string>();
  for (const { key } of pairs) {
    if (seen.has(key)) return fail(`configmap ${args.name} illegally repeats the key \`${key}\``);
    seen.add(key);
  }
  return ok(pairs);
}

/** Whether kustomize's YAML round trip rejects `text` (`yaml: control characters are not allowed`). */
export function isUnwritableYaml(text: string): boolean {
  return UNWRITABLE.test(text);
}

/** Runs one `configMapGenerator` entry, reading files (relative to the kustomization) through `read`. */
export function kustomizeConfigMap(args: ConfigMapGeneratorArgs, read: ReadPath): Result<GeneratedKustomizeConfigMap> {
  const loaded = kustomizeKvPairs(args, read);
  if (!loaded.ok) return loaded;
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  for (const { key, value } of loaded.value) {
    const text = 'text' in value ? value.text : decodeUtf8(value.bytes);
    if (UNWRITABLE.test(key) || (text !== undefined && UNWRITABLE.test(text))) return fail('yaml: control characters are not allowed');
    if (text !== undefined) data[key] = text;
    else binaryData[key] = kustomizeBase64((value as { bytes: Uint8Array }).bytes);
  }
  const content: ConfigMapContent = { data, binaryData };
  const options = args.options ?? {};
  const name = options.disableNameSuffixHash ? args.name : `${args.name}-${kustomizeConfigMapHash(content)}`;
  return ok({
    name,
    ...content,
    ...(args.namespace !== undefined ? { namespace: args.namespace } : {}),
    ...(options.labels ? { labels: options.labels } : {}),
    ...(options.annotations ? { annotations: options.annotations } : {}),
    ...(options.immutable ? { immutable: true } : {}),
  });
}
