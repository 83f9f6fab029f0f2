/**
 * What every workload construct shares: object metadata, guarantees (pod-spec.ts, guarantees.ts), external
 * references, the pod spec it will write, and the labels its pods carry, usable where cdk8s-plus-28 takes a pod
 * selector.
 */
import type { ApiObjectProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type * as k8s from '../../lib/k8s';
import { podSpecOf } from '../../lib/k8s';
import { declareExternalReferences, qosClassOf } from '../../lib/rules';
// types from their own modules, not the rules' index: declarations keep type imports, and the index reaches every rule module
import type { ExternalReferences } from '../../lib/rules/gmsa';
import type { QosClass } from '../../lib/rules/qos';
import { CheckedApiObject, type CheckOptions } from '../checked-api-object';
import { withGuarantees } from './guarantees';
import type { GuaranteesProp, PodSecurityFlag, QosFlag } from './pod-spec';

/** Object metadata a workload takes. Output contains exactly these fields. */
export interface PodMetadata {
  /**
   * `metadata.name` of the object.
   * @default - a name cdk8s derives from the construct path
   */
  readonly name?: string;
  /**
   * `metadata.namespace` of the object.
   * @default - the chart's namespace, if any
   */
  readonly namespace?: string;
  /**
   * `metadata.labels` of the object (not of its pods: those are the template's).
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * `metadata.annotations` of the object.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

/** The metadata of a pod template. */
export interface PodTemplateMetadata {
  /** The pods' labels; the default selector (where the kind has one) selects exactly these. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The pods' annotations.
   * @default - none
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A pod template: labels (what a selector selects) and a pod spec. */
export interface PodTemplateProps<Spec> {
  /** The pods' metadata: their labels, which the selector selects. */
  readonly metadata: PodTemplateMetadata;
  /** The pods' spec. */
  readonly spec: Spec;
}

/** Props every workload takes besides its spec and its guarantees (the presets' props extend this). */
export interface WorkloadBaseProps extends CheckOptions {
  /**
   * Object metadata of the workload.
   * @default - a name cdk8s derives from the construct path, no namespace, labels or annotations
   */
  readonly metadata?: PodMetadata;
  /**
   * Objects the pods reference that are not part of the app, on purpose — e.g. a GMSACredentialSpec a cluster
   * admin applied with kubectl. Declared names are not looked for among the app's objects; nothing is written.
   * @default - every reference must resolve inside the app
   */
  readonly externalReferences?: ExternalReferences;
}

/** Props every workload takes besides its spec: the base props and the guarantees. */
export interface WorkloadProps<
  Qos extends QosFlag = undefined,
  Level extends PodSecurityFlag = undefined,
  Probed extends boolean = false,
  Windows extends boolean = false,
  SharedPid extends boolean = false,
> extends WorkloadBaseProps {
  /**
   * What the workload guarantees about its pods: literal flags, combined freely. They narrow the pod spec type
   * (a Guaranteed container without cpu and memory, a restricted one with `privileged: true` do not compile),
   * fill in what Kubernetes needs for them, and are checked on the manifest at construction and at synth.
   * @example { qos: 'Guaranteed', podSecurity: 'restricted', probed: true }
   * @default - none
   */
  readonly guarantees?: GuaranteesProp<Qos, Level, Probed, Windows, SharedPid>;
}

const NO_GUARANTEES = Object.freeze({});
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** The QoS class of a workload whose `qos` flag is `Qos`, as a type: the promised one, or any. */
export type QosClassOf<Qos extends QosFlag> = Qos extends QosClass ? Qos : QosClass;

/**
 * The base of every workload construct: an object with a pod template (or a Pod's own spec) whose guarantees are
 * promises the construct base keeps. Also a cdk8s-plus-28 `IPodSelector`: `service.select(workload)`, a
 * NetworkPolicy peer or anything else of cdk8s-plus that takes a pod selector selects its pods by
 * {@link PodWorkload.podSelectorLabels}.
 */
export abstract class PodWorkload<
    Qos extends QosFlag = undefined,
    Level extends PodSecurityFlag = undefined,
    Probed extends boolean = false,
    Windows extends boolean = false,
    SharedPid extends boolean = false,
  >
  extends CheckedApiObject
{
  /** The guarantees this workload keeps, as given. */
  readonly guarantees: GuaranteesProp<Qos, Level, Probed, Windows, SharedPid>;
  readonly #externalReferences: ExternalReferences | undefined;
  readonly #selectorLabels: Readonly<Record<string, string>>;

  protected constructor(scope: Construct, id: string, props: ApiObjectProps, options: WorkloadProps<Qos, Level, Probed, Windows, SharedPid>, selectorLabels: Readonly<Record<string, string>> | undefined) {
    super(scope, id, props, withGuarantees(options, options.guarantees));
    // without guarantees or labels, the one frozen empty object: a workload is built per pod of an app
    this.guarantees = options.guarantees === undefined ? (NO_GUARANTEES as GuaranteesProp<Qos, Level, Probed, Windows, SharedPid>) : Object.freeze({ ...options.guarantees });
    this.#externalReferences = options.externalReferences;
    this.#selectorLabels = selectorLabels === undefined ? NO_LABELS : Object.freeze({ ...selectorLabels });
  }

  /** The pod spec as it will be written (a Pod's `spec`, a Deployment's `spec.template.spec`, …). */
  get podSpec(): k8s.PodSpec {
    const found = podSpecOf(this.manifest);
    if (!found) throw new Error(`${this.node.path}: the manifest has no pod spec`);
    return found.pod.spec;
  }

  /** The QoS class Kubernetes will assign (`status.qosClass`): the promised one, else computed from the manifest. */
  get qosClass(): QosClassOf<Qos> {
    const promised = this.guarantees.qos;
    if (promised !== undefined) return promised as QosClassOf<Qos>;
    const found = podSpecOf(this.manifest);
    return (found ? qosClassOf(found.pod) : 'BestEffort') as QosClassOf<Qos>;
  }

  /**
   * The labels that select this workload's pods: its selector's `matchLabels` (derived from the template's labels
   * unless a selector was given) for a Deployment, ReplicaSet, StatefulSet or DaemonSet; the pods' labels for a
   * Pod, Job, CronJob or PodTemplate. Pass them where a label selector is taken, or pass the workload itself to
   * cdk8s-plus-28 (`service.select(deployment)`).
   */
  get podSelectorLabels(): Readonly<Record<string, string>> {
    return this.#selectorLabels;
  }

  /**
   * What makes a workload a cdk8s-plus-28 `IPodSelector` (structurally): a label selector of
   * {@link PodWorkload.podSelectorLabels}. Typed `any` so that this package's declarations do not name
   * cdk8s-plus-28, which only apps that pass a workload to it install; the value is its `PodSelectorConfig`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  toPodSelectorConfig(): any {
    // loaded on use: cdk8s-plus-28 is only needed by apps that pass a workload to it
    const { LabelSelector } = require('cdk8s-plus-28') as typeof import('cdk8s-plus-28');
    return { labelSelector: LabelSelector.of({ labels: { ...this.#selectorLabels } }) };
  }

  /** The manifest carries the (non-serialized) external-reference declaration for the app's checks. */
  protected override attachDeclarations(manifest: k8s.KubeObject): k8s.KubeObject {
    return this.#externalReferences ? declareExternalReferences(manifest, this.#externalReferences) : manifest;
  }
}

/**
 * The `matchLabels` a selector-bearing workload selects by: the given selector's, else the template's labels
 * (the derived selector).
 */
export function selectorLabelsOf(selector: k8s.LabelSelector | undefined, template: PodTemplateMetadata): Record<string, string> {
  return { ...(selector ? (selector.matchLabels ?? {}) : template.labels) };
}
