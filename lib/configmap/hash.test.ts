import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kustomizeBase64 } from './base64';
import { encodeHash, kubectlConfigMapHash, kustomizeConfigMapHash } from './hash';

const game = fs.readFileSync(path.resolve(__dirname, '../../snapshots/reference/files/configmap/game.properties'), 'utf8');

describe('name hashes', () => {
  it('maps 0 1 3 a e in the first 10 hex digits', () => {
    expect(encodeHash('0123456789abcdef')).toBe('gh2k456789');
    expect(encodeHash('ae3ae3ae3aff')).toBe('mtkmtkmtkm');
  });

  it('fails when the hex is shorter than 10 digits', () => {
    expect(() => encodeHash('abc')).toThrow('input length must be at least 10: abc');
  });

  // The names the page prints come from the name-including form over a game.properties without its
  // trailing newline (an older copy of the file); today's kustomize gives other suffixes (see below).
  it.each([
    ['game-config-4', { 'game.properties': game.replace(/\n$/, '') }, 'game-config-4-m9dm2f92bt'],
    ['game-config-5', { 'game-special-key': game.replace(/\n$/, '') }, 'game-config-5-m67dt67794'],
    ['special-config-2', { 'special.how': 'very', 'special.type': 'charm' }, 'special-config-2-c92b5mmcf2'],
  ])('reproduces the name the docs print for %s', (name, data, printed) => {
    expect(`${name}-${kubectlConfigMapHash(name, { data, binaryData: {} })}`).toBe(printed);
  });

  it('does not reproduce the printed names with the vendored file as it is (trailing newline)', () => {
    expect(`game-config-4-${kubectlConfigMapHash('game-config-4', { data: { 'game.properties': game }, binaryData: {} })}`).not.toBe('game-config-4-m9dm2f92bt');
  });

  it('leaves the name out of the kustomize form', () => {
    const content = { data: { a: '1' }, binaryData: {} };
    expect(kustomizeConfigMapHash(content)).toBe(kubectlConfigMapHash('', content));
    expect(kustomizeConfigMapHash(content)).not.toBe(kubectlConfigMapHash('x', content));
  });

  it('escapes <, > and & as Go does before hashing (measured: kubectl … --from-literal=k=<&> --append-hash)', () => {
    expect(kubectlConfigMapHash('x', { data: { k: '<&>' }, binaryData: {} })).toBe('767849g485');
  });
});

describe('kustomize base64 (kyaml encodeBase64)', () => {
  const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 200) & 0xff);

  it('keeps 51 bytes (68 characters) on one line without a newline', () => {
    expect(kustomizeBase64(bytesOf(51))).toBe(Buffer.from(bytesOf(51)).toString('base64'));
  });

  it('wraps 52 bytes (72 characters) at 70 columns, every line ending in a newline', () => {
    const flat = Buffer.from(bytesOf(52)).toString('base64');
    expect(kustomizeBase64(bytesOf(52))).toBe(`${flat.slice(0, 70)}\n${flat.slice(70)}\n`);
  });

  it('ends an exact multiple of 70 characters with one newline, not an empty line', () => {
    const flat = Buffer.from(bytesOf(105)).toString('base64');
    expect(flat.length).toBe(140);
    expect(kustomizeBase64(bytesOf(105))).toBe(`${flat.slice(0, 70)}\n${flat.slice(70)}\n`);
  });

  it('gives another name suffix than the one-line text from 52 bytes on (the name enters the hash through it)', () => {
    const wrapped = { data: {}, binaryData: { b: kustomizeBase64(bytesOf(52)) } };
    const flat = { data: {}, binaryData: { b: Buffer.from(bytesOf(52)).toString('base64') } };
    expect(kustomizeConfigMapHash(wrapped)).not.toBe(kustomizeConfigMapHash(flat));
  });
});
