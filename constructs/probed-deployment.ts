/**
 * `ProbedDeployment`: a Deployment whose app containers cannot be declared without a liveness and a readiness
 * probe (a startup probe stays optional). The type requires them; the synthesized manifest is re-checked
 * (`probes/liveness-required`, `probes/readiness-required`), so the promise holds through escape hatches too.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import type { Construct } from 'constructs';
import type { KubeObject, PodLike } from '../lib/k8s';
import { podSpecOf } from '../lib/k8s';
import { checkProbesPresent } from '../lib/rules/probes';
import type { Violation } from '../lib/violation';
import { withPromise, type CheckOptions, type ManifestPromise } from './checked-api-object';
import type { ContainerProps } from './container';
import { Deployment, type DeploymentSpecProps } from './deployment';
import type { TypedInitPodSpecProps } from './init-container';
import type { PodMetadata } from './pod';
import type { LivenessProbeInput, ReadinessProbeInput } from './probe';

/** An app container of a ProbedDeployment: liveness and readiness probes are required. */
export interface ProbedContainerProps extends ContainerProps {
  /** Required: restarts the container when it deadlocks. */
  readonly livenessProbe: LivenessProbeInput;
  /** Required: keeps traffic away until the container is ready. */
  readonly readinessProbe: ReadinessProbeInput;
}

/** The pod spec of a ProbedDeployment: every app container is probed. Init containers are not (they run to completion). */
export interface ProbedPodSpecProps extends Omit<TypedInitPodSpecProps, 'containers'> {
  /** App containers, each with a liveness and a readiness probe. */
  readonly containers: readonly ProbedContainerProps[];
}

/** Props of a {@link ProbedDeployment}. */
export interface ProbedDeploymentProps extends CheckOptions {
  /** The Deployment's own metadata. @default - a name cdk8s derives from the construct path */
  readonly metadata?: PodMetadata;
  /** The Deployment's spec, whose pod template probes every app container. */
  readonly spec: DeploymentSpecProps<ProbedPodSpecProps>;
}

/** A Deployment whose every app container has liveness and readiness probes. */
export class ProbedDeployment extends Deployment {
  constructor(scope: Construct, id: string, props: ProbedDeploymentProps) {
    super(scope, id, { ...props, ...withPromise(props, probedPromise) });
  }
}

/** The promise that every long-running container has a liveness and a readiness probe. */
export const probedPromise: ManifestPromise = {
  name: 'probed',
  check: (manifest: KubeObject): Violation[] => {
    const found = podSpecOf(manifest);
    return found ? checkProbesPresent(found.pod as PodLike, found.base) : [];
  },
};
