/**
 * Security contexts of pods and containers.
 *
 * "セキュリティコンテキストは、Podまたはコンテナの特権とアクセスコントロールの設定を定義します" — and "コンテナに
 * 指定されたセキュリティ設定はそのコンテナにのみ適用され、重複する場合はPodレベルの設定を上書きします". These are the
 * API server's checks of both levels (`ValidateSecurityContext`, `validatePodSpecSecurityContext`, the
 * `spec.os.name` rules), with its messages, plus two stricter opinions of ours, reported as warnings.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/
 */
import { REFERENCE, docsUrl } from '../docs';
import {
  containersOf,
  type AppArmorProfile,
  type PodLike,
  type PodSecurityContext,
  type SeccompProfile,
  type SecurityContext,
  type WindowsSecurityContextOptions,
} from '../k8s';
import { fieldPath } from '../path';
import { listedObjects } from './listed';
import { defineRule, goQuote, type Violation } from '../violation';

const PAGE = docsUrl('security-context');
const POD = docsUrl('security-context', 'podにセキュリティコンテキストを設定する');
const CONTAINER = docsUrl('security-context', 'コンテナにセキュリティコンテキストを設定する');
const CAPABILITIES = docsUrl('security-context', 'コンテナにケーパビリティを設定する');
const SECCOMP = docsUrl('security-context', 'コンテナにseccompプロフィールを設定する');
const APPARMOR = docsUrl('security-context', 'コンテナにapparmorプロフィールを設定する');
const PROC = docsUrl('security-context', 'proc-access');
const SHARE_PID = docsUrl('share-process-namespace', 'プロセス名前空間の共有について理解する');
const WINDOWS = REFERENCE.windowsPods;

/** Largest user or group id the API server accepts (`math.MaxInt32`). */
export const MAX_ID = 2147483647;
/** Longest AppArmor `localhostProfile` the API server accepts, in bytes. */
export const MAX_APPARMOR_PROFILE_BYTES = 4095;

const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
/** `SysctlContainSlashPatternFmt` of the API server: dotted or slashed segments. */
export const SYSCTL_PATTERN = `^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`;
const SYSCTL_RE = new RegExp(SYSCTL_PATTERN);
const SYSCTL_MAX_LENGTH = 253;

export const securityContextRules = {
  privilegedWithoutEscalation: defineRule(
    'security-context/privileged-without-escalation',
    PAGE,
    () => 'Invalid value: core.SecurityContext{...}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
  ),
  capSysAdminWithoutEscalation: defineRule(
    'security-context/cap-sys-admin-without-escalation',
    PAGE,
    () => 'Invalid value: core.SecurityContext{...}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
  ),
  idOutOfRange: defineRule('security-context/id-out-of-range', POD, (value: number) => `Invalid value: ${value}: must be between 0 and ${MAX_ID}, inclusive`),
  procMountUnsupported: defineRule(
    'security-context/proc-mount-unsupported',
    PROC,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Default", "Unmasked"`,
  ),
  procMountUnmaskedNeedsUserNamespace: defineRule(
    'security-context/proc-mount-unmasked-needs-user-namespace',
    PROC,
    () => 'Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
  ),
  seccompTypeRequired: defineRule('security-context/seccomp-type-required', SECCOMP, () => 'Required value: type is required when seccompProfile is set'),
  seccompTypeUnsupported: defineRule(
    'security-context/seccomp-type-unsupported',
    SECCOMP,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
  ),
  seccompLocalhostProfileRequired: defineRule(
    'security-context/seccomp-localhost-profile-required',
    SECCOMP,
    () => 'Required value: must be set when seccomp type is Localhost',
  ),
  seccompLocalhostProfileNotLocalhost: defineRule(
    'security-context/seccomp-localhost-profile-not-localhost',
    SECCOMP,
    (profile: string) => `Invalid value: ${goQuote(profile)}: can only be set when seccomp type is Localhost`,
  ),
  seccompLocalhostProfilePath: defineRule(
    'security-context/seccomp-localhost-profile-path',
    SECCOMP,
    (profile: string, detail: 'must be a relative path' | "must not contain '..'") => `Invalid value: ${goQuote(profile)}: ${detail}`,
  ),
  appArmorTypeRequired: defineRule('security-context/apparmor-type-required', APPARMOR, () => 'Required value: type is required when appArmorProfile is set'),
  appArmorTypeUnsupported: defineRule(
    'security-context/apparmor-type-unsupported',
    APPARMOR,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
  ),
  appArmorLocalhostProfileRequired: defineRule(
    'security-context/apparmor-localhost-profile-required',
    APPARMOR,
    () => 'Required value: must be set when AppArmor type is Localhost',
  ),
  appArmorLocalhostProfilePadded: defineRule(
    'security-context/apparmor-localhost-profile-padded',
    APPARMOR,
    (profile: string) => `Invalid value: ${goQuote(profile)}: must not be padded with whitespace`,
  ),
  appArmorLocalhostProfileTooLong: defineRule(
    'security-context/apparmor-localhost-profile-too-long',
    APPARMOR,
    () => `Too long: may not be more than ${MAX_APPARMOR_PROFILE_BYTES} bytes`,
  ),
  appArmorLocalhostProfileNotLocalhost: defineRule(
    'security-context/apparmor-localhost-profile-not-localhost',
    APPARMOR,
    (profile: string) => `Invalid value: ${goQuote(profile)}: can only be set when AppArmor type is Localhost`,
  ),
  shareProcessNamespaceWithHostPid: defineRule(
    'security-context/share-process-namespace-with-host-pid',
    SHARE_PID,
    () => 'Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
  ),
  hostNamespaceWithUserNamespace: defineRule(
    'security-context/host-namespace-with-user-namespace',
    REFERENCE.userNamespaces,
    () => 'Forbidden: when `pod.Spec.HostUsers` is false',
  ),
  sysctlNameInvalid: defineRule(
    'security-context/sysctl-name-invalid',
    REFERENCE.sysctls,
    (name: string) => `Invalid value: ${goQuote(name)}: must have at most ${SYSCTL_MAX_LENGTH} characters and match regex ${SYSCTL_PATTERN}`,
  ),
  sysctlNameRequired: defineRule('security-context/sysctl-name-required', REFERENCE.sysctls, () => 'Required value'),
  sysctlDuplicate: defineRule('security-context/sysctl-duplicate', REFERENCE.sysctls, (name: string) => `Duplicate value: ${goQuote(name)}`),
  sysctlHostNamespace: defineRule(
    'security-context/sysctl-host-namespace',
    REFERENCE.sysctls,
    (name: string, hostField: 'hostNetwork' | 'hostIPC') => `Invalid value: ${goQuote(name)}: may not be specified when '${hostField}' is true`,
  ),
  windowsOptionsOnLinuxPod: defineRule(
    'security-context/windows-options-on-linux-pod',
    WINDOWS,
    () => 'Forbidden: windows options cannot be set for a linux pod',
  ),
  forbiddenOnWindowsPod: defineRule('security-context/forbidden-on-windows-pod', WINDOWS, () => 'Forbidden: cannot be set for a windows pod'),
  hostProcessMismatch: defineRule(
    'security-context/host-process-mismatch',
    WINDOWS,
    (value: boolean, podValue: boolean) => `Invalid value: ${value}: pod hostProcess value must be identical if both are specified, was ${podValue}`,
  ),
  hostProcessAllOrNone: defineRule(
    'security-context/host-process-all-or-none',
    WINDOWS,
    () => 'Invalid value: "": If pod contains any hostProcess containers then all containers must be HostProcess containers',
  ),
  hostProcessNeedsHostNetwork: defineRule(
    'security-context/host-process-needs-host-network',
    WINDOWS,
    () => 'Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers',
  ),
  /** The promise of a construct that shares the process namespace: the manifest must still say so. */
  shareProcessNamespaceRequired: defineRule(
    'security-context/share-process-namespace-required',
    SHARE_PID,
    () => 'the pod was declared with a shared process namespace but spec.shareProcessNamespace is not true',
  ),
  /** Ours: the API server accepts `CAP_`-prefixed names, but container runtimes look capabilities up without it. */
  capabilityPrefix: defineRule(
    'security-context/capability-cap-prefix',
    CAPABILITIES,
    (name: string, without: string) =>
      `podkit: ${goQuote(name)}: container runtimes expect capability names without the CAP_ prefix; write ${goQuote(without)}`,
    'warning',
  ),
  /** Ours: the kubelet refuses to start a container that must run as non-root but is told to run as uid 0. */
  runAsNonRootWithRootUser: defineRule(
    'security-context/run-as-non-root-with-root-user',
    CONTAINER,
    (container: string) =>
      `podkit: container ${goQuote(container)} sets runAsNonRoot: true and runAsUser: 0 (after pod-level defaults); the kubelet refuses to start it`,
    'warning',
  ),
  /** Ours: the API server only rejects the spelling CAP_SYS_ADMIN, but SYS_ADMIN makes `allowPrivilegeEscalation` true all the same. */
  sysAdminWithoutEscalation: defineRule(
    'security-context/sys-admin-without-escalation',
    PAGE,
    () =>
      'podkit: allowPrivilegeEscalation: false has no effect on a container that adds SYS_ADMIN (privilege escalation is always allowed with CAP_SYS_ADMIN)',
    'warning',
  ),
};

/** The pod-level fields a container's `securityContext` can also set, and so override. */
const OVERRIDABLE = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seccompProfile', 'appArmorProfile', 'seLinuxOptions'] as const;

/**
 * The security settings a container runs with: each of its own `securityContext` fields, or else the pod's
 * (`DetermineEffectiveSecurityContext`): container settings override the pod's per field, and `windowsOptions`
 * per sub-field. Returns undefined when no container has that name.
 */
export function effectiveSecurityContext(pod: PodLike, containerName: string): SecurityContext | undefined {
  const found = containersOf(pod.spec).find((c) => c.container.name === containerName);
  if (!found) return undefined;
  return mergeSecurityContext(pod.spec.securityContext, found.container.securityContext);
}

/** Merges a pod's security context under a container's; container fields win. */
export function mergeSecurityContext(podContext: PodSecurityContext | undefined, own: SecurityContext | undefined): SecurityContext {
  const out: SecurityContext = { ...own };
  for (const key of OVERRIDABLE) {
    if (out[key] === undefined && podContext?.[key] !== undefined) (out as Record<string, unknown>)[key] = podContext[key];
  }
  const windows: WindowsSecurityContextOptions = { ...podContext?.windowsOptions, ...definedOnly(own?.windowsOptions) };
  if (Object.keys(windows).length > 0) out.windowsOptions = windows;
  return out;
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkId(out: Violation[], value: unknown, path: string): void {
  if (typeof value === 'number' && (value < 0 || value > MAX_ID || !Number.isInteger(value))) {
    out.push(securityContextRules.idOutOfRange.at(path, value));
  }
}

/** `validateLocalDescendingPath`: relative (no leading `/`) and no `..` element. */
function checkLocalPath(out: Violation[], profile: string, path: string): void {
  if (profile.startsWith('/')) out.push(securityContextRules.seccompLocalhostProfilePath.at(path, profile, 'must be a relative path'));
  if (profile.replace(/\\/g, '/').split('/').includes('..'))
    out.push(securityContextRules.seccompLocalhostProfilePath.at(path, profile, "must not contain '..'"));
}

/** Checks a `seccompProfile` (pod or container level) found at `at`. */
export function checkSeccompProfile(profile: SeccompProfile | undefined, at: string): Violation[] {
  const out: Violation[] = [];
  if (!profile || typeof profile !== 'object') return out;
  // a field written `null` is unset, as the API server decodes it (the type is then empty, the profile nil)
  const type = profile.type ?? undefined;
  const localhostProfile = profile.localhostProfile ?? undefined;
  const typePath = fieldPath(at, 'type');
  const profilePath = fieldPath(at, 'localhostProfile');
  if (type === undefined || type === '') out.push(securityContextRules.seccompTypeRequired.at(typePath));
  else if (type === 'Localhost') {
    if (localhostProfile === undefined) out.push(securityContextRules.seccompLocalhostProfileRequired.at(profilePath));
    else checkLocalPath(out, localhostProfile, profilePath);
  } else if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (localhostProfile !== undefined) out.push(securityContextRules.seccompLocalhostProfileNotLocalhost.at(profilePath, localhostProfile));
  } else out.push(securityContextRules.seccompTypeUnsupported.at(typePath, String(type)));
  return out;
}

/** Checks an `appArmorProfile` (pod or container level) found at `at`. */
export function checkAppArmorProfile(profile: AppArmorProfile | undefined, at: string): Violation[] {
  const out: Violation[] = [];
  if (!profile || typeof profile !== 'object') return out;
  const type = profile.type ?? undefined;
  const localhostProfile = profile.localhostProfile ?? undefined;
  const typePath = fieldPath(at, 'type');
  const profilePath = fieldPath(at, 'localhostProfile');
  if (type === undefined || type === '') out.push(securityContextRules.appArmorTypeRequired.at(typePath));
  else if (type === 'Localhost') {
    if (localhostProfile === undefined || localhostProfile === '') out.push(securityContextRules.appArmorLocalhostProfileRequired.at(profilePath));
    else {
      if (localhostProfile.trim() !== localhostProfile) out.push(securityContextRules.appArmorLocalhostProfilePadded.at(profilePath, localhostProfile));
      if (new TextEncoder().encode(localhostProfile).length > MAX_APPARMOR_PROFILE_BYTES)
        out.push(securityContextRules.appArmorLocalhostProfileTooLong.at(profilePath));
    }
  } else if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (localhostProfile !== undefined) out.push(securityContextRules.appArmorLocalhostProfileNotLocalhost.at(profilePath, localhostProfile));
  } else out.push(securityContextRules.appArmorTypeUnsupported.at(typePath, String(type)));
  return out;
}

function checkCapabilityNames(out: Violation[], names: unknown, at: string): void {
  if (!Array.isArray(names)) return;
  names.forEach((name, i) => {
    if (typeof name === 'string' && name.toUpperCase().startsWith('CAP_'))
      out.push(securityContextRules.capabilityPrefix.at(fieldPath(at, i), name, name.slice(4)));
  });
}

function checkContainerContext(out: Violation[], sc: SecurityContext, at: string, hostUsers: boolean): void {
  checkId(out, sc.runAsUser, fieldPath(at, 'runAsUser'));
  checkId(out, sc.runAsGroup, fieldPath(at, 'runAsGroup'));
  const add = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) out.push(securityContextRules.privilegedWithoutEscalation.at(at));
    if (add.includes('CAP_SYS_ADMIN')) out.push(securityContextRules.capSysAdminWithoutEscalation.at(at));
    else if (add.includes('SYS_ADMIN')) out.push(securityContextRules.sysAdminWithoutEscalation.at(fieldPath(at, 'allowPrivilegeEscalation')));
  }
  checkCapabilityNames(out, sc.capabilities?.add, fieldPath(at, 'capabilities', 'add'));
  checkCapabilityNames(out, sc.capabilities?.drop, fieldPath(at, 'capabilities', 'drop'));
  if (sc.procMount !== undefined && sc.procMount !== null) {
    if (sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') out.push(securityContextRules.procMountUnsupported.at(fieldPath(at, 'procMount'), String(sc.procMount)));
    else if (sc.procMount === 'Unmasked' && hostUsers) out.push(securityContextRules.procMountUnmaskedNeedsUserNamespace.at(fieldPath(at, 'procMount')));
  }
  out.push(...checkSeccompProfile(sc.seccompProfile, fieldPath(at, 'seccompProfile')));
  out.push(...checkAppArmorProfile(sc.appArmorProfile, fieldPath(at, 'appArmorProfile')));
}

/** IPC-namespaced sysctls (`kernel.shm*`, `kernel.msg*`, `kernel.sem`, `fs.mqueue.*`), which `hostIPC` shares with the node. */
export function isIpcSysctl(name: string): boolean {
  return name.startsWith('kernel.shm') || name.startsWith('kernel.msg') || name === 'kernel.sem' || name.startsWith('fs.mqueue.');
}

function checkSysctls(out: Violation[], pod: PodLike, at: string): void {
  const sysctls = pod.spec.securityContext?.sysctls;
  if (!Array.isArray(sysctls)) return;
  const seen = new Set<string>();
  // `validateSysctls` (pkg/apis/core/validation/validation.go, v1.31.1 lines 4886-4906): a `null` entry decodes as an
  // empty one; an empty name is required, else an invalid name, else a repeated one (one finding of the three)
  listedObjects(sysctls).forEach((s, i) => {
    if (typeof s !== 'object') return;
    const path = fieldPath(at, i, 'name');
    const name = typeof s.name === 'string' ? s.name : '';
    if (name === '') out.push(securityContextRules.sysctlNameRequired.at(path));
    else if (name.length > SYSCTL_MAX_LENGTH || !SYSCTL_RE.test(name)) out.push(securityContextRules.sysctlNameInvalid.at(path, name));
    else if (seen.has(name)) out.push(securityContextRules.sysctlDuplicate.at(path, name));
    seen.add(name);
    if (pod.spec.hostNetwork === true && name.startsWith('net.')) out.push(securityContextRules.sysctlHostNamespace.at(path, name, 'hostNetwork'));
    if (pod.spec.hostIPC === true && isIpcSysctl(name)) out.push(securityContextRules.sysctlHostNamespace.at(path, name, 'hostIPC'));
  });
}

const WINDOWS_FORBIDDEN_POD_CONTEXT = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'sysctls',
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
  'supplementalGroupsPolicy',
] as const;
const WINDOWS_FORBIDDEN_POD_SPEC = ['hostUsers', 'hostPID', 'hostIPC', 'shareProcessNamespace'] as const;
const WINDOWS_FORBIDDEN_CONTAINER = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
] as const;

/** `spec.os.name` rules: Linux pods take no `windowsOptions`; Windows pods take none of the Linux-only fields. */
function checkOs(out: Violation[], pod: PodLike, base: string): void {
  const os = pod.spec.os?.name;
  const podCtx = pod.spec.securityContext;
  const podCtxPath = fieldPath(base, 'securityContext');
  if (os === 'linux') {
    if (podCtx?.windowsOptions !== undefined) out.push(securityContextRules.windowsOptionsOnLinuxPod.at(fieldPath(podCtxPath, 'windowsOptions')));
    for (const { container, rel } of containersOf(pod.spec)) {
      if (container.securityContext?.windowsOptions !== undefined)
        out.push(securityContextRules.windowsOptionsOnLinuxPod.at(`${base}.${rel}.securityContext.windowsOptions`));
    }
  }
  if (os !== 'windows') return;
  for (const key of WINDOWS_FORBIDDEN_POD_CONTEXT) {
    if (podCtx?.[key] !== undefined) out.push(securityContextRules.forbiddenOnWindowsPod.at(fieldPath(podCtxPath, key)));
  }
  // The internal API keeps these four in the pod security context, so that is where the API server reports them.
  // hostUsers is forbidden when set at all (Windows has no user namespaces); the three flags only when true.
  for (const key of WINDOWS_FORBIDDEN_POD_SPEC) {
    const value = pod.spec[key];
    const set = key === 'hostUsers' ? value !== undefined : value === true;
    if (set) out.push(securityContextRules.forbiddenOnWindowsPod.at(fieldPath(podCtxPath, key)));
  }
  for (const { container, rel } of containersOf(pod.spec)) {
    const sc = container.securityContext;
    if (!sc) continue;
    for (const key of WINDOWS_FORBIDDEN_CONTAINER) {
      if (sc[key] !== undefined) out.push(securityContextRules.forbiddenOnWindowsPod.at(`${base}.${rel}.securityContext.${key}`));
    }
  }
}

/** Windows HostProcess: pod and container values agree, all containers or none, and the pod uses the host network. */
function checkHostProcess(out: Violation[], pod: PodLike, base: string): void {
  const podValue = pod.spec.securityContext?.windowsOptions?.hostProcess;
  let any = podValue === true;
  let all = true;
  for (const { container, rel, list } of containersOf(pod.spec)) {
    if (list === 'ephemeralContainers') continue;
    const own = container.securityContext?.windowsOptions?.hostProcess;
    if (own !== undefined && podValue !== undefined && own !== podValue)
      out.push(securityContextRules.hostProcessMismatch.at(`${base}.${rel}.securityContext.windowsOptions.hostProcess`, own, podValue));
    const effective = own ?? podValue ?? false;
    if (effective) any = true;
    else all = false;
  }
  if (!any) return;
  if (!all) out.push(securityContextRules.hostProcessAllOrNone.at(base));
  if (pod.spec.hostNetwork !== true) out.push(securityContextRules.hostProcessNeedsHostNetwork.at(fieldPath(base, 'hostNetwork')));
}

/** Every security-context rule over one pod spec at `base`. */
export function checkSecurityContext(pod: PodLike, base = 'spec'): Violation[] {
  const out: Violation[] = [];
  const spec = pod.spec;
  const podCtx = spec.securityContext;
  const podCtxPath = fieldPath(base, 'securityContext');
  // hostUsers defaults to true when unset: only an explicit false gives the pod a user namespace.
  const hostUsers = spec.hostUsers !== false;
  if (podCtx && typeof podCtx === 'object') {
    checkId(out, podCtx.runAsUser, fieldPath(podCtxPath, 'runAsUser'));
    checkId(out, podCtx.runAsGroup, fieldPath(podCtxPath, 'runAsGroup'));
    checkId(out, podCtx.fsGroup, fieldPath(podCtxPath, 'fsGroup'));
    if (Array.isArray(podCtx.supplementalGroups)) podCtx.supplementalGroups.forEach((g, i) => checkId(out, g, fieldPath(podCtxPath, 'supplementalGroups', i)));
    out.push(...checkSeccompProfile(podCtx.seccompProfile, fieldPath(podCtxPath, 'seccompProfile')));
    out.push(...checkAppArmorProfile(podCtx.appArmorProfile, fieldPath(podCtxPath, 'appArmorProfile')));
    checkSysctls(out, pod, fieldPath(podCtxPath, 'sysctls'));
  }
  if (spec.shareProcessNamespace === true && spec.hostPID === true)
    out.push(securityContextRules.shareProcessNamespaceWithHostPid.at(fieldPath(podCtxPath, 'shareProcessNamespace')));
  if (spec.hostUsers === false) {
    // v1.31 prints these paths with the Go field names for two of the three.
    if (spec.hostNetwork === true) out.push(securityContextRules.hostNamespaceWithUserNamespace.at(fieldPath(base, 'hostNetwork')));
    if (spec.hostPID === true) out.push(securityContextRules.hostNamespaceWithUserNamespace.at(fieldPath(base, 'HostPID')));
    if (spec.hostIPC === true) out.push(securityContextRules.hostNamespaceWithUserNamespace.at(fieldPath(base, 'HostIPC')));
  }
  for (const { container, rel } of containersOf(spec)) {
    const at = `${base}.${rel}.securityContext`;
    const sc = container.securityContext;
    if (sc && typeof sc === 'object') checkContainerContext(out, sc, at, hostUsers);
    const effective = mergeSecurityContext(podCtx, sc);
    if (effective.runAsNonRoot === true && effective.runAsUser === 0) {
      const userPath = sc?.runAsUser === 0 ? `${at}.runAsUser` : fieldPath(podCtxPath, 'runAsUser');
      out.push(securityContextRules.runAsNonRootWithRootUser.at(userPath, container.name));
    }
  }
  checkOs(out, pod, base);
  checkHostProcess(out, pod, base);
  return out;
}

/** Checks the promise of a shared-process-namespace pod: `shareProcessNamespace: true` (and so no `hostPID`, see above). */
export function checkSharedProcessNamespace(pod: PodLike, base = 'spec'): Violation[] {
  return pod.spec.shareProcessNamespace === true ? [] : [securityContextRules.shareProcessNamespaceRequired.at(fieldPath(base, 'shareProcessNamespace'))];
}
