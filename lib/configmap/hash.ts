/**
 * Name suffixes of generated ConfigMaps: sha256 over the JSON of `{kind, name, data[, binaryData]}`, the
 * first 10 hex digits with `0 1 3 a e` mapped to `g h k m t` (kustomize's `encode`, which keeps the suffix
 * from spelling words). Two forms exist:
 * - `kubectl create configmap --append-hash` hashes with the ConfigMap's name and `data` always present;
 *   the names the docs print (`game-config-4-m9dm2f92bt`) have this form;
 * - kustomize v5's `configMapGenerator` hashes with `name: ""` (its lookup of `metadata/name` misses),
 *   `data: ""` when there is no data, and `binaryData` as its encoder wrote it: base64 wrapped at 70 columns
 *   from 52 bytes on ({@link kustomizeBase64}; callers pass the wrapped text).
 * Neither includes `immutable`, labels, annotations or the namespace (measured with kubectl 1.32 / kustomize v5.5).
 */
import { createHash } from 'node:crypto';
import type { kustomizeBase64 } from './base64';
import type { ConfigMapContent } from './content';
import { goJsonMarshal } from './go';

const MAP: Readonly<Record<string, string>> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

/** kustomize's `encode`: the first 10 hex digits, vowel-free. */
export function encodeHash(hex: string): string {
  if (hex.length < 10) throw new Error(`input length must be at least 10: ${hex}`);
  return Array.from(hex.slice(0, 10), (c) => MAP[c] ?? c).join('');
}

function sha256Suffix(json: string): string {
  return encodeHash(createHash('sha256').update(json, 'utf8').digest('hex'));
}

function hasKeys(map: Readonly<Record<string, string>>): boolean {
  return Object.keys(map).length > 0;
}

/** The suffix `kubectl create configmap NAME --append-hash` appends (`NAME-<suffix>`). */
export function kubectlConfigMapHash(name: string, content: ConfigMapContent): string {
  const m: Record<string, unknown> = { kind: 'ConfigMap', name, data: content.data };
  if (hasKeys(content.binaryData)) m.binaryData = content.binaryData;
  return sha256Suffix(goJsonMarshal(m));
}

/** The suffix kustomize's `configMapGenerator` appends (the name does not enter the hash). */
export function kustomizeConfigMapHash(content: ConfigMapContent): string {
  const m: Record<string, unknown> = { kind: 'ConfigMap', name: '', data: hasKeys(content.data) ? content.data : '' };
  if (hasKeys(content.binaryData)) m.binaryData = content.binaryData;
  return sha256Suffix(goJsonMarshal(m));
}
