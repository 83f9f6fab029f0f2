/**
 * Init containers, typed: one that runs to completion takes no lifecycle hooks and no probes; one with
 * `restartPolicy: 'Always'` is a sidecar and takes them like an app container. The runtime rules
 * (`init-containers/field-forbidden`, `init-containers/restart-policy-unsupported`) check the manifest as well.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-initialization/
 */
import type { ContainerPortFields, ContainerResourceFields, ContainerSecurityFields } from './container';
import type { PodSpecProps } from './pod';
import type { RunToCompletionInitCore, SidecarCore } from './workloads/pod-spec';

/** The container fields only a sidecar may set among init containers. */
export type SidecarOnlyField = 'lifecycle' | 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** An init container that runs to completion before the app containers start: no hooks, no probes. */
export interface RunToCompletionInitContainerProps extends RunToCompletionInitCore, ContainerResourceFields, ContainerSecurityFields, ContainerPortFields {}

/** A sidecar: an init container that keeps running beside the app containers (`restartPolicy: 'Always'`). */
export interface SidecarContainerProps extends SidecarCore, ContainerResourceFields, ContainerSecurityFields, ContainerPortFields {}

/** An entry of `initContainers`. */
export type InitContainerProps = RunToCompletionInitContainerProps | SidecarContainerProps;

/** A pod spec whose init containers are typed as above: `PodSpecProps` itself now types them so. */
export type TypedInitPodSpecProps = PodSpecProps;
