/** Differential tests of `kubectl create secret generic` and kustomize's `secretGenerator` against the real tools. */
import { GENERIC_CASES } from './differential-generic.cases';
import { secretDifferentialSuite } from './differential-harness';

secretDifferentialSuite(GENERIC_CASES);
