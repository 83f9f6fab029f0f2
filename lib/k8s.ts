/**
 * Structural types of the manifest fields the rules read, by their Kubernetes wire names.
 *
 * These describe plain JSON objects (what a chart synthesizes, or what a YAML file holds), so every
 * field is optional where the API allows it to be unset, and values are as loose as JSON lets them be
 * (a quantity may be a string or a number). Rules must tolerate anything here being missing.
 */

/** A quantity as written in a manifest: `"100Mi"`, `"0.5"`, `3`. */
export type QuantityValue = string | number;

/** A port by number or IANA service name. */
export type IntOrString = number | string;

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface ResourceRequirements {
  requests?: Record<string, QuantityValue>;
  limits?: Record<string, QuantityValue>;
  claims?: { name: string }[];
}

export interface ExecAction { command?: string[] }
export interface HTTPHeader { name: string; value: string }
export interface HTTPGetAction {
  path?: string;
  port: IntOrString;
  host?: string;
  scheme?: 'HTTP' | 'HTTPS' | string;
  httpHeaders?: HTTPHeader[];
}
export interface TCPSocketAction { port: IntOrString; host?: string }
export interface GRPCAction { port: number; service?: string }
export interface SleepAction { seconds: number }

export interface Probe {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  grpc?: GRPCAction;
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface LifecycleHandler {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  sleep?: SleepAction;
}
export interface Lifecycle {
  postStart?: LifecycleHandler;
  preStop?: LifecycleHandler;
  stopSignal?: string;
}

export interface ContainerPort {
  /** A name (IANA_SVC_NAME, at most 15 characters) probes and Services can refer to the port by. @default - unnamed */
  name?: string;
  /** The port number in the container, 1–65535. */
  containerPort: number;
  /** The port on the node forwarded to `containerPort`. @default - none: not exposed on the node */
  hostPort?: number;
  /** The node IP `hostPort` binds to. @default - all the node's addresses */
  hostIP?: string;
  /** `TCP`, `UDP` or `SCTP`. @default "TCP" */
  protocol?: 'TCP' | 'UDP' | 'SCTP' | string;
}

export interface ObjectFieldSelector { apiVersion?: string; fieldPath: string }
export interface ResourceFieldSelector { containerName?: string; resource: string; divisor?: QuantityValue }
export interface KeySelector { name?: string; key: string; optional?: boolean }

export interface EnvVarSource {
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  configMapKeyRef?: KeySelector;
  secretKeyRef?: KeySelector;
}
export interface EnvVar { name: string; value?: string; valueFrom?: EnvVarSource }
export interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  recursiveReadOnly?: string;
  subPath?: string;
  subPathExpr?: string;
  mountPropagation?: string;
}

export type SeccompProfileType = 'RuntimeDefault' | 'Unconfined' | 'Localhost';
export interface SeccompProfile { type: SeccompProfileType | string; localhostProfile?: string }
export type AppArmorProfileType = 'RuntimeDefault' | 'Unconfined' | 'Localhost';
export interface AppArmorProfile { type: AppArmorProfileType | string; localhostProfile?: string }
export interface SELinuxOptions { user?: string; role?: string; type?: string; level?: string }
export interface WindowsSecurityContextOptions {
  gmsaCredentialSpecName?: string;
  gmsaCredentialSpec?: string;
  runAsUserName?: string;
  hostProcess?: boolean;
}
export interface Capabilities { add?: string[]; drop?: string[] }
export interface Sysctl { name: string; value: string }

/** Container-level `securityContext`. */
export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: Capabilities;
  procMount?: 'Default' | 'Unmasked' | string;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  seLinuxOptions?: SELinuxOptions;
  windowsOptions?: WindowsSecurityContextOptions;
}

/** Pod-level `securityContext`. */
export interface PodSecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  fsGroupChangePolicy?: 'OnRootMismatch' | 'Always' | string;
  supplementalGroups?: number[];
  supplementalGroupsPolicy?: 'Merge' | 'Strict' | string;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  seLinuxOptions?: SELinuxOptions;
  seLinuxChangePolicy?: string;
  sysctls?: Sysctl[];
  windowsOptions?: WindowsSecurityContextOptions;
}

export interface Container {
  name: string;
  image?: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never' | string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  resources?: ResourceRequirements;
  resizePolicy?: { resourceName: string; restartPolicy: string }[];
  restartPolicy?: 'Always' | string;
  volumeMounts?: VolumeMount[];
  volumeDevices?: { name: string; devicePath: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: Lifecycle;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  securityContext?: SecurityContext;
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

export interface KeyToPath { key: string; path: string; mode?: number }
export interface ConfigMapVolumeSource { name?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean }
export interface SecretVolumeSource { secretName?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean }
export interface DownwardAPIVolumeFile {
  path: string;
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  mode?: number;
}
export interface ServiceAccountTokenProjection { audience?: string; expirationSeconds?: number; path: string }
export interface VolumeProjection {
  secret?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: DownwardAPIVolumeFile[] };
  serviceAccountToken?: ServiceAccountTokenProjection;
  clusterTrustBundle?: Record<string, unknown>;
}
/**
 * A volume with every v1 volume source (Kubernetes 1.32) by its JSON name, without an index signature: the
 * sources these pages use are typed, the others are objects. Construct props use this, so that a misspelt
 * source does not compile.
 */
export interface VolumeFields {
  /** The volume's name: a DNS label, unique in the pod, that a container's `volumeMounts[].name` refers to. */
  name: string;
  /**
   * An empty directory for the pod's lifetime, on the node's disk or (`medium: Memory`) in tmpfs.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
   */
  emptyDir?: { medium?: '' | 'Memory' | string; sizeLimit?: QuantityValue };
  /**
   * A ConfigMap's keys as files.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#configmap
   */
  configMap?: ConfigMapVolumeSource;
  /**
   * A Secret's keys as files (on tmpfs).
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#secret
   */
  secret?: SecretVolumeSource;
  /**
   * Several sources (Secrets, ConfigMaps, downward API, service account tokens) in one directory.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/projected-volumes/
   */
  projected?: { sources?: VolumeProjection[]; defaultMode?: number };
  /**
   * Pod and container fields (labels, annotations, resources) as files.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#downwardapi
   */
  downwardAPI?: { items?: DownwardAPIVolumeFile[]; defaultMode?: number };
  /**
   * A file or directory of the node (Pod Security baseline forbids it).
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
   */
  hostPath?: { path: string; type?: string };
  /**
   * A PersistentVolumeClaim in the pod's namespace.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#claims-as-volumes
   */
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  /**
   * An AWS EBS volume (deprecated: redirected to the EBS CSI driver).
   * @default - none
   */
  awsElasticBlockStore?: OtherVolumeSource;
  /**
   * An Azure Data Disk (deprecated: redirected to the Azure Disk CSI driver).
   * @default - none
   */
  azureDisk?: OtherVolumeSource;
  /**
   * An Azure File share (deprecated: redirected to the Azure File CSI driver).
   * @default - none
   */
  azureFile?: OtherVolumeSource;
  /**
   * A CephFS mount (deprecated).
   * @default - none
   */
  cephfs?: OtherVolumeSource;
  /**
   * An OpenStack Cinder volume (deprecated: redirected to the Cinder CSI driver).
   * @default - none
   */
  cinder?: OtherVolumeSource;
  /**
   * An inline ephemeral volume of a CSI driver.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/#csi-ephemeral-volumes
   */
  csi?: OtherVolumeSource;
  /**
   * A generic ephemeral volume: a PersistentVolumeClaim created and deleted with the pod.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/#generic-ephemeral-volumes
   */
  ephemeral?: OtherVolumeSource;
  /**
   * A Fibre Channel volume.
   * @default - none
   */
  fc?: OtherVolumeSource;
  /**
   * A volume of a FlexVolume driver (deprecated).
   * @default - none
   */
  flexVolume?: OtherVolumeSource;
  /**
   * A Flocker volume (removed from Kubernetes).
   * @default - none
   */
  flocker?: OtherVolumeSource;
  /**
   * A GCE persistent disk (deprecated: redirected to the GCE PD CSI driver).
   * @default - none
   */
  gcePersistentDisk?: OtherVolumeSource;
  /**
   * A git repository cloned into an empty directory (deprecated: clone in an init container instead).
   * @default - none
   */
  gitRepo?: OtherVolumeSource;
  /**
   * A GlusterFS mount (removed from Kubernetes).
   * @default - none
   */
  glusterfs?: OtherVolumeSource;
  /**
   * An OCI image's content, mounted read-only.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#image
   */
  image?: OtherVolumeSource;
  /**
   * An iSCSI volume.
   * @default - none
   */
  iscsi?: OtherVolumeSource;
  /**
   * An NFS share.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#nfs
   */
  nfs?: OtherVolumeSource;
  /**
   * A Photon Controller persistent disk (removed from Kubernetes).
   * @default - none
   */
  photonPersistentDisk?: OtherVolumeSource;
  /**
   * A Portworx volume (deprecated: redirected to the Portworx CSI driver).
   * @default - none
   */
  portworxVolume?: OtherVolumeSource;
  /**
   * A Quobyte volume (removed from Kubernetes).
   * @default - none
   */
  quobyte?: OtherVolumeSource;
  /**
   * A Rados Block Device (deprecated).
   * @default - none
   */
  rbd?: OtherVolumeSource;
  /**
   * A ScaleIO volume (removed from Kubernetes).
   * @default - none
   */
  scaleIO?: OtherVolumeSource;
  /**
   * A StorageOS volume (removed from Kubernetes).
   * @default - none
   */
  storageos?: OtherVolumeSource;
  /**
   * A vSphere VMDK volume (deprecated: redirected to the vSphere CSI driver).
   * @default - none
   */
  vsphereVolume?: OtherVolumeSource;
}

/** A volume source these pages do not use: its fields are not typed here. */
export type OtherVolumeSource = Readonly<Record<string, unknown>>;

/** A volume as read from a manifest: the known sources, and whatever else it holds. */
export interface Volume extends VolumeFields {
  [source: string]: unknown;
}

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
export interface NodeSelectorRequirement { key: string; operator: NodeSelectorOperator | string; values?: string[] }
export interface NodeSelectorTerm { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }
export interface PreferredSchedulingTerm { weight: number; preference: NodeSelectorTerm }
export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}
/** An inter-pod affinity term: pods matching the selectors, in the namespaces, on nodes sharing the `topologyKey` label. */
export interface PodAffinityTerm {
  labelSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  namespaces?: string[];
  topologyKey: string;
  matchLabelKeys?: string[];
  mismatchLabelKeys?: string[];
}
export interface WeightedPodAffinityTerm { weight: number; podAffinityTerm: PodAffinityTerm }
/** `podAffinity` and `podAntiAffinity`. */
export interface PodAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}
export interface Affinity { nodeAffinity?: NodeAffinity; podAffinity?: PodAffinity; podAntiAffinity?: PodAffinity }
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

/**
 * Every field of a v1 PodSpec (Kubernetes 1.32), by its JSON name, without an index signature: construct props
 * extend this (an `Omit<>` of a type with an index signature would keep only the index signature).
 */
export interface PodSpecFields {
  containers: Container[];
  initContainers?: Container[];
  /** Ephemeral containers, added to a running pod by `kubectl debug`; not settable at creation. @default - none */
  ephemeralContainers?: Container[];
  /** Volumes the containers can mount. @default - none */
  volumes?: VolumeFields[];
  /** Restart policy of the pod's containers. @default "Always" */
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  /** Seconds between the termination signal and the forced kill. @default 30 */
  terminationGracePeriodSeconds?: number;
  /** Seconds the pod may run, counted from its start, before the kubelet fails it. @default - no deadline */
  activeDeadlineSeconds?: number;
  /** How the pod's DNS is set up. @default "ClusterFirst" */
  dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  /** Labels a node must have, each with this value. @default - any node */
  nodeSelector?: Record<string, string>;
  nodeName?: string;
  /** Node and pod (anti-)affinity rules. @default - none */
  affinity?: Affinity;
  /**
   * Taints the pod tolerates.
   * @default - none (the DefaultTolerationSeconds admission plugin adds not-ready/unreachable tolerations)
   */
  tolerations?: Toleration[];
  /** The ServiceAccount the pod runs as. @default "default" - set by the ServiceAccount admission controller */
  serviceAccountName?: string;
  /**
   * Whether the ServiceAccount's API token is mounted.
   * @default - the ServiceAccount's `automountServiceAccountToken`, else true
   */
  automountServiceAccountToken?: boolean;
  /** Use the node's network namespace. @default false */
  hostNetwork?: boolean;
  /** Use the node's PID namespace. @default false */
  hostPID?: boolean;
  /** Use the node's IPC namespace. @default false */
  hostIPC?: boolean;
  /** `false` runs the pod in its own user namespace. @default true */
  hostUsers?: boolean;
  /** Share one PID namespace between the pod's containers. @default false */
  shareProcessNamespace?: boolean;
  /** Pod-level security settings. @default - none */
  securityContext?: PodSecurityContext;
  /** The pod's host name. @default - the pod's name */
  hostname?: string;
  /**
   * With `hostname`, gives the pod the FQDN `<hostname>.<subdomain>.<namespace>.svc.<cluster domain>`.
   * @default - none
   */
  subdomain?: string;
  /**
   * The operating system the pod runs on; restricts the fields that apply.
   * @default - not stated: no OS-specific validation
   */
  os?: { name: 'linux' | 'windows' };
  /** The PriorityClass that gives the pod its priority. @default - the global default PriorityClass, else priority 0 */
  priorityClassName?: string;
  /** The RuntimeClass the containers run with. @default - the cluster's default runtime handler */
  runtimeClassName?: string;
  /** The scheduler that schedules the pod. @default "default-scheduler" */
  schedulerName?: string;
  /** Use the FQDN as the host name in the kernel (with `hostname` and `subdomain`). @default false */
  setHostnameAsFQDN?: boolean;
  /** Inject environment variables for the namespace's Services. @default true */
  enableServiceLinks?: boolean;
  /** DNS settings merged into those of `dnsPolicy` (the only ones with `None`). @default - none */
  dnsConfig?: PodDNSConfig;
  /** Entries added to the containers' `/etc/hosts`. @default - none */
  hostAliases?: { ip: string; hostnames?: string[] }[];
  /** Secrets holding registry credentials for pulling the images. @default - none (the ServiceAccount's, if any) */
  imagePullSecrets?: { name?: string }[];
  /**
   * Resources the pod's sandbox uses, set by the RuntimeClass admission controller.
   * @default - set from the RuntimeClass, else none
   */
  overhead?: Record<string, QuantityValue>;
  /** Whether the pod may preempt lower-priority pods. @default "PreemptLowerPriority" */
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  /**
   * The pod's priority, set from `priorityClassName` by the Priority admission controller.
   * @default - from `priorityClassName`
   */
  priority?: number;
  /** Extra conditions that must be true for the pod to be ready. @default - none */
  readinessGates?: { conditionType: string }[];
  /** ResourceClaims (dynamic resource allocation) the containers may use. @default - none */
  resourceClaims?: { name: string; resourceClaimName?: string; resourceClaimTemplateName?: string }[];
  /**
   * Pod-level requests and limits (alpha in 1.32, feature gate PodLevelResources).
   * @default - none: the sum of the containers'
   */
  resources?: ResourceRequirements;
  /** Gates that keep the pod from being scheduled until removed. @default - none */
  schedulingGates?: { name: string }[];
  /** Deprecated alias of `serviceAccountName`. @default - `serviceAccountName` */
  serviceAccount?: string;
  /**
   * How the pod's replicas spread across topology domains (zones, nodes).
   * @default - the cluster's default constraints, if any
   */
  topologySpreadConstraints?: TopologySpreadConstraint[];
}

/** The enumerated pod spec fields that {@link PodSpecFields} types as their Kubernetes values and a manifest may hold as anything. */
type PodSpecEnumFields = 'restartPolicy' | 'dnsPolicy' | 'preemptionPolicy' | 'os';

/**
 * A pod spec as read from a manifest: the known fields, and whatever else it holds. Its enumerations are plain
 * strings: the rules report a value Kubernetes does not support, so they must be able to hold one.
 */
export interface PodSpec extends Omit<PodSpecFields, PodSpecEnumFields> {
  restartPolicy?: string;
  dnsPolicy?: string;
  preemptionPolicy?: string;
  os?: { name: string };
  volumes?: Volume[];
  [field: string]: unknown;
}

export interface PodDNSConfig {
  nameservers?: string[];
  searches?: string[];
  options?: { name?: string; value?: string }[];
}

/** A label selector as written in a manifest. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string; values?: string[] }[];
}

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway' | string;
  labelSelector?: LabelSelector;
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore' | string;
  nodeTaintsPolicy?: 'Honor' | 'Ignore' | string;
  matchLabelKeys?: string[];
}

/** Anything with an object's metadata and a pod spec: a Pod, or a workload's pod template. */
export interface PodLike {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec: PodSpec;
}

/** A manifest object as read from YAML or produced by a chart. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface ConfigMapObject extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

/** The kinds of container slot a pod spec has, with the wire name of the list. */
export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

/** A container together with the list it is in and its index there. */
export interface ContainerAt {
  readonly container: Container;
  readonly list: ContainerList;
  readonly index: number;
  /** `containers[0]`, relative to the pod spec. */
  readonly rel: string;
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/**
 * The last frozen pod spec `containersOf` listed (a checked construct's props are frozen), and its list: the
 * rules of one object run one after the other, and each asks for it. One entry, so nothing is kept alive.
 */
let lastSpec: PodSpec | undefined;
let lastContainers: readonly ContainerAt[] = [];

/**
 * Every container of a pod spec: init containers first, then app containers, then ephemeral ones. For a spec
 * whose container lists are frozen (they cannot change), the list of the last such spec is reused.
 */
export function containersOf(spec: PodSpec): readonly ContainerAt[] {
  if (spec === lastSpec) return lastContainers;
  const out: ContainerAt[] = [];
  let frozen = Object.isFrozen(spec);
  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    frozen &&= Object.isFrozen(items);
    // a null item decodes as an empty container, as the API server's decoding leaves it at its zero value
    items.forEach((container, index) => out.push({ container: container ?? ({} as Container), list, index, rel: `${list}[${index}]` }));
  }
  if (frozen) {
    lastSpec = spec;
    lastContainers = Object.freeze(out);
  }
  return out;
}

/** A pod spec found inside a manifest, with the path to it (`spec` for a Pod, `spec.template.spec` for a Deployment). */
export interface PodSpecAt {
  readonly pod: PodLike;
  /** Field path of the pod spec inside the manifest. */
  readonly base: string;
}

const TEMPLATE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);

/** A PodTemplate's `template` (a pod template spec at the top level of the object), when it has a pod spec. */
function podTemplateOf(template: unknown, base: string): PodSpecAt | undefined {
  const t = template as PodLike | undefined;
  return t && typeof t === 'object' && t.spec && typeof t.spec === 'object' ? { pod: t, base } : undefined;
}

/** The API group of each built-in kind the rules know by name (`''` is the core group); apps kinds also served once by `extensions`. */
const BUILT_IN_GROUPS: Readonly<Record<string, readonly string[]>> = {
  Pod: [''], PodTemplate: [''], ReplicationController: [''], Service: [''], ConfigMap: [''], Secret: [''],
  Deployment: ['apps', 'extensions'], ReplicaSet: ['apps', 'extensions'], DaemonSet: ['apps', 'extensions'], StatefulSet: ['apps'],
  Job: ['batch'], CronJob: ['batch'],
};

/**
 * Whether the object carries a built-in kind's name in another API group, as a custom resource may (Knative's
 * `serving.knative.dev` Service, Volcano's `batch.volcano.sh` Job): it is not that kind and has none of its rules.
 * An object without an apiVersion (a construct's props, a test table) is taken as the built-in kind.
 */
export function isForeignKind(obj: KubeObject): boolean {
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string' || !Object.hasOwn(BUILT_IN_GROUPS, obj.kind)) return false;
  const slash = obj.apiVersion.indexOf('/');
  return !BUILT_IN_GROUPS[obj.kind]!.includes(slash < 0 ? '' : obj.apiVersion.slice(0, slash));
}

/**
 * Finds the pod spec of a Pod or a pod-bearing object: Deployment, ReplicaSet, ReplicationController, DaemonSet,
 * StatefulSet, Job (`spec.template.spec`), CronJob (`spec.jobTemplate.spec.template.spec`), PodTemplate (`template.spec`).
 */
export function podSpecOf(obj: KubeObject): PodSpecAt | undefined {
  if (isForeignKind(obj)) return undefined;
  if (obj.kind === 'PodTemplate') return podTemplateOf(obj.template, 'template.spec');
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== 'object') return undefined;
  if (obj.kind === 'Pod') return { pod: obj as unknown as PodLike, base: 'spec' };
  if (obj.kind === 'CronJob') {
    const job = spec.jobTemplate as { spec?: { template?: PodLike } } | undefined;
    const template = job?.spec?.template;
    return template?.spec ? { pod: template, base: 'spec.jobTemplate.spec.template.spec' } : undefined;
  }
  if (obj.kind && TEMPLATE_KINDS.has(obj.kind)) {
    const template = spec.template as PodLike | undefined;
    return template?.spec ? { pod: template, base: 'spec.template.spec' } : undefined;
  }
  return undefined;
}
