/**
 * Pods whose QoS class is part of their type: `GuaranteedPod`, `BurstablePod`, `BestEffortPod`.
 *
 * The props make the wrong class unrepresentable where a type can (a Guaranteed container takes one value
 * per resource and emits it as both request and limit; a BestEffort container takes no resources), and the
 * synthesized manifest is re-checked with `qosClassOf`, so the promise holds through escape hatches too.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/quality-service-pod/
 */
import type { Construct } from 'constructs';
import type { KubeObject, PodLike } from '../lib/k8s';
import type { QuantityInput } from '../lib/quantity';
import { checkQosClass } from '../lib/rules/qos';
import type { Violation } from '../lib/violation';
import { CheckedApiObject, withPromise, type CheckOptions, type ManifestPromise } from './checked-api-object';
import type { ContainerBaseProps, ContainerEnvFields, ContainerPortFields, ContainerProps, ContainerSecurityFields, ContainerSidecarFields } from './container';
import type { PodMetadata, PodSpecProps } from './pod';
import { toWire } from './wire';

/** One value per resource: emitted as both the request and the limit. */
export interface GuaranteedResources {
  readonly cpu: QuantityInput;
  readonly memory: QuantityInput;
  /** Other resources (extended resources, ephemeral-storage, hugepages), also emitted as request = limit. */
  readonly [resource: string]: QuantityInput;
}

/** A container of a Guaranteed pod: cpu and memory are required, and each is one value. */
export interface GuaranteedContainerProps
  extends ContainerBaseProps, ContainerEnvFields, ContainerPortFields, ContainerSidecarFields, ContainerSecurityFields {
  /** Emitted as `limits` and `requests` with the same values. */
  readonly resources: GuaranteedResources;
}

/** A pod spec without its containers: the QoS pods type those themselves. */
export interface PodSpecWithoutContainersProps extends Omit<PodSpecProps, 'containers' | 'initContainers'> {}

export interface GuaranteedPodSpecProps extends PodSpecWithoutContainersProps {
  readonly containers: readonly GuaranteedContainerProps[];
  readonly initContainers?: readonly GuaranteedContainerProps[];
}

export interface GuaranteedPodProps extends CheckOptions {
  readonly metadata?: PodMetadata;
  readonly spec: GuaranteedPodSpecProps;
}

/** A container of a BestEffort pod: no requests or limits of cpu or memory. */
export interface BestEffortContainerProps extends ContainerProps {
  /** BestEffort containers set no requests or limits. */
  readonly resources?: never;
}

export interface BestEffortPodSpecProps extends PodSpecWithoutContainersProps {
  readonly containers: readonly BestEffortContainerProps[];
  readonly initContainers?: readonly BestEffortContainerProps[];
}

export interface BestEffortPodProps extends CheckOptions {
  readonly metadata?: PodMetadata;
  readonly spec: BestEffortPodSpecProps;
}

export interface BurstablePodProps extends CheckOptions {
  readonly metadata?: PodMetadata;
  /** At least one container must request or limit cpu or memory, and the pod must not meet Guaranteed. */
  readonly spec: PodSpecProps;
}

function guaranteedContainer(c: GuaranteedContainerProps): ContainerProps {
  const { resources, ...rest } = c;
  return { ...rest, resources: { limits: { ...resources }, requests: { ...resources } } };
}

/** The promise of a QoS class: the manifest's pods are of that class. */
export function qosPromise(qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort'): ManifestPromise {
  return { name: `QoS class ${qosClass}`, check: (manifest: KubeObject): Violation[] => checkQosClass(manifest as unknown as PodLike, qosClass) };
}

/** A pod that Kubernetes classes as Guaranteed: every container's cpu and memory requests equal their limits. */
export class GuaranteedPod extends CheckedApiObject {
  /** The QoS class, known at build time. */
  readonly qosClass = 'Guaranteed' as const;

  constructor(scope: Construct, id: string, props: GuaranteedPodProps) {
    const spec = {
      ...props.spec,
      containers: props.spec.containers.map(guaranteedContainer),
      initContainers: props.spec.initContainers?.map(guaranteedContainer),
    };
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: toWire(props.metadata), spec: toWire(spec) }, withPromise(props, qosPromise('Guaranteed')));
    this.checkNow();
  }
}

/** A pod that Kubernetes classes as Burstable: some request or limit, but not Guaranteed. */
export class BurstablePod extends CheckedApiObject {
  /** The QoS class, known at build time. */
  readonly qosClass = 'Burstable' as const;

  constructor(scope: Construct, id: string, props: BurstablePodProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: toWire(props.metadata), spec: toWire(props.spec) }, withPromise(props, qosPromise('Burstable')));
    this.checkNow();
  }
}

/** A pod that Kubernetes classes as BestEffort: no container requests or limits cpu or memory. */
export class BestEffortPod extends CheckedApiObject {
  /** The QoS class, known at build time. */
  readonly qosClass = 'BestEffort' as const;

  constructor(scope: Construct, id: string, props: BestEffortPodProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: toWire(props.metadata), spec: toWire(props.spec) }, withPromise(props, qosPromise('BestEffort')));
    this.checkNow();
  }
}
