/**
 * `DaemonSet` (apps/v1): one pod per (matching) node. The selector, when not given, is derived from the template's
 * labels.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/daemonset/
 */
import type { Construct } from 'constructs';
import type { LabelSelector } from '../../lib/k8s';
import { templatedSpec } from '../deployment';
import type { PodSecurityFlag, PodSpecOf, QosFlag } from './pod-spec';
import { PodWorkload, selectorLabelsOf, type PodTemplateProps, type WorkloadProps } from './workload';

/** `spec` of a DaemonSet, by wire names. */
export interface DaemonSetSpecProps<Spec = PodSpecOf<undefined, undefined, false, false, false, 'long-running'>> {
  /**
   * Which pods the DaemonSet owns.
   * @default - `{ matchLabels: <the template's labels> }`
   */
  readonly selector?: LabelSelector;
  /** The pods the DaemonSet runs on each node: labels and spec. */
  readonly template: PodTemplateProps<Spec>;
  /**
   * How pods are replaced when the template changes: RollingUpdate, or OnDelete (only when deleted).
   * @default - RollingUpdate with maxUnavailable 1 (Kubernetes' default, not written)
   */
  readonly updateStrategy?: {
    readonly type?: 'RollingUpdate' | 'OnDelete';
    readonly rollingUpdate?: { readonly maxUnavailable?: number | string; readonly maxSurge?: number | string };
  };
  /**
   * Seconds a new pod must be ready, without a container crashing, before it counts as available.
   * @default 0 - Kubernetes' default (not written): available as soon as ready
   */
  readonly minReadySeconds?: number;
  /**
   * Old revisions kept to allow a rollback.
   * @default 10 - Kubernetes' default (not written)
   */
  readonly revisionHistoryLimit?: number;
}

/** Props of a {@link DaemonSet}. */
export interface DaemonSetProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  /** `spec` of the DaemonSet, by wire names. */
  readonly spec: DaemonSetSpecProps<PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'long-running'>>;
}

/** A DaemonSet manifest; its pod template is checked by every pod rule at `spec.template.spec`. */
export class DaemonSet<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: DaemonSetProps<Qos, Level, Probed, Windows, SharedPid>) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: props.metadata, spec: templatedSpec(props.spec, props.guarantees) }, props, selectorLabelsOf(props.spec.selector, props.spec.template.metadata));
    this.checkNow();
  }
}
