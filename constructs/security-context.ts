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
  /** Capabilities added to the runtime's default set (names without `CAP_`). @default - none */
  readonly add?: readonly LinuxCapability[];
  /** Capabilities dropped from the default set; `ALL` drops every one. @default - none */
  readonly drop?: readonly (LinuxCapability | 'ALL')[];
}

/**
 * A seccomp profile: `localhostProfile` (a path relative to the kubelet's seccomp directory, without `..`)
 * is required with `Localhost` and impossible otherwise.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/#コンテナにseccompプロフィールを設定する
 */
export type SeccompProfileProps =
  | {
      /** `Localhost`: a profile file on the node; `RuntimeDefault`: the container runtime's default; `Unconfined`: none. */
      readonly type: 'Localhost';
      /** Path of the profile, relative to the kubelet's seccomp directory. @default - none: required with `Localhost` */
      readonly localhostProfile: string;
    }
  | { readonly type: 'RuntimeDefault' | 'Unconfined'; readonly localhostProfile?: never };

/**
 * An AppArmor profile (Kubernetes ≥ 1.30 field): `localhostProfile` names a profile loaded on the node, and is
 * required with `Localhost` and impossible otherwise.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/#コンテナにapparmorプロフィールを設定する
 */
export type AppArmorProfileProps =
  | {
      /** `Localhost`: a profile loaded on the node; `RuntimeDefault`: the container runtime's default; `Unconfined`: none. */
      readonly type: 'Localhost';
      /** Name of a profile loaded on the node. @default - none: required with `Localhost` */
      readonly localhostProfile: string;
    }
  | { readonly type: 'RuntimeDefault' | 'Unconfined'; readonly localhostProfile?: never };

/** SELinux labels; `level` is an MCS label such as `"s0:c123,c456"`. */
export interface SELinuxOptionsProps {
  /** The SELinux user. @default - the container runtime's default */
  readonly user?: string;
  /** The SELinux role. @default - the container runtime's default */
  readonly role?: string;
  /** The SELinux type. @default - the container runtime's default */
  readonly type?: string;
  /** The MCS level. @default - the container runtime's default */
  readonly level?: string;
}

/** Windows-specific settings; on a pod with `os.name: linux` they are forbidden. */
export interface WindowsOptionsProps {
  /** Name of a GMSACredentialSpec object; see `GmsaCredentialSpec`. @default - none: no GMSA */
  readonly gmsaCredentialSpecName?: string;
  /** The GMSA credential spec inline, as JSON. @default - none: the one `gmsaCredentialSpecName` names, if any */
  readonly gmsaCredentialSpec?: string;
  /** The Windows user name the entrypoint runs as. @default - the image's user */
  readonly runAsUserName?: string;
  /** Run as a Windows HostProcess container (needs `hostNetwork`; all containers alike). @default false */
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
  /** Run as privileged: like root on the host. @default false */
  readonly privileged?: boolean;
  /**
   * Whether a process can gain more privileges than its parent (`no_new_privs`). Cannot be `false` together
   * with `privileged: true`.
   * @default - true
   */
  readonly allowPrivilegeEscalation?: boolean;
  /** Mount the container's root filesystem read-only. @default false */
  readonly readOnlyRootFilesystem?: boolean;
  /** Capabilities added and dropped. @default - the container runtime's default set */
  readonly capabilities?: CapabilitiesProps;
  /** `Unmasked` requires the pod's `hostUsers: false`. @default 'Default' */
  readonly procMount?: 'Default' | 'Unmasked';
  /**
   * The seccomp profile; overrides the pod's.
   * @default - the pod's `seccompProfile`, else `Unconfined` (unless the kubelet defaults to RuntimeDefault)
   */
  readonly seccompProfile?: SeccompProfileProps;
  /**
   * The AppArmor profile; overrides the pod's.
   * @default - the pod's `appArmorProfile`, else the runtime's default on nodes with AppArmor
   */
  readonly appArmorProfile?: AppArmorProfileProps;
  /** SELinux labels; override the pod's. @default - the pod's `seLinuxOptions`, else the runtime's */
  readonly seLinuxOptions?: SELinuxOptionsProps;
  /** Windows settings; override the pod's. @default - the pod's `windowsOptions` */
  readonly windowsOptions?: WindowsOptionsProps;
}

/** A pod's `securityContext`: defaults for every container, plus pod-only fields. */
export interface PodSecurityContextProps {
  /** User id of every container's processes, 0–2147483647. @default - the image's user */
  readonly runAsUser?: number;
  /** Group id of every container's processes, 0–2147483647. @default - the runtime's default (group 0) */
  readonly runAsGroup?: number;
  /** Refuse to start a container whose process would run as uid 0. @default false */
  readonly runAsNonRoot?: boolean;
  /** Group owning mounted volumes, 0–2147483647. @default - none: volumes keep their ownership */
  readonly fsGroup?: number;
  /** When the kubelet changes ownership and permissions of a volume to `fsGroup`. @default 'Always' */
  readonly fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  /** Extra groups of every container's first process, besides its primary group. @default - none */
  readonly supplementalGroups?: readonly number[];
  /** Kubernetes ≥ 1.31. @default 'Merge' */
  readonly supplementalGroupsPolicy?: 'Merge' | 'Strict';
  /** The seccomp profile of every container. @default - `Unconfined` (unless the kubelet defaults to RuntimeDefault) */
  readonly seccompProfile?: SeccompProfileProps;
  /** The AppArmor profile of every container. @default - the runtime's default on nodes with AppArmor */
  readonly appArmorProfile?: AppArmorProfileProps;
  /** SELinux labels of every container. @default - the runtime's default labels */
  readonly seLinuxOptions?: SELinuxOptionsProps;
  /**
   * How SELinux labels are applied to volumes: `MountOption` with a mount option, `Recursive` file by file.
   * @default - `MountOption` where the volume and feature gates support it, else recursive relabelling
   */
  readonly seLinuxChangePolicy?: 'Recursive' | 'MountOption';
  /** Namespaced kernel parameters set for the pod. @default - none */
  readonly sysctls?: readonly k8s.Sysctl[];
  /** Windows settings of every container. @default - none */
  readonly windowsOptions?: WindowsOptionsProps;
}
