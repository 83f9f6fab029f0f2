/**
 * The one typed pod spec every workload takes: a Pod's `spec`, a Deployment's `spec.template.spec`, a CronJob's
 * `spec.jobTemplate.spec.template.spec` are all `PodSpecFor<Guarantees, Run>`.
 *
 * It is assembled from named interfaces: the fields every pod spec takes as they are, and one "facet" per
 * guarantee that retypes the fields the guarantee constrains (a Guaranteed container's `resources`, a restricted
 * container's `securityContext`, a probed container's probes). A combination of guarantees is the intersection
 * of their facets. The facets are picked by small conditional types over the guarantee's literal value (not over
 * the whole guarantees object), so the checker computes each one once per program and reuses it at every call
 * site with the same flags.
 */
import type * as k8s from '../../lib/k8s';
import type {
  ContainerBaseProps,
  ContainerEnvFields,
  ContainerPortFields,
  ContainerProbeFields,
  ContainerResourceFields,
  ContainerSecurityFields,
  ContainerStartupFields,
  QuantityProp,
} from '../container';
import type { NodeSelectionProps } from '../node-affinity';
import type { LivenessProbeInput, ReadinessProbeInput } from '../probe';
import type { PodSecurityContextProps } from '../security-context';
import type { BaselineContainerFields, BaselinePodFields, RestrictedContainerFields, RestrictedPodFields } from './pod-security-props';

/**
 * How the pods of a kind run, which decides `restartPolicy` and what "probed" requires:
 * - `pod`: a bare Pod or a PodTemplate, any restart policy;
 * - `long-running`: Deployment, ReplicaSet, StatefulSet, DaemonSet: `restartPolicy` can only be `Always`;
 * - `run-to-completion`: Job and CronJob: `restartPolicy` is required and `OnFailure` or `Never`.
 */
export type PodRun = 'pod' | 'long-running' | 'run-to-completion';

// ---- container facets -------------------------------------------------------------------------------------

/** The container fields no guarantee retypes. */
export interface ContainerCoreProps extends ContainerBaseProps, ContainerEnvFields, ContainerStartupFields {
  /**
   * Only `Always`, and only on an init container (where it makes the container a sidecar).
   * @default - the pod's restartPolicy
   */
  readonly restartPolicy?: 'Always' | string;
}

/** One value per resource: emitted as both the request and the limit. */
export interface GuaranteedResources {
  /** CPU, in cores (`"500m"`, `1`): emitted as both the request and the limit. */
  readonly cpu: QuantityProp;
  /** Memory, in bytes (`"128Mi"`): emitted as both the request and the limit. */
  readonly memory: QuantityProp;
  /** Other resources (extended resources, ephemeral-storage, hugepages), also emitted as request = limit. */
  readonly [resource: string]: QuantityProp;
}

/** The resources of a Guaranteed container. */
export interface GuaranteedResourceFields {
  /**
   * Emitted as `limits` and `requests` with the same values: cpu and memory are required.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/quality-service-pod/#qosクラスがguaranteedのpodを作成する
   */
  readonly resources: GuaranteedResources;
}

/** A resource list without cpu and memory: what a BestEffort container may still request or limit. */
export interface BestEffortResourceList {
  /** A BestEffort container requests and limits no cpu. */
  readonly cpu?: never;
  /** A BestEffort container requests and limits no memory. */
  readonly memory?: never;
  /** `ephemeral-storage`, extended resources: they do not decide the QoS class. */
  readonly [resource: string]: QuantityProp | undefined;
}

/** The resources of a BestEffort container: no cpu or memory (other resources, such as ephemeral-storage, are fine). */
export interface BestEffortResourceFields {
  /**
   * No cpu or memory request or limit.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/quality-service-pod/#qosクラスがbesteffortのpodを作成する
   * @default - none
   */
  readonly resources?: { readonly requests?: BestEffortResourceList; readonly limits?: BestEffortResourceList };
}

/** The probes of a long-running container of a probed workload: liveness and readiness are required. */
export interface ProbedContainerFields {
  /** Required: restarts the container when it deadlocks. */
  readonly livenessProbe: LivenessProbeInput;
  /** Required: keeps traffic away until the container is ready. */
  readonly readinessProbe: ReadinessProbeInput;
}

/** The probes of a Job's container of a probed workload: liveness is required, readiness is not (no Service sends it traffic). */
export interface ProbedRunToCompletionFields {
  /** Required: restarts the container when it deadlocks. */
  readonly livenessProbe: LivenessProbeInput;
  /**
   * Optional for a container that runs to completion: no Service sends it traffic.
   * @default - none: the container counts as ready once started
   */
  readonly readinessProbe?: ReadinessProbeInput;
}

/** The container fields the QoS class `Q` retypes. */
export type QosContainerFacet<Q> = Q extends 'Guaranteed' ? GuaranteedResourceFields : Q extends 'BestEffort' ? BestEffortResourceFields : ContainerResourceFields;

/** The container fields the Pod Security level `S` retypes. */
export type SecurityContainerFacet<S> = S extends 'restricted' ? RestrictedContainerFields : S extends 'baseline' ? BaselineContainerFields : ContainerSecurityFields & ContainerPortFields;

/** The probe fields of an app container, given the probed flag `P` and how the pod runs. */
export type ProbeContainerFacet<P, Run extends PodRun> = P extends true ? (Run extends 'run-to-completion' ? ProbedRunToCompletionFields : ProbedContainerFields) : ContainerProbeFields;

/** An app container under the QoS class `Q`, the Pod Security level `S` and the probed flag `P`. */
export type AppContainerProps<Q, S, P, Run extends PodRun> = ContainerCoreProps & QosContainerFacet<Q> & SecurityContainerFacet<S> & ProbeContainerFacet<P, Run>;

/** An init container that runs to completion before the app containers start: no hooks, no probes. */
export interface RunToCompletionInitCore extends ContainerBaseProps, ContainerEnvFields {
  readonly restartPolicy?: never;
  readonly lifecycle?: never;
  readonly livenessProbe?: never;
  readonly readinessProbe?: never;
  readonly startupProbe?: never;
}

/** A sidecar: an init container that keeps running beside the app containers (`restartPolicy: 'Always'`). */
export interface SidecarCore extends ContainerBaseProps, ContainerEnvFields, ContainerStartupFields, ContainerProbeFields {
  /**
   * `Always`: makes the init container a sidecar, started in order and kept running beside the app containers.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
   */
  readonly restartPolicy: 'Always';
}

/**
 * An init container under the QoS class `Q` and the Pod Security level `S`: a run-to-completion init container (never
 * probed) or a sidecar, long-running, which takes `SidecarProbes` (the app containers' probe fields under "probed").
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-initialization/
 */
export type InitContainerFor<Q, S, SidecarProbes = unknown> = (RunToCompletionInitCore | (SidecarCore & SidecarProbes)) & QosContainerFacet<Q> & SecurityContainerFacet<S>;



// ---- pod facets -------------------------------------------------------------------------------------------

/**
 * The pod spec fields no guarantee and no kind retypes, by wire names. `ephemeralContainers` is left out: the API
 * server refuses it on a new Pod and in every pod template (`kubectl debug` adds them to a running Pod).
 */
export interface PodSpecCoreProps
  extends Omit<
      k8s.PodSpecFields,
      | 'containers' | 'initContainers' | 'ephemeralContainers' | 'securityContext' | 'volumes' | 'hostNetwork' | 'hostPID' | 'hostIPC'
      | 'shareProcessNamespace' | 'os' | 'restartPolicy' | keyof NodeSelectionProps
    >,
    NodeSelectionProps {}

/** The pod fields without a Pod Security guarantee. */
export interface UnrestrictedPodFields {
  /**
   * Pod-level security context; each container's own setting overrides it field by field.
   * @default - none: each container's own, else the container runtime's defaults
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/
   */
  readonly securityContext?: PodSecurityContextProps;
  /**
   * Volumes the containers can mount, by name.
   * @default - none
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-volume-storage/
   */
  readonly volumes?: readonly k8s.VolumeFields[];
  /**
   * Use the node's network namespace (Pod Security baseline forbids it).
   * @default false - Kubernetes' default (not written)
   */
  readonly hostNetwork?: boolean;
  /**
   * Use the node's process ID namespace (Pod Security baseline forbids it).
   * @default false - Kubernetes' default (not written)
   */
  readonly hostPID?: boolean;
  /**
   * Use the node's IPC namespace (Pod Security baseline forbids it).
   * @default false - Kubernetes' default (not written)
   */
  readonly hostIPC?: boolean;
}

/** The pod fields the Pod Security level `S` retypes. */
export type SecurityPodFacet<S> = S extends 'restricted' ? RestrictedPodFields : S extends 'baseline' ? BaselinePodFields : UnrestrictedPodFields;

/** The pod fields of a shared process namespace: the flag is emitted, and `hostPID` cannot be set with it. */
export interface SharedProcessNamespaceFields {
  /**
   * Emitted as `true`: the containers of the pod see (and can signal) each other's processes.
   * @default true - written by the construct
   * @see https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
   */
  readonly shareProcessNamespace?: true;
  /**
   * Only `false`: `hostPID` cannot be set with a shared process namespace.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostPID?: false;
}

/** The pod fields the shared-process-namespace flag `N` retypes. */
export type ProcessNamespacePodFacet<N> = N extends true ? SharedProcessNamespaceFields : {
  /**
   * Share one process namespace among the pod's containers: each sees (and can signal) the others' processes.
   * @default false - Kubernetes' default (not written)
   * @see https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
   */
  readonly shareProcessNamespace?: boolean
};

/** `os` of a pod. */
export interface PodOsFields {
  /**
   * The OS the pod's containers run on; it decides which fields are valid and which Pod Security checks apply.
   * @default - none: any OS (the scheduler does not use it)
   */
  readonly os?: { readonly name: 'linux' | 'windows' };
}

/** `os` of a Windows pod. */
export interface WindowsOsFields {
  /**
   * The OS the pod's containers run on: a Windows pod's `os` can only be windows.
   * @default - none: the pods still must select Windows nodes
   */
  readonly os?: { readonly name: 'windows' };
}

/** The pod fields the Windows flag `W` retypes. */
export type OsPodFacet<W> = W extends true ? WindowsOsFields : PodOsFields;

/** `restartPolicy` of a bare pod: any of the three. */
export interface PodRestartPolicy {
  /**
   * The restart policy of every container of the pod (a sidecar's own `restartPolicy: Always` aside).
   * @default 'Always' - Kubernetes' default (not written)
   * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
   */
  readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
}

/** `restartPolicy` of a long-running workload's pods. */
export interface LongRunningRestartPolicy {
  /**
   * Only `Always`, Kubernetes' default.
   * @default 'Always'
   */
  readonly restartPolicy?: 'Always';
}

/** `restartPolicy` of a Job's pods: required, `OnFailure` or `Never` (the default `Always` is refused by the API server). */
export interface RunToCompletionRestartPolicy {
  /**
   * Required: `OnFailure` restarts a failed container in place; with `Never` the Job creates a new pod.
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/#handling-pod-and-container-failures
   */
  readonly restartPolicy: 'OnFailure' | 'Never';
}

/** The `restartPolicy` field of a pod that runs as `Run` says. */
export type RestartPolicyFacet<Run extends PodRun> = Run extends 'run-to-completion' ? RunToCompletionRestartPolicy : Run extends 'long-running' ? LongRunningRestartPolicy : PodRestartPolicy;

/** The container lists of a pod spec. */
export interface PodContainers<App, Init> {
  /** App containers; at least one. */
  readonly containers: readonly App[];
  /**
   * Init containers, run in order, each to completion, before the app containers start; only sidecars
   * (`restartPolicy: 'Always'`) take lifecycle hooks and probes.
   * @default - none
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-initialization/
   */
  readonly initContainers?: readonly Init[];
}

/**
 * A pod spec under the guarantees' literal values (QoS class `Q`, Pod Security level `S`, probed `P`, Windows `W`,
 * shared process namespace `N`) for a pod that runs as `Run` says. An absent guarantee (`undefined`, `false`) picks
 * the unconstrained facet.
 */
export type PodSpecOf<Q, S, P, W, N, Run extends PodRun> = PodSpecCoreProps &
  SecurityPodFacet<S> &
  ProcessNamespacePodFacet<N> &
  OsPodFacet<W> &
  RestartPolicyFacet<Run> &
  PodContainers<AppContainerProps<Q, S, P, Run>, InitContainerFor<Q, S, P extends true ? ProbeContainerFacet<P, Run> : unknown>>;

/** The `qos` flag of a workload: a QoS class, or `undefined` for none promised. */
export type QosFlag = 'Guaranteed' | 'Burstable' | 'BestEffort' | undefined;
/** The `podSecurity` flag of a workload: a level, or `undefined` for none promised. */
export type PodSecurityFlag = 'baseline' | 'restricted' | undefined;

/**
 * What a workload guarantees about its pods, as literal flags: each narrows the pod spec type the workload
 * takes, becomes a promise checked on the manifest at construction and at synth (escape hatches included;
 * it cannot be switched off), and, where Kubernetes needs it, fills in what it requires (see guarantees.ts).
 * Combine freely: `{ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }`. Each flag is captured by a type
 * parameter of the workload class (`Deployment<'Guaranteed', 'restricted', true>`).
 */
export interface GuaranteesProp<Qos extends QosFlag, Level extends PodSecurityFlag, Probed extends boolean, Windows extends boolean, SharedPid extends boolean> {
  /**
   * The QoS class Kubernetes will give the pods. `Guaranteed`: each container takes one value per resource
   * (cpu and memory required), emitted as both request and limit; `BestEffort`: no cpu or memory; `Burstable`:
   * some, but not Guaranteed.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/quality-service-pod/
   * @default - none promised
   */
  readonly qos?: Qos;
  /**
   * The Pod Security Standards level the pods pass. `restricted` fills in `runAsNonRoot: true`,
   * `seccompProfile: RuntimeDefault` (unless given), and on every container `allowPrivilegeEscalation: false` and
   * `capabilities.drop: [ALL]`.
   * @see https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/
   * @default - none promised
   */
  readonly podSecurity?: Level;
  /**
   * Every app container has a liveness and a readiness probe (a Job's or CronJob's: a liveness probe).
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
   * @default false
   */
  readonly probed?: Probed;
  /**
   * The pods run on Windows nodes: they select them (`nodeSelector` `kubernetes.io/os: windows`, `os.name: windows`,
   * or a required node affinity on it). GMSA credential specs are referenced through `securityContext.windowsOptions`.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-gmsa/
   * @default false
   */
  readonly windows?: Windows;
  /**
   * The pod's containers share one process namespace: `shareProcessNamespace: true` is emitted, `hostPID` cannot be set.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/share-process-namespace/
   * @default false
   */
  readonly sharedProcessNamespace?: SharedPid;
}

/** Any guarantees (the flags' full ranges). */
export type Guarantees = GuaranteesProp<QosFlag, PodSecurityFlag, boolean, boolean, boolean>;

/**
 * The pod spec a workload with guarantees `G` takes, for a pod that runs as `Run` says. `PodSpecFor<{}>` is an
 * unconstrained pod spec; `PodSpecFor<{ qos: 'Guaranteed'; podSecurity: 'restricted' }>` one whose containers
 * take one value per resource and cannot say `privileged: true`. (The workload classes take the flags as type
 * parameters of their own and use `PodSpecOf` directly.)
 */
export type PodSpecFor<G extends Guarantees, Run extends PodRun = 'pod'> = PodSpecOf<
  G extends { readonly qos: infer Q } ? Q : undefined,
  G extends { readonly podSecurity: infer S } ? S : undefined,
  G extends { readonly probed: true } ? true : false,
  G extends { readonly windows: true } ? true : false,
  G extends { readonly sharedProcessNamespace: true } ? true : false,
  Run
>;

/** An app container of a workload with guarantees `G`. */
export type ContainerFor<G extends Guarantees, Run extends PodRun = 'pod'> = AppContainerProps<
  G extends { readonly qos: infer Q } ? Q : undefined,
  G extends { readonly podSecurity: infer S } ? S : undefined,
  G extends { readonly probed: true } ? true : false,
  Run
>;
