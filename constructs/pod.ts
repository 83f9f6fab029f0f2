/**
 * `Pod`: any pod of the "Configure Pods and Containers" pages, written by its wire field names, with every
 * rule of `lib/` enforced on the manifest it produces, and any combination of guarantees (QoS class, Pod
 * Security level, probed, Windows, shared process namespace).
 */
import type { Construct } from 'constructs';
import { applyGuarantees } from './workloads/guarantees';
import type { PodSecurityFlag, PodSpecOf, QosFlag } from './workloads/pod-spec';
import { PodWorkload, type PodMetadata, type WorkloadProps } from './workloads/workload';

export type { PodMetadata } from './workloads/workload';

/** A pod spec, by wire names, with typed containers and no guarantee. */
export type PodSpecProps = PodSpecOf<undefined, undefined, false, false, false, 'pod'>;

/** Props of a {@link Pod}: metadata, guarantees, and the pod spec they narrow. */
export interface PodProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  /**
   * Object metadata of the Pod.
   * @default - a name cdk8s derives from the construct path, no namespace, labels or annotations
   */
  readonly metadata?: PodMetadata;
  /** The pod spec, by wire names, narrowed by the guarantees. */
  readonly spec: PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'pod'>;
}

/**
 * A Pod manifest. Emits exactly what the props say (plus what its guarantees need, see `Guarantees`); fails
 * synthesis on any rule violation or broken guarantee.
 */
export class Pod<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: PodProps<Qos, Level, Probed, Windows, SharedPid>) {
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: props.metadata, spec: applyGuarantees(props.spec, props.guarantees) }, props, props.metadata?.labels);
    this.checkNow();
  }
}
