/**
 * The reference harness: every example chart equals its reference manifest from the docs, semantically
 * (parsed YAML; server-populated fields ignored); every tolerated difference is in the deviation ledger
 * (`deviations.json`) with its reason; the synthesized YAML is also kept as file snapshots under `synth/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { buildExamplesApp } from '../examples/app';
import { EXAMPLE_PAGES } from '../examples/index';
import { chartId } from '../examples/registry';
import type { KubeObject } from '../lib/k8s';
import { compareManifests, formatDifferences, type ManifestDifference } from '../testing/compare';
import { REQUIRED_FRAGMENTS } from './fragments';
import { isSubset, mappings, readFragment, readReference, REFERENCE_DIR, wholeTargets } from './reference-corpus';

/** A reference manifest whose output differs from the docs at one path, because current Kubernetes differs. */
interface Deviation {
  readonly reference: string;
  readonly path: string;
  readonly reason: string;
  readonly kubernetes: string;
}

/** A statement of a page's text that current Kubernetes contradicts, proved by a named test. */
interface TextDeviation {
  readonly page: string;
  readonly docs: string;
  readonly reason: string;
  readonly kubernetes: string;
  /** The test file (repo-relative) and the title of the test that shows the current behaviour. */
  readonly test: string;
  readonly testName: string;
}

const entries = JSON.parse(fs.readFileSync(path.join(__dirname, 'deviations.json'), 'utf8')) as (Deviation | TextDeviation)[];
const ledger = entries.filter((e): e is Deviation => 'reference' in e);
const textLedger = entries.filter((e): e is TextDeviation => 'test' in e);
const { app, charts } = buildExamplesApp({ outdir: fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'podkit-harness-')) });
// validates the whole app (every rule, cross-object ones included) exactly as `cdk8s synth` does
const appYaml = app.synthYaml();
const isFragment = (ref: string) => ref.includes('/fragments/');

/** The differences of one example that the ledger does not explain, and the ledger entries it used. */
function unexplained(reference: string, diffs: ManifestDifference[]): { rest: ManifestDifference[]; used: Deviation[] } {
  const entries = ledger.filter((d) => d.reference === reference);
  const used: Deviation[] = [];
  const rest = diffs.filter((d) => {
    const hit = entries.find((e) => d.path === e.path || d.path.endsWith(`: ${e.path}`) || d.path.endsWith(`.${e.path}`));
    if (hit) used.push(hit);
    return !hit;
  });
  return { rest, used };
}

describe('examples app', () => {
  it('synthesizes every chart with no violation', () => {
    expect(appYaml.length).toBeGreaterThan(0);
  });
});

describe.each(charts.filter((c) => !isFragment(c.example.reference)).map((c) => [chartId(c.page, c.example), c] as const))(
  'reference %s',
  (id, { example, chart }) => {
    const actual = Object.values(chart.toJson()) as KubeObject[];

    it('equals the docs manifest semantically (ledger differences only)', () => {
      const diffs = compareManifests(actual, readReference(example.reference));
      const { rest } = unexplained(example.reference, diffs);
      expect(rest, `${example.reference}\n${formatDifferences(rest)}`).toEqual([]);
    });

    it('matches its YAML file snapshot', async () => {
      await expect(Yaml.stringify(...actual)).toMatchFileSnapshot(path.join(__dirname, 'synth', `${id}.k8s.yaml`));
    });
  },
);

describe('fragments', () => {
  const nodes = charts.flatMap((c) => Object.values(c.chart.toJson()).flatMap((o) => [...mappings(o)]));
  const fragmentCharts = charts.filter((c) => isFragment(c.example.reference));

  it('every fragment example contains its fragment', () => {
    const missing = fragmentCharts
      .filter(({ example, chart }) => !Object.values(chart.toJson()).some((o) => [...mappings(o)].some((n) => isSubset(readFragment(example.reference), n))))
      .map((c) => c.example.reference);
    expect(missing).toEqual([]);
  });

  it('every required fragment of the covered pages appears in the synthesized output', () => {
    const required = REQUIRED_FRAGMENTS.filter((f) => EXAMPLE_PAGES.some((p) => f.startsWith(`${p.page}/`)));
    expect(required.filter((f) => !nodes.some((n) => isSubset(readFragment(`manifests/${f}`), n)))).toEqual([]);
  });
});

describe('coverage', () => {
  it.each(EXAMPLE_PAGES.map((p) => [p.page, p] as const))('every whole manifest of %s has an example', (page, p) => {
    const covered = new Set(p.examples.map((e) => e.reference));
    expect(wholeTargets(page).filter((t) => !covered.has(t))).toEqual([]);
  });

  it('every example names a file that exists in the reference', () => {
    const missing = charts.map((c) => c.example.reference).filter((r) => !fs.existsSync(path.join(REFERENCE_DIR, r)));
    expect(missing).toEqual([]);
  });
});

describe('deviation ledger', () => {
  it('has a reason and the current Kubernetes behaviour for every entry', () => {
    for (const d of ledger) {
      expect(d.reason.length, JSON.stringify(d)).toBeGreaterThan(10);
      expect(d.kubernetes.length, JSON.stringify(d)).toBeGreaterThan(5);
    }
  });

  it('names, for every statement of the docs it overrides, a test that exists', () => {
    for (const d of textLedger) {
      expect(d.reason.length, JSON.stringify(d)).toBeGreaterThan(10);
      expect(d.kubernetes.length, JSON.stringify(d)).toBeGreaterThan(5);
      const file = path.join(__dirname, '..', d.test);
      expect(fs.existsSync(file), d.test).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), `${d.test} has no test named ${d.testName}`).toContain(d.testName);
    }
  });

  it('has only manifest entries and text entries', () => {
    expect(entries.length).toBe(ledger.length + textLedger.length);
  });

  it('lists only differences that still exist', () => {
    const used = new Set<Deviation>();
    for (const { example, chart } of charts) {
      if (isFragment(example.reference)) continue;
      const diffs = compareManifests(Object.values(chart.toJson()) as KubeObject[], readReference(example.reference));
      for (const d of unexplained(example.reference, diffs).used) used.add(d);
    }
    expect(ledger.filter((d) => !used.has(d))).toEqual([]);
  });
});
