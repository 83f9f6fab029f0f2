/**
 * What a pod spec may say under a Pod Security Standards level, as prop types: the fields the level forbids are
 * `never` or `false`, the values it limits are literal unions. These types are what a `podSecurity` guarantee
 * narrows a workload's pod spec to (see guarantees.ts); the manifest is still checked with `checkPodSecurity`
 * at synth, which catches what a type cannot say (`runAsUser: 0` at restricted, an unsafe sysctl at baseline).
 * https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/
 */
import type * as k8s from '../../lib/k8s';
import type { VolumeFields } from '../../lib/k8s';
import type { LinuxCapability, PodSecurityContextProps, SecurityContextProps } from '../security-context';

/** Seccomp and AppArmor profiles a restricted (and a baseline) pod may use: never `Unconfined`. */
export type ConfinedProfileProps =
  | {
      /** The kind of profile: `Localhost` (a profile on the node) or `RuntimeDefault` (the container runtime's). */
      readonly type: 'Localhost';
      /**
       * With `Localhost`: the profile, a path under the kubelet's seccomp directory or a loaded AppArmor profile's name.
       * @default - none: `RuntimeDefault` takes no profile
       */
      readonly localhostProfile: string
    }
  | { readonly type: 'RuntimeDefault'; readonly localhostProfile?: never };

/** SELinux options a baseline or restricted pod may set: a level and one of the container types; never a user or role. */
export interface RestrictedSELinuxOptions {
  /**
   * The SELinux type: one of the container types baseline allows.
   * @default - none: the container runtime's default
   */
  readonly type?: '' | 'container_t' | 'container_init_t' | 'container_kvm_t' | 'container_engine_t';
  /**
   * The SELinux level (an MCS label, such as `s0:c123,c456`).
   * @default - none: the container runtime's default
   */
  readonly level?: string;
  readonly user?: never;
  readonly role?: never;
}

/** Windows options at baseline and restricted: no `hostProcess`. */
export interface NonHostProcessWindowsOptions {
  /**
   * The name of the GMSACredentialSpec resource to run with.
   * @default - none
   */
  readonly gmsaCredentialSpecName?: string;
  /**
   * The GMSA credential spec, as JSON; the GMSA admission webhook fills it in from `gmsaCredentialSpecName`.
   * @default - none
   */
  readonly gmsaCredentialSpec?: string;
  /**
   * The Windows user name that runs the container's entrypoint.
   * @default - the image's user
   */
  readonly runAsUserName?: string;
  /**
   * Only `false`: HostProcess containers are forbidden at baseline.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostProcess?: false;
}

/** The capabilities a baseline container may add: the container runtimes' default set. */
export type BaselineCapability =
  | 'AUDIT_WRITE' | 'CHOWN' | 'DAC_OVERRIDE' | 'FOWNER' | 'FSETID' | 'KILL' | 'MKNOD' | 'NET_BIND_SERVICE' | 'SETFCAP' | 'SETGID' | 'SETPCAP' | 'SETUID' | 'SYS_CHROOT';

/** A container's security context at the baseline level. */
export interface BaselineContainerSecurityContext extends SecurityContextProps {
  readonly privileged?: false;
  /** `add` holds only the runtimes' default capabilities. */
  readonly capabilities?: { readonly add?: readonly BaselineCapability[]; readonly drop?: readonly (LinuxCapability | 'ALL')[] };
  readonly procMount?: 'Default';
  readonly seccompProfile?: ConfinedProfileProps;
  readonly appArmorProfile?: ConfinedProfileProps;
  readonly seLinuxOptions?: RestrictedSELinuxOptions;
  readonly windowsOptions?: NonHostProcessWindowsOptions;
}

/** A container's security context at the restricted level (the fields restricted needs are filled by the guarantee). */
export interface SecureContainerSecurityContext extends BaselineContainerSecurityContext {
  /** Always emitted as `false`. */
  readonly allowPrivilegeEscalation?: false;
  readonly runAsNonRoot?: true;
  /** `drop` always contains `ALL` (added first when missing); `add` may only hold NET_BIND_SERVICE. */
  readonly capabilities?: { readonly add?: readonly 'NET_BIND_SERVICE'[]; readonly drop?: readonly (LinuxCapability | 'ALL')[] };
}

/** A container port at baseline and restricted: no host port. */
export interface SecureContainerPort extends k8s.ContainerPort {
  readonly hostPort?: never;
}

/** Volumes a baseline pod may use: every source but `hostPath`. */
export interface BaselineVolume extends Omit<VolumeFields, 'hostPath'> {
  readonly hostPath?: never;
}

/** Volumes a restricted pod may use: the core types and those backed by PersistentVolumes. */
export type SecureVolume = Pick<k8s.Volume, 'name' | 'configMap' | 'secret' | 'emptyDir' | 'projected' | 'downwardAPI' | 'persistentVolumeClaim'> & {
  readonly csi?: Record<string, unknown>;
  readonly ephemeral?: Record<string, unknown>;
  readonly image?: Record<string, unknown>;
};

/** The pod-level security context at the baseline level. */
export interface BaselinePodSecurityContext extends PodSecurityContextProps {
  readonly seccompProfile?: ConfinedProfileProps;
  readonly appArmorProfile?: ConfinedProfileProps;
  readonly seLinuxOptions?: RestrictedSELinuxOptions;
  readonly windowsOptions?: NonHostProcessWindowsOptions;
}

/** The pod-level security context at the restricted level. */
export interface SecurePodSecurityContext extends BaselinePodSecurityContext {
  /** Always emitted as `true`. */
  readonly runAsNonRoot?: true;
  /** @default { type: 'RuntimeDefault' } */
  readonly seccompProfile?: ConfinedProfileProps;
}

/** The container fields a baseline guarantee narrows. */
export interface BaselineContainerFields {
  /**
   * The container's security context, limited to what baseline allows.
   * @default - none
   * @see https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/#baseline
   */
  readonly securityContext?: BaselineContainerSecurityContext;
  /**
   * The container's ports; no `hostPort`.
   * @default - none
   */
  readonly ports?: readonly SecureContainerPort[];
}

/** The container fields a restricted guarantee narrows. */
export interface RestrictedContainerFields {
  /**
   * `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]` are filled in.
   * @default - only what the guarantee fills in
   * @see https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/#restricted
   */
  readonly securityContext?: SecureContainerSecurityContext;
  /**
   * The container's ports; no `hostPort`.
   * @default - none
   */
  readonly ports?: readonly SecureContainerPort[];
}

/** The pod fields a baseline guarantee narrows: no host namespaces, no hostPath volumes. */
export interface BaselinePodFields {
  /**
   * Pod-level security context, limited to what baseline allows.
   * @default - none
   * @see https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/#baseline
   */
  readonly securityContext?: BaselinePodSecurityContext;
  /**
   * Volumes the containers can mount: every source but `hostPath`.
   * @default - none
   */
  readonly volumes?: readonly BaselineVolume[];
  /**
   * Only `false`: baseline forbids the node's network namespace.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostNetwork?: false;
  /**
   * Only `false`: baseline forbids the node's process ID namespace.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostPID?: false;
  /**
   * Only `false`: baseline forbids the node's IPC namespace.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostIPC?: false;
}

/** The pod fields a restricted guarantee narrows: as baseline, and only the restricted volume types. */
export interface RestrictedPodFields {
  /**
   * `runAsNonRoot: true` and `seccompProfile: { type: RuntimeDefault }` (unless given) are filled in.
   * @default - only what the guarantee fills in
   * @see https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/#restricted
   */
  readonly securityContext?: SecurePodSecurityContext;
  /**
   * Volumes the containers can mount: only the restricted types (ConfigMap, Secret, emptyDir, projected, downwardAPI, PVC, CSI, ephemeral, image).
   * @default - none
   */
  readonly volumes?: readonly SecureVolume[];
  /**
   * Only `false`: restricted forbids the node's network namespace.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostNetwork?: false;
  /**
   * Only `false`: restricted forbids the node's process ID namespace.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostPID?: false;
  /**
   * Only `false`: restricted forbids the node's IPC namespace.
   * @default false - Kubernetes' default (not written)
   */
  readonly hostIPC?: false;
}
