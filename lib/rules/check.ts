/**
 * Every single-object rule, run over any manifest: the entry point shared by the constructs and the linter. The
 * checks are those of the area list (areas.ts), in its order.
 */
import { isForeignKind, podSpecOf, type KubeObject, type PodLike } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import type { Violation } from '../violation';
import type { PodContext } from './area';
import { OBJECT_CHECKS, POD_CHECKS } from './areas';

/** Runs every pod check on one pod spec, for the target Kubernetes version of `context` (default: the newest). */
export function checkPod(pod: PodLike, base = 'spec', context: PodContext = {}): Violation[] {
  const out: Violation[] = [];
  for (const check of POD_CHECKS) appendAll(out, check(pod, base, context));
  return out;
}

/**
 * Runs every single-object rule on a manifest object: its metadata, its pod spec if it has one, and its own kind's
 * rules, for the target Kubernetes version of `options` (default: the newest).
 */
export function checkObject(obj: KubeObject, options: RuleOptions = {}): Violation[] {
  const out: Violation[] = [];
  // A custom resource named like a built-in kind gets only the rules every object has (its metadata), not the kind's.
  const subject = isForeignKind(obj) ? { ...obj, kind: undefined } : obj;
  for (const check of OBJECT_CHECKS) appendAll(out, check(subject, options));
  const found = podSpecOf(obj);
  if (found) appendAll(out, checkPod(found.pod, found.base, { ...options, object: obj }));
  return out;
}

/** `out.push(...items)` without the spread (this runs for every check of every object; most return nothing). */
function appendAll(out: Violation[], items: readonly Violation[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
}
