/**
 * "Would it schedule?": places every Pod of a set of manifests on the nodes of a cluster profile, in
 * declaration order, the way the default scheduler filters nodes, and reports each Pod that would stay
 * Pending with the scheduler's own reasons (`0/1 nodes are available: 1 Insufficient memory.`).
 *
 * - Filters, per node, in the scheduler's order: NodeAffinity (`nodeSelector` and required node affinity:
 *   `node(s) didn't match Pod's node affinity/selector`), then NodeResourcesFit (`Too many pods`,
 *   `Insufficient cpu`, `Insufficient memory`, `Insufficient <resource>`), counting what the Pods placed
 *   before it already request on that node (so the page's second dongle Pod stays Pending: the first took
 *   3 of the node's 4).
 * - Among the nodes that fit, the Pod goes to the one with the highest preferred-affinity weight, then the
 *   least allocated (cpu and memory), then the earliest in the profile: an approximation of the default
 *   scorer. Whether a Pod fits anywhere depends on it only through earlier placements.
 * - A Pod with `nodeName` (or a static Pod, pinned by the caller) bypasses the scheduler: if the node is
 *   not in the profile nothing runs it (it stays Pending); if it does not fit, the node's kubelet rejects it
 *   (`OutOfcpu`, `OutOfmemory`, `OutOf<resource>`, `NodeAffinity`).
 * - Workloads count as their Pods: `replicas` of a Deployment, ReplicaSet, StatefulSet or
 *   ReplicationController (default 1), `parallelism` of a Job (default 1), one Pod per matching node for a
 *   DaemonSet. CronJobs are not counted (their Pods come and go).
 * Linear in (Pods × nodes × resources).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/extended-resource/
 */
import { podSpecOf, type KubeObject, type PodSpec } from '../k8s';
import { Quantity } from '../quantity';
import { matchesNodeSelection, preferredWeight } from './node-affinity';
import type { ParsedNode } from './profile';
import { podRequests, type ResourceTotals } from './pod-requests';

/** The NodeAffinity plugin's reason. */
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** The NodeResourcesFit plugin's reason when the node's pod count is full. */
export const REASON_TOO_MANY_PODS = 'Too many pods';

/** Which Pod of an object an outcome is about. */
export interface PodInstance {
  /** Index of the object in the list. */
  readonly object: number;
  /** Path of the pod spec inside the object (`spec`, `spec.template.spec`). */
  readonly base: string;
  /** `replica 2 of 3`, `the Pod for node "n1"`, or empty for a lone Pod. */
  readonly label: string;
}

export type SchedulingOutcome =
  | (PodInstance & { readonly kind: 'scheduled'; readonly node: string })
  | (PodInstance & { readonly kind: 'pending'; readonly summary: string; readonly reasons: ReadonlyMap<string, number> })
  | (PodInstance & { readonly kind: 'node-not-found'; readonly node: string; readonly pinnedBy: 'nodeName' | 'caller' })
  | (PodInstance & { readonly kind: 'rejected'; readonly node: string; readonly reason: string; readonly detail: string });

/** Options of {@link simulateScheduling}. */
export interface SimulateOptions {
  /**
   * The node an object's Pod runs on although its manifest does not say so (a static Pod's node).
   * @default - none
   */
  readonly pinnedNode?: (object: KubeObject, index: number) => string | undefined;
}

interface NodeState {
  readonly node: ParsedNode;
  readonly used: ResourceTotals;
  pods: number;
}

const FIRST = ['cpu', 'memory', 'ephemeral-storage'];

/** Requested resources in the scheduler's order: cpu, memory, ephemeral-storage, then the others by name. */
function orderedResources(req: ResourceTotals): string[] {
  const rest = [...req.keys()].filter((r) => !FIRST.includes(r)).sort();
  return [...FIRST.filter((r) => req.has(r)), ...rest];
}

interface Shortfall {
  readonly resource: string;
  readonly requested: Quantity;
  readonly used: Quantity;
  readonly capacity: Quantity;
}

/** NodeResourcesFit: every resource the Pod requests (> 0) that the node cannot give any more. */
function shortfalls(state: NodeState, req: ResourceTotals): Shortfall[] {
  const out: Shortfall[] = [];
  const maxPods = state.node.allocatable.get('pods');
  if (maxPods && Quantity.parse(state.pods + 1).cmp(maxPods) > 0) {
    out.push({ resource: 'pods', requested: Quantity.parse(1), used: Quantity.parse(state.pods), capacity: maxPods });
  }
  for (const resource of orderedResources(req)) {
    const requested = req.get(resource)!;
    if (requested.sign() <= 0) continue;
    let capacity = state.node.allocatable.get(resource);
    if (!capacity) {
      if (resource === 'ephemeral-storage') continue;
      capacity = Quantity.ZERO;
    }
    const used = state.used.get(resource) ?? Quantity.ZERO;
    if (requested.cmp(capacity.sub(used)) > 0) out.push({ resource, requested, used, capacity });
  }
  return out;
}

function schedulerReason(s: Shortfall): string {
  return s.resource === 'pods' ? REASON_TOO_MANY_PODS : `Insufficient ${s.resource}`;
}

/** The scheduler's filter reasons for one node (first failing plugin only), empty when the Pod fits. */
function filterReasons(spec: PodSpec, req: ResourceTotals, state: NodeState): string[] {
  if (!matchesNodeSelection(spec, state.node)) return [REASON_NODE_AFFINITY];
  return shortfalls(state, req).map(schedulerReason);
}

function place(state: NodeState, req: ResourceTotals): void {
  for (const [name, q] of req) state.used.set(name, (state.used.get(name) ?? Quantity.ZERO).add(q));
  state.pods += 1;
}

/** Fraction of cpu and memory left after placing `req`, averaged (the LeastAllocated score, 0..1). */
function leastAllocated(state: NodeState, req: ResourceTotals): number {
  let sum = 0;
  for (const r of ['cpu', 'memory']) {
    const cap = state.node.allocatable.get(r)?.toNumber() ?? 0;
    if (cap <= 0) continue;
    const used = (state.used.get(r)?.toNumber() ?? 0) + (req.get(r)?.toNumber() ?? 0);
    sum += Math.max(0, cap - used) / cap;
  }
  return sum / 2;
}

/** The `0/N nodes are available: ...` message of the scheduler's FitError. */
export function fitErrorMessage(nodeCount: number, reasons: ReadonlyMap<string, number>): string {
  const parts = [...reasons].map(([reason, n]) => `${n} ${reason}`).sort();
  return parts.length > 0 ? `0/${nodeCount} nodes are available: ${parts.join(', ')}.` : `0/${nodeCount} nodes are available.`;
}

function histogram(lists: readonly string[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of lists) for (const r of list) out.set(r, (out.get(r) ?? 0) + 1);
  return out;
}

/** How many Pods an object runs at once, and on which nodes for a DaemonSet. */
function podCount(obj: KubeObject): number {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  const asCount = (v: unknown, d: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : d);
  switch (obj.kind) {
    case 'Pod':
      return 1;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
      return asCount(spec.replicas, 1);
    case 'Job': {
      const parallelism = asCount(spec.parallelism, 1);
      return typeof spec.completions === 'number' ? Math.min(parallelism, asCount(spec.completions, 1)) : parallelism;
    }
    default:
      return 0;
  }
}

/** Places every Pod of `objects` on `nodes`, in declaration order; one outcome per Pod. */
export function simulateScheduling(objects: readonly KubeObject[], nodes: readonly ParsedNode[], options: SimulateOptions = {}): SchedulingOutcome[] {
  const states: NodeState[] = nodes.map((node) => ({ node, used: new Map(), pods: 0 }));
  const byName = new Map(states.map((s) => [s.node.name, s]));
  const out: SchedulingOutcome[] = [];

  const schedule = (instance: PodInstance, spec: PodSpec, req: ResourceTotals, only?: NodeState) => {
    const failed: string[][] = [];
    let best: NodeState | undefined;
    let bestScore = -Infinity;
    const weights = states.map((s) => (only && s !== only ? 0 : preferredWeight(spec, s.node)));
    const maxWeight = weights.reduce((a, b) => Math.max(a, b), 1);
    states.forEach((state, i) => {
      if (only && state !== only) {
        failed.push([REASON_NODE_AFFINITY]);
        return;
      }
      const reasons = filterReasons(spec, req, state);
      if (reasons.length > 0) {
        failed.push(reasons);
        return;
      }
      const score = (2 * weights[i]!) / maxWeight + leastAllocated(state, req);
      if (score > bestScore) {
        best = state;
        bestScore = score;
      }
    });
    if (best) {
      place(best, req);
      out.push({ ...instance, kind: 'scheduled', node: best.node.name });
    } else {
      const reasons = histogram(failed);
      out.push({ ...instance, kind: 'pending', reasons, summary: fitErrorMessage(states.length, reasons) });
    }
  };

  const admit = (instance: PodInstance, spec: PodSpec, req: ResourceTotals, nodeName: string, pinnedBy: 'nodeName' | 'caller') => {
    const state = byName.get(nodeName);
    if (!state) {
      out.push({ ...instance, kind: 'node-not-found', node: nodeName, pinnedBy });
      return;
    }
    if (!matchesNodeSelection(spec, state.node)) {
      out.push({ ...instance, kind: 'rejected', node: nodeName, reason: 'NodeAffinity', detail: `Predicate NodeAffinity failed: ${REASON_NODE_AFFINITY}` });
      return;
    }
    const [first] = shortfalls(state, req);
    if (first) {
      const detail = `Node didn't have enough resource: ${first.resource}, requested: ${first.requested}, used: ${first.used}, capacity: ${first.capacity}`;
      out.push({ ...instance, kind: 'rejected', node: nodeName, reason: `OutOf${first.resource}`, detail });
      return;
    }
    place(state, req);
    out.push({ ...instance, kind: 'scheduled', node: nodeName });
  };

  objects.forEach((obj, index) => {
    const found = podSpecOf(obj);
    if (!found) return;
    const spec = found.pod.spec;
    const req = podRequests(spec);
    const byCaller = options.pinnedNode?.(obj, index);
    const pinned = byCaller ?? (typeof spec.nodeName === 'string' && spec.nodeName !== '' ? spec.nodeName : undefined);
    if (obj.kind === 'DaemonSet') {
      for (const state of states) {
        if (!matchesNodeSelection(spec, state.node)) continue;
        schedule({ object: index, base: found.base, label: `the Pod for node ${JSON.stringify(state.node.name)}` }, spec, req, state);
      }
      return;
    }
    const count = podCount(obj);
    for (let r = 0; r < count; r++) {
      const instance: PodInstance = { object: index, base: found.base, label: count > 1 ? `replica ${r + 1} of ${count}` : '' };
      if (pinned !== undefined) admit(instance, spec, req, pinned, byCaller !== undefined ? 'caller' : 'nodeName');
      else schedule(instance, spec, req);
    }
  });
  return out;
}
