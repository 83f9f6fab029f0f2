import { describe, expect, it } from 'vitest';
import type { PodLike } from '../k8s';
import type { KubernetesVersion } from '../kubernetes-version';
import { checkFeatureGates, featureGateRules } from './feature-gates';
import { checkObject, checkPod } from './index';

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
  it('warns on an image volume at 1.34 (ImageVolume off by default: the volume and its mounts are dropped)', () => {
    expect(checkFeatureGates(imageVolumePod, 'spec', at('1.34'))).toEqual([featureGateRules.imageVolume.at('spec.volumes[0]', '1.34')]);
    expect(checkPod(imageVolumePod, 'spec', at('1.34')).map((v) => [v.rule, v.path, v.severity])).toEqual([['feature-gates/image-volume', 'spec.volumes[0]', 'warning']]);
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

/** A Linux pod whose app container sets a stop signal; `signal: undefined` is its passing twin. */
function stopSignalPod(signal?: string): PodLike {
  const lifecycle = signal === undefined ? { preStop: { sleep: { seconds: 5 } } } : { preStop: { sleep: { seconds: 5 } }, stopSignal: signal };
  return { spec: { os: { name: 'linux' }, containers: [{ name: 'c', image: 'nginx', lifecycle }] } };
}
const podObject = (pod: PodLike) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, ...pod });

describe('lifecycle.stopSignal (ContainerStopSignals, alpha and off by default from 1.33 on)', () => {
  it.each(['1.33', '1.34', '1.35', '1.36'] as const)('warns when a container sets stopSignal at %s: the API server drops it', (version) => {
    expect(checkPod(stopSignalPod('SIGUSR1'), 'spec', at(version))).toEqual([featureGateRules.stopSignal.at('spec.containers[0].lifecycle.stopSignal', version)]);
    expect(featureGateRules.stopSignal.at('p', version)).toMatchObject({ rule: 'feature-gates/stop-signal', severity: 'warning' });
  });
  it.each(['1.33', '1.36'] as const)('passes the same pod without stopSignal at %s', (version) => {
    expect(checkPod(stopSignalPod(), 'spec', at(version))).toEqual([]);
  });
  it('warns for any string, the empty one and a name no OS has included: nothing checks a dropped field', () => {
    for (const signal of ['', 'SIGFOO', 'SIGKILL'])
      expect(checkFeatureGates(stopSignalPod(signal), 'spec', at('1.36')).map((v) => [v.rule, v.path])).toEqual([
        ['feature-gates/stop-signal', 'spec.containers[0].lifecycle.stopSignal'],
      ]);
  });
  it('warns for the init, sidecar and ephemeral containers too (the drop visits all containers), with their paths', () => {
    const pod: PodLike = {
      spec: {
        initContainers: [{ name: 'sidecar', image: 'envoy', restartPolicy: 'Always', lifecycle: { stopSignal: 'SIGQUIT' } }],
        containers: [{ name: 'c', image: 'nginx' }],
        ephemeralContainers: [{ name: 'debug', image: 'busybox', lifecycle: { stopSignal: 'SIGTERM' } }],
      } as PodLike['spec'],
    };
    expect(checkFeatureGates(pod, 'spec.template.spec', at('1.36')).map((v) => v.path)).toEqual([
      'spec.template.spec.initContainers[0].lifecycle.stopSignal',
      'spec.template.spec.ephemeralContainers[0].lifecycle.stopSignal',
    ]);
  });
  it('fails when the target is 1.32: the field is unknown there (strict decoding), not dropped', () => {
    expect(checkObject(podObject(stopSignalPod('SIGUSR1')), at('1.32')).map((v) => [v.rule, v.path])).toEqual([
      ['fields/newer-than-target', 'spec.containers[0].lifecycle.stopSignal'],
    ]);
    expect(checkFeatureGates(stopSignalPod('SIGUSR1'), 'spec', at('1.32'))).toEqual([]);
  });
  it('passes the whole object without stopSignal at 1.32, and reports only the warning with it at 1.33', () => {
    expect(checkObject(podObject(stopSignalPod()), at('1.32'))).toEqual([]);
    expect(checkObject(podObject(stopSignalPod('SIGUSR1')), at('1.33')).map((v) => [v.rule, v.path, v.severity])).toEqual([
      ['feature-gates/stop-signal', 'spec.containers[0].lifecycle.stopSignal', 'warning'],
    ]);
  });
  it('warns at the template path of a Deployment, whose pods get the same drop', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, ...stopSignalPod('SIGQUIT') } },
    };
    expect(checkObject(deployment, at('1.36')).map((v) => [v.rule, v.path])).toEqual([['feature-gates/stop-signal', 'spec.template.spec.containers[0].lifecycle.stopSignal']]);
    expect(checkObject({ ...deployment, spec: { ...deployment.spec, template: { ...deployment.spec.template, ...stopSignalPod() } } }, at('1.36'))).toEqual([]);
  });
  it('warns at the default target (the newest supported version)', () => {
    expect(checkPod(stopSignalPod('SIGUSR1')).map((v) => v.rule)).toEqual(['feature-gates/stop-signal']);
  });
});

/**
 * subPath/subPathExpr on a mount of an image volume: v1.31's `ValidateVolumeMounts` rejects them ("not allowed in image
 * volume sources", k8s-validation-rules.md §5); the ImageVolume beta of 1.33 allows them (kubernetes/website
 * content/en/blog/_posts/2025-04-29-image-volume-beta/index.md, commit 4ce2d926: "The major change for the beta
 * graduation of Image Volumes is the support for subPath and subPathExpr mounts"; the API's Volume.image doc: "Sub path
 * mounts for containers are not supported ... before 1.33"). No supported target reaches the old rule: where it stood
 * (1.31, 1.32) the gate is off by default and the image volume and its mounts are dropped before validation; from 1.35
 * the gate is on and subPath is allowed.
 */
describe('image volumes and subPath by target version', () => {
  const mounted = (mount: { subPath?: string; subPathExpr?: string }): PodLike => ({
    spec: {
      containers: [
        {
          name: 'c',
          image: 'nginx',
          env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          volumeMounts: [{ name: 'volume', mountPath: '/volume', ...mount }],
        },
      ],
      volumes: [{ name: 'volume', image: { reference: 'quay.io/crio/artifact:v2', pullPolicy: 'IfNotPresent' } }],
    },
  });
  it.each(['1.35', '1.36'] as const)('passes subPath and subPathExpr on an image volume mount at %s', (version) => {
    expect(checkPod(mounted({ subPath: 'dir' }), 'spec', at(version))).toEqual([]);
    expect(checkPod(mounted({ subPathExpr: '$(POD_NAME)' }), 'spec', at(version))).toEqual([]);
    expect(checkObject(podObject(mounted({ subPath: 'dir' })), at(version))).toEqual([]);
  });
  it("fails when subPath backsteps with '..' on an image volume mount at 1.36, as on any other volume", () => {
    // the path without the mount's index is the API server's (validateLocalDescendingPath gets `volumeMounts.subPath`)
    expect(checkPod(mounted({ subPath: '../dir' }), 'spec', at('1.36')).map((v) => [v.rule, v.path])).toEqual([
      ['volumes/path-backstep', 'spec.containers[0].volumeMounts.subPath'],
    ]);
  });
  it.each(['1.32', '1.34'] as const)('warns at %s with the image volume finding only, not a subPath one', (version) => {
    for (const mount of [{ subPath: 'dir' }, { subPathExpr: '$(POD_NAME)' }, {}])
      expect(checkPod(mounted(mount), 'spec', at(version))).toEqual([featureGateRules.imageVolume.at('spec.volumes[0]', version)]);
  });
});
