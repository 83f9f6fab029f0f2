/**
 * `DaemonSet` (apps/v1): one pod per (matching) node. The selector, when not given, is derived from the template's
 * labels.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/daemonset/
 */
import type { Construct } from 'constructs';
import type { LabelSelector } from '../../lib/k8s';
import { templatedSpec } from '../deployment';
import { toWire } from '../wire';
import type { Guarantees, PodSpecFor } from './pod-spec';
import { PodWorkload, selectorLabelsOf, type PodTemplateProps, type WorkloadProps } from './workload';

/** `spec` of a DaemonSet, by wire names. */
export interface DaemonSetSpecProps<Spec = PodSpecFor<{}, 'long-running'>> {
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
export interface DaemonSetProps<G extends Guarantees = {}> extends WorkloadProps<G> {
  readonly spec: DaemonSetSpecProps<PodSpecFor<G, 'long-running'>>;
}

/** A DaemonSet manifest; its pod template is checked by every pod rule at `spec.template.spec`. */
export class DaemonSet<const G extends Guarantees = {}> extends PodWorkload<G> {
  constructor(scope: Construct, id: string, props: DaemonSetProps<G>) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: toWire(props.metadata), spec: toWire(templatedSpec(props.spec, props.guarantees)) }, props, selectorLabelsOf(props.spec.selector, props.spec.template.metadata));
    this.checkNow();
  }
}
