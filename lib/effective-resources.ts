/**
 * A container's requests and limits as Kubernetes stores them, parsed: what the QoS class (lib/rules/qos.ts) and the
 * scheduler's simulation (lib/scheduling) add up. Kept out of lib/rules so the simulation imports no rule module.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-memory-resource/
 */
import type { Container, QuantityValue } from './k8s';
import { Quantity } from './quantity';

/** Parses a manifest quantity, or undefined when it does not parse (the resources rules report it). */
export function quantityOf(value: QuantityValue | undefined): Quantity | undefined {
  if (value === undefined || value === null) return undefined;
  const r = Quantity.tryParseWire(value);
  return r.ok ? r.quantity : undefined;
}

/**
 * A container's requests as Kubernetes stores them: a resource with a limit and no request gets the limit as
 * its request (API defaulting, documented on the memory and CPU pages: "コンテナにメモリー制限を指定し、メモリー要求を
 * 指定しない場合、Kubernetesは制限に一致するメモリー要求を自動的に割り当てます").
 */
export function effectiveRequests(container: Container): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const { requests = {}, limits = {} } = container.resources ?? {};
  for (const [name, value] of Object.entries(requests)) {
    const q = quantityOf(value);
    if (q) out.set(name, q);
  }
  for (const [name, value] of Object.entries(limits)) {
    if (name in requests) continue;
    const q = quantityOf(value);
    if (q) out.set(name, q);
  }
  return out;
}

/** A container's limits, parsed. */
export function effectiveLimits(container: Container): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, value] of Object.entries(container.resources?.limits ?? {})) {
    const q = quantityOf(value);
    if (q) out.set(name, q);
  }
  return out;
}
