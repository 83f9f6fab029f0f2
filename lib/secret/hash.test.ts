import { describe, expect, it } from 'vitest';
import { kustomizeBase64 } from '../configmap/base64';
import { kubectlSecretHash, kustomizeSecretHash } from './hash';

const b64 = (s: string) => Buffer.from(s).toString('base64');

// Names measured with kubectl 1.32 / kustomize v5.5 on this machine.
describe('Secret name hashes', () => {
  it('kubectl: the name, the type and the one-line base64 data (kubectl create secret generic s --from-file=f --type=foo --append-hash, f = 60 × "x")', () => {
    expect(kubectlSecretHash('s', 'foo', { f: b64('x'.repeat(60)) })).toBe('4f78b2929b');
  });

  it('kubectl: the type enters the hash', () => {
    expect(kubectlSecretHash('s', undefined, { f: b64('x'.repeat(60)) })).not.toBe('4f78b2929b');
  });

  it.each([
    ['files: [f] (60 × "x", wrapped at 70 columns)', 'Opaque', { f: kustomizeBase64(Buffer.from('x'.repeat(60))) }, 'fcfh24t6t7'],
    ['literals: [a=b], type kubernetes.io/tls', 'kubernetes.io/tls', { a: kustomizeBase64(Buffer.from('b')) }, '92982c4m8f'],
    ['no sources (data: {})', 'Opaque', {}, '46f8b28mk5'],
  ])('kustomize: %s', (_t, type, data, expected) => {
    expect(kustomizeSecretHash(type, data)).toBe(expected);
  });

  it('kustomize: one-line base64 of 60 bytes gives another name than kustomize’s', () => {
    expect(kustomizeSecretHash('Opaque', { f: b64('x'.repeat(60)) })).not.toBe('fcfh24t6t7');
  });
});
