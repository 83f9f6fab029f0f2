import { describe, expect, it } from 'vitest';
import { resourceRules } from '../lib/rules/resources';
import { ViolationError } from '../lib/violation';
import { thrownRulePaths, thrownViolations } from './violations';

describe('thrownViolations', () => {
  const v = resourceRules.requestExceedsLimit.at('spec.containers[0].resources.requests', '300Mi', 'memory', '200Mi');

  it('returns the rule and path of each violation thrown', () => {
    expect(thrownViolations(() => { throw new ViolationError([v]); })).toEqual([{ rule: 'resources/request-exceeds-limit', path: v.path }]);
    expect(thrownRulePaths(() => { throw new ViolationError([v]); })).toEqual([['resources/request-exceeds-limit', v.path]]);
  });

  it('returns nothing when the build does not throw', () => {
    expect(thrownViolations(() => 1)).toEqual([]);
  });

  it('lets any other error through', () => {
    expect(() => thrownViolations(() => { throw new TypeError('boom'); })).toThrow(TypeError);
  });
});
