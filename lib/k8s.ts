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
  name?: string;
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
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
  name: string;
  emptyDir?: { medium?: '' | 'Memory' | string; sizeLimit?: QuantityValue };
  configMap?: ConfigMapVolumeSource;
  secret?: SecretVolumeSource;
  projected?: { sources?: VolumeProjection[]; defaultMode?: number };
  downwardAPI?: { items?: DownwardAPIVolumeFile[]; defaultMode?: number };
  hostPath?: { path: string; type?: string };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  awsElasticBlockStore?: OtherVolumeSource;
  azureDisk?: OtherVolumeSource;
  azureFile?: OtherVolumeSource;
  cephfs?: OtherVolumeSource;
  cinder?: OtherVolumeSource;
  csi?: OtherVolumeSource;
  ephemeral?: OtherVolumeSource;
  fc?: OtherVolumeSource;
  flexVolume?: OtherVolumeSource;
  flocker?: OtherVolumeSource;
  gcePersistentDisk?: OtherVolumeSource;
  gitRepo?: OtherVolumeSource;
  glusterfs?: OtherVolumeSource;
  image?: OtherVolumeSource;
  iscsi?: OtherVolumeSource;
  nfs?: OtherVolumeSource;
  photonPersistentDisk?: OtherVolumeSource;
  portworxVolume?: OtherVolumeSource;
  quobyte?: OtherVolumeSource;
  rbd?: OtherVolumeSource;
  scaleIO?: OtherVolumeSource;
  storageos?: OtherVolumeSource;
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
export interface Affinity { nodeAffinity?: NodeAffinity; podAffinity?: unknown; podAntiAffinity?: unknown }
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

/**
 * Every field of a v1 PodSpec (Kubernetes 1.32), by its JSON name, without an index signature: construct props
 * extend this (an `Omit<>` of a type with an index signature would keep only the index signature).
 */
export interface PodSpecFields {
  containers: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: VolumeFields[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never' | string;
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None' | string;
  nodeSelector?: Record<string, string>;
  nodeName?: string;
  affinity?: Affinity;
  tolerations?: Toleration[];
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostUsers?: boolean;
  shareProcessNamespace?: boolean;
  securityContext?: PodSecurityContext;
  hostname?: string;
  subdomain?: string;
  os?: { name: 'linux' | 'windows' | string };
  priorityClassName?: string;
  runtimeClassName?: string;
  schedulerName?: string;
  setHostnameAsFQDN?: boolean;
  enableServiceLinks?: boolean;
  dnsConfig?: PodDNSConfig;
  hostAliases?: { ip: string; hostnames?: string[] }[];
  imagePullSecrets?: { name?: string }[];
  overhead?: Record<string, QuantityValue>;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never' | string;
  priority?: number;
  readinessGates?: { conditionType: string }[];
  resourceClaims?: { name: string; resourceClaimName?: string; resourceClaimTemplateName?: string }[];
  /** Pod-level requests and limits (alpha in 1.32, feature gate PodLevelResources). */
  resources?: ResourceRequirements;
  schedulingGates?: { name: string }[];
  /** Deprecated alias of `serviceAccountName`. */
  serviceAccount?: string;
  topologySpreadConstraints?: TopologySpreadConstraint[];
}

/** A pod spec as read from a manifest: the known fields, and whatever else it holds. */
export interface PodSpec extends PodSpecFields {
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
    items.forEach((container, index) => out.push({ container, list, index, rel: `${list}[${index}]` }));
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

/** Finds the pod spec of a Pod or a workload object (Deployment, StatefulSet, DaemonSet, Job, CronJob …). */
export function podSpecOf(obj: KubeObject): PodSpecAt | undefined {
  if (obj.kind === 'PodTemplate') {
    // a v1 PodTemplate has no `spec`: its pod template is the top-level `template`
    const template = obj.template as PodLike | undefined;
    return template && typeof template === 'object' && template.spec ? { pod: template, base: 'template.spec' } : undefined;
  }
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
