/**
 * A CronJob's `timeZone` as the API server checks it (`validateTimeZone`, pkg/apis/batch/validation): not
 * empty; every `/`-separated part 1–14 characters of `[A-Za-z.\-_0-9+]`, not `.` or `..`, not starting with
 * `-`; not `Local` (any case); and a zone Go's `time.LoadLocation` finds in the IANA time zone database.
 *
 * The last step is answered here by the IANA database of Node's ICU: a name `Intl.DateTimeFormat` accepts, with
 * the letter case the database spells it in (Go reads zone files by name, case-sensitively, while ICU ignores
 * case: a canonical name must match ICU's list exactly; an alias, which ICU does not list, must start each part
 * with a capital letter, as every IANA name does). Where the two databases differ (a zone added or removed in one tzdata release and not yet in the
 * other, or a legacy name ICU keeps and Go's zone files dropped) the answer may differ from the API server's.
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones
 */

const PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

let canonical: Map<string, string> | undefined;

/** The canonical IANA names ICU lists, by their lower-cased spelling. */
function canonicalNames(): Map<string, string> {
  if (!canonical) {
    canonical = new Map();
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    for (const name of intl.supportedValuesOf?.('timeZone') ?? []) canonical.set(name.toLowerCase(), name);
  }
  return canonical;
}

/** Whether ICU knows the zone (canonical name or alias), in any letter case. */
function icuAccepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Whether Go's `time.LoadLocation(name)` would find the zone (see the file comment for where it may differ). */
export function isKnownTimeZone(name: string): boolean {
  if (name === '' || name === 'UTC') return true;
  if (name === 'Local') return true;
  if (!icuAccepts(name)) return false;
  const listed = canonicalNames().get(name.toLowerCase());
  // a canonical name in another letter case: no such zone file
  if (listed !== undefined) return listed === name;
  // an alias (US/Eastern, Etc/GMT+5, Japan): ICU resolves it in any case; the database spells every part with a
  // capital first letter, so a part starting in lower case is not a zone file (a wrong case inside a part is missed)
  return name.split('/').every((part) => /^[A-Z]/.test(part));
}

/** The API server's message for a `timeZone`, or undefined when it accepts it. */
export function timeZoneError(timeZone: string): string | undefined {
  if (timeZone.length === 0) return 'timeZone must be nil or non-empty string';
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !PART.test(part)) return `unknown time zone ${timeZone}`;
  }
  if (timeZone.toLowerCase() === 'local') return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  if (!isKnownTimeZone(timeZone)) return `unknown time zone ${timeZone}`;
  return undefined;
}
