/**
 * Pods whose containers share one process namespace.
 *
 * "プロセス名前空間の共有は、`v1.PodSpec`の`shareProcessNamespace`フィールドを使用して有効にします" — every container
 * then sees the others' processes (and their files through `/proc/$pid/root`), the pause process is PID 1, and
 * sending a signal to another container's process "requires the SYS_PTRACE capability". The flag cannot be
 * combined with `hostPID`.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/share-process-namespace/
 */
import type { Construct } from 'constructs';
import type * as k8s from '../lib/k8s';
import { checkSharedProcessNamespace } from '../lib/rules/security-context';
import type { Violation } from '../lib/violation';
import { CheckedApiObject, withPromise, type CheckOptions, type ManifestPromise } from './checked-api-object';
import type { ContainerProps } from './container';
import type { PodMetadata, PodSpecProps } from './pod';
import { toWire } from './wire';

/**
 * The container with `SYS_PTRACE` added to `securityContext.capabilities.add` (once, after any capabilities
 * it already adds): what a container needs to signal or trace the other containers' processes.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/share-process-namespace/#podを構成する
 */
export function withSysPtrace(container: ContainerProps): ContainerProps {
  const sc = container.securityContext ?? {};
  const add = sc.capabilities?.add ?? [];
  if (add.includes('SYS_PTRACE')) return container;
  return { ...container, securityContext: { ...sc, capabilities: { ...sc.capabilities, add: [...add, 'SYS_PTRACE'] } } };
}

/** A pod spec whose `shareProcessNamespace` is set by the construct; `hostPID` cannot be set with it. */
export interface SharedProcessNamespacePodSpecProps extends Omit<PodSpecProps, 'shareProcessNamespace' | 'hostPID'> {
  /** The host's PID namespace cannot be combined with a shared one: only `false`. @default false */
  readonly hostPID?: false;
}

/** Props of a {@link SharedProcessNamespacePod}: metadata and a spec whose containers share one PID namespace. */
export interface SharedProcessNamespacePodProps extends CheckOptions {
  /** The pod's metadata. @default - a name cdk8s derives from the construct path */
  readonly metadata?: PodMetadata;
  /** The pod spec; `shareProcessNamespace: true` is emitted, and `hostPID` cannot be set with it. */
  readonly spec: SharedProcessNamespacePodSpecProps;
}

/** A Pod with `shareProcessNamespace: true`. Use {@link withSysPtrace} on the containers that signal others. */
export class SharedProcessNamespacePod extends CheckedApiObject {
  constructor(scope: Construct, id: string, props: SharedProcessNamespacePodProps) {
    const spec = { shareProcessNamespace: true, ...props.spec };
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: toWire(props.metadata), spec: toWire(spec) }, withPromise(props, sharedProcessNamespacePromise));
    this.checkNow();
  }
}

/** The promise of a shared process namespace (`shareProcessNamespace: true`, and what it implies). */
export const sharedProcessNamespacePromise: ManifestPromise = {
  name: 'shared process namespace',
  check: (manifest: k8s.KubeObject): Violation[] => checkSharedProcessNamespace(manifest as unknown as k8s.PodLike),
};
