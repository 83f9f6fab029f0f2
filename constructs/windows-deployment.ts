/**
 * `WindowsDeployment`: a Deployment whose pods run on Windows nodes, as the GMSA page's workloads do.
 *
 * Minimal on purpose (the general Deployment construct lives elsewhere): wire-named props in, the same JSON out.
 * Its promise — the pod template selects Windows nodes — is re-checked on the synthesized manifest, and it can
 * declare GMSA credential specs it references that are managed outside the app.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-gmsa/
 */
import type { Construct } from 'constructs';
import type * as k8s from '../lib/k8s';
import { checkTargetsWindows, declareExternalReferences, type ExternalReferences } from '../lib/rules/gmsa';
import type { Violation } from '../lib/violation';
import { CheckedApiObject, type CheckOptions } from './checked-api-object';
import type { PodMetadata, PodSpecProps } from './pod';
import { toWire } from './wire';

/** A label selector. */
export interface LabelSelectorProps {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; readonly values?: readonly string[] }[];
}

/** The Deployment spec, by wire names. */
export interface WindowsDeploymentSpecProps {
  /** @default - 1, defaulted by Kubernetes */
  readonly replicas?: number;
  readonly selector: LabelSelectorProps;
  readonly template: {
    readonly metadata?: { readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
    /** Must select Windows nodes: `nodeSelector: { 'kubernetes.io/os': 'windows' }` or `os: { name: 'windows' }`. */
    readonly spec: PodSpecProps;
  };
  readonly strategy?: Record<string, unknown>;
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit?: number;
  readonly progressDeadlineSeconds?: number;
}

export interface WindowsDeploymentProps extends CheckOptions {
  readonly metadata?: PodMetadata;
  readonly spec: WindowsDeploymentSpecProps;
  /**
   * Objects this Deployment references that are not part of the app, on purpose — e.g. a GMSACredentialSpec a
   * cluster admin applied with kubectl. Declared names are not looked for among the app's objects; nothing is
   * written to the manifest.
   * @default - every reference must resolve inside the app
   */
  readonly externalReferences?: ExternalReferences;
}

/** A Deployment (`apps/v1`) of Windows pods. */
export class WindowsDeployment extends CheckedApiObject {
  private readonly externalReferences: ExternalReferences | undefined;

  constructor(scope: Construct, id: string, props: WindowsDeploymentProps) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: toWire(props.metadata), spec: toWire(props.spec) }, props);
    this.externalReferences = props.externalReferences;
    this.checkNow();
  }

  /** The manifest, carrying the (non-serialized) external-reference declaration for the app's checks. */
  override toJson(): any {
    const json = super.toJson();
    return this.externalReferences ? declareExternalReferences(json, this.externalReferences) : json;
  }

  protected override promiseViolations(manifest: k8s.KubeObject): Violation[] {
    const template = (manifest.spec as { template?: k8s.PodLike } | undefined)?.template;
    return template?.spec ? checkTargetsWindows(template, 'spec.template.spec') : [];
  }
}
