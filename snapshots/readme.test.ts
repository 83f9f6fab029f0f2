/**
 * The README cannot rot: its quick start, `cdk8s.yaml`, testing example and validation-plugin block are taken from
 * the README itself (the fenced block after each `<!-- readme-test: NAME -->` marker), type-checked as a user's
 * project would be (importing `cdk8s-podkit`, here mapped to this repository's sources), and run: the quick start
 * through the real `cdk8s synth` in a temporary folder, the testing example with ts-node.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };

/** The fenced blocks that follow `<!-- readme-test: NAME -->` markers, by name. */
function readmeBlocks(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const m of text.matchAll(/<!-- readme-test: (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)) blocks.set(m[1]!, `${m[2]!}\n`);
  return blocks;
}

const blocks = readmeBlocks(README);
const block = (name: string): string => {
  const code = blocks.get(name);
  if (code === undefined) throw new Error(`README.md has no block marked <!-- readme-test: ${name} -->`);
  return code;
};

/** The user's imports of the package, pointed at this repository's sources (the published package's entry points). */
const ENTRY_POINTS: Record<string, string> = {
  [PACKAGE.name]: path.join(REPO, 'index.ts'),
  [`${PACKAGE.name}/testing`]: path.join(REPO, 'testing', 'index.ts'),
};
const toRepoSources = (code: string) =>
  code.replace(/from '([^']+)'/g, (whole, spec: string) => (ENTRY_POINTS[spec] ? `from '${ENTRY_POINTS[spec]!.replace(/\.ts$/, '')}'` : whole));

/** A cdk8s TypeScript project's compiler options, as `cdk8s init typescript-app` writes them (the relevant ones). */
const USER_COMPILER_OPTIONS = {
  target: 'ES2022', module: 'commonjs', moduleResolution: 'node', lib: ['ES2022'], strict: true, esModuleInterop: true, skipLibCheck: true,
};

describe('README', () => {
  it('opens with the install line and keeps the two contributor commands', () => {
    expect(README).toContain('npm install cdk8s-podkit cdk8s constructs');
    expect(README.indexOf('npm install cdk8s-podkit')).toBeLessThan(README.indexOf('npm ci && npm test'));
    expect(README).toContain('npm ci && npm run synth');
    expect(README).toContain('npm ci && npm test');
  });

  it('keeps the quick start about 15 lines: App, Chart, a workload, synth', () => {
    const code = block('main.ts');
    expect(code.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(25);
    for (const word of ['new App(', 'new Chart(', 'app.synth()']) expect(code).toContain(word);
  });

  it('lists every deviation of the ledger (snapshots/deviations.json), and no other', () => {
    type Deviation = { page?: string; kubernetes: string; reference?: string; path?: string; reason: string };
    const ledger = JSON.parse(fs.readFileSync(path.join(REPO, 'snapshots', 'deviations.json'), 'utf8')) as Deviation[];
    const section = README.slice(README.indexOf('## Where the docs and current Kubernetes disagree'));
    const listed = section.slice(0, section.indexOf('\n## ', 1)).split('\n').filter((l) => l.startsWith('- '));
    const line = (d: Deviation) => (d.path !== undefined ? `- \`${path.basename(d.reference!)}\` \`${d.path}\`: ${d.reason}` : `- ${d.page}: ${d.kubernetes}`);
    expect(listed).toStrictEqual(ledger.map(line));
  });

  it('names the validation plugin class the package ships, with the package version', () => {
    const config = parse(block('validation-plugin')) as { validations: { package: string; class: string; version: string }[] };
    const [plugin] = config.validations;
    expect(plugin?.package).toBe(`./node_modules/${PACKAGE.name}/validation-plugin`);
    expect(plugin?.version).toBe(PACKAGE.version);
    const shipped = require(path.join(REPO, 'validation-plugin')) as Record<string, unknown>;
    expect(typeof shipped[plugin!.class]).toBe('function');
  });
});

describe('README code in a user project', { timeout: 180_000 }, () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-readme-'));
    // the project's node_modules: this repository's install, and the package itself (for `node -r cdk8s-podkit/register`)
    const modules = fs.realpathSync(path.join(REPO, 'node_modules'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    for (const entry of fs.readdirSync(modules)) fs.symlinkSync(path.join(modules, entry), path.join(dir, 'node_modules', entry));
    fs.symlinkSync(REPO, path.join(dir, 'node_modules', PACKAGE.name), 'dir');
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: USER_COMPILER_OPTIONS }, null, 2));
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), block('cdk8s.yaml'));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('type-checks the quick start and the testing example', () => {
    const files = { 'main.ts': block('main.ts'), 'golden.ts': block('golden.test.ts') };
    for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), code);
    const options = ts.convertCompilerOptionsFromJson(
      { ...USER_COMPILER_OPTIONS, noEmit: true, types: ['node'], baseUrl: dir, paths: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([k, v]) => [k, [v]])) },
      dir,
    );
    expect(options.errors).toEqual([]);
    const program = ts.createProgram(Object.keys(files).map((f) => path.join(dir, f)), options.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, {
      getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n',
    }));
    expect(diagnostics).toEqual([]);
  });

  it('synthesizes the quick start with cdk8s synth and the README\'s cdk8s.yaml', () => {
    fs.writeFileSync(path.join(dir, 'main.ts'), toRepoSources(block('main.ts')));
    const cli = path.join(REPO, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
    execFileSync(process.execPath, [cli, 'synth', '--no-check-upgrade'], {
      cwd: dir, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: 'pipe',
    });
    const [deployment, ...rest] = (fs.readFileSync(path.join(dir, 'dist', 'web.k8s.yaml'), 'utf8')).split(/^---$/m).map((d) => parse(d));
    expect(rest).toEqual([]);
    expect(deployment).toMatchObject({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } },
    });
    expect(deployment.spec.template.spec.containers[0].readinessProbe).toEqual({ httpGet: { path: '/', port: 'http' } });
  });

  it('fails synthesis, as the README says, when the request exceeds the limit', () => {
    const broken = block('main.ts').replace("memory: '64Mi' }", "memory: '256Mi' }");
    expect(broken).not.toBe(block('main.ts'));
    fs.writeFileSync(path.join(dir, 'broken.ts'), toRepoSources(broken));
    let stderr = '';
    try {
      execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'broken.ts'], { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr?: Buffer }).stderr);
    }
    const line = stderr.split('\n').find((l) => l.includes('[resources/request-exceeds-limit]'))?.trim();
    expect(line).toBeDefined();
    expect(README).toContain(line!);
  });

  it('runs the testing example: the chart matches its golden manifest', () => {
    fs.writeFileSync(path.join(dir, 'golden.ts'), toRepoSources(block('golden.test.ts')));
    expect(() => execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'golden.ts'], { cwd: dir, stdio: 'pipe' })).not.toThrow();
  });
});
