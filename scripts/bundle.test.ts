/**
 * scripts/bundle.js: the bundle built into a throw-away package installed in a project's node_modules, next to
 * this repository's cdk8s, constructs and yaml; each check runs in a fresh Node process, as an app loads the
 * package. (The consumer test checks the packed tarball the same way.)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundle } = require('./bundle.js') as { bundle: (build: string) => { bytes: number; modules: number } };

const REPO = path.resolve(__dirname, '..');
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-bundle-'));
const modules = path.join(project, 'node_modules');
const pkg = path.join(modules, 'cdk8s-podkit');

beforeAll(() => {
  fs.mkdirSync(path.join(pkg, 'build'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(pkg, 'package.json'));
  for (const dep of ['cdk8s', 'constructs', 'yaml']) fs.symlinkSync(fs.realpathSync(path.join(REPO, 'node_modules', dep)), path.join(modules, dep), 'dir');
  bundle(path.join(pkg, 'build'));
}, 120_000);

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

/** Requires the root in a fresh process and synthesizes one Pod; returns its output (the pod's name) and stderr. */
function run(nodeArgs: readonly string[] = []): { status: number | null; stdout: string; stderr: string } {
  const script = [
    "const { App, Chart } = require('cdk8s');",
    "const { Pod } = require('cdk8s-podkit');",
    'const app = new App();',
    "new Pod(new Chart(app, 'c'), 'p', { metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });",
    'process.stdout.write(app.synthYaml().match(/name: (web)/)[1]);',
  ].join('\n');
  const r = spawnSync(process.execPath, [...nodeArgs, '-e', script], { cwd: project, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OK = { status: 0, stdout: 'web', stderr: '' };

describe('the bundle', () => {
  it('is one JavaScript file, its source map, and one small file per entry', () => {
    const js = fs.readdirSync(path.join(pkg, 'build'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => f.split(path.sep).join('/')).sort();
    expect(js).toEqual(['bin/podkit.js', 'index.js', 'lib/lint/cdk8s-validation.js', 'lib/lint/index.js', 'podkit.js', 'testing/index.js']);
    expect(fs.existsSync(path.join(pkg, 'build', 'podkit.js.map'))).toBe(true);
    expect(fs.readFileSync(path.join(pkg, 'build', 'podkit.js'), 'latin1')).toMatch(/^[\x00-\x7f]*$/);
  });
});

describe('the bundle at run time', () => {
  it('synthesizes with the root, and the entries take their modules from the bundle: one copy of each', () => {
    expect(run()).toEqual(OK);
    const probe = [
      "for (const e of ['', '/testing', '/lint']) require('cdk8s-podkit' + e);",
      "const files = Object.keys(require.cache).filter((f) => f.includes('cdk8s-podkit')).map((f) => f.slice(f.indexOf('cdk8s-podkit') + 13));",
      'process.stdout.write(JSON.stringify(files.sort()));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', probe], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['build/index.js', 'build/lib/lint/index.js', 'build/podkit.js', 'build/testing/index.js']);
  });

  it('maps stack traces to the .ts sources with --enable-source-maps', () => {
    const thrower = "require('cdk8s-podkit').assertNoViolations([{ rule: 'x/y', path: 'p', message: 'm', severity: 'error', docs: 'https://example.com/' }])";
    const r = spawnSync(process.execPath, ['--enable-source-maps', '-e', thrower], { cwd: project, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/\(.*cdk8s-podkit\/lib\/violation\.ts:\d+:\d+\)/);
  });
});
