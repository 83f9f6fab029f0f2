/**
 * Container props: the wire fields of a Kubernetes container, by their wire names, with typed values
 * where a type can say more than the API's JSON (quantities, probe handlers).
 */
import type * as k8s from '../lib/k8s';
import type { QuantityInput } from '../lib/quantity';
import type { LifecycleProps } from './lifecycle-handler';
import type { LivenessProbeInput, ReadinessProbeInput, StartupProbeInput } from './probe';
import type { SecurityContextProps } from './security-context';

/**
 * A quantity as a prop takes it: a literal (`'500m'`, `'128Mi'`), a number, a parsed `Quantity`, or any
 * `string` (a value read from a file, or an object declared without `as const`). The syntax is checked on the
 * manifest at synth (`resources/invalid-quantity`): a type cannot reject a bad literal without also rejecting
 * every widened `string`, and Kubernetes accepts any string that parses.
 */
export type QuantityProp = QuantityInput | string;

/** A map of resource name to quantity, as written in `requests`/`limits`. */
export interface ResourceList {
  /** CPU, in cores (`"250m"`, `1`). @default - none */
  readonly cpu?: QuantityProp;
  /** Memory, in bytes (`"64Mi"`). @default - none */
  readonly memory?: QuantityProp;
  readonly [resource: string]: QuantityProp | undefined;
}

/** `resources` of a container. */
export interface ResourceRequirementsProps {
  /**
   * The amount the scheduler reserves for the container, by resource.
   * @default - the limit, for a resource with a limit; else none
   */
  readonly requests?: ResourceList;
  /** The most the container may use, by resource. @default - no limit (or a namespace LimitRange's default) */
  readonly limits?: ResourceList;
}

// The container types are assembled from the field groups below with `extends`, each variant leaving out the
// group it retypes (a Guaranteed container's `resources`, a static Pod's `env` …), rather than with
// `Omit<ContainerProps, …>`: every such mapped type over the container's ~25 keys is instantiated again in
// each user's type check (about 100 instantiations a variant), and a named interface is not. The type test in
// container.test-d.ts keeps the pass-through fields equal to lib/k8s's `Container`.

/** The container fields every container type takes as the API writes them. */
export interface ContainerBaseProps {
  /** Container name: a DNS label, unique among the pod's containers. */
  readonly name: string;
  /** Container image. Required by the API server. */
  readonly image: string;
  /**
   * When the kubelet pulls the image.
   * @default - `Always` for a `:latest` or untagged image, else `IfNotPresent` (set by the API server)
   */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** The entrypoint, run without a shell; replaces the image's `ENTRYPOINT`. @default - the image's `ENTRYPOINT` */
  readonly command?: string[];
  /** Arguments to the entrypoint; replace the image's `CMD`. @default - the image's `CMD` */
  readonly args?: string[];
  /** The working directory of the entrypoint. @default - the image's working directory */
  readonly workingDir?: string;
  /**
   * Per resource (`cpu`, `memory`), whether an in-place resize restarts the container.
   * @default - `NotRequired` for each resource (the API server's default)
   */
  readonly resizePolicy?: { resourceName: string; restartPolicy: string }[];
  /** Volumes of the pod mounted into the container's filesystem. @default - none */
  readonly volumeMounts?: k8s.VolumeMount[];
  /** Block devices of the pod's volumes the container uses. @default - none */
  readonly volumeDevices?: { name: string; devicePath: string }[];
  /** File the container's termination message is read from. @default "/dev/termination-log" */
  readonly terminationMessagePath?: string;
  /**
   * `File` reads the termination message file only; `FallbackToLogsOnError` uses the log tail when the file is empty.
   * @default "File"
   */
  readonly terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  /** Keep a stdin buffer open for the container. @default false */
  readonly stdin?: boolean;
  /** Close stdin after the first attach session ends. @default false */
  readonly stdinOnce?: boolean;
  /** Allocate a TTY (also needs `stdin`). @default false */
  readonly tty?: boolean;
}

/** `env` and `envFrom` of a container, as the API writes them (a static Pod's container retypes them). */
export interface ContainerEnvFields {
  /**
   * Environment variables, in order; `$(VAR)` in a value refers to one defined before it.
   * @default - none besides what the image and the kubelet set
   */
  readonly env?: k8s.EnvVar[];
  /** Sources of environment variables (every key of a ConfigMap or Secret); `env` wins on a clash. @default - none */
  readonly envFrom?: k8s.EnvFromSource[];
}

/** `ports` of a container, as the API writes them (a SecurePod's container retypes them). */
export interface ContainerPortFields {
  /**
   * Ports the container exposes; informational, except that a named port can be referred to by probes and Services.
   * @default - none
   */
  readonly ports?: k8s.ContainerPort[];
}

/** `resources` of a container (the QoS-typed pods' containers retype it). */
export interface ContainerResourceFields {
  /**
   * Requests and limits.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-memory-resource/
   * @default - none: the container counts as BestEffort for QoS
   */
  readonly resources?: ResourceRequirementsProps;
}

/** `livenessProbe` and `readinessProbe` of a container, both optional (a probed workload's containers retype them). */
export interface ContainerProbeFields {
  /**
   * Restarts the container when it fails. `successThreshold` can only be 1.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
   * @default - none
   */
  readonly livenessProbe?: LivenessProbeInput;
  /**
   * Takes the pod out of Service endpoints while it fails. No `terminationGracePeriodSeconds`.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
   * @default - none
   */
  readonly readinessProbe?: ReadinessProbeInput;
}

/** `startupProbe` and `lifecycle` of a container. */
export interface ContainerStartupFields {
  /**
   * Holds off the other probes until the container has started. `successThreshold` can only be 1.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
   * @default - none
   */
  readonly startupProbe?: StartupProbeInput;
  /**
   * postStart and preStop hooks.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/attach-handler-lifecycle-event/
   * @default - none
   */
  readonly lifecycle?: LifecycleProps;
}

/** The fields an init container may set only as a sidecar (`restartPolicy: 'Always'`): hooks, probes, `restartPolicy`. */
export interface ContainerSidecarFields extends ContainerProbeFields, ContainerStartupFields {
  /**
   * Only `Always`, and only on an init container: it makes the init container a sidecar.
   * @default - none: a regular init container that runs to completion
   */
  readonly restartPolicy?: 'Always';
}

/** `securityContext` of a container (a SecurePod's container retypes it). */
export interface ContainerSecurityFields {
  /**
   * Security settings of this container; each overrides the pod-level field of the same name.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/
   * @default - the pod's settings
   */
  readonly securityContext?: SecurityContextProps;
}

/**
 * A container, as in the manifest. Rules that a type cannot express (request ≤ limit, names) are checked
 * at synth on the manifest built from these props.
 */
export interface ContainerProps
  extends ContainerBaseProps, ContainerEnvFields, ContainerPortFields, ContainerResourceFields, ContainerSidecarFields, ContainerSecurityFields {}
