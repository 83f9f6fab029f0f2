/**
 * `Deployment` (apps/v1): replicas of a pod template, selected by labels. The selector and the template's labels
 * are kept consistent by construction: leave `selector` out and it is the template's labels as `matchLabels`;
 * give one and it must select the template (`deployments/selector-mismatch`, the API server's own check).
 * Takes any combination of guarantees, checked on `spec.template.spec`.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/deployment/
 */
import type { Construct } from 'constructs';
import type { LabelSelector } from '../lib/k8s';
import { applyGuarantees } from './workloads/guarantees';
import type { Guarantees, PodSecurityFlag, PodSpecOf, QosFlag } from './workloads/pod-spec';
import { PodWorkload, selectorLabelsOf, type PodTemplateProps, type WorkloadProps } from './workloads/workload';

export type { PodTemplateProps } from './workloads/workload';

/** `spec` of a Deployment, by wire names. */
export interface DeploymentSpecProps<Spec = PodSpecOf<undefined, undefined, false, false, false, 'long-running'>> {
  /**
   * Pods to run.
   * @default 1 - Kubernetes' default (not written)
   */
  readonly replicas?: number;
  /**
   * Which pods the Deployment owns.
   * @default - `{ matchLabels: <the template's labels> }`
   */
  readonly selector?: LabelSelector;
  /** The pods the Deployment creates: labels and spec. */
  readonly template: PodTemplateProps<Spec>;
  /** How old pods are replaced by new ones. @default - RollingUpdate (Kubernetes' default, not written) */
  readonly strategy?: { readonly type?: 'RollingUpdate' | 'Recreate'; readonly rollingUpdate?: { readonly maxSurge?: number | string; readonly maxUnavailable?: number | string } };
  /**
   * Seconds a new pod must be ready, without a container crashing, before it counts as available.
   * @default 0 - available as soon as ready
   */
  readonly minReadySeconds?: number;
  /** Old ReplicaSets kept to allow a rollback. @default 10 */
  readonly revisionHistoryLimit?: number;
  /** Seconds a rollout may make no progress before it is reported as failed. @default 600 */
  readonly progressDeadlineSeconds?: number;
  /** Pauses rollouts: changes to the template do not roll out until unpaused. @default false */
  readonly paused?: boolean;
}

/** Props of a {@link Deployment}: object metadata, guarantees, and the spec, by wire names. */
export interface DeploymentProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  /** `spec` of the Deployment, by wire names. */
  readonly spec: DeploymentSpecProps<PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'long-running'>>;
}

/**
 * The manifest `spec` of a selector-bearing workload: the selector derived from the template's labels unless
 * given, the template's pod spec with what the guarantees need filled in, the other fields as given.
 */
export function templatedSpec(spec: { readonly selector?: LabelSelector; readonly template: PodTemplateProps<object> }, guarantees: Guarantees | undefined): Record<string, unknown> {
  const { selector, template, ...rest } = spec as { selector?: LabelSelector; template: PodTemplateProps<object>; replicas?: number };
  const { replicas, ...others } = rest;
  return {
    replicas,
    selector: selector ?? { matchLabels: { ...template.metadata.labels } },
    template: { metadata: template.metadata, spec: applyGuarantees(template.spec, guarantees) },
    ...others,
  };
}

/** The manifest `spec` of a Deployment: the selector derived from the template's labels unless given. */
export function deploymentSpec<Spec extends object>(spec: DeploymentSpecProps<Spec>, guarantees?: Guarantees): Record<string, unknown> {
  return templatedSpec(spec, guarantees);
}

/**
 * A Deployment manifest; its pod template is checked by every pod rule at `spec.template.spec`, and its guarantees
 * hold for every pod it creates. The selector, when not given, is `{ matchLabels: <the template's labels> }`.
 */
export class Deployment<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: DeploymentProps<Qos, Level, Probed, Windows, SharedPid>) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: props.metadata, spec: deploymentSpec(props.spec, props.guarantees) }, props, selectorLabelsOf(props.spec.selector, props.spec.template.metadata));
    this.checkNow();
  }
}
