/**
 * `StaticPod`: a Pod run by one node's kubelet from a manifest file in its `staticPodPath`, not by the API
 * server. "Static Podは、常に特定のノード上の1つのkubeletに紐付けられます"; the kubelet mirrors it to the API server
 * as `<name>-<node>`.
 *
 * Output: a static Pod is written as the only object of its chart, so the chart's file
 * (`dist/<chart>.k8s.yaml`) is exactly the manifest to copy to the node's staticPodPath (e.g.
 * `/etc/kubelet.d/static-web.yaml` on the page) or to serve at `--manifest-url`. The kubelet reads one Pod
 * per file, and applying that file with `kubectl apply` would create an ordinary Pod instead, so a chart
 * holding a static Pod and anything else fails synthesis (`static-pod/own-file`). Use {@link StaticPodChart}
 * to get a chart per static Pod in one line.
 *
 * A static Pod cannot use API objects (ConfigMaps, Secrets, ServiceAccounts, PVCs): the props have no place
 * for them (`never`), and the manifest is checked at synth (`static-pod/api-object-reference`) for what
 * escape hatches add.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/static-pod/
 */
import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type * as k8s from '../lib/k8s';
import { checkMirrorPodName, checkStaticPod, mirrorPodName, staticPodRules } from '../lib/rules/static-pod';
import type { Violation } from '../lib/violation';
import { CheckedApiObject, withPromise, type CheckOptions, type ManifestPromise } from './checked-api-object';
import type { ContainerBaseProps, ContainerPortFields, ContainerResourceFields, ContainerSecurityFields, ContainerSidecarFields } from './container';
import type { PodMetadata } from './pod';
import { toWire } from './wire';

/** An env var of a static Pod: a literal, or the downward API; never a ConfigMap or Secret key. */
export interface StaticEnvVar {
  /** The variable's name. */
  readonly name: string;
  /** A literal value; `$(VAR)` refers to a variable defined before it. @default "" */
  readonly value?: string;
  /** A value from the downward API (the pod's fields or the container's resources). @default - none: `value` is used */
  readonly valueFrom?: {
    readonly fieldRef?: k8s.ObjectFieldSelector;
    readonly resourceFieldRef?: k8s.ResourceFieldSelector;
    /** A static Pod cannot read ConfigMaps. */
    readonly configMapKeyRef?: never;
    /** A static Pod cannot read Secrets. */
    readonly secretKeyRef?: never;
  };
}

/** A container of a static Pod: no ConfigMap or Secret env sources. */
export interface StaticContainerProps
  extends ContainerBaseProps, ContainerPortFields, ContainerResourceFields, ContainerSidecarFields, ContainerSecurityFields {
  /** Environment variables: literal values or the downward API, no ConfigMap or Secret references. @default - none */
  readonly env?: readonly StaticEnvVar[];
  /** A static Pod cannot take env from ConfigMaps or Secrets. */
  readonly envFrom?: never;
}

/** A projected volume source of a static Pod: the downward API or a service account token path only. */
export interface StaticVolumeProjection {
  /** Files of the pod's fields and the containers' resources. @default - none */
  readonly downwardAPI?: { readonly items?: readonly k8s.DownwardAPIVolumeFile[] };
  /** A service account token (the kubelet writes it only for a pod with a service account). @default - none */
  readonly serviceAccountToken?: k8s.ServiceAccountTokenProjection;
  readonly configMap?: never;
  readonly secret?: never;
  readonly clusterTrustBundle?: never;
}

/** A volume of a static Pod: node-local sources (hostPath, emptyDir, downwardAPI …), no API objects. */
export interface StaticVolume {
  /** The volume's name, referred to by `volumeMounts`: a DNS label. */
  readonly name: string;
  readonly configMap?: never;
  readonly secret?: never;
  readonly persistentVolumeClaim?: never;
  /** A projected volume of downward API and service account token sources. @default - none: another source */
  readonly projected?: { readonly sources?: readonly StaticVolumeProjection[]; readonly defaultMode?: number };
  readonly [source: string]: unknown;
}

/** The pod spec of a static Pod. */
export interface StaticPodSpecProps extends Omit<k8s.PodSpecFields, 'containers' | 'initContainers' | 'volumes'> {
  /** App containers, without ConfigMap or Secret references. */
  readonly containers: readonly StaticContainerProps[];
  /** Init containers, without ConfigMap or Secret references. @default - none */
  readonly initContainers?: readonly StaticContainerProps[];
  /** Node-local volumes only (no ConfigMap, Secret or PersistentVolumeClaim). @default - none */
  readonly volumes?: readonly StaticVolume[];
  /** A static Pod cannot use a ServiceAccount. */
  readonly serviceAccountName?: never;
  /** A static Pod cannot use a ServiceAccount. */
  readonly serviceAccount?: never;
  /** A static Pod cannot pull with a Secret. */
  readonly imagePullSecrets?: never;
  /** The kubelet sets it to its own node: give the node with `node`. */
  readonly nodeName?: never;
}

/** Props of a {@link StaticPod}: the node whose kubelet runs it, metadata with a name, and a spec without API object references. */
export interface StaticPodProps extends CheckOptions {
  /**
   * The node whose kubelet runs this Pod (`my-node1` on the page). Not written to the manifest: the kubelet
   * fills `spec.nodeName` itself; it names the mirror Pod and places the Pod in a cluster profile.
   */
  readonly node: string;
  /**
   * The kubelet's `staticPodPath` (`--pod-manifest-path`) on that node, for {@link StaticPod.manifestPath}.
   * @default - unknown: `manifestPath` is undefined
   */
  readonly staticPodPath?: string;
  /** The name is required: the mirror Pod is `<name>-<node>`. */
  readonly metadata: PodMetadata & { readonly name: string };
  /** The pod spec: no references to API objects. */
  readonly spec: StaticPodSpecProps;
}

/** A static Pod manifest, alone in its chart, for one node's kubelet. */
export class StaticPod extends CheckedApiObject {
  /** The name of the node whose kubelet runs the Pod (`node` of the props). */
  readonly nodeName: string;
  /** The mirror Pod's name in the API server: `<name>-<node>` (`static-web-my-node1`). */
  readonly mirrorPodName: string;
  /** Where the manifest goes on the node, `<staticPodPath>/<name>.yaml`, when `staticPodPath` is given. */
  readonly manifestPath: string | undefined;

  constructor(scope: Construct, id: string, props: StaticPodProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: toWire(props.metadata), spec: toWire(props.spec) as unknown as k8s.PodSpec }, withPromise(props, staticPodPromise(props.node)));
    this.nodeName = props.node;
    this.mirrorPodName = mirrorPodName(props.metadata.name, props.node);
    this.manifestPath = props.staticPodPath === undefined ? undefined : `${props.staticPodPath.replace(/\/+$/, '')}/${props.metadata.name}.yaml`;
    this.checkNow();
  }
}

/** The promise of a static Pod for `node`'s kubelet: no API object referenced, a valid mirror name, alone in its chart. */
export function staticPodPromise(node: string): ManifestPromise {
  return {
    name: `static Pod of node ${node}`,
    check: (manifest: k8s.KubeObject, self: ApiObject): Violation[] => {
      const pod = manifest as unknown as k8s.PodLike;
      const out: Violation[] = [...checkStaticPod(pod, node), ...checkMirrorPodName(String(manifest.metadata?.name ?? ''), node)];
      const chart = Chart.of(self);
      const others = chart.node
        .findAll()
        .filter((c): c is ApiObject => c instanceof ApiObject && c !== self && Chart.of(c) === chart)
        .map((o) => `${o.kind}/${o.name}`);
      if (others.length > 0) out.push(staticPodRules.ownFile.at('metadata.name', others.join(', ')));
      return out;
    },
  };
}

/** Props of a {@link StaticPodChart}: a chart holding one static Pod. */
export interface StaticPodChartProps extends StaticPodProps {
  /**
   * Props of the chart (a chart `namespace` or `labels` end up in the Pod's metadata, as cdk8s does for any chart).
   * @default - none
   */
  readonly chart?: ChartProps;
}

/**
 * A chart holding one {@link StaticPod}: `new StaticPodChart(app, 'static-web', {...})` synthesizes
 * `dist/static-web.k8s.yaml`, the file to copy to the node's staticPodPath.
 */
export class StaticPodChart extends Chart {
  readonly pod: StaticPod;

  constructor(scope: Construct, id: string, props: StaticPodChartProps) {
    super(scope, id, props.chart);
    const { chart: _chart, ...podProps } = props;
    this.pod = new StaticPod(this, 'pod', podProps);
  }
}
