/**
 * Quality of Service classes.
 *
 * "Kubernetes uses QoS classes to make decisions about scheduling and evicting Pods": Guaranteed when every
 * container has memory and CPU limits equal to its requests, BestEffort when no container has any, Burstable
 * otherwise. This is kubelet's `ComputePodQOS`, run on the pod as the API server stores it (requests defaulted
 * from limits), counting init containers and only cpu and memory.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/quality-service-pod/
 */
import { docsUrl } from '../docs';
import type { PodLike } from '../k8s';
import type { Quantity } from '../quantity';
import { defineRule, type Violation } from '../violation';
import { effectiveLimits, effectiveRequests } from './resources';

/** The three QoS classes, as `status.qosClass` spells them. */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'] as const;

export const qosRules = {
  classMismatch: defineRule(
    'qos/class-mismatch',
    docsUrl('quality-service-pod', 'qosクラス'),
    (expected: QosClass, actual: QosClass) => `the pod was declared ${expected} but its resources make it ${actual}`,
  ),
};

function addTo(sums: Map<string, Quantity>, name: string, q: Quantity): void {
  const prev = sums.get(name);
  sums.set(name, prev ? prev.add(q) : q);
}

/** The QoS class Kubernetes will give the pod (`status.qosClass`), known at build time. */
export function qosClassOf(pod: PodLike): QosClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const all = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  for (const container of all) {
    for (const [name, q] of effectiveRequests(container)) {
      if ((QOS_RESOURCES as readonly string[]).includes(name) && q.sign() > 0) addTo(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, q] of effectiveLimits(container)) {
      if ((QOS_RESOURCES as readonly string[]).includes(name) && q.sign() > 0) {
        found.add(name);
        addTo(limits, name, q);
      }
    }
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || !lim.equals(req)) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Checks that the pod gets the QoS class it promises (for the QoS-typed constructs and escape hatches). */
export function checkQosClass(pod: PodLike, expected: QosClass, base = 'spec'): Violation[] {
  const actual = qosClassOf(pod);
  return actual === expected ? [] : [qosRules.classMismatch.at(`${base}.containers`, expected, actual)];
}
