/**
 * Chainsaw end-to-end tests (https://kyverno.github.io/chainsaw/): a `chainsaw-test.yaml` file, kind `Test` of
 * `chainsaw.kyverno.io`, names in its steps the files to apply and the files to assert (`assert`, `error`), patch
 * or delete. Those hold partial objects, often with JMESPath expressions for keys (`(length(volumes) > \`0\`): true`),
 * matched against the cluster's state and never created: they are not linted. The files it applies are.
 */
import { dirname, resolve } from 'node:path';

/** The file name chainsaw looks for in a test folder (`--test-file`, default `chainsaw-test`). */
export const CHAINSAW_TEST_FILE = /^chainsaw-test\.ya?ml$/;

const PHASES = ['try', 'catch', 'finally', 'cleanup'] as const;
/** The operations whose file holds partial objects, and what each is called in a skip reason. */
const PARTIAL: Readonly<Record<string, string>> = { assert: 'assertion', error: 'error assertion', patch: 'patch', delete: 'deletion' };

/**
 * The files the chainsaw tests among `docs` (the documents of the file `file`) name as assertions, resolved from
 * that file's folder, each with the reason it is skipped.
 */
export function chainsawAssertions(file: string, docs: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of docs) {
    const test = doc as { apiVersion?: unknown; kind?: unknown; spec?: { steps?: unknown } } | null;
    if (!test || typeof test !== 'object' || typeof test.apiVersion !== 'string' || !test.apiVersion.startsWith('chainsaw.kyverno.io/') || test.kind !== 'Test') continue;
    for (const step of Array.isArray(test.spec?.steps) ? test.spec.steps : []) {
      for (const phase of PHASES) {
        const operations: unknown = (step as Record<string, unknown> | null)?.[phase];
        if (!Array.isArray(operations)) continue;
        for (const operation of operations) {
          for (const [kind, called] of Object.entries(PARTIAL)) {
            const named = (operation as Record<string, { file?: unknown } | undefined> | null)?.[kind]?.file;
            if (typeof named !== 'string' || named === '' || /[*?[\n]/.test(named)) continue;
            out.set(resolve(dirname(file), named), `a chainsaw ${called} (named in ${file}): partial objects chainsaw matches in the cluster, not objects to create`);
          }
        }
      }
    }
  }
  return out;
}
