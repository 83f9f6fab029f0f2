/**
 * The lint report as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the format code-scanning
 * services take (GitHub `upload-sarif`, GitLab, Azure DevOps): one run of the `podkit` tool, every rule in
 * `tool.driver.rules` with its docs link, one result per finding located at `file:line:column`, and the inputs
 * that could not be read as tool notifications of a run that did not succeed.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { isAbsolute, relative, sep } from 'node:path';
import { RULE_AREAS } from '../rules/areas';
import { boundMessage, describeObject } from './format';
import type { LintReport } from './lint';

/** The JSON schema SARIF files name. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' };
}

/** A file name as a SARIF `artifactLocation.uri`: relative to `root` when inside it, `/` separated, percent-encoded. */
export function artifactUri(file: string, root: string = process.cwd()): string {
  if (file === '<stdin>') return 'stdin';
  const rel = isAbsolute(file) ? relative(root, file) : file;
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const path = (inside ? rel : file).split(sep).join('/');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return inside || !isAbsolute(file) ? encoded : `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}

/** Every rule podkit has, plus any rule a finding names that the tables do not (an optional check's). */
function rulesOf(report: LintReport): SarifRule[] {
  const out = new Map<string, SarifRule>();
  for (const [area, table] of Object.entries(RULE_AREAS)) {
    for (const rule of Object.values(table) as { id: string; docs: string; severity: 'error' | 'warning' }[]) {
      out.set(rule.id, { id: rule.id, shortDescription: { text: `${area}: ${rule.id}` }, helpUri: rule.docs, defaultConfiguration: { level: rule.severity } });
    }
  }
  for (const f of report.findings) {
    const v = f.violation;
    if (!out.has(v.rule)) out.set(v.rule, { id: v.rule, shortDescription: { text: v.rule }, helpUri: v.docs, defaultConfiguration: { level: v.severity } });
  }
  return [...out.values()];
}

/** The SARIF 2.1.0 log of one lint run. `exitCode` is the run's (0, 1 or 2). */
export function lintSarif(report: LintReport, exitCode: number, root: string = process.cwd()): unknown {
  const rules = rulesOf(report);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'podkit', informationUri: 'https://kubernetes.io/docs/tasks/configure-pod-container/', rules } },
        results: report.findings.map((f) => ({
          ruleId: f.violation.rule,
          ruleIndex: index.get(f.violation.rule),
          level: f.violation.severity,
          message: { text: `${boundMessage(describeObject(f.object))}: ${boundMessage(f.violation.path)}: ${boundMessage(f.violation.message)}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: artifactUri(f.file, root) }, region: { startLine: f.line, startColumn: f.col } },
              logicalLocations: [{ fullyQualifiedName: `${boundMessage(describeObject(f.object))}/${boundMessage(f.violation.path)}` }],
            },
          ],
        })),
        invocations: [
          {
            executionSuccessful: report.unreadable.length === 0,
            exitCode,
            toolExecutionNotifications: [
              ...report.unreadable.map((e) => ({
                level: 'error',
                message: { text: boundMessage(e.detail) },
                locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(e.file, root) }, ...(e.position ? { region: { startLine: e.position.line, startColumn: e.position.col } } : {}) } }],
              })),
              ...report.skipped.map((s) => ({
                level: 'note',
                message: { text: `skipped: ${s.reason}` },
                locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(s.file, root) }, region: { startLine: s.position.line, startColumn: s.position.col } } }],
              })),
            ],
          },
        ],
      },
    ],
  };
}
