/**
 * The package as a user gets it: `npm pack` of this repository, installed from the tarball into a copy of
 * the consumer project (this folder) with the lowest and again with the newest cdk8s and constructs the
 * package supports (versions.json, exact versions). Each copy must install a single cdk8s and constructs
 * (the project's: they are peer dependencies), type-check against them (`tsc`, library types included),
 * synthesize exactly the golden manifests (golden/) and fail synthesis of a manifest that breaks a rule.
 *
 * Needs the npm registry (or npm's cache: installs prefer it). `PODKIT_UPDATE_GOLDEN=1` rewrites golden/
 * from the newest versions' output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HERE = __dirname;
const REPO = resolve(HERE, '..');
const GOLDEN = join(HERE, 'golden');
const PROJECT_FILES = ['main.ts', 'invalid.ts', 'tsconfig.json'];
const INSTALL_TIMEOUT = 10 * 60_000;

interface Versions {
  readonly cdk8s: string;
  readonly constructs: string;
}

const versions = JSON.parse(readFileSync(join(HERE, 'versions.json'), 'utf8')) as Record<'lowest' | 'newest', Versions>;
const work = mkdtempSync(join(tmpdir(), 'podkit-consumer-'));
let tarball = '';

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A copy of the consumer project with `v` pinned and the tarball as its cdk8s-podkit, installed. */
function install(name: string, v: Versions): string {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const f of PROJECT_FILES) copyFileSync(join(HERE, f), join(dir, f));
  const pkg = JSON.parse(readFileSync(join(HERE, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies = { cdk8s: v.cdk8s, 'cdk8s-podkit': `file:${tarball}`, constructs: v.constructs };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'], dir);
  return dir;
}

const installedVersion = (dir: string, pkg: string): string => (JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** The files of a folder, by name, as text. */
function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

beforeAll(() => {
  const { name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], REPO);
  tarball = join(work, `${name}-${version}.tgz`);
  expect(existsSync(tarball)).toBe(true);
}, INSTALL_TIMEOUT);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
}, INSTALL_TIMEOUT);

describe.each(['lowest', 'newest'] as const)('the packed package in a cdk8s project, with the %s supported cdk8s and constructs', (which) => {
  const v = versions[which];
  let dir = '';

  beforeAll(() => {
    dir = install(which, v);
  }, INSTALL_TIMEOUT);

  it(`installs one cdk8s (${v.cdk8s}) and one constructs (${v.constructs}): the project's, none under cdk8s-podkit`, () => {
    expect([installedVersion(dir, 'cdk8s'), installedVersion(dir, 'constructs')]).toEqual([v.cdk8s, v.constructs]);
    expect(['cdk8s', 'constructs'].filter((p) => existsSync(join(dir, 'node_modules', 'cdk8s-podkit', 'node_modules', p)))).toEqual([]);
    // and no cdk8s-plus-28: the package does not need it
    expect(existsSync(join(dir, 'node_modules', 'cdk8s-plus-28'))).toBe(false);
  });

  it('type-checks (tsc, the library types included)', () => {
    run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
    expect(existsSync(join(dir, 'out', 'main.js'))).toBe(true);
  }, INSTALL_TIMEOUT);

  it('synthesizes the golden manifests', () => {
    run(process.execPath, ['out/main.js'], dir, { ...process.env, CDK8S_OUTDIR: 'dist' });
    const written = filesOf(join(dir, 'dist'));
    if (process.env.PODKIT_UPDATE_GOLDEN === '1' && which === 'newest') {
      rmSync(GOLDEN, { recursive: true, force: true });
      mkdirSync(GOLDEN);
      for (const [f, text] of Object.entries(written)) writeFileSync(join(GOLDEN, f), text);
    }
    expect(Object.keys(written).length).toBeGreaterThan(0);
    expect(written).toStrictEqual(filesOf(GOLDEN));
  }, INSTALL_TIMEOUT);

  it('fails synthesis of a manifest that breaks a rule, naming the path and the rule id', () => {
    const r = spawnSync(process.execPath, ['out/invalid.js'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CDK8S_OUTDIR: 'dist-invalid' } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/spec\.containers\[0\]\.resources\.requests: .*\[resources\/request-exceeds-limit\]/);
    // the source line Node prints above the uncaught error is a line of the bundle: one line of code, not the bundle
    expect(Math.max(...r.stderr.split('\n').map((line) => line.length))).toBeLessThan(1000);
    // the trace starts at the app's `new Pod(…)`, with no frame inside the package; the violations are printed once
    const frames = r.stderr.split('\n').filter((line) => /^\s+at /.test(line));
    expect(frames[0]).toMatch(/out[\\/]invalid\.js:\d+:\d+/);
    expect(frames.filter((line) => line.includes('cdk8s-podkit'))).toEqual([]);
    expect(r.stderr.match(/request-exceeds-limit/g)).toHaveLength(1);
    expect(existsSync(join(dir, 'dist-invalid', 'bad.k8s.yaml'))).toBe(false);
  }, INSTALL_TIMEOUT);

  it('ships its JavaScript as one bundle: every entry takes its modules from it, one copy of each', () => {
    const pkg = join(dir, 'node_modules', 'cdk8s-podkit');
    const js = readdirSync(join(pkg, 'build'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => f.split('\\').join('/')).sort();
    expect(js).toEqual(['bin/podkit.js', 'index.js', 'lib/lint/cdk8s-validation.js', 'lib/lint/index.js', 'podkit.js', 'testing/index.js']);
    expect(existsSync(join(pkg, 'build', 'podkit.js.map'))).toBe(true);
    const probe = `
      const root = require('cdk8s-podkit');
      const testing = require('cdk8s-podkit/testing');
      const lint = require('cdk8s-podkit/lint');
      const Plugin = require('cdk8s-podkit/validation-plugin');
      const files = Object.keys(require.cache).filter((f) => f.includes('cdk8s-podkit')).map((f) => f.slice(f.lastIndexOf('cdk8s-podkit') + 13).split('\\\\').join('/')).sort();
      // testing's thrownViolations knows the error by \`instanceof ViolationError\`: the root's class must be its class
      const { App, Chart } = require('cdk8s');
      const bad = { name: 'c', image: 'nginx', resources: { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } } };
      const thrown = testing.thrownRulePaths(() => new root.Pod(new Chart(new App(), 'c'), 'p', { spec: { containers: [bad] } }));
      process.stdout.write(JSON.stringify({ files, thrown, kinds: [typeof root.Pod, typeof lint.lintSourced, typeof Plugin.PodkitValidation, lint.PodkitValidation === Plugin.PodkitValidation] }));
    `;
    const out = JSON.parse(run(process.execPath, ['-e', probe], dir)) as { files: string[]; thrown: [string, string][]; kinds: unknown[] };
    expect(out.files).toEqual([
      'bin/load.js', 'build/index.js', 'build/lib/lint/cdk8s-validation.js', 'build/lib/lint/index.js', 'build/podkit.js', 'build/testing/index.js', 'validation-plugin/index.js',
    ]);
    expect(out.kinds).toEqual(['function', 'function', 'function', true]);
    expect(out.thrown).toEqual([['resources/request-exceeds-limit', 'spec.containers[0].resources.requests']]);
  }, INSTALL_TIMEOUT);

  it('maps a stack trace through the bundle back to the TypeScript sources with --enable-source-maps', () => {
    // an error thrown inside the package (assertNoViolations throws from lib/violation.ts)
    const thrower = "require('cdk8s-podkit').assertNoViolations([{ rule: 'r', path: 'p', message: 'm', severity: 'error', docs: '', docsEn: '' }], 'x');";
    const r = spawnSync(process.execPath, ['--enable-source-maps', '-e', thrower], { cwd: dir, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/at (Object\.)?assertNoViolations \(.*cdk8s-podkit\/lib\/violation\.ts:\d+:\d+\)/);
  }, INSTALL_TIMEOUT);
});



