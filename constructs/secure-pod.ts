/**
 * `SecurePod`: a Pod that satisfies the Pod Security Standards' `restricted` level by construction.
 *
 * Its props cannot express what the level forbids (host namespaces, privileged containers, hostPath and other
 * non-core volumes, host ports, capabilities beyond NET_BIND_SERVICE, Unconfined profiles, SELinux user/role,
 * Unmasked /proc, hostProcess), it fills in the four settings a restricted pod needs and that Kubernetes does
 * not default, and the synthesized manifest is re-checked with `checkPodSecurity(…, 'restricted')`, so the
 * promise also holds for values that get past the types (a widened `string`, `as any`, `runAsUser: 0`).
 * https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/#restricted
 */
import type { Construct } from 'constructs';
import type * as k8s from '../lib/k8s';
import { checkPodSecurity } from '../lib/rules/pod-security';
import type { Violation } from '../lib/violation';
import { CheckedApiObject, withPromise, type CheckOptions, type ManifestPromise } from './checked-api-object';
import type { ContainerBaseProps, ContainerEnvFields, ContainerProps, ContainerResourceFields, ContainerSidecarFields } from './container';
import type { PodMetadata, PodSpecProps } from './pod';
import type { LinuxCapability, PodSecurityContextProps, SecurityContextProps } from './security-context';
import { toWire } from './wire';

/** Seccomp and AppArmor profiles a restricted pod may use. */
export type ConfinedProfileProps =
  | {
      /** `Localhost`: a profile on the node; `RuntimeDefault`: the container runtime's default profile. */
      readonly type: 'Localhost';
      /** Path of the profile on the node (seccomp: relative to the kubelet's seccomp directory). @default - none: required with `Localhost` */
      readonly localhostProfile: string;
    }
  | { readonly type: 'RuntimeDefault'; readonly localhostProfile?: never };

/** SELinux options a restricted pod may set: a level and one of the container types; never a user or role. */
export interface RestrictedSELinuxOptions {
  /** The SELinux type of the container's process. @default - the container runtime's default type */
  readonly type?: '' | 'container_t' | 'container_init_t' | 'container_kvm_t' | 'container_engine_t';
  /** The MCS level, such as `"s0:c123,c456"`. @default - the runtime's default level */
  readonly level?: string;
  readonly user?: never;
  readonly role?: never;
}

/** A container's security context in a `SecurePod`. */
export interface SecureContainerSecurityContext extends SecurityContextProps {
  readonly privileged?: false;
  /** Always emitted as `false`. */
  readonly allowPrivilegeEscalation?: false;
  readonly runAsNonRoot?: true;
  /** `drop` always contains `ALL` (added first when missing); `add` may only hold NET_BIND_SERVICE. */
  readonly capabilities?: { readonly add?: readonly 'NET_BIND_SERVICE'[]; readonly drop?: readonly (LinuxCapability | 'ALL')[] };
  readonly procMount?: 'Default';
  readonly seccompProfile?: ConfinedProfileProps;
  readonly appArmorProfile?: ConfinedProfileProps;
  readonly seLinuxOptions?: RestrictedSELinuxOptions;
  readonly windowsOptions?: { readonly gmsaCredentialSpecName?: string; readonly gmsaCredentialSpec?: string; readonly runAsUserName?: string; readonly hostProcess?: false };
}

/** A port of a `SecurePod` container: no host port. */
export interface SecureContainerPort extends k8s.ContainerPort {
  readonly hostPort?: never;
}

/** A container of a `SecurePod`. */
export interface SecureContainerProps extends ContainerBaseProps, ContainerEnvFields, ContainerResourceFields, ContainerSidecarFields {
  /**
   * The container's security context, restricted: no privilege, no escalation, only NET_BIND_SERVICE added.
   * @default - the restricted settings the pod fills in (`allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]`)
   */
  readonly securityContext?: SecureContainerSecurityContext;
  /** Ports the container exposes; no host ports. @default - none */
  readonly ports?: readonly SecureContainerPort[];
}

/** Volumes a restricted pod may use: the core types and those backed by PersistentVolumes. */
export type SecureVolume = Pick<k8s.Volume, 'name' | 'configMap' | 'secret' | 'emptyDir' | 'projected' | 'downwardAPI' | 'persistentVolumeClaim'> & {
  readonly csi?: Record<string, unknown>;
  readonly ephemeral?: Record<string, unknown>;
};

/** The pod-level security context of a `SecurePod`. */
export interface SecurePodSecurityContext extends PodSecurityContextProps {
  /** Always emitted as `true`. */
  readonly runAsNonRoot?: true;
  /** @default { type: 'RuntimeDefault' } */
  readonly seccompProfile?: ConfinedProfileProps;
  readonly appArmorProfile?: ConfinedProfileProps;
  readonly seLinuxOptions?: RestrictedSELinuxOptions;
  readonly windowsOptions?: { readonly gmsaCredentialSpecName?: string; readonly gmsaCredentialSpec?: string; readonly runAsUserName?: string; readonly hostProcess?: false };
}

/** The pod spec of a `SecurePod`: no host namespaces, no restricted volume types, typed security contexts. */
export interface SecurePodSpecProps
  extends Omit<PodSpecProps, 'containers' | 'initContainers' | 'ephemeralContainers' | 'securityContext' | 'volumes' | 'hostNetwork' | 'hostPID' | 'hostIPC'> {
  /** App containers, restricted. */
  readonly containers: readonly SecureContainerProps[];
  /** Init containers, restricted like the app containers. @default - none */
  readonly initContainers?: readonly SecureContainerProps[];
  /**
   * The pod-level security context: non-root, a confined seccomp profile.
   * @default - `runAsNonRoot: true` and a `RuntimeDefault` seccomp profile, filled in
   */
  readonly securityContext?: SecurePodSecurityContext;
  /**
   * Volumes of the restricted types only (configMap, secret, emptyDir, projected, downwardAPI, PVC, csi, ephemeral).
   * @default - none
   */
  readonly volumes?: readonly SecureVolume[];
  /** Host networking is forbidden by the restricted and baseline levels: only `false`. @default false */
  readonly hostNetwork?: false;
  /** The host's PID namespace is forbidden: only `false`. @default false */
  readonly hostPID?: false;
  /** The host's IPC namespace is forbidden: only `false`. @default false */
  readonly hostIPC?: false;
}

/** Props of a {@link SecurePod}: metadata and a spec held to the `restricted` Pod Security Standard. */
export interface SecurePodProps extends CheckOptions {
  /** The pod's metadata. @default - a name cdk8s derives from the construct path */
  readonly metadata?: PodMetadata;
  /** The pod spec, restricted by the types and checked at the `restricted` level. */
  readonly spec: SecurePodSpecProps;
}

function secureContainer(c: SecureContainerProps): ContainerProps {
  const sc = c.securityContext ?? {};
  const drop = sc.capabilities?.drop ?? [];
  return {
    ...c,
    ports: c.ports ? [...c.ports] : undefined,
    securityContext: {
      ...sc,
      allowPrivilegeEscalation: false,
      capabilities: { ...sc.capabilities, drop: drop.includes('ALL') ? drop : ['ALL', ...drop] },
    },
  };
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
export class SecurePod extends CheckedApiObject {
  /** The Pod Security Standards level this pod satisfies. */
  readonly podSecurityLevel = 'restricted' as const;

  constructor(scope: Construct, id: string, props: SecurePodProps) {
    const { securityContext, containers, initContainers, ...rest } = props.spec;
    const spec = {
      ...rest,
      securityContext: { ...securityContext, runAsNonRoot: true, seccompProfile: securityContext?.seccompProfile ?? { type: 'RuntimeDefault' } },
      containers: containers.map(secureContainer),
      initContainers: initContainers?.map(secureContainer),
    };
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: toWire(props.metadata), spec: toWire(spec) }, withPromise(props, restrictedPromise));
    this.checkNow();
  }
}

/** The promise of the Pod Security Standards' restricted level, as `checkPodSecurity` evaluates it. */
export const restrictedPromise: ManifestPromise = {
  name: 'Pod Security Standard restricted',
  check: (manifest: k8s.KubeObject): Violation[] => checkPodSecurity(manifest as unknown as k8s.PodLike, 'restricted'),
};
