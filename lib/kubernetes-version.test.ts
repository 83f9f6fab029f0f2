import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KUBERNETES_VERSION,
  FEATURE_OFF_BY_DEFAULT_FROM,
  FEATURE_ON_BY_DEFAULT_SINCE,
  featureEnabled,
  featureFieldKnown,
  KUBERNETES_VERSIONS,
  parseKubernetesVersion,
  safeSysctls,
  targetVersion,
} from './kubernetes-version';

describe('the target Kubernetes version', () => {
  it('defaults to the newest supported version', () => {
    expect(DEFAULT_KUBERNETES_VERSION).toBe(KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]);
    expect(targetVersion()).toBe(DEFAULT_KUBERNETES_VERSION);
    expect(targetVersion({ kubernetesVersion: '1.31' })).toBe('1.31');
  });
  it.each([
    ['1.33', '1.33'],
    ['v1.33', '1.33'],
    ['1.33.4', '1.33'],
    [' 1.30 ', '1.30'],
  ])('parses %j as %s', (input, version) => {
    expect(parseKubernetesVersion(input)).toEqual({ ok: true, version });
  });
  it.each([['1.29'], ['2.0'], ['latest'], [''], [1.3], [undefined]])('fails to parse %j, listing the supported versions', (input) => {
    expect(parseKubernetesVersion(input)).toEqual({ ok: false, error: `must be one of ${KUBERNETES_VERSIONS.join(', ')}, not ${JSON.stringify(input)}` });
  });
  it('knows when each versioned feature became on by default', () => {
    expect([featureEnabled('RelaxedEnvironmentVariableValidation', '1.31'), featureEnabled('RelaxedEnvironmentVariableValidation', '1.32')]).toEqual([false, true]);
    expect([featureEnabled('ImageVolume', '1.34'), featureEnabled('ImageVolume', '1.35')]).toEqual([false, true]);
    expect([featureEnabled('UserNamespacesSupport', '1.32'), featureEnabled('UserNamespacesSupport', '1.33')]).toEqual([false, true]);
  });
  it('knows from which version the API has the field of a feature off by default throughout', () => {
    expect([featureFieldKnown('ContainerStopSignals', '1.32'), featureFieldKnown('ContainerStopSignals', '1.33'), featureFieldKnown('ContainerStopSignals', '1.36')]).toEqual([
      false,
      true,
      true,
    ]);
  });
  it('lists no feature both as on by default from a version and as off by default in every version', () => {
    expect(Object.keys(FEATURE_OFF_BY_DEFAULT_FROM).filter((f) => f in FEATURE_ON_BY_DEFAULT_SINCE)).toEqual([]);
  });
});

describe('safeSysctls', () => {
  it('grows with the policy version as pod-security-admission lists it', () => {
    expect(safeSysctls('v1.26').size).toBe(5);
    expect(safeSysctls('v1.27').has('net.ipv4.ip_local_reserved_ports')).toBe(true);
    expect(safeSysctls('1.31').has('net.ipv4.tcp_rmem')).toBe(false);
    expect(safeSysctls('1.32').has('net.ipv4.tcp_rmem')).toBe(true);
    expect(safeSysctls('1.36').has('net.ipv4.tcp_notsent_lowat')).toBe(false);
    expect(safeSysctls('1.37').has('net.ipv4.tcp_notsent_lowat')).toBe(true);
    expect(safeSysctls('latest').size).toBe(14);
  });
});

describe('the newest supported version', () => {
  it('is the version of the generated field schema, so every supported version has its field list', async () => {
    const { FIELD_SCHEMA_VERSION } = await import('./schema');
    expect(DEFAULT_KUBERNETES_VERSION).toBe(FIELD_SCHEMA_VERSION);
  });
});
