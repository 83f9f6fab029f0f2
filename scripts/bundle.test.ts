/**
 * scripts/bundle.js and the loader it ships (scripts/bundle-loader.js as build/load-bundle.js): the bundle built
 * into a throw-away package installed in a project's node_modules, next to this repository's cdk8s, constructs
 * and yaml; each check runs in a fresh Node process, as an app loads the package. (The consumer test runs the
 * same from the packed tarball.)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
const cache = path.join(modules, '.cache', 'cdk8s-podkit');

beforeAll(() => {
  fs.mkdirSync(path.join(pkg, 'build'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(pkg, 'package.json'));
  for (const dep of ['cdk8s', 'constructs', 'yaml']) fs.symlinkSync(fs.realpathSync(path.join(REPO, 'node_modules', dep)), path.join(modules, dep), 'dir');
  bundle(path.join(pkg, 'build'));
}, 120_000);

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

/** Requires the root in a fresh process and synthesizes one Pod; returns its output (the pod's name) and stderr. */
function run(nodeArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const script = [
    "const { App, Chart } = require('cdk8s');",
    "const { Pod } = require('cdk8s-podkit');",
    'const app = new App();',
    "new Pod(new Chart(app, 'c'), 'p', { metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });",
    'process.stdout.write(app.synthYaml().match(/name: (web)/)[1]);',
  ].join('\n');
  const r = spawnSync(process.execPath, [...nodeArgs, '-e', script], { cwd: project, encoding: 'utf8', env: { ...process.env, CDK8S_PODKIT_CACHE: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
/** An entry is the SHA-256 of its data, then the data. */
const intactEntry = (file: string) => {
  const entry = fs.readFileSync(file);
  return entry.length > 32 && sha256(entry.subarray(32)).equals(entry.subarray(0, 32));
};
const entries = () => (fs.existsSync(cache) ? fs.readdirSync(cache).sort() : []);
const OK = { status: 0, stdout: 'web', stderr: '' };

describe('the bundle', () => {
  it('is one JavaScript file with a loader and one small file per entry', () => {
    const js = fs.readdirSync(path.join(pkg, 'build'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => f.split(path.sep).join('/')).sort();
    expect(js).toEqual(['bin/podkit.js', 'index.js', 'lib/lint/cdk8s-validation.js', 'lib/lint/index.js', 'load-bundle.js', 'podkit.js', 'testing/index.js']);
    expect(fs.readFileSync(path.join(pkg, 'build', 'podkit.js'), 'latin1')).toMatch(/^[\x00-\x7f]*$/);
    expect(fs.readFileSync(path.join(pkg, 'build', 'load-bundle.js'), 'utf8')).toMatch(/^const BUNDLE_SHA256 = '[0-9a-f]{64}';$/m);
  });
});

describe("the bundle's code cache", () => {
  it('is written by the first process that loads the package, in node_modules/.cache/cdk8s-podkit, and used as it is by the next', () => {
    fs.rmSync(cache, { recursive: true, force: true });
    expect(run()).toEqual(OK);
    expect(entries()).toHaveLength(1);
    const file = path.join(cache, entries()[0]!);
    expect(entries()[0]).toMatch(/^v8-[0-9a-f]{64}\.bin$/);
    const written = fs.readFileSync(file);
    const before = fs.statSync(file).mtimeMs;
    expect(run()).toEqual(OK);
    // accepted: not written again
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(fs.readFileSync(file).equals(written)).toBe(true);
  });

  it('rewrites an entry whose data does not match its hash (damaged) and one V8 rejects, and loads the package all the same', () => {
    fs.rmSync(cache, { recursive: true, force: true });
    run();
    const file = path.join(cache, entries()[0]!);
    expect(intactEntry(file)).toBe(true);
    const damaged = fs.readFileSync(file);
    damaged[damaged.length - 100] ^= 0xff;
    fs.writeFileSync(file, damaged);
    expect(run()).toEqual(OK);
    expect(intactEntry(file)).toBe(true);
    expect(fs.readFileSync(file).equals(damaged)).toBe(false);
    // an intact hash over data that is no V8 code cache: V8 rejects it, the entry is rewritten
    const garbage = Buffer.alloc(4096, 7);
    fs.writeFileSync(file, Buffer.concat([sha256(garbage), garbage]));
    expect(run()).toEqual(OK);
    expect(intactEntry(file)).toBe(true);
    expect(fs.readFileSync(file).length).toBeGreaterThan(100_000);
    // and the rewritten entry is used as it is
    const rewritten = fs.statSync(file).mtimeMs;
    expect(run()).toEqual(OK);
    expect(fs.statSync(file).mtimeMs).toBe(rewritten);
  });

  it('CDK8S_PODKIT_CACHE=0 keeps none, CDK8S_PODKIT_CACHE=DIR keeps it there, a folder that cannot be written is no error', () => {
    fs.rmSync(cache, { recursive: true, force: true });
    expect(run([], { CDK8S_PODKIT_CACHE: '0' })).toEqual(OK);
    expect(entries()).toEqual([]);
    const elsewhere = path.join(project, 'elsewhere');
    expect(run([], { CDK8S_PODKIT_CACHE: elsewhere })).toEqual(OK);
    expect(fs.readdirSync(elsewhere)).toHaveLength(1);
    const file = path.join(project, 'a-file');
    fs.writeFileSync(file, '');
    expect(run([], { CDK8S_PODKIT_CACHE: path.join(file, 'cache') })).toEqual(OK);
  });

  it('is not used with --enable-source-maps: stack traces then name the .ts sources', () => {
    fs.rmSync(cache, { recursive: true, force: true });
    expect(run(['--enable-source-maps'])).toEqual(OK);
    expect(entries()).toEqual([]);
    const thrower = "require('cdk8s-podkit').assertNoViolations([{ rule: 'x/y', path: 'p', message: 'm', severity: 'error', docs: 'https://example.com/' }])";
    const r = spawnSync(process.execPath, ['--enable-source-maps', '-e', thrower], { cwd: project, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/\(.*cdk8s-podkit\/lib\/violation\.ts:\d+:\d+\)/);
  });
});
