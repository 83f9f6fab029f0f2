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
  /** CPU, emitted as both request and limit (`"700m"`, `1`). */
  readonly cpu: QuantityInput;
  /** Memory, emitted as both request and limit (`"200Mi"`). */
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

/** The pod spec of a {@link GuaranteedPod}: every container with equal requests and limits of cpu and memory. */
export interface GuaranteedPodSpecProps extends PodSpecWithoutContainersProps {
  /** App containers, each with equal cpu and memory requests and limits. */
  readonly containers: readonly GuaranteedContainerProps[];
  /** Init containers, with equal requests and limits like the app containers. @default - none */
  readonly initContainers?: readonly GuaranteedContainerProps[];
}

/** Props of a {@link GuaranteedPod}: metadata and a spec whose containers give one value per resource. */
export interface GuaranteedPodProps extends CheckOptions {
  /** The pod's metadata. @default - a name cdk8s derives from the construct path */
  readonly metadata?: PodMetadata;
  /** The pod spec: every container with one value per resource. */
  readonly spec: GuaranteedPodSpecProps;
}

/** A container of a BestEffort pod: no requests or limits of cpu or memory. */
export interface BestEffortContainerProps extends ContainerProps {
  /** BestEffort containers set no requests or limits. */
  readonly resources?: never;
}

/** The pod spec of a {@link BestEffortPod}: containers without requests or limits. */
export interface BestEffortPodSpecProps extends PodSpecWithoutContainersProps {
  /** App containers, without requests or limits. */
  readonly containers: readonly BestEffortContainerProps[];
  /** Init containers, without requests or limits. @default - none */
  readonly initContainers?: readonly BestEffortContainerProps[];
}

/** Props of a {@link BestEffortPod}: metadata and a spec whose containers set no cpu or memory requests or limits. */
export interface BestEffortPodProps extends CheckOptions {
  /** The pod's metadata. @default - a name cdk8s derives from the construct path */
  readonly metadata?: PodMetadata;
  /** The pod spec: no container requests or limits cpu or memory. */
  readonly spec: BestEffortPodSpecProps;
}

/** Props of a {@link BurstablePod}: metadata and a spec that requests or limits some cpu or memory, short of Guaranteed. */
export interface BurstablePodProps extends CheckOptions {
  /** The pod's metadata. @default - a name cdk8s derives from the construct path */
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
