import { describe, expectTypeOf, it } from 'vitest';
import { defineRule, type Rule, type Violation } from '../violation';
import type { RULE_AREAS } from './areas';
import type { RuleId } from './catalog';
import { resourceRules } from './resources';

describe('RuleId', () => {
  it('is the union of the registered rule ids, not string', () => {
    expectTypeOf<'resources/request-exceeds-limit'>().toExtend<RuleId>();
    expectTypeOf<'qos/class-mismatch'>().toExtend<RuleId>();
    expectTypeOf<string>().not.toExtend<RuleId>();
    // @ts-expect-error an id no area defines is not a RuleId
    const unknown: RuleId = 'resources/no-such-rule';
    const known: RuleId = 'resources/request-exceeds-limit';
    void unknown;
    void known;
  });
});

describe('RULE_AREAS', () => {
  it('lists the same rules as RuleId', () => {
    type IdsOf<Table> = { [K in keyof Table]: Table[K] extends Rule<infer Id, never> ? Id : never }[keyof Table];
    type AreaRuleId = { [Area in keyof typeof RULE_AREAS]: IdsOf<(typeof RULE_AREAS)[Area]> }[keyof typeof RULE_AREAS];
    expectTypeOf<AreaRuleId>().toEqualTypeOf<RuleId>();
  });
});

describe('Violation', () => {
  it('takes only the violations of a rule in some area of the list', () => {
    const stray = defineRule('stray/not-in-any-area', 'https://kubernetes.io/docs/', () => 'never reported');
    // @ts-expect-error a rule in no area's table cannot be reported: its id is not a RuleId
    const unlisted: Violation = stray.at('spec');
    const listed: Violation = resourceRules.limitRequired.at('spec');
    void unlisted;
    void listed;
  });
});
