/**
 * Which checks run for a level at a version, in which order, and what they find: pod-security-admission's
 * check registry (policy/registry.go). A check's definition applies from its minimum version until its next
 * one; at restricted, the baseline checks a restricted check overrides at that version do not run; baseline
 * checks come first, then restricted ones, each group sorted by id.
 */
import { POD_SECURITY_CHECKS, type Forbidden, type PodSecurityCheck, type PodSecurityCheckId, type VersionedCheck } from './checks';
import type { PodLike } from '../k8s';
import type { ParsedPodSecurityPolicy } from './policy';
import { viewPod } from './pod-view';

/** A check that forbids the pod: its id and what it reports. */
export interface PodSecurityFinding extends Forbidden {
  readonly check: PodSecurityCheckId;
}

const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDERED: readonly PodSecurityCheck[] = [
  ...POD_SECURITY_CHECKS.filter((c) => c.level === 'baseline').sort((a, b) => byBytes(a.id, b.id)),
  ...POD_SECURITY_CHECKS.filter((c) => c.level === 'restricted').sort((a, b) => byBytes(a.id, b.id)),
];

function definitionAt(check: PodSecurityCheck, minor: number): VersionedCheck | undefined {
  let found: VersionedCheck | undefined;
  for (const v of check.versions) if (v.minimumMinor <= minor) found = v;
  return found;
}

const cache = new Map<string, readonly (readonly [PodSecurityCheckId, VersionedCheck])[]>();

/** The checks that run for `level` at Kubernetes minor version `minor`, in upstream's order, with their definitions. */
export function checksAt(level: ParsedPodSecurityPolicy['level'], minor: number): readonly (readonly [PodSecurityCheckId, VersionedCheck])[] {
  if (level === 'privileged') return [];
  const key = `${level}:${minor}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const active = ORDERED.flatMap((c) => {
    const d = definitionAt(c, minor);
    return d && (level === 'restricted' || c.level === 'baseline') ? [[c.id, d, c.level] as const] : [];
  });
  const overridden = new Set(active.filter(([, , l]) => l === 'restricted').flatMap(([, d]) => d.overrides ?? []));
  const out = active.filter(([id, , l]) => l === 'restricted' || !overridden.has(id)).map(([id, d]) => [id, d] as const);
  cache.set(key, out);
  return out;
}

/** Every check of the policy that forbids the pod, in the order the admission controller lists them. */
export function evaluatePodSecurity(pod: PodLike, policy: ParsedPodSecurityPolicy): PodSecurityFinding[] {
  const checks = checksAt(policy.level, policy.minor);
  if (checks.length === 0) return [];
  const view = viewPod(pod);
  const out: PodSecurityFinding[] = [];
  for (const [check, definition] of checks) {
    const found = definition.checkPod(view);
    if (found) out.push({ check, ...found });
  }
  return out;
}
