import { describe, expect, it } from 'vitest';
import type { PodLike } from '../k8s';
import type { KubernetesVersion } from '../kubernetes-version';
import { checkFeatureGates, featureGateRules } from './feature-gates';
import { checkPod } from './index';

const imageVolumePod: PodLike = {
  spec: {
    containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    volumes: [{ name: 'data', image: { reference: 'quay.io/example/data:1.0', pullPolicy: 'IfNotPresent' } }],
  },
};
const userNsPod: PodLike = { spec: { hostUsers: false, containers: [{ name: 'c', image: 'nginx' }] } };
const unmaskedPod: PodLike = { spec: { hostUsers: false, containers: [{ name: 'c', image: 'nginx', securityContext: { procMount: 'Unmasked' } }] } };
const at = (kubernetesVersion: KubernetesVersion) => ({ kubernetesVersion });

describe('fields of features off by default in the target version', () => {
  it('fails an image volume at 1.34 (ImageVolume off by default)', () => {
    expect(checkFeatureGates(imageVolumePod, 'spec', at('1.34'))).toEqual([featureGateRules.imageVolume.at('spec.volumes[0]', '1.34')]);
  });
  it('passes it at 1.35, where ImageVolume is on by default', () => {
    expect(checkPod(imageVolumePod, 'spec', at('1.35'))).toEqual([]);
  });
  it('warns on hostUsers: false at 1.32 (UserNamespacesSupport off by default)', () => {
    const [v] = checkFeatureGates(userNsPod, 'spec', at('1.32'));
    expect(v).toMatchObject({ rule: 'feature-gates/host-users', path: 'spec.hostUsers', severity: 'warning' });
  });
  it('passes hostUsers: false at 1.33', () => {
    expect(checkPod(userNsPod, 'spec', at('1.33'))).toEqual([]);
  });
  it('warns on procMount: Unmasked at 1.32 (ProcMountType off by default)', () => {
    expect(checkFeatureGates(unmaskedPod, 'spec', at('1.32')).map((v) => [v.rule, v.path])).toEqual([
      ['feature-gates/host-users', 'spec.hostUsers'],
      ['feature-gates/proc-mount', 'spec.containers[0].securityContext.procMount'],
    ]);
  });
  it('passes procMount: Unmasked with hostUsers: false at 1.33', () => {
    expect(checkFeatureGates(unmaskedPod, 'spec', at('1.33'))).toEqual([]);
  });
});
