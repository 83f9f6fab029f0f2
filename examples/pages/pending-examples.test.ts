/**
 * The docs' Pending examples, built from the example charts themselves and checked against the clusters
 * the pages describe: memory-demo-3 (1000Gi) and cpu-demo-2 (100 CPUs) stay Pending on an ordinary node;
 * of the two dongle Pods on a node advertising 4 dongles, the second stays Pending.
 */
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { attachClusterProfile } from '../../constructs/cluster-profile';
import { appObjects } from '../../constructs/app-objects';
import { checkSchedulability, schedulabilityRules as R } from '../../lib/rules/schedulability';
import type { ClusterProfile } from '../../lib/scheduling';
import { EXAMPLE_PAGES, chartId } from '../index';

function examplesApp(pages: readonly string[]) {
  const app = Testing.app();
  for (const { page, examples } of EXAMPLE_PAGES.filter((p) => pages.includes(p.page))) {
    for (const example of examples) example.build(new Chart(app, chartId(page, example)));
  }
  return app;
}

const pending = (pages: readonly string[], profile: ClusterProfile) =>
  checkSchedulability(appObjects(examplesApp(pages)).map((o) => o.manifest), profile).map((f) => [f.object.name, f.violation.rule, f.violation.message]);

const WORKER: ClusterProfile = { nodes: [{ name: 'worker0', labels: { disktype: 'ssd' }, allocatable: { cpu: '4', memory: '16Gi' } }] };

describe('the Pending Pods of the docs, from the example charts', () => {
  it('memory-demo-3 and cpu-demo-2 stay Pending; the other memory and CPU Pods fit', () => {
    expect(pending(['assign-memory-resource', 'assign-cpu-resource'], WORKER)).toEqual([
      ['memory-demo-3', R.unschedulable.id, R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient memory.')],
      ['cpu-demo-2', R.unschedulable.id, R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient cpu.')],
    ]);
  });

  it('the second dongle Pod stays Pending on a node advertising 4 dongles', () => {
    const dongleNode: ClusterProfile = { nodes: [{ name: 'worker0', allocatable: { cpu: '4', memory: '16Gi', 'example.com/dongle': 4 } }] };
    expect(pending(['extended-resource'], dongleNode)).toEqual([
      ['extended-resource-demo-2', R.unschedulable.id, R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient example.com/dongle.')],
    ]);
  });

  it('both dongle Pods fit on a node advertising 5', () => {
    const bigger: ClusterProfile = { nodes: [{ name: 'worker0', allocatable: { cpu: '4', memory: '16Gi', 'example.com/dongle': 5 } }] };
    expect(pending(['extended-resource'], bigger)).toEqual([]);
  });

  it('the node-selection Pods fit on worker0 (disktype=ssd), except the one pinned to foo-node', () => {
    expect(pending(['assign-pods-nodes', 'assign-pods-nodes-using-node-affinity'], WORKER)).toEqual([['nginx', R.nodeNotFound.id, R.nodeNotFound.message('', 'foo-node')]]);
  });

  it('fails synthesis of the examples app when a profile is attached to it', () => {
    const app = examplesApp(['extended-resource']);
    attachClusterProfile(app, { nodes: [{ name: 'worker0', allocatable: { cpu: '4', memory: '16Gi', 'example.com/dongle': 4 } }] });
    expect(() => app.synthYaml()).toThrow(`[${R.unschedulable.id}]`);
  });
});
