/**
 * The package's export lists are checked in (snapshots/api/<entry>.txt, one name per line, sorted): adding or
 * removing a public name is a decision made in the same change, not a side effect of `export *`. The names come
 * from the compiler (types included); the ones that exist at run time are checked against the loaded module.
 * After a deliberate change: `PODKIT_UPDATE_EXPORTS=1 npx vitest run snapshots/exports.test.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS, REPO, exportsOf, type EntryPoint } from '../test-support/declarations';

const listFile = (entry: EntryPoint) => path.join(REPO, 'snapshots', 'api', `${entry}.txt`);
const readList = (entry: EntryPoint) => fs.readFileSync(listFile(entry), 'utf8').split('\n').filter((line) => line !== '');
const loaders: Record<EntryPoint, () => Promise<Record<string, unknown>>> = {
  root: () => import('../index'),
  testing: () => import('../testing/index'),
  lint: () => import('../lib/lint/index'),
};

/** `+ added` / `- removed` lines between the checked-in list and the current exports. */
function difference(listed: readonly string[], actual: readonly string[]): string[] {
  const listedSet = new Set(listed);
  const actualSet = new Set(actual);
  return [
    ...actual.filter((n) => !listedSet.has(n)).map((n) => `+ ${n} (exported, not in the list)`),
    ...listed.filter((n) => !actualSet.has(n)).map((n) => `- ${n} (in the list, not exported)`),
  ];
}

describe.each(Object.keys(ENTRY_POINTS) as EntryPoint[])('the %s entry point', (entry) => {
  const exported = exportsOf(entry);
  const names = exported.map((e) => e.name);
  if (process.env.PODKIT_UPDATE_EXPORTS === '1') fs.writeFileSync(listFile(entry), `${names.join('\n')}\n`);

  it('exports exactly the checked-in list of names, types included', () => {
    expect(difference(readList(entry), names), `snapshots/api/${entry}.txt differs from ${ENTRY_POINTS[entry]}`).toEqual([]);
  });

  it('keeps the checked-in list sorted and free of duplicates', () => {
    const listed = readList(entry);
    expect(listed).toEqual([...new Set(listed)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('has at run time exactly the names the compiler sees as values', async () => {
    const runtime = Object.keys(await loaders[entry]()).filter((k) => k !== 'default' && k !== '__esModule').sort();
    const values = exported.filter((e) => e.value).map((e) => e.name);
    expect(difference(values, runtime)).toEqual([]);
  });
});

describe('the package root', () => {
  const root = new Set(exportsOf('root').map((e) => e.name));

  it.each([
    'ValidationPass', 'noteManifestChange', 'openPass', 'registerTakerClass', 'toWire', 'isWire', 'ok', 'fail',
    'goJsonMarshal', 'strconvQuote', 'decodeUtf8', 'defineRule', 'goQuote', 'registerAppValidation', 'isStrict',
    'quantityWire', 'APP_CHECKS', 'POD_CHECKS', 'OBJECT_CHECKS', 'resourceRules', 'fieldPath',
  ])('does not export the internal %s', (name) => {
    expect(root.has(name)).toBe(false);
  });

  it.each([
    'Pod', 'PodProps', 'GuaranteedPod', 'GuaranteedPodProps', 'SecurePod', 'Deployment', 'ProbedDeployment', 'ConfigMapFromEnvFile',
    'StaticPod', 'Probe', 'LifecycleHandler', 'Quantity', 'Violation', 'ViolationError', 'RuleId', 'formatViolation',
    'qosClassOf', 'checkPodSecurity', 'withPromise', 'qosPromise', 'ManifestPromise', 'k8s',
  ])('exports %s', (name) => {
    expect(root.has(name)).toBe(true);
  });

  it('keeps the wire types in the k8s namespace, so the typed Probe class is the only root Probe', async () => {
    const pkg = await import('../index');
    expect(typeof pkg.Probe.httpGet).toBe('function');
    expect(Object.keys(pkg.k8s)).toEqual(Object.keys(await import('../lib/k8s')));
  });
});

describe('the published build (tsconfig.build.json)', () => {
  const configFile = path.join(REPO, 'tsconfig.build.json');
  const config = ts.readConfigFile(configFile, ts.sys.readFile);
  const files = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO, undefined, configFile).fileNames.map((f) => path.relative(REPO, f));

  it('compiles the package sources', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'testing/index.ts', 'lib/lint/index.ts']));
  });

  it('leaves out test code: tests, type tests, test tables, harnesses and test support', () => {
    expect(files.filter((f) => /\.test\.ts$|\.test-d\.ts$|\.cases\.ts$|differential-harness\.ts$|^test-support\/|summary-reporter\.ts$/.test(f))).toEqual([]);
  });

  it('ships no file that imports vitest', () => {
    const importsTestTools = (f: string) => /from 'vitest'|require\('vitest'\)/.test(fs.readFileSync(path.join(REPO, f), 'utf8'));
    expect(files.filter(importsTestTools)).toEqual([]);
  });
});
