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
import type { ContainerProps } from './container';
import { Pod } from './pod';
import type { PodSpecOf } from './workloads/pod-spec';
import type { WorkloadBaseProps } from './workloads/workload';

export { sharedProcessNamespacePromise } from './workloads/guarantees';

/**
 * The container with `SYS_PTRACE` added to `securityContext.capabilities.add` (once, after any capabilities
 * it already adds): what a container needs to signal or trace the other containers' processes.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/share-process-namespace/#podを構成する
 */
export function withSysPtrace<C extends ContainerProps>(container: C): C {
  const sc = container.securityContext ?? {};
  const add = sc.capabilities?.add ?? [];
  if (add.includes('SYS_PTRACE')) return container;
  return { ...container, securityContext: { ...sc, capabilities: { ...sc.capabilities, add: [...add, 'SYS_PTRACE'] } } };
}

/** A pod spec whose `shareProcessNamespace` is set by the construct; `hostPID` cannot be set with it. */
export type SharedProcessNamespacePodSpecProps = PodSpecOf<undefined, undefined, false, false, true, 'pod'>;

/** Props of a {@link SharedProcessNamespacePod}: object metadata and a pod spec with a shared process namespace. */
export interface SharedProcessNamespacePodProps extends WorkloadBaseProps {
  /** The pod spec; `shareProcessNamespace: true` is emitted, and `hostPID` cannot be set with it. */
  readonly spec: SharedProcessNamespacePodSpecProps;
}

/**
 * A Pod with `shareProcessNamespace: true`: a preset of {@link Pod} with the guarantee
 * `sharedProcessNamespace: true`, which any workload kind takes as well. Use {@link withSysPtrace} on the
 * containers that signal others.
 */
export class SharedProcessNamespacePod extends Pod<undefined, undefined, false, false, true> {
  constructor(scope: Construct, id: string, props: SharedProcessNamespacePodProps) {
    super(scope, id, { ...props, guarantees: { sharedProcessNamespace: true } });
  }
}
