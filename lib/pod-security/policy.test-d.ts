import { expectTypeOf } from 'vitest';
import type { PodLike } from '../k8s';
import { checkPodSecurity, podSecurityLevelOf, type PodSecurityPolicy, type PodSecurityViolation } from '../rules/pod-security';

declare const pod: PodLike;
declare const fromFlag: string;

// a level, level:version, or { level, version }; a widened string (from a flag or a file) is checked at run time
expectTypeOf(checkPodSecurity(pod, 'restricted')).toEqualTypeOf<PodSecurityViolation[]>();
checkPodSecurity(pod, 'restricted:v1.30');
checkPodSecurity(pod, 'baseline:latest');
checkPodSecurity(pod, { level: 'restricted', version: 'v1.30' });
checkPodSecurity(pod, { level: 'privileged' });
checkPodSecurity(pod, fromFlag);
checkPodSecurity(pod, { level: 'baseline', version: fromFlag });
podSecurityLevelOf(pod, 'v1.25');

// @ts-expect-error an object's level is one of privileged, baseline, restricted
checkPodSecurity(pod, { level: 'strict' });
// @ts-expect-error an object needs a level
checkPodSecurity(pod, { version: 'v1.30' });
// @ts-expect-error the policy is a string or an object, not a number
checkPodSecurity(pod, 1.3);


// each finding carries the upstream check id
expectTypeOf<PodSecurityViolation['check']>().toExtend<string>();
expectTypeOf<'procMount'>().toExtend<PodSecurityViolation['check']>();
// @ts-expect-error the baseline procMount check's id is procMount, not procMount_baseline
const wrong: PodSecurityViolation['check'] = 'procMount_baseline';
void wrong;
expectTypeOf<PodSecurityPolicy['level']>().toEqualTypeOf<'privileged' | 'baseline' | 'restricted'>();
