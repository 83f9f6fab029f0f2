/**
 * `StatefulSet` (apps/v1): pods with stable names and per-pod storage from volume claim templates. The selector,
 * when not given, is derived from the template's labels.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/statefulset/
 */
import type { Construct } from 'constructs';
import type { LabelSelector } from '../../lib/k8s';
import type { ResourceList } from '../container';
import { templatedSpec } from '../deployment';
import type { PodSecurityFlag, PodSpecOf, QosFlag } from './pod-spec';
import { PodWorkload, selectorLabelsOf, type PodTemplateProps, type WorkloadProps } from './workload';

/** A PersistentVolumeClaim template: each pod gets its own claim `<name>-<statefulset>-<ordinal>`. */
export interface PersistentVolumeClaimTemplateProps {
  /** The claim's name, which a container's `volumeMounts[].name` refers to. */
  readonly metadata: { readonly name: string; readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  /** The claim's spec: access modes, requested storage, storage class. */
  readonly spec: {
    readonly accessModes?: readonly ('ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod')[];
    /** `requests.storage` is required by the API server. */
    readonly resources?: { readonly requests?: ResourceList; readonly limits?: ResourceList };
    readonly storageClassName?: string;
    readonly volumeMode?: 'Filesystem' | 'Block';
    readonly selector?: LabelSelector;
    readonly volumeName?: string;
    readonly volumeAttributesClassName?: string;
    readonly dataSource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
    readonly dataSourceRef?: { readonly apiGroup?: string; readonly kind: string; readonly name: string; readonly namespace?: string };
  };
}

/** `spec` of a StatefulSet, by wire names. */
export interface StatefulSetSpecProps<Spec = PodSpecOf<undefined, undefined, false, false, false, 'long-running'>> {
  /**
   * Pods to run.
   * @default 1 - Kubernetes' default (not written)
   */
  readonly replicas?: number;
  /**
   * Which pods the StatefulSet owns.
   * @default - `{ matchLabels: <the template's labels> }`
   */
  readonly selector?: LabelSelector;
  /** The pods the StatefulSet creates: labels and spec. */
  readonly template: PodTemplateProps<Spec>;
  /**
   * The headless Service that gives the pods their network identity (`<pod>.<serviceName>`).
   * @default - none: the pods get no per-pod DNS names
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
   */
  readonly serviceName?: string;
  /**
   * Claims each pod gets its own of, mounted by name.
   * @default - none
   */
  readonly volumeClaimTemplates?: readonly PersistentVolumeClaimTemplateProps[];
  /**
   * `Parallel` creates and deletes pods all at once instead of one by one, in order.
   * @default 'OrderedReady' - Kubernetes' default (not written)
   */
  readonly podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /**
   * How pods are replaced when the template changes: RollingUpdate (highest ordinal first), or OnDelete.
   * @default - RollingUpdate with partition 0 (Kubernetes' default, not written)
   */
  readonly updateStrategy?: {
    readonly type?: 'RollingUpdate' | 'OnDelete';
    readonly rollingUpdate?: { readonly partition?: number; readonly maxUnavailable?: number | string };
  };
  /**
   * Old revisions kept to allow a rollback.
   * @default 10 - Kubernetes' default (not written)
   */
  readonly revisionHistoryLimit?: number;
  /**
   * Seconds a new pod must be ready, without a container crashing, before it counts as available.
   * @default 0 - Kubernetes' default (not written): available as soon as ready
   */
  readonly minReadySeconds?: number;
  /**
   * Whether the claims from `volumeClaimTemplates` are deleted when the StatefulSet is deleted or scaled down.
   * @default - Retain on both (Kubernetes' default, not written)
   */
  readonly persistentVolumeClaimRetentionPolicy?: { readonly whenDeleted?: 'Retain' | 'Delete'; readonly whenScaled?: 'Retain' | 'Delete' };
  /**
   * The first pod ordinal.
   * @default - ordinals from 0
   */
  readonly ordinals?: { readonly start?: number };
}

/** Props of a {@link StatefulSet}. */
export interface StatefulSetProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  /** `spec` of the StatefulSet, by wire names. */
  readonly spec: StatefulSetSpecProps<PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'long-running'>>;
}

/** A StatefulSet manifest; its pod template is checked by every pod rule at `spec.template.spec`. */
export class StatefulSet<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: StatefulSetProps<Qos, Level, Probed, Windows, SharedPid>) {
    super(scope, id, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: props.metadata, spec: templatedSpec(props.spec, props.guarantees) }, props, selectorLabelsOf(props.spec.selector, props.spec.template.metadata));
    this.checkNow();
  }
}
