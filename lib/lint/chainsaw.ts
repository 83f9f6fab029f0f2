/**
 * Chainsaw end-to-end tests (https://kyverno.github.io/chainsaw/): a `chainsaw-test.yaml` file, kind `Test` of
 * `chainsaw.kyverno.io`, names in its steps the files to apply and the files to assert (`assert`, `error`), patch
 * or delete. Those hold partial objects, often with JMESPath expressions for keys (`(length(volumes) > \`0\`): true`),
 * matched against the cluster's state and never created: they are not linted. The files it applies, creates or
 * updates are, also when a step deletes them later.
 */
import { dirname, resolve } from 'node:path';

/** The file name chainsaw looks for in a test folder (`--test-file`, default `chainsaw-test`). */
export const CHAINSAW_TEST_FILE = /^chainsaw-test\.ya?ml$/;

const PHASES = ['try', 'catch', 'finally', 'cleanup'] as const;
/** The operations whose file holds partial objects, and what each is called in a skip reason. */
const PARTIAL: Readonly<Record<string, string>> = { assert: 'assertion', error: 'error assertion', patch: 'patch', delete: 'deletion' };

/** The operations whose file holds whole objects to create: a file one of them names is linted. */
const CREATED: ReadonlySet<string> = new Set(['apply', 'create', 'update']);

/**
 * The files the chainsaw tests among `docs` (the documents of the file `file`) name as assertions, resolved from
 * that file's folder, each with the reason it is skipped.
 */
export function chainsawAssertions(file: string, docs: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  const created = new Set<string>();
  for (const doc of docs) {
    const test = doc as { apiVersion?: unknown; kind?: unknown; spec?: { steps?: unknown } } | null;
    if (!test || typeof test !== 'object' || typeof test.apiVersion !== 'string' || !test.apiVersion.startsWith('chainsaw.kyverno.io/') || test.kind !== 'Test') continue;
    for (const step of Array.isArray(test.spec?.steps) ? test.spec.steps : []) {
      for (const phase of PHASES) {
        const operations: unknown = (step as Record<string, unknown> | null)?.[phase];
        if (!Array.isArray(operations)) continue;
        for (const operation of operations) {
          for (const [kind, named] of Object.entries((operation ?? {}) as Record<string, { file?: unknown } | null>)) {
            const path = named?.file;
            if (typeof path !== 'string' || path === '' || /[*?[\n]/.test(path)) continue;
            const at = resolve(dirname(file), path);
            if (Object.hasOwn(PARTIAL, kind)) out.set(at, `a chainsaw ${PARTIAL[kind]} (named in ${file}): partial objects chainsaw matches in the cluster, not objects to create`);
            else if (CREATED.has(kind)) created.add(at);
          }
        }
      }
    }
  }
  // a file the test also applies (then deletes, say) holds whole objects
  for (const at of created) out.delete(at);
  return out;
}
