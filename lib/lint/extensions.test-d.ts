import { expectTypeOf } from 'vitest';
import type { PodLike } from '../k8s';
import type { Violation } from '../violation';
import type { LintExtensions, PodSecurityCheck, PssLevel, PssPolicy } from './extensions';

// the shape of checkPodSecurity (a policy: a level, or level:version) plugs in as is
declare function checkPodSecurity(pod: PodLike, policy: string, base: string): Violation[];
expectTypeOf(checkPodSecurity).toExtend<PodSecurityCheck>();
const ok: LintExtensions = { podSecurity: checkPodSecurity };
expectTypeOf(ok).toExtend<LintExtensions>();

// a check that only knows one level cannot be registered for both
declare function restrictedOnly(pod: PodLike, level: 'restricted', base: string): Violation[];
// @ts-expect-error the linter may ask for 'baseline' or 'restricted:v1.30' too
const bad: LintExtensions = { podSecurity: restrictedOnly };
void bad;

expectTypeOf<PssLevel>().toEqualTypeOf<'baseline' | 'restricted'>();
expectTypeOf<'restricted:v1.30'>().toExtend<PssPolicy>();
expectTypeOf<'privileged'>().toExtend<PssPolicy>();
// @ts-expect-error a level that is not one of privileged, baseline, restricted
const strict: PssPolicy = 'strict';
void strict;
