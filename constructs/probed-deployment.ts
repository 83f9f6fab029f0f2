/**
 * `ProbedDeployment`: a Deployment whose app containers cannot be declared without a liveness and a readiness
 * probe (a startup probe stays optional) — a preset of {@link Deployment} with the guarantee `probed: true`,
 * which any workload kind takes as well. The type requires the probes; the synthesized manifest is re-checked
 * (`probes/liveness-required`, `probes/readiness-required`), so the promise holds through escape hatches too.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import type { Construct } from 'constructs';
import { Deployment, type DeploymentSpecProps } from './deployment';
import type { AppContainerProps, PodSpecOf } from './workloads/pod-spec';
import type { WorkloadBaseProps } from './workloads/workload';

export { probedPromise } from './workloads/guarantees';

/** An app container of a ProbedDeployment: liveness and readiness probes are required. */
export type ProbedContainerProps = AppContainerProps<undefined, undefined, true, 'long-running'>;

/** The pod spec of a ProbedDeployment: every app container is probed. Init containers are not (they run to completion). */
export type ProbedPodSpecProps = PodSpecOf<undefined, undefined, true, false, false, 'long-running'>;

/** Props of a {@link ProbedDeployment}. */
export interface ProbedDeploymentProps extends WorkloadBaseProps {
  /** `spec` of the Deployment; every app container has a liveness and a readiness probe. */
  readonly spec: DeploymentSpecProps<ProbedPodSpecProps>;
}

/** A Deployment whose every app container has liveness and readiness probes. */
export class ProbedDeployment extends Deployment<undefined, undefined, true> {
  constructor(scope: Construct, id: string, props: ProbedDeploymentProps) {
    super(scope, id, { ...props, guarantees: { probed: true } });
  }
}
