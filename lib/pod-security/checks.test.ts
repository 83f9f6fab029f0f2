import { describe, expect, it } from 'vitest';
import type { Container, PodLike } from '../k8s';
import { goQuote, POD_SECURITY_CHECKS, PSA_CHECK_IDS, type PodSecurityCheckId } from './checks';
import { checksAt, evaluatePodSecurity } from './evaluate';
import { LATEST_POD_SECURITY_MINOR, type ParsedPodSecurityPolicy } from './policy';

describe('goQuote (Go’s %q)', () => {
  it.each([
    ['unconfined', '"unconfined"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\tnew\nline', '"tab\\tnew\\nline"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['\u00a0\u2028', '"\\u00a0\\u2028"'],
    ['日本語 é', '"日本語 é"'],
    ['\u{1F600}\u{E0001}', '"\u{1F600}\\U000e0001"'],
  ])('quotes %j as %s', (value, quoted) => {
    expect(goQuote(value)).toBe(quoted);
  });
});

describe('the check registry', () => {
  it('has every upstream check once, with strictly increasing versions, overriding only baseline checks', () => {
    expect(POD_SECURITY_CHECKS.map((c) => c.id).sort()).toEqual([...PSA_CHECK_IDS].sort());
    const levelOf = new Map(POD_SECURITY_CHECKS.map((c) => [c.id, c.level]));
    for (const check of POD_SECURITY_CHECKS) {
      const minors = check.versions.map((v) => v.minimumMinor);
      expect(minors).toEqual([...new Set(minors)].sort((a, b) => a - b));
      expect(Math.max(...minors)).toBeLessThanOrEqual(LATEST_POD_SECURITY_MINOR);
      for (const v of check.versions) for (const o of v.overrides ?? []) expect([check.level, levelOf.get(o)]).toEqual(['restricted', 'baseline']);
    }
  });

  it('runs baseline checks first, then restricted ones, each sorted by id, leaving out the overridden ones', () => {
    expect(checksAt('restricted', LATEST_POD_SECURITY_MINOR).map(([id]) => id)).toEqual([
      'appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions', 'sysctls', 'windowsHostProcess',
      'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
    ]);
    expect(checksAt('baseline', 0).map(([id]) => id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
    ]);
    expect(checksAt('restricted', 0).map(([id]) => id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
      'restrictedVolumes', 'runAsNonRoot',
    ]);
    expect(checksAt('privileged', LATEST_POD_SECURITY_MINOR)).toEqual([]);
  });
});

describe('reasons and details, worded as pod-security-admission’s own check tests expect them', () => {
  const latest = { level: 'restricted', version: 'latest', minor: LATEST_POD_SECURITY_MINOR } as const;
  const reported = (pod: PodLike, check: PodSecurityCheckId, policy: ParsedPodSecurityPolicy = latest) => {
    const f = evaluatePodSecurity(pod, policy).find((x) => x.check === check);
    return f && { reason: f.reason, detail: f.detail };
  };
  const c = (name: string, securityContext?: Container['securityContext'], more: Partial<Container> = {}): Container => ({ name, image: 'i', ...(securityContext ? { securityContext } : {}), ...more });
  const RESTRICTED_TYPES = [
    'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
    'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
  ];

  it.each<[string, PodLike, PodSecurityCheckId, string, string, ParsedPodSecurityPolicy?]>([
    ['explicit runAsNonRoot=false in containers', { spec: { securityContext: { runAsNonRoot: true }, containers: [c('a'), c('b', {}), c('c', { runAsNonRoot: false }), c('d', { runAsNonRoot: false }), c('e', { runAsNonRoot: true })] } },
      'runAsNonRoot', 'runAsNonRoot != true', 'containers "c", "d" must not set securityContext.runAsNonRoot=false'],
    ['runAsNonRoot unset in pod and some containers', { spec: { containers: [c('a'), c('b', {}), c('d', { runAsNonRoot: true })] } },
      'runAsNonRoot', 'runAsNonRoot != true', 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true'],
    ['SELinux options of pod and containers', {
      spec: {
        securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
        containers: [c('a', { seLinuxOptions: { type: 'container_t' } }), c('d', { seLinuxOptions: { type: 'container_engine_t' } }), c('e', { seLinuxOptions: { type: 'bar' } }), c('f', { seLinuxOptions: { user: 'bar' } }), c('g', { seLinuxOptions: { role: 'baz' } })],
      },
    }, 'seLinuxOptions', 'seLinuxOptions', 'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set'],
    ['capabilities of several containers', {
      spec: { containers: [c('a', { capabilities: { add: ['FOO', 'BAR'] } }), c('b', { capabilities: { add: ['BAR', 'BAZ'] } }), c('c', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } })] },
    }, 'capabilities_restricted', 'unrestricted capabilities', 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add'],
    ['probe hosts', { spec: { containers: [c('a', undefined, { livenessProbe: { httpGet: { port: 80, host: '127.0.0.1' } }, readinessProbe: { tcpSocket: { port: 80, host: '::1' } }, startupProbe: { httpGet: { port: 80, host: 'localhost' } } })] } },
      'hostProbesAndHostLifecycle', 'probe or lifecycle host', 'container "a" uses probe or lifecycle hosts "127.0.0.1", "::1", "localhost"'],
    ['all three host namespaces', { spec: { hostIPC: true, hostPID: true, hostNetwork: true, containers: [c('a')] } }, 'hostNamespaces', 'host namespaces', 'hostNetwork=true, hostPID=true, hostIPC=true'],
    ['every restricted volume type', { spec: { containers: [c('a')], volumes: RESTRICTED_TYPES.map((t, i) => ({ name: `b${i + 1}`, [t]: {} })) } }, 'restrictedVolumes', 'restricted volume types',
      `volumes ${RESTRICTED_TYPES.map((_, i) => `"b${i + 1}"`).join(', ')} use restricted volume types ` +
        '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", ' +
        '"hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume"'],
    ['AppArmor annotations', {
      metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/': 'bogus', 'container.apparmor.security.beta.kubernetes.io/f': 'unknown', 'container.apparmor.security.beta.kubernetes.io/e': 'unconfined', 'container.apparmor.security.beta.kubernetes.io/d': 'localhost/x' } },
      spec: { containers: [c('a')] },
    }, 'appArmorProfile', 'forbidden AppArmor profiles',
      'annotations must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/="bogus"", "container.apparmor.security.beta.kubernetes.io/e="unconfined"", "container.apparmor.security.beta.kubernetes.io/f="unknown""'],
    ['seccomp alpha annotations (v1.18)', {
      metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/b': 'unknown' } },
      spec: { containers: [c('a'), c('b')] },
    }, 'seccompProfile_baseline', 'seccompProfile',
      'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
      { level: 'baseline', version: 'v1.18', minor: 18 }],
    ['seccomp of pod and containers', { spec: { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [c('a'), c('c', { seccompProfile: { type: 'Unconfined' } }), c('d', { seccompProfile: { type: 'Unconfined' } })] } },
      'seccompProfile_restricted', 'seccompProfile', 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"'],
    ['unsafe sysctls, in the order written', { spec: { securityContext: { sysctls: [{ name: 'b', value: '' }, { name: 'a', value: '' }] }, containers: [c('a')] } }, 'sysctls', 'forbidden sysctls', 'b, a'],
  ])('fails with upstream’s wording for %s', (_name, pod, check, reason, detail, policy) => {
    expect(reported(pod, check, policy)).toEqual({ reason, detail });
  });
});
