import { describe, expect, it } from 'vitest';
import { fieldPath } from './path';

describe('fieldPath', () => {
  it.each([
    [['spec', 'containers', 0, 'resources', 'requests', 'memory'], 'spec.containers[0].resources.requests.memory'],
    [['spec.containers[0].resources', 'limits', 'example.com/dongle'], 'spec.containers[0].resources.limits[example.com/dongle]'],
    [['', 'data'], 'data'],
    [['metadata.labels', 'app.kubernetes.io/name'], 'metadata.labels[app.kubernetes.io/name]'],
    [['data', 'game.properties'], 'data[game.properties]'],
    [['data', '_x9'], 'data._x9'],
    [['data', '9x'], 'data[9x]'],
    [['data', ''], 'data[]'],
    [['data', 'a-b'], 'data[a-b]'],
    [['data', 'ünï'], 'data[ünï]'],
  ] as [[string, ...(string | number)[]], string][])('%j → %s', ([base, ...parts], expected) => {
    expect(fieldPath(base, ...parts)).toBe(expected);
  });

  it('brackets exactly the keys that are not identifiers (/^[A-Za-z_][A-Za-z0-9_]*$/)', () => {
    const keys = ['a', 'A_1', '_', '1', 'a.b', 'a b', 'a-b', 'Z9', '', 'é', 'a\n', '[', 'z', '`', '{', '@', '/'];
    for (const key of keys) {
      const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key);
      expect(fieldPath('x', key)).toBe(identifier ? `x.${key}` : `x[${key}]`);
    }
  });
});
