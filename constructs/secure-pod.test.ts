import { JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import type { PodLike } from '../lib/k8s';
import { checkPodSecurity, podSecurityRules } from '../lib/rules/pod-security';
import { securityContextRules } from '../lib/rules/security-context';
import { SecurePod, type SecurePodProps } from './secure-pod';
import { thrownViolations } from '../testing/violations';


const minimal: SecurePodProps = { metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };

describe('SecurePod', () => {
  it('emits exactly the stated defaults and what the props say', () => {
    const chart = Testing.chart();
    new SecurePod(chart, 'web', minimal);
    expect(Testing.synth(chart)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: {
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [{ name: 'app', image: 'nginx', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
        },
      },
    ]);
  });

  it('keeps a given Localhost profile, extra drops and NET_BIND_SERVICE, and passes restricted', () => {
    const chart = Testing.chart();
    const pod = new SecurePod(chart, 'web', {
      spec: {
        securityContext: { runAsUser: 1000, seccompProfile: { type: 'Localhost', localhostProfile: 'my-profiles/profile-allow.json' } },
        initContainers: [{ name: 'init', image: 'busybox', securityContext: { capabilities: { drop: ['NET_RAW'] } } }],
        containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } }],
        volumes: [{ name: 'cache', emptyDir: {} }],
      },
    });
    const spec = (pod.manifest as unknown as PodLike).spec;
    expect(spec.securityContext?.seccompProfile).toEqual({ type: 'Localhost', localhostProfile: 'my-profiles/profile-allow.json' });
    expect(spec.initContainers?.[0]?.securityContext?.capabilities?.drop).toEqual(['ALL', 'NET_RAW']);
    expect(spec.containers[0]?.securityContext?.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
    expect(checkPodSecurity(pod.manifest as unknown as PodLike, 'restricted')).toEqual([]);
  });

  it('fails when runAsUser is 0, which the type cannot exclude, naming the check', () => {
    const chart = Testing.chart();
    const root = () => new SecurePod(chart, 'root', { spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { runAsUser: 0 } }] } });
    expect(thrownViolations(root)).toEqual([{ rule: podSecurityRules.runAsUser.id, path: 'spec.containers[0].securityContext.runAsUser' }]);
    // In strict mode our warning (runAsNonRoot with uid 0, which the kubelet refuses) fails too.
    const strict = () => new SecurePod(chart, 'root-strict', { strict: true, spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { runAsUser: 0 } }] } });
    expect(thrownViolations(strict)).toEqual([
      { rule: securityContextRules.runAsNonRootWithRootUser.id, path: 'spec.containers[0].securityContext.runAsUser' },
      { rule: podSecurityRules.runAsUser.id, path: 'spec.containers[0].securityContext.runAsUser' },
    ]);
  });

  it('fails when a widened value gets past the types (hostPath volume, SYS_ADMIN)', () => {
    const chart = Testing.chart();
    const sneaky = {
      spec: {
        containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }],
        volumes: [{ name: 'host', hostPath: { path: '/' } }],
      },
    } as unknown as SecurePodProps;
    expect(thrownViolations(() => new SecurePod(chart, 'x', sneaky))).toEqual([
      { rule: podSecurityRules.capabilitiesRestricted.id, path: 'spec.containers[0].securityContext.capabilities.add[0]' },
      { rule: podSecurityRules.restrictedVolumes.id, path: 'spec.volumes[0].hostPath' },
    ]);
  });

  it('passes a Localhost AppArmor profile and an allowed SELinux level', () => {
    const chart = Testing.chart();
    const build = () =>
      new SecurePod(chart, 'ok', {
        spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' }, seLinuxOptions: { level: 's0:c123,c456' } } }] },
      });
    expect(thrownViolations(build)).toEqual([]);
  });

  it('fails at synth when an escape hatch breaks the promise after construction', () => {
    const chart = Testing.chart();
    const pod = new SecurePod(chart, 'web', minimal);
    pod.addJsonPatch(JsonPatch.add('/spec/hostNetwork', true));
    const errors = pod.node.validate();
    expect(errors.join('\n')).toContain(`[${podSecurityRules.hostNamespaces.id}]`);
  });
});
