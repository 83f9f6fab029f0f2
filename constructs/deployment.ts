/**
 * `Deployment` (apps/v1): replicas of a pod template, selected by labels. The selector and the template's labels
 * are kept consistent by construction: leave `selector` out and it is the template's labels as `matchLabels`;
 * give one and it must select the template (`deployments/selector-mismatch`, the API server's own check).
 * General enough for every Deployment of the docs (the GMSA page's, the probe page's).
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/deployment/
 */
import type { Construct } from 'constructs';
import type * as k8s from '../lib/k8s';
import type { LabelSelector } from '../lib/rules/deployments';
import { CheckedApiObject, type CheckOptions } from './checked-api-object';
import type { TypedInitPodSpecProps } from './init-container';
import type { PodMetadata } from './pod';
import { toWire } from './wire';

/** The pod template: labels (what the selector selects) and a pod spec. */
export interface PodTemplateProps<Spec = TypedInitPodSpecProps> {
  /** The pod template's metadata: its labels are required, as the Deployment selects by them. */
  readonly metadata: {
    /** The pod's labels; the default selector selects exactly these. */
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  /** The pod spec of every replica. */
  readonly spec: Spec;
}

/** `spec` of a Deployment, by wire names. */
export interface DeploymentSpecProps<Spec = TypedInitPodSpecProps> {
  /** The number of pods to run. @default 1 - Kubernetes' default (not written) */
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

/** Props of a {@link Deployment}: object metadata and the spec, by wire names. */
export interface DeploymentProps extends CheckOptions {
  /** The Deployment's own metadata. @default - a name cdk8s derives from the construct path */
  readonly metadata?: PodMetadata;
  /** The Deployment's spec: replicas, selector, pod template and rollout settings. */
  readonly spec: DeploymentSpecProps;
}

/** The manifest `spec` of a Deployment: the selector derived from the template's labels unless given. */
export function deploymentSpec<Spec>(spec: DeploymentSpecProps<Spec>): Record<string, unknown> {
  const { replicas, selector, template, ...rest } = spec;
  return {
    replicas,
    selector: selector ?? { matchLabels: { ...template.metadata.labels } },
    template: { metadata: template.metadata, spec: template.spec },
    ...rest,
  };
}

/** A Deployment manifest; its pod template is checked by every pod rule at `spec.template.spec`. */
export class Deployment extends CheckedApiObject {
  constructor(scope: Construct, id: string, props: DeploymentProps) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: toWire(props.metadata), spec: toWire(deploymentSpec(props.spec)) }, props);
    this.checkNow();
  }

  /** The pod template's spec as it will be written. */
  get podSpec(): k8s.PodSpec {
    return (this.manifest.spec as { template: { spec: k8s.PodSpec } }).template.spec;
  }
}
