import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Pod } from './pod';

describe('typed security contexts through Pod', () => {
  it('emits the Kubernetes ≥ 1.30 fields that cdk8s-plus-28 drops, unchanged', () => {
    const chart = Testing.chart();
    const securityContext = {
      supplementalGroups: [4000],
      supplementalGroupsPolicy: 'Strict',
      fsGroupChangePolicy: 'OnRootMismatch',
      seLinuxChangePolicy: 'MountOption',
      appArmorProfile: { type: 'RuntimeDefault' },
    } as const;
    new Pod(chart, 'p', {
      metadata: { name: 'p' },
      spec: {
        hostUsers: false,
        securityContext,
        containers: [{ name: 'c', image: 'busybox', securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' }, procMount: 'Unmasked' } }],
      },
    });
    const [pod] = Testing.synth(chart);
    expect(pod.spec.securityContext).toEqual(securityContext);
    expect(pod.spec.containers[0].securityContext).toEqual({ appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' }, procMount: 'Unmasked' });
  });
});
