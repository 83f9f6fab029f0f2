/**
 * `WindowsDeployment`: a {@link Deployment} whose pods run on Windows nodes, as the GMSA page's workloads do — a
 * preset of the guarantee `windows: true`, which any workload kind takes as well.
 *
 * Its promise — the pod template selects Windows nodes — is re-checked on the synthesized manifest, and it can
 * declare GMSA credential specs it references that are managed outside the app (`externalReferences`, which
 * every workload takes).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-gmsa/
 */
import type { Construct } from 'constructs';
import { Deployment, type DeploymentSpecProps } from './deployment';
import type { PodSpecOf } from './workloads/pod-spec';
import type { WorkloadBaseProps } from './workloads/workload';

export { windowsPromise } from './workloads/guarantees';

/** Props of a {@link WindowsDeployment}: object metadata and a Deployment spec whose pods run on Windows nodes. */
export interface WindowsDeploymentProps extends WorkloadBaseProps {
  /**
   * `spec` of the Deployment; its pods must target Windows (`os.name`, or a `kubernetes.io/os` node selector or affinity).
   */
  readonly spec: DeploymentSpecProps<PodSpecOf<undefined, undefined, false, true, false, 'long-running'>>;
}

/**
 * A Deployment (`apps/v1`) of Windows pods: the pod template must select Windows nodes
 * (`nodeSelector: { 'kubernetes.io/os': 'windows' }`, `os: { name: 'windows' }`, or a required node affinity
 * on `kubernetes.io/os In [windows]`).
 */
export class WindowsDeployment extends Deployment<undefined, undefined, false, true> {
  constructor(scope: Construct, id: string, props: WindowsDeploymentProps) {
    super(scope, id, { ...props, guarantees: { windows: true } });
  }
}
