/** Differential tests of env files (kubectl `--from-env-file`, kustomize `envs`) against the real tools. */
import { expect, it } from 'vitest';
import { ENV_FILE_CASES } from './differential-env.cases';
import { FILE_AND_LITERAL_CASES } from './differential-files.cases';
import { differentialSuite, distinctInputs } from './differential-harness';

it('covers at least 40 distinct inputs across both differential suites', () => {
  expect(distinctInputs([...ENV_FILE_CASES, ...FILE_AND_LITERAL_CASES])).toBeGreaterThanOrEqual(40);
});

differentialSuite(ENV_FILE_CASES);
