import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
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
