/**
 * Typed `securityContext` props for pods and containers, by their wire names. The types say what a
 * string cannot: capability names come from the Linux set without the `CAP_` prefix, and a seccomp or
 * AppArmor `localhostProfile` exists exactly when the type is `Localhost`. Each of these has a runtime
 * rule too (lib/rules/security-context.ts), which catches what a widened `string` gets past the types.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/
 */
import type * as k8s from '../lib/k8s';

/**
 * The Linux capabilities (capabilities(7)), as container runtimes name them: without the `CAP_` prefix.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/#コンテナにケーパビリティを設定する
 */
export type LinuxCapability =
  | 'AUDIT_CONTROL' | 'AUDIT_READ' | 'AUDIT_WRITE' | 'BLOCK_SUSPEND' | 'BPF' | 'CHECKPOINT_RESTORE' | 'CHOWN' | 'DAC_OVERRIDE'
  | 'DAC_READ_SEARCH' | 'FOWNER' | 'FSETID' | 'IPC_LOCK' | 'IPC_OWNER' | 'KILL' | 'LEASE' | 'LINUX_IMMUTABLE' | 'MAC_ADMIN'
  | 'MAC_OVERRIDE' | 'MKNOD' | 'NET_ADMIN' | 'NET_BIND_SERVICE' | 'NET_BROADCAST' | 'NET_RAW' | 'PERFMON' | 'SETFCAP' | 'SETGID'
  | 'SETPCAP' | 'SETUID' | 'SYSLOG' | 'SYS_ADMIN' | 'SYS_BOOT' | 'SYS_CHROOT' | 'SYS_MODULE' | 'SYS_NICE' | 'SYS_PACCT'
  | 'SYS_PTRACE' | 'SYS_RAWIO' | 'SYS_RESOURCE' | 'SYS_TIME' | 'SYS_TTY_CONFIG' | 'WAKE_ALARM';

/** Capabilities to add to or drop from a container's default set. `drop` also takes `ALL`. */
export interface CapabilitiesProps {
  readonly add?: readonly LinuxCapability[];
  readonly drop?: readonly (LinuxCapability | 'ALL')[];
}

/**
 * A seccomp profile: `localhostProfile` (a path relative to the kubelet's seccomp directory, without `..`)
 * is required with `Localhost` and impossible otherwise.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/#コンテナにseccompプロフィールを設定する
 */
export type SeccompProfileProps =
  | { readonly type: 'Localhost'; readonly localhostProfile: string }
  | { readonly type: 'RuntimeDefault' | 'Unconfined'; readonly localhostProfile?: never };

/**
 * An AppArmor profile (Kubernetes ≥ 1.30 field): `localhostProfile` names a profile loaded on the node, and is
 * required with `Localhost` and impossible otherwise.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/#コンテナにapparmorプロフィールを設定する
 */
export type AppArmorProfileProps =
  | { readonly type: 'Localhost'; readonly localhostProfile: string }
  | { readonly type: 'RuntimeDefault' | 'Unconfined'; readonly localhostProfile?: never };

/** SELinux labels; `level` is an MCS label such as `"s0:c123,c456"`. */
export interface SELinuxOptionsProps {
  readonly user?: string;
  readonly role?: string;
  readonly type?: string;
  readonly level?: string;
}

/** Windows-specific settings; on a pod with `os.name: linux` they are forbidden. */
export interface WindowsOptionsProps {
  /** Name of a GMSACredentialSpec object; see `GmsaCredentialSpec`. */
  readonly gmsaCredentialSpecName?: string;
  readonly gmsaCredentialSpec?: string;
  readonly runAsUserName?: string;
  readonly hostProcess?: boolean;
}

/** A container's `securityContext`. Each field overrides the pod's field of the same name. */
export interface SecurityContextProps {
  /** User id, 0–2147483647. @default - the pod's `runAsUser`, else the image's user */
  readonly runAsUser?: number;
  /** Group id, 0–2147483647. @default - the pod's `runAsGroup`, else the image's group */
  readonly runAsGroup?: number;
  /** Refuse to start when the process would run as uid 0. @default - the pod's `runAsNonRoot` */
  readonly runAsNonRoot?: boolean;
  /** @default false */
  readonly privileged?: boolean;
  /**
   * Whether a process can gain more privileges than its parent (`no_new_privs`). Cannot be `false` together
   * with `privileged: true`.
   * @default - true
   */
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly capabilities?: CapabilitiesProps;
  /** `Unmasked` requires the pod's `hostUsers: false`. @default 'Default' */
  readonly procMount?: 'Default' | 'Unmasked';
  readonly seccompProfile?: SeccompProfileProps;
  readonly appArmorProfile?: AppArmorProfileProps;
  readonly seLinuxOptions?: SELinuxOptionsProps;
  readonly windowsOptions?: WindowsOptionsProps;
}

/** A pod's `securityContext`: defaults for every container, plus pod-only fields. */
export interface PodSecurityContextProps {
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly runAsNonRoot?: boolean;
  /** Group owning mounted volumes, 0–2147483647. */
  readonly fsGroup?: number;
  /** @default 'Always' */
  readonly fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  readonly supplementalGroups?: readonly number[];
  /** Kubernetes ≥ 1.31. @default 'Merge' */
  readonly supplementalGroupsPolicy?: 'Merge' | 'Strict';
  readonly seccompProfile?: SeccompProfileProps;
  readonly appArmorProfile?: AppArmorProfileProps;
  readonly seLinuxOptions?: SELinuxOptionsProps;
  readonly seLinuxChangePolicy?: 'Recursive' | 'MountOption';
  readonly sysctls?: readonly k8s.Sysctl[];
  readonly windowsOptions?: WindowsOptionsProps;
}
