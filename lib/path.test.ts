import { describe, expect, it } from 'vitest';
import { fieldKey, fieldPath, mapKey } from './path';

describe('fieldPath', () => {
  it.each([
    [['spec', 'containers', 0, 'resources', 'requests'], 'spec.containers[0].resources.requests'],
    [['spec', 'containers', 0, 'resources', 'limits', mapKey('memory')], 'spec.containers[0].resources.limits[memory]'],
    [['spec.containers[0].resources', 'limits', mapKey('example.com/dongle')], 'spec.containers[0].resources.limits[example.com/dongle]'],
    [['', 'data'], 'data'],
    [['', 'data', mapKey('key')], 'data[key]'],
    [['metadata', 'annotations', mapKey('container.apparmor.security.beta.kubernetes.io/app')], 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]'],
    [['spec', 'HostPID'], 'spec.HostPID'],
    [['spec.volumes', 2, 'hostPath', 'type'], 'spec.volumes[2].hostPath.type'],
  ] as [[string, ...(string | number | ReturnType<typeof mapKey>)[]], string][])('%j → %s', ([base, ...parts], expected) => {
    expect(fieldPath(base, ...parts)).toBe(expected);
  });

  it('prints a field name with a dot whatever it holds, as field.Path.Child does', () => {
    for (const name of ['a', 'A_1', '_', '1', 'a.b', 'a b', 'a-b', 'Z9', 'é', '[', '/']) expect(fieldPath('x', name)).toBe(`x.${name}`);
  });
});

describe('fieldKey', () => {
  it('brackets every map key, identifier or not, as field.Path.Key does', () => {
    for (const key of ['memory', 'cpu', 'a', 'A_1', '_', '1', '0', 'a.b', 'a-b', 'game.properties', 'example.com/dongle', '', 'ünï']) {
      expect(fieldKey('x', key)).toBe(`x[${key}]`);
      expect(fieldPath('x', mapKey(key))).toBe(`x[${key}]`);
    }
  });

  it.each([
    ['spec.containers[0].resources.limits', 'memory', 'spec.containers[0].resources.limits[memory]'],
    ['spec.containers[0].resources.requests', 'cpu', 'spec.containers[0].resources.requests[cpu]'],
    ['data', 'my-key', 'data[my-key]'],
    ['data', 'username', 'data[username]'],
    ['binaryData', 'blob', 'binaryData[blob]'],
  ])('%s + %s → %s', (base, key, expected) => {
    expect(fieldKey(base, key)).toBe(expected);
  });
});
