/**
 * Pods whose QoS class is part of their type: `GuaranteedPod`, `BurstablePod`, `BestEffortPod` — presets of
 * {@link Pod} with the `qos` guarantee (`new Pod(chart, id, { guarantees: { qos: 'Guaranteed' }, spec })`), which
 * any workload kind takes as well.
 *
 * The props make the wrong class unrepresentable where a type can (a Guaranteed container takes one value
 * per resource and emits it as both request and limit; a BestEffort container takes no cpu or memory), and the
 * synthesized manifest is re-checked with `qosClassOf`, so the promise holds through escape hatches too.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/quality-service-pod/
 */
import type { Construct } from 'constructs';
import { Pod } from './pod';
import type { AppContainerProps, PodSpecOf } from './workloads/pod-spec';
import type { WorkloadBaseProps } from './workloads/workload';

export { qosPromise } from './workloads/guarantees';
export type { GuaranteedResources } from './workloads/pod-spec';

/** A container of a Guaranteed pod: cpu and memory are required, and each is one value. */
export type GuaranteedContainerProps = AppContainerProps<'Guaranteed', undefined, false, 'pod'>;

/** The pod spec of a Guaranteed pod. */
export type GuaranteedPodSpecProps = PodSpecOf<'Guaranteed', undefined, false, false, false, 'pod'>;

/** Props of a {@link GuaranteedPod}: object metadata and a pod spec whose containers set cpu and memory once. */
export interface GuaranteedPodProps extends WorkloadBaseProps {
  /** The pod spec; each container's `resources` are emitted as equal requests and limits. */
  readonly spec: GuaranteedPodSpecProps;
}

/** A container of a BestEffort pod: no requests or limits of cpu or memory (ephemeral-storage and extended resources are fine). */
export type BestEffortContainerProps = AppContainerProps<'BestEffort', undefined, false, 'pod'>;

/** The pod spec of a BestEffort pod. */
export type BestEffortPodSpecProps = PodSpecOf<'BestEffort', undefined, false, false, false, 'pod'>;

/** Props of a {@link BestEffortPod}: object metadata and a pod spec with no cpu or memory resources. */
export interface BestEffortPodProps extends WorkloadBaseProps {
  /** The pod spec; no container requests or limits cpu or memory. */
  readonly spec: BestEffortPodSpecProps;
}

/** Props of a {@link BurstablePod}: object metadata and a pod spec that Kubernetes classes as Burstable. */
export interface BurstablePodProps extends WorkloadBaseProps {
  /** At least one container must request or limit cpu or memory, and the pod must not meet Guaranteed. */
  readonly spec: PodSpecOf<'Burstable', undefined, false, false, false, 'pod'>;
}

/** A pod that Kubernetes classes as Guaranteed: every container's cpu and memory requests equal their limits. */
export class GuaranteedPod extends Pod<'Guaranteed'> {
  constructor(scope: Construct, id: string, props: GuaranteedPodProps) {
    super(scope, id, { ...props, guarantees: { qos: 'Guaranteed' } });
  }
}

/** A pod that Kubernetes classes as Burstable: some request or limit, but not Guaranteed. */
export class BurstablePod extends Pod<'Burstable'> {
  constructor(scope: Construct, id: string, props: BurstablePodProps) {
    super(scope, id, { ...props, guarantees: { qos: 'Burstable' } });
  }
}

/** A pod that Kubernetes classes as BestEffort: no container requests or limits cpu or memory. */
export class BestEffortPod extends Pod<'BestEffort'> {
  constructor(scope: Construct, id: string, props: BestEffortPodProps) {
    super(scope, id, { ...props, guarantees: { qos: 'BestEffort' } });
  }
}
