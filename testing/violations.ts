/**
 * Test helpers for constructs that check their manifest: the violations a build throws, by rule id and path,
 * so tests assert what failed and where rather than a bare `toThrow()`.
 */
import { ViolationError } from '../lib/violation';

/** The `{ rule, path }` of every violation `build` throws as a `ViolationError`; empty when it does not throw. Other errors propagate. */
export function thrownViolations(build: () => unknown): { rule: string; path: string }[] {
  try {
    build();
  } catch (e) {
    if (e instanceof ViolationError) return e.violations.map((v) => ({ rule: v.rule, path: v.path }));
    throw e;
  }
  return [];
}

/** The same as `[rule, path]` pairs, for table-driven tests. */
export function thrownRulePaths(build: () => unknown): [string, string][] {
  return thrownViolations(build).map((v) => [v.rule, v.path]);
}
