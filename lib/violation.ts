/**
 * Violations: what every rule returns. Data first (rule id, path, severity, docs link), text second.
 */
import type { RuleId } from './rules/catalog';

export type { RuleId } from './rules/catalog';

/** `error` fails synthesis; `warning` is reported, and fails only in strict mode. */
export type Severity = 'error' | 'warning';

/** One broken rule at one field path. */
export interface Violation<Id extends string = RuleId> {
  /** Stable kebab-case `area/rule` id; never changes once shipped. */
  readonly rule: Id;
  /** The field path, as the API server prints it: `spec.containers[0].resources.requests.memory`. */
  readonly path: string;
  /** Kubernetes' own wording where it has one: what was written and what is allowed. */
  readonly message: string;
  readonly severity: Severity;
  /** The kubernetes.io page (Japanese edition where it states the rule) and anchor. */
  readonly docs: string;
}

/**
 * A rule's identity and its one message builder. `at(path, ...)` makes the violation, so a rule's
 * wording lives in exactly one place and tests reuse `message(...)`.
 */
export interface Rule<Id extends string, Args extends readonly unknown[]> {
  readonly id: Id;
  readonly docs: string;
  readonly severity: Severity;
  message(...args: Args): string;
  at(path: string, ...args: Args): Violation<Id>;
}

/** Defines a rule: its id, the page that states it, and its message builder. */
export function defineRule<const Id extends string, Args extends readonly unknown[]>(
  id: Id,
  docs: string,
  message: (...args: Args) => string,
  severity: Severity = 'error',
): Rule<Id, Args> {
  return {
    id,
    docs,
    severity,
    message,
    at: (path: string, ...args: Args) => ({ rule: id, path, message: message(...args), severity, docs }),
  };
}

/** Renders one violation on one line: `path: message [rule] docs`. Warnings are prefixed `warning: `. */
export function formatViolation(v: Violation<string>): string {
  const prefix = v.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${v.path}: ${v.message} [${v.rule}] ${v.docs}`;
}

/** Thrown once with every error-level violation of an object, never one at a time. */
export class ViolationError extends Error {
  readonly violations: readonly Violation<string>[];
  constructor(violations: readonly Violation<string>[], subject?: string) {
    const head = subject ? `${subject}: ` : '';
    super(`${head}${violations.length} violation${violations.length === 1 ? '' : 's'}:\n${violations.map((v) => `  ${formatViolation(v)}`).join('\n')}`);
    this.name = 'ViolationError';
    this.violations = violations;
  }
}

/** The errors among `violations` (warnings too when `strict`). */
export function failing<V extends Violation<string>>(violations: readonly V[], strict = false): V[] {
  return violations.filter((v) => strict || v.severity === 'error');
}

/** Throws a {@link ViolationError} if any violation fails; returns the warnings otherwise. */
export function assertNoViolations<V extends Violation<string>>(violations: readonly V[], subject?: string, strict = false): V[] {
  const bad = failing(violations, strict);
  if (bad.length > 0) throw new ViolationError(bad, subject);
  return violations.filter((v) => v.severity === 'warning');
}

/** Quotes a string the way Go's `%q` does for the ASCII cases these rules print. */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}

/** Exhaustiveness check for `switch` statements over unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
