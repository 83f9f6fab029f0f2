/**
 * The checks of the Pod Security Standards, each with the policy versions it has, as pod-security-admission
 * defines them (kubernetes/pod-security-admission, policy/check_*.go): same ids, same minimum versions, same
 * forbidden reason and detail, same overrides of baseline checks by restricted ones.
 *
 * "Pod Security Standardsでは、セキュリティの範囲を幅広くカバーする3つのポリシーを定義しています。"
 * https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/
 */
import { mapKey, type MapKey } from '../path';
import type { EnforcingPodSecurityLevel } from './policy';
import { fieldsOf, listOf, stringOf, type ContainerView, type Fields, type PodView } from './pod-view';

/** The upstream check ids, as `kubectl` warnings and audit annotations name the checks. */
export const PSA_CHECK_IDS = [
  'allowPrivilegeEscalation', 'appArmorProfile', 'capabilities_baseline', 'capabilities_restricted', 'hostNamespaces', 'hostPathVolumes',
  'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'procMount', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot',
  'runAsUser', 'seLinuxOptions', 'seccompProfile_baseline', 'seccompProfile_restricted', 'sysctls', 'windowsHostProcess',
] as const;
export type PodSecurityCheckId = (typeof PSA_CHECK_IDS)[number];

/** What one check reports when it forbids the pod: upstream's `ForbiddenReason` and `ForbiddenDetail`. */
export interface CheckResult {
  readonly reason: string;
  readonly detail: string;
}

/**
 * A forbidding result and the first field that caused it, in the pod spec or in the pod's metadata: field names,
 * list indices and map keys (an annotation's key, printed `annotations[key]`), the parts of a `fieldPath`.
 */
export interface Forbidden extends CheckResult {
  readonly in: 'spec' | 'metadata';
  readonly path: readonly (string | number | MapKey)[];
}

type CheckPod = (pod: PodView) => Forbidden | undefined;

/** One definition of a check, used from `minimumMinor` until the check's next definition. */
export interface VersionedCheck {
  /** The Kubernetes minor version (`1.<minor>`) this definition starts at. */
  readonly minimumMinor: number;
  readonly checkPod: CheckPod;
  /** Baseline checks this restricted check replaces while it applies. */
  readonly overrides?: readonly PodSecurityCheckId[];
}

/** A check: its id, level and definitions by version. */
export interface PodSecurityCheck {
  readonly id: PodSecurityCheckId;
  readonly level: EnforcingPodSecurityLevel;
  readonly versions: readonly VersionedCheck[];
}

const plural = (one: string, many: string, n: number) => (n === 1 ? one : many);
const joinQuote = (items: readonly string[]) => (items.length === 0 ? '' : `"${items.join('", "')}"`);
const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** `sets.NewString(...).List()`: unique and sorted. */
const setList = (items: Iterable<string>) => [...new Set(items)].sort(byBytes);
const containersPhrase = (names: readonly string[]) => `${plural('container', 'containers', names.length)} ${joinQuote(names)}`;
const spec = (...path: (string | number)[]): Forbidden['path'] => path;
const forbid = (reason: string, detail: string, path: Forbidden['path'], where: Forbidden['in'] = 'spec'): Forbidden => ({ reason, detail, path, in: where });
const sc = (c: ContainerView, ...rest: (string | number)[]) => [...c.at, 'securityContext', ...rest];
const field = (x: Fields | undefined, key: string) => fieldsOf(x?.[key]);
const present = (x: unknown) => x !== undefined && x !== null;

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const ESCAPES: Readonly<Record<string, string>> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** Go's `%q` (strconv.Quote): printable characters as they are, the others escaped. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** `pod`, then the containers, joined with " and ", as the checks that accept either setter write it. */
function setters(pod: boolean, containers: readonly ContainerView[], ...more: string[]): string {
  const out = pod ? ['pod'] : [];
  if (containers.length > 0) out.push(containersPhrase(containers.map((c) => c.name)));
  return [...out, ...more].join(' and ');
}

const windowsExempt = (check: CheckPod): CheckPod => (pod) => (pod.windows ? undefined : check(pod));
const userNamespaceRelaxed = (check: CheckPod): CheckPod => (pod) => (pod.userNamespace ? undefined : check(pod));

// windowsHostProcess, 1.0+
const windowsHostProcess: CheckPod = (pod) => {
  const bad = pod.containers.filter((c) => field(c.securityContext, 'windowsOptions')?.hostProcess === true);
  const podBad = field(pod.securityContext, 'windowsOptions')?.hostProcess === true;
  if (!podBad && bad.length === 0) return undefined;
  const rest = ['windowsOptions', 'hostProcess'];
  return forbid('hostProcess', `${setters(podBad, bad)} must not set securityContext.windowsOptions.hostProcess=true`, podBad ? spec('securityContext', ...rest) : sc(bad[0]!, ...rest));
};

// hostNamespaces, 1.0+
const hostNamespaces: CheckPod = (pod) => {
  const used = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((k) => pod.spec[k] === true);
  return used.length > 0 ? forbid('host namespaces', used.map((k) => `${k}=true`).join(', '), spec(used[0]!)) : undefined;
};

// privileged, 1.0+
const privileged: CheckPod = (pod) => {
  const bad = pod.containers.filter((c) => c.securityContext?.privileged === true);
  return bad.length > 0 ? forbid('privileged', `${setters(false, bad)} must not set securityContext.privileged=true`, sc(bad[0]!, 'privileged')) : undefined;
};

const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

// capabilities_baseline, 1.0+
const capabilitiesBaseline: CheckPod = (pod) => {
  const bad: ContainerView[] = [];
  const caps: string[] = [];
  let first: Forbidden['path'] | undefined;
  for (const c of pod.containers) {
    const add = listOf(field(c.securityContext, 'capabilities')?.add);
    let valid = true;
    add.forEach((cap, j) => {
      if (BASELINE_CAPABILITIES.has(stringOf(cap))) return;
      valid = false;
      caps.push(stringOf(cap));
      first ??= sc(c, 'capabilities', 'add', j);
    });
    if (!valid) bad.push(c);
  }
  if (bad.length === 0) return undefined;
  return forbid('non-default capabilities', `${setters(false, bad)} must not include ${joinQuote(setList(caps))} in securityContext.capabilities.add`, first!);
};

// hostPathVolumes, 1.0+
const hostPathVolumes: CheckPod = (pod) => {
  const bad = pod.volumes.filter((v) => v.sources.includes('hostPath'));
  if (bad.length === 0) return undefined;
  return forbid('hostPath volumes', `${plural('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))}`, spec('volumes', bad[0]!.index, 'hostPath'));
};

// hostPorts, 1.0+
const hostPorts: CheckPod = (pod) => {
  const bad: ContainerView[] = [];
  const ports: string[] = [];
  let first: Forbidden['path'] | undefined;
  for (const c of pod.containers) {
    let valid = true;
    listOf(c.fields.ports).forEach((p, j) => {
      const hostPort = fieldsOf(p)?.hostPort;
      if (typeof hostPort !== 'number' || hostPort === 0) return;
      valid = false;
      ports.push(String(Math.trunc(hostPort)));
      first ??= [...c.at, 'ports', j, 'hostPort'];
    });
    if (!valid) bad.push(c);
  }
  if (bad.length === 0) return undefined;
  const list = setList(ports);
  return forbid(
    'hostPort',
    `${setters(false, bad)} ${plural('uses', 'use', bad.length)} ${plural('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
    first!,
  );
};

// hostProbesAndHostLifecycle, 1.34+
const hostProbesAndHostLifecycle: CheckPod = (pod) => {
  const bad = new Set<string>();
  const hosts: string[] = [];
  let first: Forbidden['path'] | undefined;
  for (const c of pod.containers) {
    const handlers: [Fields | undefined, string[]][] = [
      [fieldsOf(c.fields.livenessProbe), ['livenessProbe']],
      [fieldsOf(c.fields.readinessProbe), ['readinessProbe']],
      [fieldsOf(c.fields.startupProbe), ['startupProbe']],
      [field(fieldsOf(c.fields.lifecycle), 'postStart'), ['lifecycle', 'postStart']],
      [field(fieldsOf(c.fields.lifecycle), 'preStop'), ['lifecycle', 'preStop']],
    ];
    for (const [handler, at] of handlers) {
      for (const action of ['httpGet', 'tcpSocket']) {
        const host = stringOf(field(handler, action)?.host);
        if (host === '') continue;
        bad.add(c.name);
        hosts.push(host);
        first ??= [...c.at, ...at, action, 'host'];
      }
    }
  }
  if (bad.size === 0) return undefined;
  const names = setList(bad);
  const list = setList(hosts);
  return forbid(
    'probe or lifecycle host',
    `${containersPhrase(names)} ${plural('uses', 'use', names.length)} ${plural('probe or lifecycle host', 'probe or lifecycle hosts', list.length)} ${joinQuote(list)}`,
    first!,
  );
};

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const allowedAppArmorType = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';
const allowedAppArmorAnnotation = (v: string) => v === '' || v === 'runtime/default' || v.startsWith('localhost/');

// appArmorProfile, 1.0+
const appArmorProfile: CheckPod = (pod) => {
  const values: string[] = [];
  let first: Forbidden | undefined;
  const podProfile = field(pod.securityContext, 'appArmorProfile');
  const podBad = podProfile !== undefined && !allowedAppArmorType(stringOf(podProfile.type));
  if (podBad) {
    values.push(stringOf(podProfile.type));
    first = forbid('', '', spec('securityContext', 'appArmorProfile', 'type'));
  }
  const bad = pod.containers.filter((c) => {
    const p = field(c.securityContext, 'appArmorProfile');
    if (p === undefined || allowedAppArmorType(stringOf(p.type))) return false;
    values.push(stringOf(p.type));
    first ??= forbid('', '', sc(c, 'appArmorProfile', 'type'));
    return true;
  });
  const annotations = [...pod.annotations]
    .filter(([k, v]) => k.startsWith(APPARMOR_ANNOTATION) && !allowedAppArmorAnnotation(v))
    .map(([k, v]) => ({ key: k, text: `${k}=${goQuote(v)}` }))
    .sort((a, b) => byBytes(a.text, b.text));
  if (annotations.length > 0) first ??= forbid('', '', ['annotations', mapKey(annotations[0]!.key)], 'metadata');
  if (!first) return undefined;
  const list = [...setList(values), ...annotations.map((a) => a.text)];
  const more = annotations.length > 0 ? [plural('annotation', 'annotations', annotations.length)] : [];
  return {
    ...first,
    reason: plural('forbidden AppArmor profile', 'forbidden AppArmor profiles', list.length),
    detail: `${setters(podBad, bad, ...more)} must not set AppArmor profile type to ${joinQuote(list)}`,
  };
};

const SELINUX_TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const SELINUX_TYPES_1_31 = [...SELINUX_TYPES_1_0, 'container_engine_t'];

// seLinuxOptions, 1.0+ (container_engine_t allowed from 1.31)
const seLinuxOptions = (allowed: ReadonlySet<string>): CheckPod => (pod) => {
  const types: string[] = [];
  let user = false;
  let role = false;
  let first: Forbidden['path'] | undefined;
  const valid = (o: Fields, at: (string | number)[]) => {
    const bad: string[] = [];
    if (!allowed.has(stringOf(o.type))) {
      types.push(stringOf(o.type));
      bad.push('type');
    }
    if (stringOf(o.user) !== '') {
      user = true;
      bad.push('user');
    }
    if (stringOf(o.role) !== '') {
      role = true;
      bad.push('role');
    }
    if (bad.length > 0) first ??= [...at, bad[0]!];
    return bad.length === 0;
  };
  const podOptions = field(pod.securityContext, 'seLinuxOptions');
  const podBad = podOptions !== undefined && !valid(podOptions, ['securityContext', 'seLinuxOptions']);
  const bad = pod.containers.filter((c) => {
    const o = field(c.securityContext, 'seLinuxOptions');
    return o !== undefined && !valid(o, sc(c, 'seLinuxOptions'));
  });
  if (!podBad && bad.length === 0) return undefined;
  const data: string[] = [];
  const list = setList(types);
  if (list.length > 0) data.push(`${plural('type', 'types', list.length)} ${joinQuote(list)}`);
  if (user) data.push('user may not be set');
  if (role) data.push('role may not be set');
  return forbid('seLinuxOptions', `${setters(podBad, bad)} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`, first!);
};

// procMount, 1.0+; procMount_restricted, 1.35+
const procMount: CheckPod = (pod) => {
  const types: string[] = [];
  const bad = pod.containers.filter((c) => {
    const p = c.securityContext?.procMount;
    if (!present(p) || p === 'Default') return false;
    types.push(stringOf(p));
    return true;
  });
  if (bad.length === 0) return undefined;
  return forbid('procMount', `${setters(false, bad)} must not set securityContext.procMount to ${joinQuote(setList(types))}`, sc(bad[0]!, 'procMount'));
};

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const validSeccompAnnotation = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
const validSeccompType = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';

// seccompProfile_baseline, 1.0 to 1.18: the alpha annotations
const seccompAnnotations: CheckPod = (pod) => {
  const forbidden = new Map<string, string>();
  const note = (key: string) => {
    const value = pod.annotations.get(key);
    if (value !== undefined && !validSeccompAnnotation(value)) forbidden.set(`${key}=${goQuote(value)}`, key);
  };
  note(SECCOMP_POD_ANNOTATION);
  for (const c of pod.containers) note(SECCOMP_CONTAINER_ANNOTATION + c.name);
  if (forbidden.size === 0) return undefined;
  const list = [...forbidden.keys()].sort(byBytes);
  return forbid('seccompProfile', `forbidden ${plural('annotation', 'annotations', list.length)} ${list.join(', ')}`, ['annotations', mapKey(forbidden.get(list[0]!)!)], 'metadata');
};

/** seccompProfile_baseline (1.19+) and, with `required`, seccompProfile_restricted (1.19+). */
const seccompFields = (required: boolean): CheckPod => (pod) => {
  const values: string[] = [];
  const podProfile = field(pod.securityContext, 'seccompProfile');
  const podBad = podProfile !== undefined && !validSeccompType(stringOf(podProfile.type));
  const podSet = podProfile !== undefined && !podBad;
  if (podBad) values.push(stringOf(podProfile.type));
  const explicit: ContainerView[] = [];
  const implicit: ContainerView[] = [];
  for (const c of pod.containers) {
    const p = field(c.securityContext, 'seccompProfile');
    if (p !== undefined) {
      if (!validSeccompType(stringOf(p.type))) {
        explicit.push(c);
        values.push(stringOf(p.type));
      }
    } else if (!podSet) implicit.push(c);
  }
  if (podBad || explicit.length > 0) {
    return forbid(
      'seccompProfile',
      `${setters(podBad, explicit)} must not set securityContext.seccompProfile.type to ${joinQuote(setList(values))}`,
      podBad ? spec('securityContext', 'seccompProfile', 'type') : sc(explicit[0]!, 'seccompProfile', 'type'),
    );
  }
  if (required && implicit.length > 0) {
    return forbid(
      'seccompProfile',
      `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      spec('securityContext', 'seccompProfile'),
    );
  }
  return undefined;
};

/** The "safe" sysctls, by the version that added them. */
export const SAFE_SYSCTLS_BY_VERSION: readonly (readonly [minor: number, names: readonly string[]])[] = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

/** The sysctls the baseline policy of version `1.<minor>` allows. */
export function safeSysctls(minor: number): ReadonlySet<string> {
  return new Set(SAFE_SYSCTLS_BY_VERSION.filter(([since]) => since <= minor).flatMap(([, names]) => names));
}

// sysctls, 1.0+ (the allowed set grows in 1.27, 1.29, 1.32 and 1.37)
const sysctls = (allowed: ReadonlySet<string>): CheckPod => (pod) => {
  const bad: string[] = [];
  let first: Forbidden['path'] | undefined;
  listOf(pod.securityContext?.sysctls).forEach((s, j) => {
    const name = stringOf(fieldsOf(s)?.name);
    if (allowed.has(name)) return;
    bad.push(name);
    first ??= spec('securityContext', 'sysctls', j, 'name');
  });
  return bad.length > 0 ? forbid('forbidden sysctls', bad.join(', '), first!) : undefined;
};

const ALLOWED_RESTRICTED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
/** The restricted volume types upstream names, in the order it tests them. */
const RESTRICTED_VOLUME_TYPES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

// restrictedVolumes, 1.0+
const restrictedVolumes: CheckPod = (pod) => {
  const bad = pod.volumes.filter((v) => !v.sources.some((s) => ALLOWED_RESTRICTED_VOLUMES.includes(s)));
  if (bad.length === 0) return undefined;
  const typeOf = (sources: readonly string[]) => RESTRICTED_VOLUME_TYPES.find((t) => sources.includes(t));
  const types = setList(bad.map((v) => typeOf(v.sources) ?? 'unknown'));
  const firstType = typeOf(bad[0]!.sources);
  return forbid(
    'restricted volume types',
    `${plural('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${plural('uses', 'use', bad.length)} ${plural('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
    firstType ? spec('volumes', bad[0]!.index, firstType) : spec('volumes', bad[0]!.index),
  );
};

// allowPrivilegeEscalation, 1.8+
const allowPrivilegeEscalation: CheckPod = (pod) => {
  const bad = pod.containers.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false);
  if (bad.length === 0) return undefined;
  return forbid('allowPrivilegeEscalation != false', `${setters(false, bad)} must set securityContext.allowPrivilegeEscalation=false`, sc(bad[0]!, 'allowPrivilegeEscalation'));
};

// runAsNonRoot, 1.0+
const runAsNonRoot: CheckPod = (pod) => {
  const podValue = pod.securityContext?.runAsNonRoot;
  const podBad = present(podValue) && podValue !== true;
  const explicit: ContainerView[] = [];
  const implicit: ContainerView[] = [];
  for (const c of pod.containers) {
    const own = c.securityContext?.runAsNonRoot;
    if (present(own)) {
      if (own !== true) explicit.push(c);
    } else if (podValue !== true) implicit.push(c);
  }
  if (podBad || explicit.length > 0) {
    return forbid(
      'runAsNonRoot != true',
      `${setters(podBad, explicit)} must not set securityContext.runAsNonRoot=false`,
      podBad ? spec('securityContext', 'runAsNonRoot') : sc(explicit[0]!, 'runAsNonRoot'),
    );
  }
  if (implicit.length > 0) {
    return forbid('runAsNonRoot != true', `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.runAsNonRoot=true`, spec('securityContext', 'runAsNonRoot'));
  }
  return undefined;
};

// runAsUser, 1.23+
const runAsUser: CheckPod = (pod) => {
  const podBad = pod.securityContext?.runAsUser === 0;
  const bad = pod.containers.filter((c) => c.securityContext?.runAsUser === 0);
  if (!podBad && bad.length === 0) return undefined;
  return forbid('runAsUser=0', `${setters(podBad, bad)} must not set runAsUser=0`, podBad ? spec('securityContext', 'runAsUser') : sc(bad[0]!, 'runAsUser'));
};

// capabilities_restricted, 1.22+
const capabilitiesRestricted: CheckPod = (pod) => {
  const missingDrop: ContainerView[] = [];
  const adding: ContainerView[] = [];
  const caps: string[] = [];
  let firstAdd: Forbidden['path'] | undefined;
  for (const c of pod.containers) {
    const capabilities = field(c.securityContext, 'capabilities');
    if (!capabilities) {
      missingDrop.push(c);
      continue;
    }
    if (!listOf(capabilities.drop).some((d) => d === 'ALL')) missingDrop.push(c);
    let added = false;
    listOf(capabilities.add).forEach((cap, j) => {
      if (cap === 'NET_BIND_SERVICE') return;
      added = true;
      caps.push(stringOf(cap));
      firstAdd ??= sc(c, 'capabilities', 'add', j);
    });
    if (added) adding.push(c);
  }
  const details: string[] = [];
  if (missingDrop.length > 0) details.push(`${setters(false, missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
  if (adding.length > 0) details.push(`${setters(false, adding)} must not include ${joinQuote(setList(caps))} in securityContext.capabilities.add`);
  if (details.length === 0) return undefined;
  return forbid('unrestricted capabilities', details.join('; '), missingDrop.length > 0 ? sc(missingDrop[0]!, 'capabilities', 'drop') : firstAdd!);
};

const sysctlVersions = SAFE_SYSCTLS_BY_VERSION.map(([minor]) => ({ minimumMinor: minor, checkPod: sysctls(safeSysctls(minor)) }));

/** Every check, by upstream id; versions strictly increasing, as upstream's registry requires. */
export const POD_SECURITY_CHECKS: readonly PodSecurityCheck[] = [
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: windowsHostProcess }] },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: hostNamespaces }] },
  { id: 'privileged', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: privileged }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: capabilitiesBaseline }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: hostPathVolumes }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: hostPorts }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', versions: [{ minimumMinor: 34, checkPod: hostProbesAndHostLifecycle }] },
  { id: 'appArmorProfile', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: appArmorProfile }] },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [
      { minimumMinor: 0, checkPod: seLinuxOptions(new Set(SELINUX_TYPES_1_0)) },
      { minimumMinor: 31, checkPod: seLinuxOptions(new Set(SELINUX_TYPES_1_31)) },
    ],
  },
  { id: 'procMount', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: procMount }, { minimumMinor: 35, checkPod: userNamespaceRelaxed(procMount) }] },
  { id: 'seccompProfile_baseline', level: 'baseline', versions: [{ minimumMinor: 0, checkPod: seccompAnnotations }, { minimumMinor: 19, checkPod: seccompFields(false) }] },
  { id: 'sysctls', level: 'baseline', versions: sysctlVersions },
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ minimumMinor: 0, checkPod: restrictedVolumes, overrides: ['hostPathVolumes'] }] },
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [{ minimumMinor: 8, checkPod: allowPrivilegeEscalation }, { minimumMinor: 25, checkPod: windowsExempt(allowPrivilegeEscalation) }],
  },
  { id: 'runAsNonRoot', level: 'restricted', versions: [{ minimumMinor: 0, checkPod: runAsNonRoot }, { minimumMinor: 35, checkPod: userNamespaceRelaxed(runAsNonRoot) }] },
  { id: 'runAsUser', level: 'restricted', versions: [{ minimumMinor: 23, checkPod: runAsUser }, { minimumMinor: 35, checkPod: userNamespaceRelaxed(runAsUser) }] },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { minimumMinor: 19, checkPod: seccompFields(true), overrides: ['seccompProfile_baseline'] },
      { minimumMinor: 25, checkPod: windowsExempt(seccompFields(true)), overrides: ['seccompProfile_baseline'] },
    ],
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { minimumMinor: 22, checkPod: capabilitiesRestricted, overrides: ['capabilities_baseline'] },
      { minimumMinor: 25, checkPod: windowsExempt(capabilitiesRestricted), overrides: ['capabilities_baseline'] },
    ],
  },
  { id: 'procMount_restricted', level: 'restricted', versions: [{ minimumMinor: 35, checkPod: procMount, overrides: ['procMount'] }] },
];
