import { Chart, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { staticPodRules as R } from '../lib/rules/static-pod';
import { Pod } from './pod';
import { StaticPod, StaticPodChart, type StaticPodProps } from './static-pod';
import { thrownRulePaths } from '../testing/violations';

const staticWeb: StaticPodProps = {
  node: 'my-node1',
  staticPodPath: '/etc/kubelet.d/',
  metadata: { name: 'static-web', labels: { role: 'myrole' } },
  spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] },
};


describe('StaticPod', () => {
  it('emits exactly the page manifest and names the mirror Pod', () => {
    const chart = Testing.chart();
    const pod = new StaticPod(chart, 'static-web', staticWeb);
    expect(Testing.synth(chart)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'static-web', labels: { role: 'myrole' } },
        spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] },
      },
    ]);
    expect(pod.mirrorPodName).toBe('static-web-my-node1');
    expect(pod.nodeName).toBe('my-node1');
    expect(pod.manifestPath).toBe('/etc/kubelet.d/static-web.yaml');
  });

  it('has no manifestPath when the staticPodPath is not given', () => {
    const { staticPodPath: _, ...props } = staticWeb;
    expect(new StaticPod(Testing.chart(), 'p', props).manifestPath).toBeUndefined();
  });

  it('fails when an escape hatch makes it read a ConfigMap', () => {
    const chart = Testing.chart();
    const pod = new StaticPod(chart, 'static-web', staticWeb);
    pod.addJsonPatch(JsonPatch.add('/spec/containers/0/envFrom', [{ configMapRef: { name: 'game-config' } }]));
    expect(pod.violations().map((v) => [v.rule, v.path])).toEqual([[R.apiObjectReference.id, 'spec.containers[0].envFrom[0].configMapRef']]);
  });

  it('fails when props widened past the types reference a Secret volume and a ServiceAccount', () => {
    const props = { ...staticWeb, spec: { ...staticWeb.spec, serviceAccountName: 'build-robot', volumes: [{ name: 's', secret: { secretName: 's' } }] } } as unknown as StaticPodProps;
    expect(thrownRulePaths(() => new StaticPod(Testing.chart(), 'p', props))).toEqual([
      [R.apiObjectReference.id, 'spec.serviceAccountName'],
      [R.apiObjectReference.id, 'spec.volumes[0].secret'],
    ]);
  });

  it('passes with node-local volumes and downward API env', () => {
    const props: StaticPodProps = {
      ...staticWeb,
      spec: {
        containers: [{ name: 'web', image: 'nginx', env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }], volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx' }] }],
        volumes: [{ name: 'conf', hostPath: { path: '/etc/nginx' } }],
      },
    };
    expect(thrownRulePaths(() => new StaticPod(Testing.chart(), 'p', props))).toEqual([]);
  });

  it('fails when its chart holds another object', () => {
    const chart = Testing.chart();
    new Pod(chart, 'other', { metadata: { name: 'other' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(thrownRulePaths(() => new StaticPod(chart, 'static-web', staticWeb))).toEqual([[R.ownFile.id, 'metadata.name']]);
  });

  it('fails at synth when another object is added to its chart later', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'node');
    new StaticPod(chart, 'static-web', staticWeb);
    new Pod(chart, 'other', { metadata: { name: 'other' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(() => app.synthYaml()).toThrow(`[${R.ownFile.id}]`);
  });

  it('passes in its own chart next to other charts, and StaticPodChart makes that chart', () => {
    const app = Testing.app();
    const c = new StaticPodChart(app, 'static-web', staticWeb);
    new Pod(new Chart(app, 'apps'), 'other', { metadata: { name: 'other' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(() => app.synthYaml()).not.toThrow();
    expect(Testing.synth(c)).toHaveLength(1);
    expect(c.pod.mirrorPodName).toBe('static-web-my-node1');
  });

  it('fails when the mirror Pod name would be too long', () => {
    expect(thrownRulePaths(() => new StaticPod(Testing.chart(), 'p', { ...staticWeb, node: 'n'.repeat(250) }))).toEqual([[R.mirrorNameInvalid.id, 'metadata.name']]);
  });
});
