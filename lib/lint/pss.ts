/**
 * The Pod Security Standards policy `podkit lint --pss` and the validation plugin's `pss` take: a level, or a
 * level and policy version, checked by lib/rules/pod-security.ts.
 */
import { parsePodSecurityPolicy } from '../rules/pod-security';

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
