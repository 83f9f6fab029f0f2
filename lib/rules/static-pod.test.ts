import { describe, expect, it } from 'vitest';
import type { PodLike, PodSpec } from '../k8s';
import { checkMirrorPodName, checkStaticPod, mirrorPodName, staticPodRules as R } from './static-pod';

const web = (spec: Partial<PodSpec> = {}, container: Record<string, unknown> = {}): PodLike => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'static-web' },
  spec: { containers: [{ name: 'web', image: 'nginx', ...container }], ...spec },
});
const found = (p: PodLike) => checkStaticPod(p, 'my-node1').map((v) => [v.rule, v.path, v.message]);
const msg = (kind: Parameters<typeof R.apiObjectReference.message>[1]) => R.apiObjectReference.message('my-node1', kind);

describe('checkStaticPod', () => {
  it.each<[string, PodLike, string, Parameters<typeof msg>[0]]>([
    ['it names a service account', web({ serviceAccountName: 'build-robot' }), 'spec.serviceAccountName', 'a service account'],
    ['an env var reads a ConfigMap key', web({}, { env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } }] }), 'spec.containers[0].env[0].valueFrom.configMapKeyRef', 'configmaps'],
    ['an env var reads a Secret key', web({}, { env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }), 'spec.containers[0].env[0].valueFrom.secretKeyRef', 'secrets'],
    ['envFrom takes a ConfigMap', web({}, { envFrom: [{ configMapRef: { name: 'cm' } }] }), 'spec.containers[0].envFrom[0].configMapRef', 'configmaps'],
    ['envFrom takes a Secret', web({}, { envFrom: [{ secretRef: { name: 's' } }] }), 'spec.containers[0].envFrom[0].secretRef', 'secrets'],
    ['a volume is a ConfigMap', web({ volumes: [{ name: 'v', configMap: { name: 'cm' } }] }), 'spec.volumes[0].configMap', 'configmaps'],
    ['a volume is a Secret', web({ volumes: [{ name: 'v', secret: { secretName: 's' } }] }), 'spec.volumes[0].secret', 'secrets'],
    ['a projected volume has a ConfigMap', web({ volumes: [{ name: 'v', projected: { sources: [{ configMap: { name: 'cm' } }] } }] }), 'spec.volumes[0].projected.sources[0].configMap', 'configmaps'],
    ['a volume is a PVC', web({ volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'c' } }] }), 'spec.volumes[0].persistentVolumeClaim', 'persistentvolumeclaims'],
    ['it pulls with a Secret', web({ imagePullSecrets: [{ name: 'regcred' }] }), 'spec.imagePullSecrets[0]', 'secrets'],
    ['an init container reads a ConfigMap', { spec: { containers: [{ name: 'web', image: 'nginx' }], initContainers: [{ name: 'i', image: 'busybox', envFrom: [{ configMapRef: { name: 'cm' } }] }] } }, 'spec.initContainers[0].envFrom[0].configMapRef', 'configmaps'],
  ])('fails when %s', (_name, input, path, kind) => {
    expect(found(input)).toEqual([[R.apiObjectReference.id, path, msg(kind)]]);
  });

  it.each<[string, PodLike]>([
    ['the page: static-web', web({}, { ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] })],
    ['env from a literal and the downward API', web({}, { env: [{ name: 'A', value: '1' }, { name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })],
    ['volumes from the node', web({ volumes: [{ name: 'v', hostPath: { path: '/etc/kubernetes' } }, { name: 'e', emptyDir: {} }] })],
    ['a projected volume of the downward API', web({ volumes: [{ name: 'v', projected: { sources: [{ downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }] } }] })],
  ])('passes when %s', (_name, input) => {
    expect(found(input)).toEqual([]);
  });

  it("uses NodeRestriction's wording", () => {
    expect(msg('configmaps')).toBe('Forbidden: node "my-node1" can not create pods that reference configmaps (a static Pod cannot use API objects)');
  });
});

describe('the mirror Pod name', () => {
  it('is <name>-<node> (the page: static-web-my-node1)', () => {
    expect(mirrorPodName('static-web', 'my-node1')).toBe('static-web-my-node1');
    expect(mirrorPodName('static-web', 'My-Node1')).toBe('static-web-my-node1');
  });

  it('fails when <name>-<node> is longer than 253 characters', () => {
    const vs = checkMirrorPodName('a'.repeat(200), 'n'.repeat(60));
    expect(vs.map((v) => [v.rule, v.path])).toEqual([[R.mirrorNameInvalid.id, 'metadata.name']]);
    expect(vs[0]!.message).toBe(R.mirrorNameInvalid.message(`${'a'.repeat(200)}-${'n'.repeat(60)}`, 'must be no more than 253 characters'));
  });

  it('passes when <name>-<node> is 253 characters', () => {
    expect(checkMirrorPodName('a'.repeat(192), 'n'.repeat(60))).toEqual([]);
  });
});
