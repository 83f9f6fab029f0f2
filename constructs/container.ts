/**
 * Container props: the wire fields of a Kubernetes container, by their wire names, with typed values
 * where a type can say more than the API's JSON (quantities, probe handlers).
 */
import type * as k8s from '../lib/k8s';
import type { QuantityInput } from '../lib/quantity';
import type { LifecycleProps } from './lifecycle-handler';
import type { LivenessProbeInput, ReadinessProbeInput, StartupProbeInput } from './probe';
import type { SecurityContextProps } from './security-context';

/** A map of resource name to quantity, as written in `requests`/`limits`. */
export type ResourceList = { readonly cpu?: QuantityInput; readonly memory?: QuantityInput } & { readonly [resource: string]: QuantityInput | string | undefined };

/** `resources` of a container. */
export interface ResourceRequirementsProps {
  readonly requests?: ResourceList;
  readonly limits?: ResourceList;
}

/**
 * A container, as in the manifest. Rules that a type cannot express (request ≤ limit, names) are checked
 * at synth on the manifest built from these props.
 */
export interface ContainerProps extends Omit<k8s.Container, 'resources' | 'livenessProbe' | 'readinessProbe' | 'startupProbe' | 'lifecycle' | 'securityContext'> {
  /** Container name: a DNS label, unique among the pod's containers. */
  readonly name: string;
  /** Container image. Required by the API server. */
  readonly image: string;
  /**
   * Requests and limits.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-memory-resource/
   * @default - none: the container counts as BestEffort for QoS
   */
  readonly resources?: ResourceRequirementsProps;
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
  /**
   * Security settings of this container; each overrides the pod-level field of the same name.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/
   * @default - the pod's settings
   */
  readonly securityContext?: SecurityContextProps;
}
