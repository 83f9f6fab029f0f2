/**
 * `Pod`: any pod of the "Configure Pods and Containers" pages, written by its wire field names, with every
 * rule of `lib/` enforced on the manifest it produces.
 */
import type { Construct } from 'constructs';
import type * as k8s from '../lib/k8s';
import { qosClassOf, type QosClass } from '../lib/rules/qos';
import { CheckedApiObject, type CheckOptions } from './checked-api-object';
import type { ContainerProps } from './container';
import type { InitContainerProps } from './init-container';
import type { NodeSelectionProps } from './node-affinity';
import type { PodSecurityContextProps } from './security-context';
import { toWire } from './wire';

/** Object metadata a pod takes. Output contains exactly these fields. */
export interface PodMetadata {
  /** `metadata.name`: a DNS subdomain. @default - a name cdk8s derives from the construct path */
  readonly name?: string;
  /** `metadata.namespace`. @default - the chart's namespace, if any */
  readonly namespace?: string;
  /** Labels written to `metadata.labels`. @default - none */
  readonly labels?: Record<string, string>;
  /** Annotations written to `metadata.annotations`. @default - none */
  readonly annotations?: Record<string, string>;
}

/** A pod spec, by wire names, with typed containers. */
export interface PodSpecProps extends Omit<k8s.PodSpecFields, 'containers' | 'initContainers' | 'securityContext' | keyof NodeSelectionProps>, NodeSelectionProps {
  /**
   * Pod-level security context; each container's own setting overrides it field by field.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/
   * @default - none: each container's own settings, else the image's and the runtime's
   */
  readonly securityContext?: PodSecurityContextProps;
  /** App containers; at least one. */
  readonly containers: readonly ContainerProps[];
  /**
   * Init containers, run in order, each to completion, before the app containers start; only sidecars
   * (`restartPolicy: 'Always'`) take lifecycle hooks and probes.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-initialization/
   * @default - none
   */
  readonly initContainers?: readonly InitContainerProps[];
}

/** Props of a {@link Pod}: object metadata and the pod spec, by wire names. */
export interface PodProps extends CheckOptions {
  /**
   * The pod's metadata: name, namespace, labels, annotations.
   * @default - a name cdk8s derives from the construct path
   */
  readonly metadata?: PodMetadata;
  /** The pod spec, by wire names, with typed containers. */
  readonly spec: PodSpecProps;
}

/** A Pod manifest. Emits exactly what the props say; fails synthesis on any rule violation. */
export class Pod extends CheckedApiObject {
  constructor(scope: Construct, id: string, props: PodProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: toWire(props.metadata), spec: toWire(props.spec) }, props);
    this.checkNow();
  }

  /** The pod spec as it will be written. */
  get podSpec(): k8s.PodSpec {
    return (this.manifest as unknown as k8s.PodLike).spec;
  }

  /** The QoS class Kubernetes will assign (`status.qosClass`), computed from the manifest. */
  get qosClass(): QosClass {
    return qosClassOf(this.manifest as unknown as k8s.PodLike);
  }
}
