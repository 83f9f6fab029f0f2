/**
 * `SecurePod`: a Pod that satisfies the Pod Security Standards' `restricted` level by construction — a preset of
 * {@link Pod} with the guarantee `podSecurity: 'restricted'`, which any workload kind takes as well.
 *
 * Its props cannot express what the level forbids (host namespaces, privileged containers, hostPath and other
 * non-core volumes, host ports, capabilities beyond NET_BIND_SERVICE, Unconfined profiles, SELinux user/role,
 * Unmasked /proc, hostProcess), it fills in the four settings a restricted pod needs and that Kubernetes does
 * not default, and the synthesized manifest is re-checked with `checkPodSecurity(…, 'restricted')`, so the
 * promise also holds for values that get past the types (a widened `string`, `as any`, `runAsUser: 0`).
 * https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/#restricted
 */
import type { Construct } from 'constructs';
import { Pod } from './pod';
import type { AppContainerProps, PodSpecOf } from './workloads/pod-spec';
import type { WorkloadBaseProps } from './workloads/workload';

export { restrictedPromise } from './workloads/guarantees';
export type {
  ConfinedProfileProps,
  RestrictedSELinuxOptions,
  SecureContainerPort,
  SecureContainerSecurityContext,
  SecurePodSecurityContext,
  SecureVolume,
} from './workloads/pod-security-props';

/** A container of a `SecurePod`. */
export type SecureContainerProps = AppContainerProps<undefined, 'restricted', false, 'pod'>;

/** The pod spec of a `SecurePod`: no host namespaces, no restricted volume types, typed security contexts. */
export type SecurePodSpecProps = PodSpecOf<undefined, 'restricted', false, false, false, 'pod'>;

/** Props of a {@link SecurePod}: object metadata and a pod spec narrowed to the restricted Pod Security level. */
export interface SecurePodProps extends WorkloadBaseProps {
  /** The pod spec; what restricted needs (`runAsNonRoot`, `seccompProfile`, dropped capabilities) is filled in. */
  readonly spec: SecurePodSpecProps;
}

/**
 * A Pod that passes the Pod Security Standards' `restricted` level.
 *
 * What it sets (and nothing else):
 * - `spec.securityContext.runAsNonRoot: true`;
 * - `spec.securityContext.seccompProfile: { type: RuntimeDefault }` unless a `Localhost` or `RuntimeDefault`
 *   profile is given;
 * - on every container and init container, `securityContext.allowPrivilegeEscalation: false` and
 *   `securityContext.capabilities.drop` containing `ALL` (prepended when missing).
 *
 * The synthesized manifest is then checked with `checkPodSecurity(manifest, 'restricted')`; any failed check
 * (e.g. `runAsUser: 0`, which the type cannot exclude) fails synthesis with the check's name.
 */
export class SecurePod extends Pod<undefined, 'restricted'> {
  /** The Pod Security Standards level this pod satisfies. */
  readonly podSecurityLevel = 'restricted' as const;

  constructor(scope: Construct, id: string, props: SecurePodProps) {
    super(scope, id, { ...props, guarantees: { podSecurity: 'restricted' } });
  }
}
