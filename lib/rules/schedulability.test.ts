import { describe, expect, it } from 'vitest';
import type { Container, KubeObject, PodSpec } from '../k8s';
import { podRequests, simulateScheduling, parseClusterProfile, type ClusterProfile } from '../scheduling';
import { checkSchedulability, schedulabilityCheck, schedulabilityRules as R } from './schedulability';

const pod = (name: string, spec: Partial<PodSpec> & { containers?: Container[] }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const requesting = (name: string, resources: Container['resources'], extra: Partial<PodSpec> = {}) =>
  pod(name, { containers: [{ name: 'c', image: 'nginx', resources }], ...extra });

const ONE_NODE: ClusterProfile = { nodes: [{ name: 'worker0', allocatable: { cpu: '4', memory: '16Gi' } }] };
const DONGLE_NODE: ClusterProfile = { nodes: [{ name: 'worker0', allocatable: { cpu: '4', memory: '16Gi', 'example.com/dongle': 4 } }] };

const found = (objects: KubeObject[], profile: ClusterProfile) =>
  checkSchedulability(objects, profile).map((f) => [f.object.name, f.violation.rule, f.violation.path, f.violation.message]);

describe('the docs Pending examples', () => {
  it('fails when memory-demo-3 requests 1000Gi (assign-memory-resource)', () => {
    const memoryDemo3 = requesting('memory-demo-3', { limits: { memory: '1000Gi' }, requests: { memory: '1000Gi' } });
    expect(found([memoryDemo3], ONE_NODE)).toEqual([
      ['memory-demo-3', R.unschedulable.id, 'spec', R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient memory.')],
    ]);
  });

  it('passes when the same Pod requests 100Mi', () => {
    expect(found([requesting('memory-demo', { limits: { memory: '200Mi' }, requests: { memory: '100Mi' } })], ONE_NODE)).toEqual([]);
  });

  it('fails when cpu-demo-2 requests 100 CPUs (assign-cpu-resource)', () => {
    const cpuDemo2 = requesting('cpu-demo-2', { limits: { cpu: '100' }, requests: { cpu: '100' } });
    expect(found([cpuDemo2], ONE_NODE)).toEqual([['cpu-demo-2', R.unschedulable.id, 'spec', R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient cpu.')]]);
  });

  it('passes when cpu-demo requests 0.5 CPU', () => {
    expect(found([requesting('cpu-demo', { limits: { cpu: '1' }, requests: { cpu: '0.5' } })], ONE_NODE)).toEqual([]);
  });

  const dongles = (name: string, n: number) => requesting(name, { requests: { 'example.com/dongle': n }, limits: { 'example.com/dongle': n } });

  it('fails for the second dongle Pod: the first took 3 of 4 dongles (extended-resource)', () => {
    expect(found([dongles('extended-resource-demo', 3), dongles('extended-resource-demo-2', 2)], DONGLE_NODE)).toEqual([
      ['extended-resource-demo-2', R.unschedulable.id, 'spec', R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient example.com/dongle.')],
    ]);
  });

  it('passes for each dongle Pod alone, and for 3 + 1', () => {
    expect(found([dongles('extended-resource-demo', 3)], DONGLE_NODE)).toEqual([]);
    expect(found([dongles('extended-resource-demo-2', 2)], DONGLE_NODE)).toEqual([]);
    expect(found([dongles('a', 3), dongles('b', 1)], DONGLE_NODE)).toEqual([]);
  });

  it('fails when no node advertises the extended resource at all', () => {
    expect(found([dongles('extended-resource-demo', 3)], ONE_NODE).map((f) => f[3])).toEqual([
      R.unschedulable.message('', '0/1 nodes are available: 1 Insufficient example.com/dongle.'),
    ]);
  });
});

describe('multi-node clusters', () => {
  const cluster: ClusterProfile = {
    nodes: [
      { name: 'worker0', labels: { disktype: 'ssd', 'kubernetes.io/hostname': 'worker0' }, allocatable: { cpu: '2', memory: '4Gi' } },
      { name: 'worker1', labels: { 'kubernetes.io/hostname': 'worker1' }, allocatable: { cpu: '8', memory: '32Gi' } },
      { name: 'worker2', labels: { 'kubernetes.io/hostname': 'worker2' }, allocatable: { cpu: '8', memory: '32Gi', 'example.com/dongle': 4 } },
    ],
  };
  const nginx = (extra: Partial<PodSpec>, resources?: Container['resources']) => pod('nginx', { containers: [{ name: 'nginx', image: 'nginx', resources }], ...extra });

  it('fails when the nodeSelector matches a node that is too small, with one reason per node', () => {
    const p = nginx({ nodeSelector: { disktype: 'ssd' } }, { requests: { memory: '8Gi' } });
    expect(found([p], cluster).map((f) => f[3])).toEqual([
      R.unschedulable.message('', "0/3 nodes are available: 1 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector."),
    ]);
  });

  it('passes when the nodeSelector matches a node with room (the page: worker0 has disktype=ssd)', () => {
    expect(found([nginx({ nodeSelector: { disktype: 'ssd' } })], cluster)).toEqual([]);
    const [o] = simulateScheduling([nginx({ nodeSelector: { disktype: 'ssd' } })], parseClusterProfile(cluster).nodes);
    expect(o).toMatchObject({ kind: 'scheduled', node: 'worker0' });
  });

  it('fails when no node has the label the nodeSelector asks for', () => {
    expect(found([nginx({ nodeSelector: { disktype: 'nvme' } })], cluster).map((f) => f[3])).toEqual([
      R.unschedulable.message('', "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."),
    ]);
  });

  it.each([
    ['In', { key: 'disktype', operator: 'In', values: ['ssd'] }, 'worker0'],
    ['NotIn', { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['worker0', 'worker1'] }, 'worker2'],
    ['Exists', { key: 'disktype', operator: 'Exists' }, 'worker0'],
    ['DoesNotExist', { key: 'disktype', operator: 'DoesNotExist' }, 'worker1'],
  ] as const)('places by required affinity %s', (_op, expr, node) => {
    const p = nginx({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ ...expr, values: 'values' in expr ? [...expr.values] : undefined }] }] } } } });
    expect(simulateScheduling([p], parseClusterProfile(cluster).nodes)[0]).toMatchObject({ kind: 'scheduled', node });
  });

  it('compares Gt/Lt as integers, and a non-integer value matches no node', () => {
    const nodes = parseClusterProfile({
      nodes: [
        { name: 'small', labels: { cores: '4' }, allocatable: { cpu: '4', memory: '1Gi' } },
        { name: 'big', labels: { cores: '16' }, allocatable: { cpu: '16', memory: '1Gi' } },
      ],
    }).nodes;
    const gt = (value: string) => nginx({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: [value] }] }] } } } });
    expect(simulateScheduling([gt('8')], nodes)[0]).toMatchObject({ kind: 'scheduled', node: 'big' });
    expect(simulateScheduling([gt('8.5')], nodes)[0]).toMatchObject({ kind: 'pending' });
  });

  it('prefers the node of the preferred term (the page: weight 1, disktype In ssd)', () => {
    const p = nginx({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } }] } } });
    expect(simulateScheduling([p], parseClusterProfile(cluster).nodes)[0]).toMatchObject({ kind: 'scheduled', node: 'worker0' });
  });

  it('matches a node by name with matchFields', () => {
    const p = nginx({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker2'] }] }] } } } });
    expect(simulateScheduling([p], parseClusterProfile(cluster).nodes)[0]).toMatchObject({ kind: 'scheduled', node: 'worker2' });
  });

  it('spreads pods that do not fit together and reports only the ones left over', () => {
    const big = (n: string) => requesting(n, { requests: { cpu: '6' } });
    // worker1 and worker2 take one each; worker0 has only 2 CPUs
    expect(found([big('a'), big('b'), big('c')], cluster).map((f) => [f[0], f[3]])).toEqual([
      ['c', R.unschedulable.message('', '0/3 nodes are available: 3 Insufficient cpu.')],
    ]);
  });

  it('counts the replicas of a Deployment in order', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { 'example.com/dongle': 2 } } }] } } },
    };
    expect(found([deployment], cluster)).toEqual([
      ['web', R.unschedulable.id, 'spec.template.spec', R.unschedulable.message('replica 3 of 3', '0/3 nodes are available: 3 Insufficient example.com/dongle.')],
    ]);
  });

  it('places one DaemonSet Pod per matching node, each only on its node', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'agent', resources: { requests: { cpu: '3' } } }] } } },
    };
    expect(found([ds], cluster).map((f) => f[3])).toEqual([
      R.unschedulable.message('the Pod for node "worker0"', "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector."),
    ]);
  });

  it('fails when too many pods land on a node', () => {
    const tiny: ClusterProfile = { nodes: [{ name: 'n', allocatable: { cpu: '1', memory: '1Gi', pods: 2 } }] };
    expect(found([pod('a', {}), pod('b', {}), pod('c', {})], tiny).map((f) => [f[0], f[3]])).toEqual([
      ['c', R.unschedulable.message('', '0/1 nodes are available: 1 Too many pods.')],
    ]);
  });
});

describe('Pods that bypass the scheduler (nodeName)', () => {
  it('fails when nodeName names no node of the profile (the page: foo-node)', () => {
    expect(found([pod('nginx', { nodeName: 'foo-node' })], ONE_NODE)).toEqual([['nginx', R.nodeNotFound.id, 'spec.nodeName', R.nodeNotFound.message('', 'foo-node')]]);
  });

  it('passes when nodeName names a node of the profile', () => {
    expect(found([pod('nginx', { nodeName: 'worker0' })], ONE_NODE)).toEqual([]);
  });

  it('fails with the kubelet reason when the named node is full, and counts the Pod before it', () => {
    const a = requesting('a', { requests: { memory: '10Gi' } }, { nodeName: 'worker0' });
    const b = requesting('b', { requests: { memory: '10Gi' } }, { nodeName: 'worker0' });
    expect(found([a, b], ONE_NODE)).toEqual([
      ['b', R.rejectedByKubelet.id, 'spec', R.rejectedByKubelet.message('', 'worker0', 'OutOfmemory', "Node didn't have enough resource: memory, requested: 10Gi, used: 10Gi, capacity: 16Gi")],
    ]);
  });

  it('fails when the named node does not match the nodeSelector', () => {
    expect(found([pod('x', { nodeName: 'worker0', nodeSelector: { disktype: 'ssd' } })], ONE_NODE).map((f) => f[1])).toEqual([R.rejectedByKubelet.id]);
  });

  it('pins an object to a node given by the caller (static Pods)', () => {
    const staticPod = requesting('static-web', { requests: { cpu: '3' } });
    const other = requesting('other', { requests: { cpu: '2' } });
    const findings = checkSchedulability([staticPod, other], ONE_NODE, { pinnedNode: (o) => (o.metadata?.name === 'static-web' ? 'worker0' : undefined) });
    expect(findings.map((f) => [f.object.name, f.violation.rule])).toEqual([['other', R.unschedulable.id]]);
  });

  it('fails at the pod spec, not at a nodeName it does not have, when a pinned node is missing', () => {
    const findings = checkSchedulability([pod('static-web', {})], ONE_NODE, { pinnedNode: () => 'my-node1' });
    expect(findings.map((f) => [f.violation.rule, f.violation.path])).toEqual([[R.nodeNotFound.id, 'spec']]);
  });
});

describe('severity and the app check', () => {
  it('reports as a warning when asked', () => {
    const check = schedulabilityCheck(ONE_NODE, { severity: 'warning' });
    const [f] = check([requesting('big', { requests: { cpu: '100' } })]);
    expect(f!.violation.severity).toBe('warning');
    expect(f!.object).toEqual({ kind: 'Pod', name: 'big', namespace: undefined, index: 0 });
  });

  it('fails when the profile has a quantity that does not parse', () => {
    expect(() => schedulabilityCheck({ nodes: [{ name: 'n', allocatable: { cpu: 'four', memory: '1Gi' } }] })).toThrow(/nodes\[0\]\.allocatable\[cpu\]: Invalid value: "four"/);
  });

  it('ignores objects without a pod spec', () => {
    expect(found([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }], ONE_NODE)).toEqual([]);
  });

  it('is linear: 2,000 Pods on 200 nodes in well under a few seconds', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({ name: `n${i}`, allocatable: { cpu: '4', memory: '8Gi' } }));
    const pods = Array.from({ length: 2000 }, (_, i) => requesting(`p${i}`, { requests: { cpu: '500m', memory: '1Gi' } }));
    const started = performance.now();
    const findings = checkSchedulability(pods, { nodes });
    expect(findings).toHaveLength(400); // 200 nodes × 8 Pods fit
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('parsing the profile', () => {
  /** A profile that counts how often it is parsed: parsing reads `nodes` once, nothing else reads it. */
  function countingProfile(): { profile: ClusterProfile; parses: () => number } {
    let reads = 0;
    const nodes = ONE_NODE.nodes;
    return {
      profile: {
        get nodes() {
          reads++;
          return nodes;
        },
      },
      parses: () => reads,
    };
  }
  const pods = [requesting('big', { requests: { cpu: '100' } }), requesting('small', { requests: { cpu: '1' } })];

  it('counts one parse per parse (the counter reads what parsing reads)', () => {
    const { profile, parses } = countingProfile();
    parseClusterProfile(profile);
    parseClusterProfile(profile);
    expect(parses()).toBe(2);
  });

  it('parses once per checkSchedulability call', () => {
    const { profile, parses } = countingProfile();
    expect(checkSchedulability(pods, profile).map((f) => f.object.name)).toEqual(['big']);
    expect(parses()).toBe(1);
  });

  it('parses once when the app check is bound, and never again however often it runs', () => {
    const { profile, parses } = countingProfile();
    const check = schedulabilityCheck(profile);
    expect(check(pods).map((f) => f.object.name)).toEqual(['big']);
    expect(check(pods).map((f) => f.object.name)).toEqual(['big']);
    expect(parses()).toBe(1);
  });
});

describe('podRequests (what the scheduler counts)', () => {
  const spec = (init: Container[], app: Container[]): PodSpec => ({ initContainers: init, containers: app });
  const c = (cpu: string, restartPolicy?: string): Container => ({ name: `c${cpu}`, image: 'x', resources: { requests: { cpu } }, restartPolicy });

  it.each([
    ['the sum of app containers', spec([], [c('1'), c('2')]), '3'],
    ['the largest init container when larger', spec([c('5'), c('1')], [c('1'), c('2')]), '5'],
    ['the app sum when larger than any init container', spec([c('2')], [c('1'), c('2')]), '3'],
    ['sidecars added to the app containers', spec([c('1', 'Always')], [c('2')]), '3'],
    ['an init container after a sidecar runs beside it', spec([c('1', 'Always'), c('4')], [c('1')]), '5'],
  ])('is %s', (_name, s, cpu) => {
    expect(podRequests(s).get('cpu')!.toString()).toBe(cpu);
  });

  it('adds the pod overhead', () => {
    expect(podRequests({ containers: [c('1')], overhead: { cpu: '250m' } }).get('cpu')!.toString()).toBe('1250m');
  });

  it('takes a limit as the request when none is given', () => {
    expect(podRequests({ containers: [{ name: 'a', image: 'x', resources: { limits: { memory: '1Gi' } } }] }).get('memory')!.toString()).toBe('1Gi');
  });
});
