/**
 * Name suffixes of generated Secrets: sha256 over the JSON of `{data, kind, name, type}`, encoded as for
 * ConfigMaps ({@link encodeHash}).
 * - `kubectl create secret … --append-hash` (kubectl's `hash.SecretHash`): the Secret's name, its `type` (`""`
 *   when none was given) and `data` as `encoding/json` writes `map[string][]byte` (one-line base64; `{}` when empty);
 * - kustomize's `secretGenerator` (api/hasher `encodeSecret`): `name: ""` (its lookup of `metadata/name`
 *   misses, as for ConfigMaps), the `type` it set (`Opaque` by default) and `data` as its encoder wrote it,
 *   base64 wrapped at 70 columns ({@link kustomizeBase64}); `data` is always a map (`{}` when empty).
 */
import { createHash } from 'node:crypto';
import { goJsonMarshal } from '../configmap/go';
import { encodeHash } from '../configmap/hash';

function suffix(m: Record<string, unknown>): string {
  return encodeHash(createHash('sha256').update(goJsonMarshal(m), 'utf8').digest('hex'));
}

/** The suffix `kubectl create secret … NAME --append-hash` appends; `data` values are base64. */
export function kubectlSecretHash(name: string, type: string | undefined, data: Readonly<Record<string, string>>): string {
  return suffix({ kind: 'Secret', type: type ?? '', name, data });
}

/** The suffix kustomize's `secretGenerator` appends; `data` values are base64 as kustomize wraps them. */
export function kustomizeSecretHash(type: string, data: Readonly<Record<string, string>>): string {
  return suffix({ kind: 'Secret', type, name: '', data });
}
