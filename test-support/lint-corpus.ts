/**
 * A public corpus linted as `podkit lint DIR` lints it, once per test file, with paths relative to its root: what
 * the corpus tests compare with the findings judged true.
 */
import * as path from 'node:path';
import { lintInputs, listInputs } from '../lib/lint/cli';
import { LintSession, type LintOptions } from '../lib/lint/lint';
import { corpusMissing, locateCorpus, type CorpusSpec } from './corpora';

const NO_STDIN = { stdout: () => {}, stderr: () => {}, stdin: () => '' };

/** Lints `root` (every file under it) with `options`. */
function lintCorpus(root: string, options: LintOptions) {
  const report = lintInputs(listInputs([root], NO_STDIN), new LintSession(options));
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  return {
    report,
    findings: report.findings.map((f) => [rel(f.file), f.violation.rule, f.violation.path]),
    skipped: report.skipped.map((s) => [rel(s.file), s.reason]),
    unreadable: report.unreadable.map((e) => [rel(e.file), e.position?.line, e.detail]),
    reasonsOf: (file: string) => report.skipped.filter((s) => rel(s.file) === file).map((s) => s.reason),
  };
}

/**
 * The corpus, where it is on this machine (`dir`, undefined when absent), a test title that says why it is
 * skipped, and `run()`, which lints it once with `options`, on first use.
 */
export function lintedCorpus(spec: CorpusSpec, options: LintOptions = {}) {
  const dir = locateCorpus(spec);
  let done: ReturnType<typeof lintCorpus> | undefined;
  return { dir, title: `lint ${spec.repo}${dir ? '' : ` (${corpusMissing(spec.repo)})`}`, run: () => (done ??= lintCorpus(dir!, options)) };
}
