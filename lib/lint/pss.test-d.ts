import { expectTypeOf } from 'vitest';
import type { PssLevel, PssPolicy } from './pss';

expectTypeOf<PssLevel>().toEqualTypeOf<'baseline' | 'restricted'>();
expectTypeOf<'restricted:v1.30'>().toExtend<PssPolicy>();
expectTypeOf<'privileged'>().toExtend<PssPolicy>();
// @ts-expect-error a level that is not one of privileged, baseline, restricted
const strict: PssPolicy = 'strict';
void strict;
