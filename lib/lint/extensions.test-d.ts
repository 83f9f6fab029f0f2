import { expectTypeOf } from 'vitest';
import type { PodLike } from '../k8s';
import type { Violation } from '../violation';
import type { LintExtensions, PodSecurityCheck, PssLevel } from './extensions';

// the shape issue 5's checkPodSecurity is expected to have plugs in as is
declare function checkPodSecurity(pod: PodLike, level: 'baseline' | 'restricted', base: string): Violation[];
expectTypeOf(checkPodSecurity).toExtend<PodSecurityCheck>();
const ok: LintExtensions = { podSecurity: checkPodSecurity };
expectTypeOf(ok).toExtend<LintExtensions>();

// a check that only knows one level cannot be registered for both
declare function restrictedOnly(pod: PodLike, level: 'restricted', base: string): Violation[];
// @ts-expect-error the linter may ask for 'baseline' too
const bad: LintExtensions = { podSecurity: restrictedOnly };
void bad;

expectTypeOf<PssLevel>().toEqualTypeOf<'baseline' | 'restricted'>();
