/**
 * Violations: what every rule returns. Data first (rule id, path, severity, docs link), text second.
 */
import { englishDocsUrl } from './docs';

/**
 * The rule ids this library reports, registered by the rule catalog (lib/rules/catalog.ts) by declaration merging,
 * so that this module, which every rule imports, imports none of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by lib/rules/catalog.ts
export interface RuleCatalog {}

/** Every rule id this library can report (`string` in a program that has not loaded the catalog). */
export type RuleId = RuleCatalog extends { readonly ids: infer Id extends string } ? Id : string;

/** `error` fails synthesis; `warning` is reported, and fails only in strict mode. */
export type Severity = 'error' | 'warning';

/** One broken rule at one field path. */
export interface Violation<Id extends string = RuleId> {
  /** Stable kebab-case `area/rule` id; never changes once shipped. */
  readonly rule: Id;
  /** The field path, as the API server prints it: `spec.containers[0].resources.limits[memory]` (a map key in brackets). */
  readonly path: string;
  /** Kubernetes' own wording where it has one: what was written and what is allowed. */
  readonly message: string;
  /** `error` fails synthesis; `warning` is reported. */
  readonly severity: Severity;
  /**
   * The kubernetes.io page and section that states the rule: the Japanese page of "Configure Pods and
   * Containers" (「Podとコンテナの設定」) where it does, else the concept or API reference page.
   */
  readonly docs: string;
  /** The English page of the same task and section (the same link as `docs` when that is English already). */
  readonly docsEn: string;
  /**
   * The field the finding is about with every list index, set only where `path` (the API server's) leaves one out:
   * upstream prints `spec.containers[0].volumeMounts.subPath` whichever mount it is, and this says
   * `…volumeMounts[1].subPath`. Only locating the finding in a file reads it (`podkit lint` points at that line);
   * `path` is what is printed.
   * @default - unset: the finding is located at `path`
   */
  readonly indexedPath?: string;
}

/**
 * A rule's identity and its one message builder. `at(path, ...)` makes the violation, so a rule's
 * wording lives in exactly one place and tests reuse `message(...)`.
 */
export interface Rule<Id extends string, Args extends readonly unknown[]> {
  /** The stable `area/rule` id. */
  readonly id: Id;
  /** The page that states the rule (see `Violation.docs`); a violation may link a more specific one. */
  readonly docs: string;
  /** The English page of `docs`. */
  readonly docsEn: string;
  /** `error` or `warning`. */
  readonly severity: Severity;
  /** The rule's one message builder. */
  message(...args: Args): string;
  /** The violation at a field path. */
  at(path: string, ...args: Args): Violation<Id>;
}

/**
 * Defines a rule: its id, the page that states it, and its message builder. `docsFor`, when a rule spans pages
 * (a request above its limit: the memory page for memory, the CPU page for cpu), picks the page per violation.
 */
export function defineRule<const Id extends string, Args extends readonly unknown[]>(
  id: Id,
  docs: string,
  message: (...args: Args) => string,
  severity: Severity = 'error',
  docsFor?: (...args: Args) => string,
): Rule<Id, Args> {
  const docsEn = englishDocsUrl(docs);
  const linkOf = docsFor
    ? (args: Args) => {
        const page = docsFor(...args);
        return { docs: page, docsEn: englishDocsUrl(page) };
      }
    : () => ({ docs, docsEn });
  return {
    id,
    docs,
    docsEn,
    severity,
    message,
    at: (path: string, ...args: Args) => ({ rule: id, path, message: message(...args), severity, ...linkOf(args) }),
  };
}

/**
 * Renders one violation on one line: `path: message [rule] docs (English: docsEn)`, the English link left out
 * when it is the same page. Warnings are prefixed `warning: `.
 */
export function formatViolation(v: Violation<string>): string {
  const prefix = v.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${v.path}: ${v.message} [${v.rule}] ${formatDocs(v)}`;
}

/** The docs links of a violation or rule as printed: `docs (English: docsEn)`, or `docs` alone when both are one page. */
export function formatDocs(v: { readonly docs: string; readonly docsEn?: string }): string {
  return v.docsEn && v.docsEn !== v.docs ? `${v.docs} (English: ${v.docsEn})` : v.docs;
}

/** Thrown once with every error-level violation of an object, never one at a time. */
export class ViolationError extends Error {
  /**
   * The violations, as the message lists them. Not enumerable: Node prints an uncaught error's enumerable
   * properties after its message, which would list every violation a second time.
   */
  declare readonly violations: readonly Violation<string>[];
  constructor(violations: readonly Violation<string>[], subject?: string) {
    const head = subject ? `${subject}: ` : '';
    super(`${head}${violations.length} violation${violations.length === 1 ? '' : 's'}:\n${violations.map((v) => `  ${formatViolation(v)}`).join('\n')}`);
    this.name = 'ViolationError';
    Object.defineProperty(this, 'violations', { value: violations, enumerable: false, writable: false, configurable: true });
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
