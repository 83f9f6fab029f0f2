/**
 * The Pod Security Standards, check by check, as the Pod Security Admission controller evaluates them, at
 * any policy version from v1.0 to `latest`.
 *
 * "Pod Security Standardsでは、セキュリティの範囲を幅広くカバーする3つのポリシーを定義しています。" Baseline prevents
 * known privilege escalations; Restricted follows current hardening best practice. Each rule here is the
 * pod-security-admission check of the same id (lib/pod-security): its verdict, forbidden reason and detail
 * at the policy version asked for, and the restricted checks replace the baseline checks they override.
 * https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/
 */
import { REFERENCE } from '../docs';
import { podSpecOf, type KubeObject, type PodLike } from '../k8s';
import { fieldPath } from '../path';
import { defineRule, type Violation } from '../violation';
import { safeSysctls, type CheckResult, type PodSecurityCheckId } from '../pod-security/checks';
import { evaluatePodSecurity, type PodSecurityFinding } from '../pod-security/evaluate';
import {
  formatPodSecurityPolicy,
  LATEST_POD_SECURITY_MINOR,
  podSecurityPolicy,
  type EnforcingPodSecurityLevel,
  type ParsedPodSecurityPolicy,
  type PodSecurityPolicyInput,
  type PodSecurityVersion,
} from '../pod-security/policy';

export {
  LATEST_POD_SECURITY_VERSION,
  parsePodSecurityPolicy,
  podSecurityPolicy,
  formatPodSecurityPolicy,
  PodSecurityPolicyError,
  POD_SECURITY_LEVELS,
  type EnforcingPodSecurityLevel,
  type ParsedPodSecurityPolicy,
  type PodSecurityLevel,
  type PodSecurityPolicy,
  type PodSecurityPolicyInput,
  type PodSecurityPolicyParseResult,
  type PodSecurityVersion,
} from '../pod-security/policy';
export { safeSysctls, type CheckResult, type PodSecurityCheckId } from '../pod-security/checks';
export type { PodSecurityFinding } from '../pod-security/evaluate';

const BASELINE = `${REFERENCE.podSecurityStandards}#baseline`;
const RESTRICTED = `${REFERENCE.podSecurityStandards}#restricted`;

/** The admission controller's message for one check: `violates PodSecurity "restricted:latest": reason (detail)`, and the check id. */
const message = (policy: string, check: PodSecurityCheckId, r: CheckResult) => `violates PodSecurity "${policy}": ${r.reason} (${r.detail}); check ${check}`;

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

type RuleKey = keyof typeof podSecurityRules;

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
  procMountBaseline: 'procMount',
  seccompProfileBaseline: 'seccompProfile_baseline',
  sysctls: 'sysctls',
  restrictedVolumes: 'restrictedVolumes',
  allowPrivilegeEscalation: 'allowPrivilegeEscalation',
  runAsNonRoot: 'runAsNonRoot',
  runAsUser: 'runAsUser',
  seccompProfileRestricted: 'seccompProfile_restricted',
  capabilitiesRestricted: 'capabilities_restricted',
  procMountRestricted: 'procMount_restricted',
} as const satisfies Record<RuleKey, PodSecurityCheckId>;

const RULE_OF_CHECK = Object.fromEntries(Object.entries(POD_SECURITY_CHECK_IDS).map(([key, id]) => [id, key as RuleKey])) as Record<PodSecurityCheckId, RuleKey>;

/** The rule that reports an upstream check. */
export function podSecurityRuleOf(check: PodSecurityCheckId): (typeof podSecurityRules)[RuleKey] {
  return podSecurityRules[RULE_OF_CHECK[check]];
}

/** Capabilities a baseline container may add: the container runtimes' default set. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The "safe" sysctls of the baseline policy at `latest` (v1.0, plus those added in 1.27, 1.29, 1.32 and 1.37). */
export const SAFE_SYSCTLS: ReadonlySet<string> = safeSysctls(LATEST_POD_SECURITY_MINOR);

/** A Pod Security Standards violation: the project's violation, with the upstream check id and the policy evaluated. */
export interface PodSecurityViolation extends Violation {
  /** The pod-security-admission check id (`hostNamespaces`, `procMount`, `capabilities_restricted`). */
  readonly check: PodSecurityCheckId;
  /** The policy as the admission controller names it: `restricted:latest`, `baseline:v1.30`. */
  readonly policy: string;
}

/** `spec` → `metadata`, `spec.template.spec` → `spec.template.metadata`: where the pod's annotations are. */
function metadataPathOf(base: string): string {
  if (base === 'spec') return 'metadata';
  return base.endsWith('.spec') ? `${base.slice(0, -'.spec'.length)}.metadata` : fieldPath(base, 'metadata');
}

function violationOf(finding: PodSecurityFinding, policy: string, base: string): PodSecurityViolation {
  const at = fieldPath(finding.in === 'spec' ? base : metadataPathOf(base), ...finding.path);
  return { ...podSecurityRuleOf(finding.check).at(at, policy, finding.check, finding), check: finding.check, policy };
}

/**
 * Every Pod Security Standards check the pod fails under `policy`, one violation per failed check, in the
 * admission controller's order. Each is located at the first field that makes the check fail (`spec.hostNetwork`,
 * `spec.containers[0].securityContext.capabilities.drop`), relative to `base`, the path of the pod spec in its
 * object (`spec.template.spec` for a Deployment).
 *
 * `policy` is a level (`'restricted'`: version `latest`, the newest this package knows, see
 * {@link LATEST_POD_SECURITY_VERSION}), a level and version (`'restricted:v1.30'`, `{ level: 'restricted',
 * version: 'v1.30' }`). The policy version is the admission controller's `enforce-version`; it does not follow
 * the Kubernetes version targeted by the manifests.
 * @throws PodSecurityPolicyError if `policy` is not a level or `level:version` the admission controller accepts
 */
export function checkPodSecurity(pod: PodLike, policy: PodSecurityPolicyInput, base = 'spec'): PodSecurityViolation[] {
  const parsed = podSecurityPolicy(policy);
  const name = formatPodSecurityPolicy(parsed);
  return evaluatePodSecurity(pod, parsed).map((f) => violationOf(f, name, base));
}

/**
 * The Pod Security Standards violations of any object with a pod spec (a Pod, or a workload's pod template,
 * which the admission controller checks when the workload is created); none for other objects.
 * @throws PodSecurityPolicyError if `policy` does not parse
 */
export function checkPodSecurityOf(obj: KubeObject, policy: PodSecurityPolicyInput): PodSecurityViolation[] {
  const parsed = podSecurityPolicy(policy);
  const found = podSpecOf(obj);
  return found ? checkPodSecurity(found.pod, parsed, found.base) : [];
}

/**
 * The admission controller's whole verdict on a pod, on one line, as `kubectl` prints it:
 * `violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), privileged (container "a" must not set securityContext.privileged=true)`;
 * undefined when the pod is allowed.
 * @throws PodSecurityPolicyError if `policy` does not parse
 */
export function podSecurityMessage(pod: PodLike, policy: PodSecurityPolicyInput): string | undefined {
  const parsed = podSecurityPolicy(policy);
  return aggregatePodSecurityMessage(parsed, evaluatePodSecurity(pod, parsed));
}

/** Joins check results the way the admission controller does (`AggregateCheckResult.ForbiddenDetail`); undefined for none. */
export function aggregatePodSecurityMessage(policy: ParsedPodSecurityPolicy | string, results: readonly CheckResult[]): string | undefined {
  if (results.length === 0) return undefined;
  const name = typeof policy === 'string' ? policy : formatPodSecurityPolicy(policy);
  const parts = results.map((r) => (r.detail === '' ? r.reason || 'unknown forbidden reason' : `${r.reason || 'unknown forbidden reason'} (${r.detail})`));
  return `violates PodSecurity "${name}": ${parts.join(', ')}`;
}

/**
 * The strictest level the pod satisfies at `version`: `restricted`, `baseline` or `privileged`.
 * @throws PodSecurityPolicyError if `version` is not `latest` or `v1.<minor>`
 */
export function podSecurityLevelOf(pod: PodLike, version: PodSecurityVersion | string = 'latest'): EnforcingPodSecurityLevel | 'privileged' {
  if (checkPodSecurity(pod, { level: 'restricted', version }).length === 0) return 'restricted';
  if (checkPodSecurity(pod, { level: 'baseline', version }).length === 0) return 'baseline';
  return 'privileged';
}
