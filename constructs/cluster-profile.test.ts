import { App, Chart, Testing } from 'cdk8s';
import { describe, expect, it, vi } from 'vitest';
import { schedulabilityRules as R } from '../lib/rules/schedulability';
import { attachClusterProfile, clusterProfileOf } from './cluster-profile';
import { extendedResources } from './extended-resources';
import { Pod } from './pod';
import { StaticPod } from './static-pod';

const DONGLE_NODE = { nodes: [{ name: 'my-node1', allocatable: { cpu: '4', memory: '16Gi', 'example.com/dongle': 4 } }] };

function dongleApp(second: number): App {
  const app = Testing.app();
  attachClusterProfile(app, DONGLE_NODE);
  const chart = new Chart(app, 'extended');
  for (const [name, n] of [['extended-resource-demo', 3], ['extended-resource-demo-2', second]] as const) {
    new Pod(chart, name, { metadata: { name }, spec: { containers: [{ name: `${name}-ctr`, image: 'nginx', resources: extendedResources({ 'example.com/dongle': n }) }] } });
  }
  return app;
}

/** The error lines of the app-level validation (cdk8s throws them joined). */
function synthErrors(app: App): string {
  try {
    app.synthYaml();
    return '';
  } catch (e) {
    return String((e as Error).message);
  }
}

describe('attachClusterProfile', () => {
  it('fails synthesis when the second dongle Pod would stay Pending (the page)', () => {
    const text = synthErrors(dongleApp(2));
    expect(text).toContain(`Pod/extended-resource-demo-2 (extended/extended-resource-demo-2): spec: ${R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient example.com/dongle.')} [${R.unschedulable.id}]`);
    expect(text).not.toContain('Pod/extended-resource-demo (');
  });

  it('passes when the second Pod asks for the one dongle left', () => {
    expect(synthErrors(dongleApp(1))).toBe('');
  });

  it('prints instead of failing when the severity is warning', () => {
    const app = Testing.app();
    attachClusterProfile(app, DONGLE_NODE, { severity: 'warning' });
    const chart = new Chart(app, 'c');
    new Pod(chart, 'big', { metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] } });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(synthErrors(app)).toBe('');
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(`warning: spec: ${R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient cpu.')}`);
    } finally {
      stderr.mockRestore();
    }
  });

  it('counts a static Pod on its node', () => {
    const app = Testing.app();
    attachClusterProfile(app, DONGLE_NODE);
    const node = new Chart(app, 'node');
    new StaticPod(node, 'etcd', { node: 'my-node1', metadata: { name: 'etcd' }, spec: { containers: [{ name: 'etcd', image: 'etcd', resources: { requests: { cpu: '3' } } }] } });
    const apps = new Chart(app, 'apps');
    new Pod(apps, 'web', { metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '2' } } }] } });
    expect(synthErrors(app)).toContain(`Pod/web (apps/web): spec: ${R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient cpu.')}`);
  });

  it('reports a nodeName that is not a node of the profile (the page: foo-node)', () => {
    const app = Testing.app();
    attachClusterProfile(app, DONGLE_NODE);
    new Pod(new Chart(app, 'c'), 'nginx', { metadata: { name: 'nginx' }, spec: { nodeName: 'foo-node', containers: [{ name: 'nginx', image: 'nginx' }] } });
    expect(synthErrors(app)).toContain(`spec.nodeName: ${R.nodeNotFound.message('', 'foo-node')} [${R.nodeNotFound.id}]`);
  });

  it('fails now on an invalid profile, and on a second profile', () => {
    expect(() => attachClusterProfile(Testing.app(), { nodes: [{ name: 'n', allocatable: { cpu: '1', memory: 'lots' } }] })).toThrow(/allocatable\[memory\]/);
    const app = Testing.app();
    attachClusterProfile(app, DONGLE_NODE);
    expect(clusterProfileOf(new Chart(app, 'x'))).toBe(DONGLE_NODE);
    expect(() => attachClusterProfile(app, DONGLE_NODE)).toThrow(/already has a cluster profile/);
  });

  it.each([
    ['without static Pods', false],
    ['with a static Pod pinned to its node', true],
  ])('parses the profile once, when attached, however often the app is synthesized (%s)', (_name, withStatic) => {
    let parses = 0; // parsing reads `nodes` once; nothing else reads it
    const profile = {
      get nodes() {
        parses++;
        return DONGLE_NODE.nodes;
      },
    };
    const app = Testing.app();
    attachClusterProfile(app, profile);
    if (withStatic) new StaticPod(new Chart(app, 'node'), 'etcd', { node: 'my-node1', metadata: { name: 'etcd' }, spec: { containers: [{ name: 'etcd', image: 'etcd' }] } });
    new Pod(new Chart(app, 'c'), 'big', { metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] } });
    expect(synthErrors(app)).toContain(R.unschedulable.id);
    expect(synthErrors(app)).toContain(R.unschedulable.id);
    expect(parses).toBe(1);
  });

  it('does nothing to an app without a profile', () => {
    const app = Testing.app();
    new Pod(new Chart(app, 'c'), 'big', { metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] } });
    expect(clusterProfileOf(app)).toBeUndefined();
    expect(synthErrors(app)).toBe('');
  });
});
