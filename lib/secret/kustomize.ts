/**
 * kustomize's `secretGenerator` (kustomize v5, as in `kubectl kustomize`), reproduced: the same data, type and
 * name, and an error wherever kustomize fails.
 * - the sources are read as for `configMapGenerator` (`envs`, then `literals`, then `files`; one pair of quotes
 *   stripped from literals; keys not checked; a key given twice is an error);
 * - every value goes to `data` as base64 of its bytes, wrapped at 70 columns from 52 bytes on
 *   ({@link kustomizeBase64}), text and binary alike;
 * - `type` defaults to `Opaque`; `data` is written even when empty (`{}`);
 * - the name gets a hash suffix of type and data ({@link kustomizeSecretHash}) unless `options.disableNameSuffixHash`.
 * https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/secretgenerator/
 */
import { kustomizeBase64 } from '../configmap/base64';
import type { ReadPath } from '../configmap/files';
import { compareBytes } from '../configmap/go';
import { isUnwritableYaml, kustomizeKvPairs, type GeneratorOptions } from '../configmap/kustomize';
import { fail, ok, type Result } from '../configmap/result';
import { kustomizeSecretHash } from './hash';
import type { GeneratedSecret } from './kubectl';
import { redactedLiteralSourceError } from './redact';

/** One entry of `secretGenerator`. */
export interface SecretGeneratorArgs {
  readonly name: string;
  readonly namespace?: string;
  /** @default 'Opaque' */
  readonly type?: string;
  readonly envs?: readonly string[];
  readonly literals?: readonly string[];
  readonly files?: readonly string[];
  readonly options?: GeneratorOptions;
}

/** What a `secretGenerator` entry produces. */
export interface GeneratedKustomizeSecret extends GeneratedSecret {
  readonly type: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly immutable?: boolean;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Runs one `secretGenerator` entry, reading files (relative to the kustomization) through `read`. */
export function kustomizeSecret(args: SecretGeneratorArgs, read: ReadPath): Result<GeneratedKustomizeSecret> {
  const loaded = kustomizeKvPairs(args, read);
  if (!loaded.ok) {
    // the only message that quotes a value; kustomize names the line of an env file that is not UTF-8, not its bytes
    return fail(loaded.error.startsWith('invalid literal source ') ? redactedLiteralSourceError() : loaded.error);
  }
  const data: Record<string, string> = {};
  for (const { key, value } of [...loaded.value].sort((a, b) => compareBytes(a.key, b.key))) {
    if (isUnwritableYaml(key)) return fail('yaml: control characters are not allowed');
    data[key] = kustomizeBase64('text' in value ? utf8(value.text) : value.bytes);
  }
  const type = args.type !== undefined && args.type !== '' ? args.type : 'Opaque';
  const options = args.options ?? {};
  return ok({
    name: options.disableNameSuffixHash ? args.name : `${args.name}-${kustomizeSecretHash(type, data)}`,
    type,
    data,
    ...(args.namespace !== undefined ? { namespace: args.namespace } : {}),
    ...(options.labels ? { labels: options.labels } : {}),
    ...(options.annotations ? { annotations: options.annotations } : {}),
    ...(options.immutable ? { immutable: true } : {}),
  });
}
