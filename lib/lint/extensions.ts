/**
 * The linter's plug-in points for checks that run only on request: the Pod Security Standards level
 * (`--pss`) and the cluster profile a workload must schedule on (`--cluster`). An area that implements one
 * registers it in {@link LINT_EXTENSIONS} with one line; until then the option fails with "not available"
 * rather than pretending to check anything.
 */
import type { KubeObject, PodLike } from '../k8s';
import type { Finding } from '../rules/app';
import type { Violation } from '../violation';
import { checkPodSecurity, parsePodSecurityPolicy } from '../rules/pod-security';
import { clusterProfileCheck } from './cluster-profile';

/** The Pod Security Standards levels a manifest can be checked against (privileged allows everything). */
export const PSS_LEVELS = ['baseline', 'restricted'] as const;
export type PssLevel = (typeof PSS_LEVELS)[number];

/**
 * A Pod Security Standards policy as `--pss` takes it: a level, or a level and policy version
 * (`restricted:v1.30`, `baseline:latest`), as the admission controller's `enforce` and `enforce-version` labels.
 */
export type PssPolicy = PssLevel | 'privileged' | `${PssLevel | 'privileged'}:${string}`;

/** The reason `value` is not a policy `--pss` takes, or undefined when it is one. */
export function pssPolicyError(value: string): string | undefined {
  const parsed = parsePodSecurityPolicy(value);
  return parsed.ok ? undefined : `${parsed.error} (a level, or level:version such as restricted:v1.30)`;
}

/** A Pod Security Standards check of one pod spec found at `base` in its object (`spec`, `spec.template.spec`). */
export type PodSecurityCheck = (pod: PodLike, policy: PssPolicy, base: string) => Violation[];

/** A schedulability check of a whole set of objects against a cluster profile. */
export interface ClusterCheck {
  /** Turns the JSON read from the `--cluster` file into a profile; throws an `Error` naming what is wrong. */
  parseProfile(value: unknown): unknown;
  /** Every Pod (and workload) of `objects` that would not schedule on the profile's nodes. */
  check(objects: readonly KubeObject[], profile: unknown): Finding[];
}

/** The optional checks this build has. */
export interface LintExtensions {
  readonly podSecurity?: PodSecurityCheck;
  readonly cluster?: ClusterCheck;
}

/** The optional checks of this build, one line each. */
export const LINT_EXTENSIONS: LintExtensions = {
  podSecurity: (pod, level, base) => checkPodSecurity(pod, level, base),
  cluster: clusterProfileCheck,
};

/** An option was given whose check this build does not have. */
export class NotAvailableError extends Error {
  constructor(option: string, what: string) {
    super(`${option}: ${what} is not available in this build of podkit`);
    this.name = 'NotAvailableError';
  }
}
