/** Type tests (checked by `tsc --noEmit`): what the typed security contexts accept and refuse. */
import { expectTypeOf } from 'vitest';
import type { ContainerProps } from './container';
import type { SecureContainerProps, SecurePodSpecProps } from './secure-pod';
import type { AppArmorProfileProps, CapabilitiesProps, LinuxCapability, PodSecurityContextProps, SeccompProfileProps } from './security-context';

// Capability names: the Linux set, without CAP_.
expectTypeOf<'SYS_TIME'>().toExtend<LinuxCapability>();
const caps: CapabilitiesProps = { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['ALL'] };
// @ts-expect-error container runtimes expect names without the CAP_ prefix: write 'SYS_TIME'
const capPrefixed: CapabilitiesProps = { add: ['NET_ADMIN', 'CAP_SYS_TIME'] };
// @ts-expect-error ALL can only be dropped, not added
const addAll: CapabilitiesProps = { add: ['ALL'] };
// @ts-expect-error not a Linux capability
const unknownCap: CapabilitiesProps = { add: ['SYS_TIMES'] };

// seccomp: localhostProfile iff Localhost.
const seccompLocal: SeccompProfileProps = { type: 'Localhost', localhostProfile: 'my-profiles/profile-allow.json' };
const seccompDefault: SeccompProfileProps = { type: 'RuntimeDefault' };
// @ts-expect-error Localhost needs a localhostProfile
const seccompLocalMissing: SeccompProfileProps = { type: 'Localhost' };
// @ts-expect-error a localhostProfile only goes with Localhost
const seccompDefaultWithProfile: SeccompProfileProps = { type: 'RuntimeDefault', localhostProfile: 'my-profiles/profile-allow.json' };

// AppArmor: the same exclusive union.
const apparmorLocal: AppArmorProfileProps = { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' };
// @ts-expect-error Localhost needs a localhostProfile
const apparmorLocalMissing: AppArmorProfileProps = { type: 'Localhost' };
// @ts-expect-error a localhostProfile only goes with Localhost
const apparmorUnconfinedWithProfile: AppArmorProfileProps = { type: 'Unconfined', localhostProfile: 'x' };

// Container props take the typed security context.
const container: ContainerProps = { name: 'c', image: 'i', securityContext: { capabilities: { add: ['SYS_PTRACE'] }, procMount: 'Unmasked' } };
// @ts-expect-error procMount is Default or Unmasked
const badProcMount: ContainerProps = { name: 'c', image: 'i', securityContext: { procMount: 'Masked' } };

// Pod level: the ≥ 1.30 fields exist, with their value sets.
const podCtx: PodSecurityContextProps = { fsGroupChangePolicy: 'OnRootMismatch', supplementalGroupsPolicy: 'Strict', appArmorProfile: { type: 'RuntimeDefault' } };
// @ts-expect-error supplementalGroupsPolicy is Merge or Strict
const badPolicy: PodSecurityContextProps = { supplementalGroupsPolicy: 'Loose' };

// SecurePod: what the restricted level forbids does not compile.
const secure: SecureContainerProps = { name: 'c', image: 'i', securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] }, runAsNonRoot: true } };
// @ts-expect-error restricted containers may only add NET_BIND_SERVICE
const secureAdd: SecureContainerProps = { name: 'c', image: 'i', securityContext: { capabilities: { add: ['SYS_PTRACE'] } } };
// @ts-expect-error restricted containers cannot allow privilege escalation
const secureEscalation: SecureContainerProps = { name: 'c', image: 'i', securityContext: { allowPrivilegeEscalation: true } };
// @ts-expect-error restricted containers cannot opt out of runAsNonRoot
const secureRoot: SecureContainerProps = { name: 'c', image: 'i', securityContext: { runAsNonRoot: false } };
// @ts-expect-error restricted containers cannot unmask /proc
const secureUnmasked: SecureContainerProps = { name: 'c', image: 'i', securityContext: { procMount: 'Unmasked' } };
// @ts-expect-error restricted containers cannot set an SELinux user
const secureSeUser: SecureContainerProps = { name: 'c', image: 'i', securityContext: { seLinuxOptions: { user: 'system_u', level: 's0' } } };
// @ts-expect-error restricted containers cannot be privileged
const securePrivileged: SecureContainerProps = { name: 'c', image: 'i', securityContext: { privileged: true } };
// @ts-expect-error restricted pods use no Unconfined seccomp profile
const secureUnconfined: SecureContainerProps = { name: 'c', image: 'i', securityContext: { seccompProfile: { type: 'Unconfined' } } };
const securePort: SecureContainerProps = { name: 'c', image: 'i', ports: [{ containerPort: 80 }] };
// @ts-expect-error restricted pods use no host ports
const secureHostPort: SecureContainerProps = { name: 'c', image: 'i', ports: [{ containerPort: 80, hostPort: 80 }] };
const secureSpec: SecurePodSpecProps = { containers: [secure], volumes: [{ name: 'v', emptyDir: {} }] };
// @ts-expect-error restricted pods use no hostPath volumes
const secureHostPath: SecurePodSpecProps = { containers: [secure], volumes: [{ name: 'v', hostPath: { path: '/' } }] };
// @ts-expect-error restricted pods do not share the host network
const secureHostNetwork: SecurePodSpecProps = { containers: [secure], hostNetwork: true };

void [caps, capPrefixed, addAll, unknownCap, seccompLocal, seccompDefault, seccompLocalMissing, seccompDefaultWithProfile, apparmorLocal, apparmorLocalMissing];
void [apparmorUnconfinedWithProfile, container, badProcMount, podCtx, badPolicy, secure, secureAdd, securePrivileged, secureUnconfined, securePort, secureHostPort];
void [secureSpec, secureHostPath, secureHostNetwork, secureEscalation, secureRoot, secureUnmasked, secureSeUser];
