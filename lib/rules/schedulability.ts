/**
 * "Would it schedule?": the Pods of an app that would stay Pending (or be rejected by their node) on a
 * given cluster profile, reported with the scheduler's reasons.
 *
 * "Podのステータスが待機中であることを示しています。つまり、Podがどのノードに対しても実行するようスケジュールされておらず、
 * いつまでも待機状態のままであることを表しています" — the memory, CPU and extended-resource pages each show a Pod
 * that stays Pending because no node has enough left (`Insufficient memory`, `Insufficient cpu`,
 * `Insufficient example.com/dongle`). The pages print older scheduler messages (`... predicates:: Insufficient
 * cpu (3).`, `fit failure summary on nodes : ...`); the reasons are the same, and the summary is today's
 * (`0/1 nodes are available: 1 Insufficient cpu.`). Severity is the caller's choice (default error).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/extended-resource/
 */
import { docsUrl } from '../docs';
import type { KubeObject } from '../k8s';
import { fieldPath } from '../path';
import { ParsedClusterProfile, simulateScheduling, type ClusterProfile, type SchedulingOutcome, type SimulateOptions } from '../scheduling';
import { defineRule, goQuote, type Severity, type Violation } from '../violation';
import type { AppCheck } from './app-check';
import { refOf, type Finding } from './finding';

const prefix = (label: string) => (label ? `${label}: ` : '');

export const schedulabilityRules = {
  unschedulable: defineRule(
    'schedulability/would-stay-pending',
    docsUrl('extended-resource', '2つ目のpodの作成を試みる'),
    (label: string, summary: string) => `${prefix(label)}would stay Pending: ${summary}`,
  ),
  nodeNotFound: defineRule(
    'schedulability/node-not-found',
    docsUrl('assign-pods-nodes', 'create-a-pod-that-gets-scheduled-to-specific-node'),
    (label: string, node: string) => `${prefix(label)}Not found: ${goQuote(node)}: no node of the cluster profile has this name, so no kubelet runs the Pod and it stays Pending`,
  ),
  rejectedByKubelet: defineRule(
    'schedulability/rejected-by-kubelet',
    docsUrl('assign-pods-nodes', 'create-a-pod-that-gets-scheduled-to-specific-node'),
    (label: string, node: string, reason: string, detail: string) =>
      `${prefix(label)}the kubelet of node ${goQuote(node)} would reject the Pod (it bypasses the scheduler): ${reason}: ${detail}`,
  ),
};

/** Options of {@link checkSchedulability}. */
export interface SchedulabilityOptions extends SimulateOptions {
  /**
   * Whether a Pod that would not run fails synthesis (`error`) or is reported (`warning`).
   * @default 'error'
   */
  readonly severity?: Severity;
}

function violationOf(o: Exclude<SchedulingOutcome, { kind: 'scheduled' }>): Violation {
  switch (o.kind) {
    case 'pending':
      return schedulabilityRules.unschedulable.at(o.base, o.label, o.summary);
    case 'node-not-found':
      return schedulabilityRules.nodeNotFound.at(o.pinnedBy === 'nodeName' ? fieldPath(o.base, 'nodeName') : o.base, o.label, o.node);
    case 'rejected':
      return schedulabilityRules.rejectedByKubelet.at(o.base, o.label, o.node, o.reason, o.detail);
  }
}

/**
 * Every Pod of `objects` that would not run on `profile`, as findings against its object. Throws when the
 * profile itself is invalid (a quantity that does not parse, a duplicate node name): that is a programming
 * error in the caller's configuration, not a finding about the manifests.
 */
export function checkSchedulability(objects: readonly KubeObject[], profile: ClusterProfile, options: SchedulabilityOptions = {}): Finding[] {
  return schedulabilityFindings(objects, ParsedClusterProfile.parse(profile), options);
}

/** {@link checkSchedulability} on a profile the caller parsed once (a check that runs at every synth). */
export function schedulabilityFindings(objects: readonly KubeObject[], profile: ParsedClusterProfile, options: SchedulabilityOptions = {}): Finding[] {
  const severity = options.severity ?? 'error';
  const out: Finding[] = [];
  for (const o of simulateScheduling(objects, profile.nodes, options)) {
    if (o.kind === 'scheduled') continue;
    out.push({ object: refOf(objects[o.object]!, o.object), violation: { ...violationOf(o), severity } });
  }
  return out;
}

/** The schedulability check as an app-level check (`AppCheck`) bound to one profile, parsed once, now (it throws if invalid). */
export function schedulabilityCheck(profile: ClusterProfile, options: SchedulabilityOptions = {}): AppCheck {
  const parsed = ParsedClusterProfile.parse(profile);
  return (objects) => schedulabilityFindings(objects, parsed, options);
}
