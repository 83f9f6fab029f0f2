/**
 * `Service` (v1): a stable address in front of the pods a label selector selects. Give `selects` a workload (any
 * construct whose manifest has a pod template, a Pod, or anything exposing `podSelectorLabels`) and its pod labels
 * become the selector; the Service's rules (ports, names, protocol, type) run on the manifest at construction, and
 * at synth the app-wide check reports a named `targetPort` that no selected pod declares
 * (`service/target-port-not-found`).
 * https://kubernetes.io/ja/docs/concepts/services-networking/service/
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { podSpecOf, type KubeObject } from '../lib/k8s';
import { CheckedApiObject, type CheckOptions } from './checked-api-object';
import type { PodMetadata } from './pod';

/** The Service types of Kubernetes. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** A port of a Service, by wire names. */
export interface ServicePortProps {
  /**
   * The port's name: a DNS label; required and unique when the Service has more than one port.
   * @default - none (allowed only for a single-port Service)
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services
   */
  readonly name?: string;
  /** The port the Service listens on, 1–65535. */
  readonly port: number;
  /**
   * The pods' port: a number, or the name of a container port of the selected pods.
   * @default - the same as `port` (Kubernetes' default, not written)
   */
  readonly targetPort?: number | string;
  /**
   * The IP protocol of the port.
   * @default 'TCP' - Kubernetes' default, not written
   */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP' | (string & {});
  /** Only for NodePort and LoadBalancer Services. @default - allocated by the cluster */
  readonly nodePort?: number;
  /**
   * The application protocol of the port (an IANA service name, or a prefixed name such as `kubernetes.io/h2c`).
   * @default - none
   */
  readonly appProtocol?: string;
}

/** `spec` of a Service, by wire names. */
export interface ServiceSpecProps {
  /**
   * How the Service is exposed.
   * @default 'ClusterIP' - Kubernetes' default, not written
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
   */
  readonly type?: ServiceType | (string & {});
  /**
   * The labels of the pods this Service sends traffic to. Leave it out and give `selects` instead.
   * @default - the pod labels of `selects`, or no selector (endpoints managed elsewhere)
   */
  readonly selector?: Readonly<Record<string, string>>;
  /**
   * The ports the Service exposes; required, except for a headless (`clusterIP: None`) or ExternalName Service.
   * @default - none
   */
  readonly ports?: readonly ServicePortProps[];
  /** `None` for a headless Service. @default - allocated by the cluster */
  readonly clusterIP?: string;
  /**
   * The DNS name an ExternalName Service points at (a CNAME record).
   * @default - none
   */
  readonly externalName?: string;
  /**
   * `ClientIP` sends a client's connections to the same pod.
   * @default 'None' - Kubernetes' default, not written
   */
  readonly sessionAffinity?: 'None' | 'ClientIP' | (string & {});
  /**
   * How a NodePort or LoadBalancer Service routes external traffic: `Local` keeps it on the receiving node's pods.
   * @default 'Cluster' - Kubernetes' default for those types, not written
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local' | (string & {});
  /**
   * How traffic from inside the cluster is routed: `Local` keeps it on the pods of the client's node.
   * @default 'Cluster' - Kubernetes' default, not written
   */
  readonly internalTrafficPolicy?: 'Cluster' | 'Local' | (string & {});
  /**
   * When true, endpoints include pods that are not ready (as for a StatefulSet's headless Service).
   * @default false - Kubernetes' default, not written
   */
  readonly publishNotReadyAddresses?: boolean;
  /**
   * The client CIDRs a LoadBalancer Service accepts, where the cloud provider supports it.
   * @default - none: every client
   */
  readonly loadBalancerSourceRanges?: readonly string[];
  /**
   * Extra IPs, not managed by Kubernetes, on which the nodes accept traffic for the Service.
   * @default - none
   */
  readonly externalIPs?: readonly string[];
}

/** Something whose pods a Service can select: it says which labels its pods carry. */
export interface PodLabelled {
  /** The labels its pods carry; a Service that selects it uses them as `spec.selector`. */
  readonly podSelectorLabels: Readonly<Record<string, string>>;
}

/**
 * What `selects` takes: any cdk8s `ApiObject` whose manifest holds pods (Pod, Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, ReplicationController, Job, CronJob, PodTemplate; podkit's or not), or an object exposing its pods'
 * labels.
 */
export type PodSelectable = ApiObject | PodLabelled;

interface ServicePropsBase extends CheckOptions {
  /**
   * Object metadata of the Service.
   * @default - a name cdk8s derives from the construct path
   */
  readonly metadata?: PodMetadata;
}

/** Props of a {@link Service}: `selects` a workload (its pod labels become the selector), or a `spec.selector` of your own. */
export type ServiceProps = ServicePropsBase &
  (
    | {
        /**
         * The workload whose pods this Service selects; its pod labels become `spec.selector`, read at construction.
         * @default - none: give `spec.selector` instead
         */
        readonly selects: PodSelectable;
        /** `spec` of the Service; its `selector` comes from `selects`. */
        readonly spec: ServiceSpecProps & { readonly selector?: never };
      }
    | { readonly selects?: never; readonly spec: ServiceSpecProps }
  );

function hasPodLabels(target: PodSelectable): target is PodLabelled {
  return typeof (target as Partial<PodLabelled>).podSelectorLabels === 'object' && (target as Partial<PodLabelled>).podSelectorLabels !== null;
}

/** The manifest of `target` as it stands now, and a description of it for messages. */
function describeTarget(manifest: KubeObject): string {
  return `${manifest.kind ?? '?'}/${manifest.metadata?.name ?? '?'}`;
}

/**
 * The labels that select the pods of `target`: its `podSelectorLabels`; else, from its manifest, a selector made
 * of `matchLabels` only (apps/v1 workloads, a manual Job selector), a ReplicationController's selector map, or the
 * pod template's labels (a Pod's own labels).
 */
export function podLabelsOf(target: PodSelectable): Record<string, string> {
  if (hasPodLabels(target)) return { ...target.podSelectorLabels };
  if (typeof (target as Partial<ApiObject>).toJson !== 'function') throw new Error('selects: expected a cdk8s ApiObject or an object with podSelectorLabels');
  const manifest = target.toJson() as KubeObject;
  const spec = (manifest.spec ?? {}) as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | Record<string, string> };
  const selector = spec.selector;
  if (manifest.kind === 'ReplicationController' && selector && typeof selector === 'object' && Object.keys(selector).length > 0) return { ...(selector as Record<string, string>) };
  if (selector && typeof selector === 'object' && 'matchLabels' in selector) {
    const { matchLabels, matchExpressions } = selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
    if (matchLabels && Object.keys(matchLabels).length > 0 && (matchExpressions ?? []).length === 0) return { ...matchLabels };
  }
  const labels = podSpecOf(manifest)?.pod.metadata?.labels;
  if (!labels || Object.keys(labels).length === 0) {
    throw new Error(`${describeTarget(manifest)} has no pod labels a Service can select (give its pod template labels, or the Service a spec.selector)`);
  }
  return { ...labels };
}

/** A Service manifest, checked by the Service rules; with `selects`, its selector is the workload's pod labels. */
export class Service extends CheckedApiObject {
  /** The selector written, if any. */
  readonly selector: Readonly<Record<string, string>> | undefined;

  constructor(scope: Construct, id: string, props: ServiceProps) {
    const selector = props.selects ? podLabelsOf(props.selects) : props.spec.selector;
    const spec = { ...props.spec, selector: selector === undefined ? undefined : { ...selector } };
    super(scope, id, { apiVersion: 'v1', kind: 'Service', metadata: props.metadata, spec }, props);
    this.selector = selector;
    if (props.selects instanceof ApiObject) {
      const theirs = props.selects.metadata.namespace;
      const ours = this.metadata.namespace;
      if (theirs !== undefined && ours !== undefined && theirs !== ours) {
        throw new Error(`${this.node.path}: a Service selects pods of its own namespace only: it is in "${ours}", ${props.selects.node.path} in "${theirs}"`);
      }
    }
    this.checkNow();
  }
}
