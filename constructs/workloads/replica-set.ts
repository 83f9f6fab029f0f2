/**
 * `ReplicaSet` (apps/v1): a stable set of replica pods. Usually owned by a Deployment; written directly when no
 * rollout is wanted. The selector, when not given, is derived from the template's labels.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/replicaset/
 */
import type { Construct } from 'constructs';
import type { LabelSelector } from '../../lib/k8s';
import { templatedSpec } from '../deployment';
import { toWire } from '../wire';
import type { Guarantees, PodSpecFor } from './pod-spec';
import { PodWorkload, selectorLabelsOf, type PodTemplateProps, type WorkloadProps } from './workload';

/** `spec` of a ReplicaSet, by wire names. */
export interface ReplicaSetSpecProps<Spec = PodSpecFor<{}, 'long-running'>> {
  /** @default 1 - Kubernetes' default (not written) */
  readonly replicas?: number;
  /**
   * Which pods the ReplicaSet owns.
   * @default - `{ matchLabels: <the template's labels> }`
   */
  readonly selector?: LabelSelector;
  readonly template: PodTemplateProps<Spec>;
  /** @default 0 */
  readonly minReadySeconds?: number;
}

/** Props of a {@link ReplicaSet}. */
export interface ReplicaSetProps<G extends Guarantees = {}> extends WorkloadProps<G> {
  readonly spec: ReplicaSetSpecProps<PodSpecFor<G, 'long-running'>>;
}

/** A ReplicaSet manifest; its pod template is checked by every pod rule at `spec.template.spec`. */
export class ReplicaSet<const G extends Guarantees = {}> extends PodWorkload<G> {
  constructor(scope: Construct, id: string, props: ReplicaSetProps<G>) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: toWire(props.metadata), spec: toWire(templatedSpec(props.spec, props.guarantees)) }, props, selectorLabelsOf(props.spec.selector, props.spec.template.metadata));
    this.checkNow();
  }
}
