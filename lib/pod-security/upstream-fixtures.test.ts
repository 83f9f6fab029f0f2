/**
 * pod-security-admission's own fixtures (test/testdata/<level>/v1.<minor>/{pass,fail}/*.yaml), read from the
 * public repository at test time: at that level and version, every pass fixture is allowed and every fail
 * fixture is forbidden, by the check its file name names (`hostnamespaces0.yaml`: `hostNamespaces`) or, where
 * a restricted check overrides that baseline check at that version, by the overriding check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { corpusMissing, locateCorpus } from '../../test-support/corpora';
import type { PodLike } from '../k8s';
import { checkPodSecurity } from '../rules/pod-security';
import { PSA_CHECK_IDS, type PodSecurityCheckId } from './checks';
import { checksAt } from './evaluate';
import { LATEST_POD_SECURITY_MINOR } from './policy';

const REPO = 'kubernetes/pod-security-admission';
const root = locateCorpus({ repo: REPO, folders: ['test/testdata'] });
const testdata = root && join(root, 'test', 'testdata');
const LEVELS = ['baseline', 'restricted'] as const;

const CHECK_OF_STEM = new Map<string, PodSecurityCheckId>(PSA_CHECK_IDS.map((id) => [id.toLowerCase(), id]));

/** The check a fixture's file name names (`procmount_restricted1.yaml`), or undefined for the `base*` fixtures. */
function checkNamed(file: string): PodSecurityCheckId | undefined {
  return CHECK_OF_STEM.get(file.replace(/\d*\.yaml$/, ''));
}

/** The checks that may report a fail fixture of `check`: itself, or the restricted checks overriding it at that version. */
function reportingChecks(check: PodSecurityCheckId, level: (typeof LEVELS)[number], minor: number): PodSecurityCheckId[] {
  const active = checksAt(level, minor);
  if (active.some(([id]) => id === check)) return [check];
  return active.filter(([, d]) => d.overrides?.includes(check)).map(([id]) => id);
}

const versions = testdata
  ? readdirSync(join(testdata, 'restricted')).filter((d) => /^v1\.\d+$/.test(d)).sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))
  : [];
const load = (file: string) => parse(readFileSync(file, 'utf8')) as PodLike;
const counts: string[] = [];

describe.skipIf(!testdata)(testdata ? 'upstream pod-security-admission fixtures' : corpusMissing(REPO), () => {
  it('cover every policy version from v1.0 to the newest this package knows', () => {
    expect(versions[0]).toBe('v1.0');
    expect(versions.at(-1)).toBe(`v1.${LATEST_POD_SECURITY_MINOR}`);
    expect(versions).toHaveLength(LATEST_POD_SECURITY_MINOR + 1);
  });

  describe.each(versions)('%s', (version) => {
    const minor = Number(version.slice(3));
    describe.each(LEVELS)('%s', (level) => {
      const dir = join(testdata!, level, version);
      const policy = `${level}:${version}`;

      it('allows every pass fixture', () => {
        const files = readdirSync(join(dir, 'pass')).filter((f) => f.endsWith('.yaml'));
        const wronglyForbidden = files.flatMap((f) => {
          const found = checkPodSecurity(load(join(dir, 'pass', f)), policy);
          return found.length === 0 ? [] : [`${f}: ${found.map((v) => v.message).join(' | ')}`];
        });
        counts.push(`${policy} pass ${files.length - wronglyForbidden.length}/${files.length}`);
        expect(files.length).toBeGreaterThan(0);
        expect(wronglyForbidden).toEqual([]);
      });

      it('forbids every fail fixture by the check its name names', () => {
        const files = readdirSync(join(dir, 'fail')).filter((f) => f.endsWith('.yaml'));
        const wrong = files.flatMap((f) => {
          const found = checkPodSecurity(load(join(dir, 'fail', f)), policy);
          if (found.length === 0) return [`${f}: allowed`];
          const named = checkNamed(f);
          if (!named) return [`${f}: names no check`];
          const expected = reportingChecks(named, level, minor);
          return found.some((v) => expected.includes(v.check)) ? [] : [`${f}: expected ${expected.join(' or ')}, found ${found.map((v) => v.check).join(', ')}`];
        });
        counts.push(`${policy} fail ${files.length - wrong.length}/${files.length}`);
        expect(files.length).toBeGreaterThan(0);
        expect(wrong).toEqual([]);
      });
    });
  });

  afterAll(() => {
    if (process.env.PODKIT_PSA_COUNTS) console.log(counts.join('\n'));
  });
});
