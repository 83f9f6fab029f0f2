/**
 * The catalog of rules: the `RuleId` union, every rule id of every area of the list (areas.ts). A rule that is not
 * in an area's table cannot be reported (its violations do not type-check as `Violation`).
 *
 * lib/violation.ts declares `RuleId` over an empty `RuleCatalog` interface and this file fills it in by declaration
 * merging (TanStack Router registers its router type the same way): lib/violation.ts, which every rule file imports,
 * imports no rule file, so the rule modules form no import cycle.
 *
 * Only types here, and its declaration file stays light: lib/violation.ts's declarations are loaded by every
 * construct's, so by every user's type check, and what `RuleId` references is loaded with them. It references the
 * area list's declarations (areas.ts: the rule tables, the checks' signatures) and nothing of the linter or the yaml
 * package; a value whose type is printed in full (as `RULE_AREAS`'s once was, by way of lib/index) can draw those in.
 */
import type { AREAS } from './areas';

export type { RuleId } from '../violation';

/** The rules of a table (distributes over a union of tables). */
type RulesOf<Table> = Table extends unknown ? Table[keyof Table] : never;

declare module '../violation' {
  interface RuleCatalog {
    /** Every rule id of every area. */
    readonly ids: RulesOf<(typeof AREAS)[number]['rules']>['id'];
  }
}
