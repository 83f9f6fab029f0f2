/**
 * What a Pod asks the scheduler for: the sum of its app containers' requests, or the largest init container
 * (plus the sidecars started before it) when that is larger, resource by resource, as the scheduler's
 * `PodRequests` computes it. A container's limit stands in for a request it does not set (API defaulting).
 * https://kubernetes.io/ja/docs/concepts/workloads/pods/init-containers/#resources
 */
import type { PodSpec } from '../k8s';
import type { Quantity } from '../quantity';
import { effectiveRequests } from '../effective-resources';

/** A resource list as the scheduler adds it up: resource name → exact quantity. */
export type ResourceTotals = Map<string, Quantity>;

function addInto(target: ResourceTotals, add: ReadonlyMap<string, Quantity>): void {
  for (const [name, q] of add) {
    const had = target.get(name);
    target.set(name, had ? had.add(q) : q);
  }
}

function maxInto(target: ResourceTotals, other: ReadonlyMap<string, Quantity>): void {
  for (const [name, q] of other) {
    const had = target.get(name);
    if (!had || q.cmp(had) > 0) target.set(name, q);
  }
}

/**
 * The Pod's effective requests: `max(sum(app containers) + sum(sidecars), max over init containers of
 * (that init container + the sidecars declared before it))` per resource, plus `spec.overhead`.
 */
export function podRequests(spec: PodSpec): ResourceTotals {
  const reqs: ResourceTotals = new Map();
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) addInto(reqs, effectiveRequests(c));
  const sidecars: ResourceTotals = new Map();
  const initMax: ResourceTotals = new Map();
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) {
    const own = effectiveRequests(c);
    if (c.restartPolicy === 'Always') {
      addInto(reqs, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const during: ResourceTotals = new Map(own);
      addInto(during, sidecars);
      maxInto(initMax, during);
    }
  }
  maxInto(reqs, initMax);
  // RuntimeClass overhead, which admission copies into the spec, is added on top
  const overhead = spec.overhead;
  if (overhead && typeof overhead === 'object') addInto(reqs, effectiveRequests({ name: 'overhead', resources: { requests: overhead as Record<string, string> } }));
  return reqs;
}
