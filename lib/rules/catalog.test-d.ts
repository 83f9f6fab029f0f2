import { describe, expectTypeOf, it } from 'vitest';
import type { RuleId } from './catalog';

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
