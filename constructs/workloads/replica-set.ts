/**
 * `ReplicaSet` (apps/v1): a stable set of replica pods. Usually owned by a Deployment; written directly when no
 * rollout is wanted. The selector, when not given, is derived from the template's labels.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/replicaset/
 */
import type { Construct } from 'constructs';
import type { LabelSelector } from '../../lib/k8s';
import { templatedSpec } from '../deployment';
import type { PodSecurityFlag, PodSpecOf, QosFlag } from './pod-spec';
import { PodWorkload, selectorLabelsOf, type PodTemplateProps, type WorkloadProps } from './workload';

/** `spec` of a ReplicaSet, by wire names. */
export interface ReplicaSetSpecProps<Spec = PodSpecOf<undefined, undefined, false, false, false, 'long-running'>> {
  /**
   * Pods to run.
   * @default 1 - Kubernetes' default (not written)
   */
  readonly replicas?: number;
  /**
   * Which pods the ReplicaSet owns.
   * @default - `{ matchLabels: <the template's labels> }`
   */
  readonly selector?: LabelSelector;
  /** The pods the ReplicaSet creates: labels and spec. */
  readonly template: PodTemplateProps<Spec>;
  /**
   * Seconds a new pod must be ready, without a container crashing, before it counts as available.
   * @default 0 - Kubernetes' default (not written): available as soon as ready
   */
  readonly minReadySeconds?: number;
}

/** Props of a {@link ReplicaSet}. */
export interface ReplicaSetProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  /** `spec` of the ReplicaSet, by wire names. */
  readonly spec: ReplicaSetSpecProps<PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'long-running'>>;
}

/** A ReplicaSet manifest; its pod template is checked by every pod rule at `spec.template.spec`. */
export class ReplicaSet<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: ReplicaSetProps<Qos, Level, Probed, Windows, SharedPid>) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: props.metadata, spec: templatedSpec(props.spec, props.guarantees) }, props, selectorLabelsOf(props.spec.selector, props.spec.template.metadata));
    this.checkNow();
  }
}
