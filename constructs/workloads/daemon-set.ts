/**
 * `DaemonSet` (apps/v1): one pod per (matching) node. The selector, when not given, is derived from the template's
 * labels.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/daemonset/
 */
import type { Construct } from 'constructs';
import type { LabelSelector } from '../../lib/k8s';
import { templatedSpec } from '../deployment';
import { toWire } from '../wire';
import type { PodSecurityFlag, PodSpecOf, QosFlag } from './pod-spec';
import { PodWorkload, selectorLabelsOf, type PodTemplateProps, type WorkloadProps } from './workload';

/** `spec` of a DaemonSet, by wire names. */
export interface DaemonSetSpecProps<Spec = PodSpecOf<undefined, undefined, false, false, false, 'long-running'>> {
  /**
   * Which pods the DaemonSet owns.
   * @default - `{ matchLabels: <the template's labels> }`
   */
  readonly selector?: LabelSelector;
  readonly template: PodTemplateProps<Spec>;
  /** @default - RollingUpdate (Kubernetes' default, not written) */
  readonly updateStrategy?: {
    readonly type?: 'RollingUpdate' | 'OnDelete';
    readonly rollingUpdate?: { readonly maxUnavailable?: number | string; readonly maxSurge?: number | string };
  };
  /** @default 0 */
  readonly minReadySeconds?: number;
  /** @default 10 */
  readonly revisionHistoryLimit?: number;
}

/** Props of a {@link DaemonSet}. */
export interface DaemonSetProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  readonly spec: DaemonSetSpecProps<PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'long-running'>>;
}

/** A DaemonSet manifest; its pod template is checked by every pod rule at `spec.template.spec`. */
export class DaemonSet<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: DaemonSetProps<Qos, Level, Probed, Windows, SharedPid>) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: toWire(props.metadata), spec: toWire(templatedSpec(props.spec, props.guarantees)) }, props, selectorLabelsOf(props.spec.selector, props.spec.template.metadata));
    this.checkNow();
  }
}
