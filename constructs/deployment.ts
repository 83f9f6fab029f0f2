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
  readonly metadata: {
    /** The pod's labels; the default selector selects exactly these. */
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec: Spec;
}

/** `spec` of a Deployment, by wire names. */
export interface DeploymentSpecProps<Spec = TypedInitPodSpecProps> {
  /** @default 1 - Kubernetes' default (not written) */
  readonly replicas?: number;
  /**
   * Which pods the Deployment owns.
   * @default - `{ matchLabels: <the template's labels> }`
   */
  readonly selector?: LabelSelector;
  readonly template: PodTemplateProps<Spec>;
  /** @default - RollingUpdate (Kubernetes' default, not written) */
  readonly strategy?: { readonly type?: 'RollingUpdate' | 'Recreate'; readonly rollingUpdate?: { readonly maxSurge?: number | string; readonly maxUnavailable?: number | string } };
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit?: number;
  readonly progressDeadlineSeconds?: number;
  readonly paused?: boolean;
}

/** Props of a {@link Deployment}: object metadata and the spec, by wire names. */
export interface DeploymentProps extends CheckOptions {
  readonly metadata?: PodMetadata;
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
