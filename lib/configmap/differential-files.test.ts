/** Differential tests of files, directories and literals (kubectl `--from-file`/`--from-literal`, kustomize `files`/`literals`). */
import { FILE_AND_LITERAL_CASES } from './differential-files.cases';
import { differentialSuite } from './differential-harness';

differentialSuite(FILE_AND_LITERAL_CASES);
