/**
 * The examples' type instantiation count (a count, not a time: deterministic for a given compiler and
 * source) must not grow more than 20% over the baseline `npm run bench` recorded in bench/baseline.json.
 * Growth usually means a type-level encoding got expensive (recursive parsing, deep generics).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exceedsBaseline, parseDiagnostics, typecheck, type Baseline } from './typecheck';

const baseline = JSON.parse(fs.readFileSync(path.join(__dirname, 'baseline.json'), 'utf8')) as Baseline;

describe('exceedsBaseline', () => {
  it.each([
    [1000, 1000, false],
    [1200, 1000, false],
    [1201, 1000, true],
    [0, 1000, false],
  ])('%i instantiations against a baseline of %i: exceeds = %s', (count, base, exceeds) => {
    expect(exceedsBaseline(count, base)).toBe(exceeds);
  });
});

describe('parseDiagnostics', () => {
  const report = ['Files:                         204', 'Types:                        3096', 'Instantiations:               2786', 'Check time:                    1.75s', 'Total time:                    6.80s'].join('\n');

  it('reads the counts and times tsc prints', () => {
    expect(parseDiagnostics(report)).toEqual({ files: 204, types: 3096, instantiations: 2786, checkTime: 1.75, totalTime: 6.8 });
  });

  it('fails when a figure is missing', () => {
    expect(() => parseDiagnostics(report.replace(/^Instantiations.*$/m, ''))).toThrow(/printed no "Instantiations"/);
  });
});

describe('type instantiations of the examples', () => {
  it(`stay within 20% of the baseline (${baseline.examplesInstantiations}, TypeScript ${baseline.typescript})`, () => {
    const { instantiations } = typecheck(path.join(__dirname, 'tsconfig.examples.json'));
    expect(instantiations, `baseline ${baseline.examplesInstantiations}; if the growth is intended, re-record it with BENCH_UPDATE_BASELINE=1 npm run bench`).toBeLessThanOrEqual(
      Math.floor(baseline.examplesInstantiations * 1.2),
    );
    expect(exceedsBaseline(instantiations, baseline.examplesInstantiations)).toBe(false);
  });
});
