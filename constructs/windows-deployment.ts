/**
 * `WindowsDeployment`: a {@link Deployment} whose pods run on Windows nodes, as the GMSA page's workloads do.
 *
 * Its promise — the pod template selects Windows nodes — is re-checked on the synthesized manifest, and it can
 * declare GMSA credential specs it references that are managed outside the app.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-gmsa/
 */
import type { Construct } from 'constructs';
import type * as k8s from '../lib/k8s';
import { checkTargetsWindows, declareExternalReferences, type ExternalReferences } from '../lib/rules/gmsa';
import type { Violation } from '../lib/violation';
import { withPromise, type ManifestPromise } from './checked-api-object';
import { Deployment, type DeploymentProps } from './deployment';

/** Props of a {@link WindowsDeployment}: a Deployment whose pods run on Windows nodes. */
export interface WindowsDeploymentProps extends DeploymentProps {
  /**
   * Objects this Deployment references that are not part of the app, on purpose — e.g. a GMSACredentialSpec a
   * cluster admin applied with kubectl. Declared names are not looked for among the app's objects; nothing is
   * written to the manifest.
   * @default - every reference must resolve inside the app
   */
  readonly externalReferences?: ExternalReferences;
}

/**
 * A Deployment (`apps/v1`) of Windows pods: the pod template must select Windows nodes
 * (`nodeSelector: { 'kubernetes.io/os': 'windows' }`, `os: { name: 'windows' }`, or a required node affinity
 * on `kubernetes.io/os In [windows]`).
 */
export class WindowsDeployment extends Deployment {
  private readonly externalReferences: ExternalReferences | undefined;

  constructor(scope: Construct, id: string, props: WindowsDeploymentProps) {
    super(scope, id, { ...props, ...withPromise(props, windowsPromise) });
    this.externalReferences = props.externalReferences;
  }

  /** The manifest, carrying the (non-serialized) external-reference declaration for the app's checks. */
  override toJson(): any {
    const json = super.toJson();
    return this.externalReferences ? declareExternalReferences(json, this.externalReferences) : json;
  }
}

/** The promise that the pod template selects Windows nodes. */
export const windowsPromise: ManifestPromise = {
  name: 'Windows',
  check: (manifest: k8s.KubeObject): Violation[] => {
    const template = (manifest.spec as { template?: k8s.PodLike } | undefined)?.template;
    return template?.spec ? checkTargetsWindows(template, 'spec.template.spec') : [];
  },
};
