/**
 * Rendering lint and explain results: one line per finding for people, one stable JSON document for machines.
 * The JSON shape is versioned (`"schemaVersion": 1`); fields are only ever added within a version. SARIF is in
 * ./sarif.ts.
 */
import type { ExplainedObject } from './explain';
import type { LintReport, LocatedFinding } from './lint';
import type { ManifestReadError, SkippedDocument } from './read';

/**
 * A string made safe for a terminal or a CI log: control characters (C0, DEL, C1), line and paragraph separators
 * and bidirectional overrides are shown as escapes (`\x1b`, `\u202e`), so a name read from a file cannot move
 * the cursor, recolour the output or hide text.
 */
export function escapeForTerminal(text: string, keepNewlines = false): string {
  if (keepNewlines) return text.split('\n').map((line) => escapeForTerminal(line)).join('\n');
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The longest message printed; a message quoting a huge value is cut there, saying how much was left out. */
export const MAX_MESSAGE_LENGTH = 500;

/** A message bounded to {@link MAX_MESSAGE_LENGTH} characters. */
export function boundMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  return `${message.slice(0, MAX_MESSAGE_LENGTH)}… (${message.length - MAX_MESSAGE_LENGTH} more characters)`;
}
import { formatDocs } from '../violation';

/** `Kind/namespace/name`, the namespace left out when the manifest does not set one. */
export function describeObject(object: LocatedFinding['object']): string {
  return [object.kind ?? '?', object.namespace, object.name ?? '?'].filter((p) => p !== undefined).join('/');
}

/** `file:line:col: severity: Kind/ns/name: path: message [rule] docs (English: docsEn)`, escaped for a terminal. */
export function formatFinding(f: LocatedFinding): string {
  const v = f.violation;
  return escapeForTerminal(`${f.file}:${f.line}:${f.col}: ${v.severity}: ${boundMessage(describeObject(f.object))}: ${boundMessage(v.path)}: ${boundMessage(v.message)} [${v.rule}] ${formatDocs(v)}`);
}

/** `file:line:col: skipped: reason`, escaped for a terminal. */
export function formatSkipped(s: SkippedDocument): string {
  return escapeForTerminal(`${s.file}:${s.position.line}:${s.position.col}: skipped: ${s.reason}`);
}

/** `file:line:col: detail` of an input that could not be read, escaped for a terminal. */
export function formatUnreadable(e: ManifestReadError): string {
  return escapeForTerminal(e.message.split('\n').map(boundMessage).join('\n'), true);
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function errorCount(report: LintReport): number {
  return report.findings.filter((f) => f.violation.severity === 'error').length;
}

/** The text report: one line per finding, then a summary line when there is anything to report. */
export function formatLintText(report: LintReport): string {
  if (report.findings.length === 0) return '';
  const errors = errorCount(report);
  const lines = report.findings.map(formatFinding);
  lines.push(`${count(errors, 'error')}, ${count(report.findings.length - errors, 'warning')} in ${count(report.objects, 'object')}`);
  return `${lines.join('\n')}\n`;
}

/** The version of the JSON report's shape; fields are only ever added within a version. */
export const LINT_JSON_SCHEMA_VERSION = 1;

/** One finding in the JSON report (schema version 1). */
export interface LintJsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly docs: string;
  readonly message: string;
  readonly path: string;
  readonly object: LocatedFinding['object'];
}

/** The JSON report (schema version 1), documented in lib/lint/README.md. */
export interface LintJson {
  readonly schemaVersion: 1;
  readonly ok: boolean;
  readonly exitCode: number;
  readonly summary: { readonly objects: number; readonly errors: number; readonly warnings: number; readonly skipped: number; readonly unreadable: number };
  readonly findings: readonly LintJsonFinding[];
  readonly skipped: readonly { readonly file: string; readonly line: number; readonly column: number; readonly reason: string }[];
  readonly unreadable: readonly { readonly file: string; readonly line?: number; readonly column?: number; readonly message: string }[];
  /** Why the run could not start (a bad option), when it could not. */
  readonly error?: { readonly message: string };
}

/** The JSON report: summary, then every finding with its location, rule, severity, docs link, message and path. */
export function lintJson(report: LintReport, exitCode: number): LintJson {
  const errors = errorCount(report);
  return {
    schemaVersion: LINT_JSON_SCHEMA_VERSION,
    ok: exitCode === 0,
    exitCode,
    summary: { objects: report.objects, errors, warnings: report.findings.length - errors, skipped: report.skipped.length, unreadable: report.unreadable.length },
    findings: report.findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.col,
      rule: f.violation.rule,
      severity: f.violation.severity,
      docs: f.violation.docs,
      message: boundMessage(f.violation.message),
      path: boundMessage(f.violation.path),
      object: { ...f.object, ...(f.object.name !== undefined ? { name: boundMessage(f.object.name) } : {}) },
      docsEn: f.violation.docsEn,
    })),
    skipped: report.skipped.map((s) => ({ file: s.file, line: s.position.line, column: s.position.col, reason: s.reason })),
    unreadable: report.unreadable.map((e) => ({ file: e.file, ...(e.position ? { line: e.position.line, column: e.position.col } : {}), message: boundMessage(e.detail) })),
  };
}

/** The JSON document of a run that could not start (an unreadable cluster profile or input). */
export function lintJsonError(error: Error): LintJson {
  return {
    schemaVersion: LINT_JSON_SCHEMA_VERSION,
    ok: false,
    exitCode: 2,
    summary: { objects: 0, errors: 0, warnings: 0, skipped: 0, unreadable: 0 },
    findings: [],
    skipped: [],
    unreadable: [],
    error: { message: boundMessage(error.message) },
  };
}

/**
 * JSON text that is safe for a terminal too: `JSON.stringify` leaves DEL, C1 controls and bidirectional overrides
 * raw; they are written as `\uXXXX` escapes, which JSON readers turn back into the same characters.
 */
export function stringifyForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The explain report as text: each object, then its sections indented. */
export function formatExplainText(objects: readonly ExplainedObject[]): string {
  const lines: string[] = [];
  for (const o of objects) {
    lines.push(`${o.file}:${o.line}:${o.col}: ${describeObject(o.object)} (pod spec at ${o.podSpec})`);
    for (const section of o.sections) {
      const only = section.entries.length === 1 ? section.entries[0]! : undefined;
      if (only && only.label === section.title) {
        lines.push(`  ${section.title}: ${only.value}`);
        continue;
      }
      lines.push(`  ${section.title}:`);
      for (const e of section.entries) lines.push(`    ${e.label}: ${e.value}${e.path ? ` (${e.path})` : ''}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The explain report as JSON. */
export function explainJson(objects: readonly ExplainedObject[]): unknown {
  return { format: 'podkit-explain/v1', objects };
}
