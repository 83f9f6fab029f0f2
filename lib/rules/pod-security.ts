/**
 * The Pod Security Standards, check by check, as the Pod Security Admission controller evaluates them at
 * version `latest`.
 *
 * "Pod Security Standardsでは、セキュリティの範囲を幅広くカバーする3つのポリシーを定義しています。" Baseline prevents
 * known privilege escalations; Restricted follows current hardening best practice. Each check here is the
 * upstream check of the same id (kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy),
 * with its forbidden reason and detail, and restricted-level checks replace the baseline checks they
 * override (seccomp, capabilities, hostPath volumes, procMount), as the admission controller does.
 * https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/
 */
import { REFERENCE } from '../docs';
import { containersOf, type Container, type LifecycleHandler, type PodLike, type Probe } from '../k8s';
import { defineRule, type Violation } from '../violation';

/** The two enforcing levels (`privileged` allows everything). */
export type PodSecurityLevel = 'baseline' | 'restricted';

/** Options of the admission controller that change what a check allows. */
export interface PodSecurityOptions {
  /**
   * The cluster opted in to relaxing runAsNonRoot, runAsUser and (baseline) procMount for pods with `hostUsers: false`
   * (`RelaxPolicyForUserNamespacePods`); only safe when every node supports user namespaces.
   * @default false
   */
  readonly relaxPolicyForUserNamespacePods?: boolean;
}

const BASELINE = `${REFERENCE.podSecurityStandards}#baseline`;
const RESTRICTED = `${REFERENCE.podSecurityStandards}#restricted`;

/** What one admission check reports when it forbids the pod: `ForbiddenReason` and `ForbiddenDetail`. */
export interface CheckResult {
  readonly reason: string;
  readonly detail: string;
}

const message = (level: PodSecurityLevel, r: CheckResult) => `violates PodSecurity "${level}:latest": ${r.reason} (${r.detail})`;

export const podSecurityRules = {
  windowsHostProcess: defineRule('pod-security/windows-host-process', BASELINE, message),
  hostNamespaces: defineRule('pod-security/host-namespaces', BASELINE, message),
  privileged: defineRule('pod-security/privileged', BASELINE, message),
  capabilitiesBaseline: defineRule('pod-security/capabilities-baseline', BASELINE, message),
  hostPathVolumes: defineRule('pod-security/host-path-volumes', BASELINE, message),
  hostPorts: defineRule('pod-security/host-ports', BASELINE, message),
  hostProbesAndHostLifecycle: defineRule('pod-security/host-probes-and-host-lifecycle', BASELINE, message),
  appArmorProfile: defineRule('pod-security/apparmor-profile', BASELINE, message),
  seLinuxOptions: defineRule('pod-security/selinux-options', BASELINE, message),
  procMountBaseline: defineRule('pod-security/proc-mount-baseline', BASELINE, message),
  seccompProfileBaseline: defineRule('pod-security/seccomp-profile-baseline', BASELINE, message),
  sysctls: defineRule('pod-security/sysctls', BASELINE, message),
  restrictedVolumes: defineRule('pod-security/restricted-volumes', RESTRICTED, message),
  allowPrivilegeEscalation: defineRule('pod-security/allow-privilege-escalation', RESTRICTED, message),
  runAsNonRoot: defineRule('pod-security/run-as-non-root', RESTRICTED, message),
  runAsUser: defineRule('pod-security/run-as-user', RESTRICTED, message),
  seccompProfileRestricted: defineRule('pod-security/seccomp-profile-restricted', RESTRICTED, message),
  capabilitiesRestricted: defineRule('pod-security/capabilities-restricted', RESTRICTED, message),
  procMountRestricted: defineRule('pod-security/proc-mount-restricted', RESTRICTED, message),
};

type CheckKey = keyof typeof podSecurityRules;

/** The upstream check id of each rule, as `kubectl` warnings and audit annotations name it. */
export const POD_SECURITY_CHECK_IDS = {
  windowsHostProcess: 'windowsHostProcess',
  hostNamespaces: 'hostNamespaces',
  privileged: 'privileged',
  capabilitiesBaseline: 'capabilities_baseline',
  hostPathVolumes: 'hostPathVolumes',
  hostPorts: 'hostPorts',
  hostProbesAndHostLifecycle: 'hostProbesAndHostLifecycle',
  appArmorProfile: 'appArmorProfile',
  seLinuxOptions: 'seLinuxOptions',
  procMountBaseline: 'procMount_baseline',
  seccompProfileBaseline: 'seccompProfile_baseline',
  sysctls: 'sysctls',
  restrictedVolumes: 'restrictedVolumes',
  allowPrivilegeEscalation: 'allowPrivilegeEscalation',
  runAsNonRoot: 'runAsNonRoot',
  runAsUser: 'runAsUser',
  seccompProfileRestricted: 'seccompProfile_restricted',
  capabilitiesRestricted: 'capabilities_restricted',
  procMountRestricted: 'procMount_restricted',
} as const satisfies Record<CheckKey, string>;

/** Capabilities a baseline container may add: the container runtimes' default set. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The "safe" sysctls of the latest baseline policy (1.0, plus those added in 1.27, 1.29 and 1.32). */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem',
]);

const SELINUX_TYPES: ReadonlySet<string> = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
/** Volume sources a restricted pod may use: core types and those backed by PersistentVolumes. */
const RESTRICTED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'] as const;

const plural = (one: string, many: string, n: number) => (n === 1 ? one : many);
const joinQuote = (items: readonly string[]) => (items.length === 0 ? '' : `"${items.join('", "')}"`);
const sorted = (s: Iterable<string>) => [...new Set(s)].sort();
const containersPhrase = (names: readonly string[]) => `${plural('container', 'containers', names.length)} ${joinQuote(names)}`;

/** Containers the admission controller visits: init, regular and ephemeral. */
function visit(pod: PodLike): Container[] {
  return containersOf(pod.spec).map((c) => c.container);
}

const isWindows = (pod: PodLike) => pod.spec.os?.name === 'windows';
const userNamespaced = (pod: PodLike, o: PodSecurityOptions) => o.relaxPolicyForUserNamespacePods === true && pod.spec.hostUsers === false;

/** Joins the "pod" setter and the bad containers the way the upstream checks do. */
function setters(podBad: boolean, containers: readonly string[]): string {
  const out = podBad ? ['pod'] : [];
  if (containers.length > 0) out.push(containersPhrase(containers));
  return out.join(' and ');
}

type Check = (pod: PodLike, options: PodSecurityOptions) => CheckResult | undefined;

const checks: Record<CheckKey, Check> = {
  windowsHostProcess: (pod) => {
    const bad = visit(pod).filter((c) => c.securityContext?.windowsOptions?.hostProcess === true).map((c) => c.name);
    const podBad = pod.spec.securityContext?.windowsOptions?.hostProcess === true;
    if (!podBad && bad.length === 0) return undefined;
    return { reason: 'hostProcess', detail: `${setters(podBad, bad)} must not set securityContext.windowsOptions.hostProcess=true` };
  },
  hostNamespaces: (pod) => {
    const used = (['hostIPC', 'hostNetwork', 'hostPID'] as const).filter((k) => pod.spec[k] === true);
    return used.length > 0 ? { reason: 'host namespaces', detail: used.join(', ') } : undefined;
  },
  privileged: (pod) => {
    const bad = visit(pod).filter((c) => c.securityContext?.privileged === true).map((c) => c.name);
    return bad.length > 0 ? { reason: 'privileged', detail: `${containersPhrase(bad)} must not set securityContext.privileged=true` } : undefined;
  },
  capabilitiesBaseline: (pod) => {
    const bad: string[] = [];
    const caps: string[] = [];
    for (const c of visit(pod)) {
      const extra = (c.securityContext?.capabilities?.add ?? []).filter((cap) => !BASELINE_CAPABILITIES.has(cap));
      if (extra.length > 0) {
        bad.push(c.name);
        caps.push(...extra);
      }
    }
    if (bad.length === 0) return undefined;
    return { reason: 'non-default capabilities', detail: `${containersPhrase(bad)} must not include ${joinQuote(sorted(caps))} in securityContext.capabilities.add` };
  },
  hostPathVolumes: (pod) => {
    const names = (pod.spec.volumes ?? []).filter((v) => v.hostPath !== undefined && v.hostPath !== null).map((v) => v.name);
    return names.length > 0 ? { reason: 'hostPath volumes', detail: `${plural('volume', 'volumes', names.length)} ${joinQuote(names)}` } : undefined;
  },
  hostPorts: (pod) => {
    const bad: string[] = [];
    const ports: string[] = [];
    for (const c of visit(pod)) {
      const used = (c.ports ?? []).filter((p) => typeof p.hostPort === 'number' && p.hostPort !== 0).map((p) => String(p.hostPort));
      if (used.length > 0) {
        bad.push(c.name);
        ports.push(...used);
      }
    }
    if (bad.length === 0) return undefined;
    const list = sorted(ports);
    return {
      reason: 'hostPort',
      detail: `${containersPhrase(bad)} ${plural('uses', 'use', bad.length)} ${plural('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
    };
  },
  hostProbesAndHostLifecycle: (pod) => {
    const bad = new Set<string>();
    const hosts: string[] = [];
    const note = (name: string, h: Probe | LifecycleHandler | undefined) => {
      for (const host of [h?.httpGet?.host, h?.tcpSocket?.host]) {
        if (typeof host === 'string' && host !== '') {
          bad.add(name);
          hosts.push(host);
        }
      }
    };
    for (const c of visit(pod)) {
      note(c.name, c.livenessProbe);
      note(c.name, c.readinessProbe);
      note(c.name, c.startupProbe);
      note(c.name, c.lifecycle?.postStart);
      note(c.name, c.lifecycle?.preStop);
    }
    if (bad.size === 0) return undefined;
    const list = sorted(hosts);
    const names = sorted(bad);
    return {
      reason: 'probe or lifecycle host',
      detail: `${containersPhrase(names)} ${plural('uses', 'use', names.length)} ${plural('probe or lifecycle host', 'probe or lifecycle hosts', list.length)} ${joinQuote(list)}`,
    };
  },
  appArmorProfile: (pod) => {
    const allowed = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
    const values: string[] = [];
    const podType = pod.spec.securityContext?.appArmorProfile?.type;
    const podBad = pod.spec.securityContext?.appArmorProfile !== undefined && !allowed(podType);
    if (podBad) values.push(String(podType));
    const bad: string[] = [];
    for (const c of visit(pod)) {
      const p = c.securityContext?.appArmorProfile;
      if (p !== undefined && !allowed(p.type)) {
        bad.push(c.name);
        values.push(String(p.type));
      }
    }
    const parts = setters(podBad, bad) ? [setters(podBad, bad)] : [];
    const list = sorted(values);
    const annotations = Object.entries(pod.metadata?.annotations ?? {})
      .filter(([k, v]) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') && !(v === '' || v === 'runtime/default' || v.startsWith('localhost/')))
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .sort();
    if (annotations.length > 0) {
      list.push(...annotations);
      parts.push(plural('annotation', 'annotations', annotations.length));
    }
    if (parts.length === 0) return undefined;
    return {
      reason: plural('forbidden AppArmor profile', 'forbidden AppArmor profiles', list.length),
      detail: `${parts.join(' and ')} must not set AppArmor profile type to ${joinQuote(list)}`,
    };
  },
  seLinuxOptions: (pod) => {
    const types: string[] = [];
    let user = false;
    let role = false;
    const valid = (o: { type?: string; user?: string; role?: string }) => {
      let ok = true;
      if (!SELINUX_TYPES.has(o.type ?? '')) {
        ok = false;
        types.push(o.type ?? '');
      }
      if (o.user) {
        ok = false;
        user = true;
      }
      if (o.role) {
        ok = false;
        role = true;
      }
      return ok;
    };
    const podOpts = pod.spec.securityContext?.seLinuxOptions;
    const podBad = podOpts !== undefined && !valid(podOpts);
    const bad = visit(pod).filter((c) => c.securityContext?.seLinuxOptions !== undefined && !valid(c.securityContext.seLinuxOptions)).map((c) => c.name);
    if (!podBad && bad.length === 0) return undefined;
    const data: string[] = [];
    const list = sorted(types);
    if (list.length > 0) data.push(`${plural('type', 'types', list.length)} ${joinQuote(list)}`);
    if (user) data.push('user may not be set');
    if (role) data.push('role may not be set');
    return { reason: 'seLinuxOptions', detail: `${setters(podBad, bad)} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}` };
  },
  procMountBaseline: (pod, o) => (userNamespaced(pod, o) ? undefined : procMount(pod)),
  seccompProfileBaseline: (pod) => seccomp(pod, false),
  sysctls: (pod) => {
    const bad = (pod.spec.securityContext?.sysctls ?? []).map((s) => s.name).filter((n) => !SAFE_SYSCTLS.has(n));
    return bad.length > 0 ? { reason: 'forbidden sysctls', detail: bad.join(', ') } : undefined;
  },
  restrictedVolumes: (pod) => {
    const names = (pod.spec.volumes ?? []).filter((v) => !RESTRICTED_VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)).map((v) => v.name);
    if (names.length === 0) return undefined;
    return { reason: 'restricted volume types', detail: `volumes [${sorted(names).map((n) => JSON.stringify(n)).join(' ')}] have restricted types` };
  },
  allowPrivilegeEscalation: (pod) => {
    if (isWindows(pod)) return undefined;
    const bad = visit(pod).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => c.name);
    return bad.length > 0
      ? { reason: 'allowPrivilegeEscalation != false', detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false` }
      : undefined;
  },
  runAsNonRoot: (pod, o) => {
    if (userNamespaced(pod, o)) return undefined;
    const podValue = pod.spec.securityContext?.runAsNonRoot;
    const podBad = podValue === false;
    const explicit: string[] = [];
    const implicit: string[] = [];
    for (const c of visit(pod)) {
      const own = c.securityContext?.runAsNonRoot;
      if (own === false) explicit.push(c.name);
      else if (own === undefined && podValue !== true) implicit.push(c.name);
    }
    if (podBad || explicit.length > 0)
      return { reason: 'runAsNonRoot != true', detail: `${setters(podBad, explicit)} must not set securityContext.runAsNonRoot=false` };
    if (implicit.length > 0) return { reason: 'runAsNonRoot != true', detail: `pod or ${containersPhrase(implicit)} must set securityContext.runAsNonRoot=true` };
    return undefined;
  },
  runAsUser: (pod, o) => {
    if (userNamespaced(pod, o)) return undefined;
    const podBad = pod.spec.securityContext?.runAsUser === 0;
    const bad = visit(pod).filter((c) => c.securityContext?.runAsUser === 0).map((c) => c.name);
    return podBad || bad.length > 0 ? { reason: 'runAsUser=0', detail: `${setters(podBad, bad)} must not set runAsUser=0` } : undefined;
  },
  seccompProfileRestricted: (pod) => (isWindows(pod) ? undefined : seccomp(pod, true)),
  capabilitiesRestricted: (pod) => {
    if (isWindows(pod)) return undefined;
    const missingDrop: string[] = [];
    const adding: string[] = [];
    const caps: string[] = [];
    for (const c of visit(pod)) {
      const capabilities = c.securityContext?.capabilities;
      if (!capabilities) {
        missingDrop.push(c.name);
        continue;
      }
      if (!(capabilities.drop ?? []).includes('ALL')) missingDrop.push(c.name);
      const extra = (capabilities.add ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE');
      if (extra.length > 0) {
        adding.push(c.name);
        caps.push(...extra);
      }
    }
    const details: string[] = [];
    if (missingDrop.length > 0) details.push(`${containersPhrase(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
    if (adding.length > 0) details.push(`${containersPhrase(adding)} must not include ${joinQuote(sorted(caps))} in securityContext.capabilities.add`);
    return details.length > 0 ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : undefined;
  },
  procMountRestricted: (pod) => procMount(pod),
};

function procMount(pod: PodLike): CheckResult | undefined {
  const bad: string[] = [];
  const types: string[] = [];
  for (const c of visit(pod)) {
    const p = c.securityContext?.procMount;
    if (p !== undefined && p !== 'Default') {
      bad.push(c.name);
      types.push(p);
    }
  }
  if (bad.length === 0) return undefined;
  return { reason: 'procMount', detail: `${containersPhrase(bad)} must not set securityContext.procMount to ${joinQuote(sorted(types))}` };
}

/** `seccompProfile_baseline` (only RuntimeDefault or Localhost when set) and `_restricted` (must be set, pod or every container). */
function seccomp(pod: PodLike, required: boolean): CheckResult | undefined {
  const valid = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
  const values: string[] = [];
  const podProfile = pod.spec.securityContext?.seccompProfile;
  const podBad = podProfile !== undefined && !valid(podProfile.type);
  if (podBad) values.push(String(podProfile.type));
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of visit(pod)) {
    const p = c.securityContext?.seccompProfile;
    if (p !== undefined) {
      if (!valid(p.type)) {
        explicit.push(c.name);
        values.push(String(p.type));
      }
    } else if (required && !(podProfile !== undefined && !podBad)) implicit.push(c.name);
  }
  if (podBad || explicit.length > 0)
    return { reason: 'seccompProfile', detail: `${setters(podBad, explicit)} must not set securityContext.seccompProfile.type to ${joinQuote(sorted(values))}` };
  if (implicit.length > 0)
    return { reason: 'seccompProfile', detail: `pod or ${containersPhrase(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` };
  return undefined;
}

const BASELINE_CHECKS: readonly CheckKey[] = [
  'windowsHostProcess', 'hostNamespaces', 'privileged', 'capabilitiesBaseline', 'hostPathVolumes', 'hostPorts', 'hostProbesAndHostLifecycle',
  'appArmorProfile', 'seLinuxOptions', 'procMountBaseline', 'seccompProfileBaseline', 'sysctls',
];
const RESTRICTED_CHECKS: readonly CheckKey[] = [
  'restrictedVolumes', 'allowPrivilegeEscalation', 'runAsNonRoot', 'runAsUser', 'seccompProfileRestricted', 'capabilitiesRestricted', 'procMountRestricted',
];
/** Baseline checks a restricted check replaces (`OverrideCheckIDs` upstream). */
const OVERRIDDEN_AT_RESTRICTED: ReadonlySet<CheckKey> = new Set(['capabilitiesBaseline', 'hostPathVolumes', 'procMountBaseline', 'seccompProfileBaseline']);

/** The checks that run at a level, in the order their violations are listed. */
export function podSecurityChecks(level: PodSecurityLevel): readonly CheckKey[] {
  if (level === 'baseline') return BASELINE_CHECKS;
  return [...BASELINE_CHECKS.filter((k) => !OVERRIDDEN_AT_RESTRICTED.has(k)), ...RESTRICTED_CHECKS];
}

/**
 * Every Pod Security Standards check the pod fails at `level`; one violation per failed check, at the pod
 * spec's path, naming the check and giving the admission controller's reason and detail.
 */
export function checkPodSecurity(pod: PodLike, level: PodSecurityLevel, base = 'spec', options: PodSecurityOptions = {}): Violation[] {
  const out: Violation[] = [];
  for (const key of podSecurityChecks(level)) {
    const result = checks[key](pod, options);
    if (result) out.push(podSecurityRules[key].at(base, level, result));
  }
  return out;
}

/** The strictest level the pod satisfies: `restricted`, `baseline` or `privileged`. */
export function podSecurityLevelOf(pod: PodLike, options: PodSecurityOptions = {}): PodSecurityLevel | 'privileged' {
  if (checkPodSecurity(pod, 'restricted', 'spec', options).length === 0) return 'restricted';
  if (checkPodSecurity(pod, 'baseline', 'spec', options).length === 0) return 'baseline';
  return 'privileged';
}
