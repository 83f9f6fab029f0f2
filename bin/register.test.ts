/**
 * bin/register.js, run as cdk8s.yaml runs it (`node -r ./bin/register.js app.ts`, or a user's
 * `node -r cdk8s-podkit/register main.ts`), on a throw-away project with a copy of the hook in its bin/.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-register-'));
afterAll(() => fs.rmSync(pkg, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = path.join(pkg, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

write('bin/register.js', fs.readFileSync(path.join(__dirname, 'register.js'), 'utf8'));
fs.symlinkSync(fs.realpathSync(path.join(__dirname, '../node_modules')), path.join(pkg, 'node_modules'), 'dir');
write('lib/shapes.ts', ['export interface Shape { readonly sides: number }', 'export const square: Shape = { sides: 4 };', ''].join('\n'));
write(
  'lib/fail.ts',
  ['/** throws on line 4, column 9 */', 'export function fail(why: string): never {', '  const message: string = `failed: ${why}`;', '  throw new Error(message);', '}', ''].join('\n'),
);
write('lib/shapes.test.ts', 'import { it } from "vitest"; it("is not part of the app", () => {});\n');

function app(name: string, source: string): { status: number | null; stdout: string; stderr: string } {
  const file = write(`${name}.ts`, source);
  const r = spawnSync(process.execPath, ['-r', path.join(pkg, 'bin/register.js'), file], { encoding: 'utf8', cwd: pkg });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/register.js', () => {
  it('runs TypeScript that imports other .ts files of the package, types stripped', () => {
    const r = app('main', 'import { square, type Shape } from "./lib/shapes";\nconst s: Shape = square;\nconsole.log(s.sides);\n');
    expect(r.stderr).toBe('');
    expect([r.status, r.stdout]).toEqual([0, '4\n']);
  });

  it('maps stack traces to the .ts line and column', () => {
    const r = app('throws', 'import { fail } from "./lib/fail";\nfail("here");\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path.join(pkg, 'lib/fail.ts')}:4:9`);
    expect(r.stderr).toContain(`${path.join(pkg, 'throws.ts')}:2:1`);
  });

  describe('source maps of .js files', () => {
    // lib/mapped.js throws on its line 2, column 9; its inline map says that is line 40, column 3 of original.ts
    const map = { version: 3, sources: ['original.ts'], names: [], mappings: `${';'.repeat(1)}QAuCE` };
    write('lib/mapped.js', `exports.boom = function boom() {\n  throw new Error("boom");\n};\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`);
    // a .js file that requires a .ts file, which throws when called
    write('lib/bridge.js', 'exports.fail = require("./fail").fail;\n');
    const main = 'import { boom } from "./lib/mapped";\nimport { fail } from "./lib/bridge";\ntry { boom(); } catch (e) { console.log((e as Error).stack); }\nfail("via js");\n';

    it('reads no .js file\'s map (it keeps its own positions) and still maps every .ts frame, a .ts required from a .js too', () => {
      const r = app('jsmaps', main);
      expect(r.stdout).toContain(`${path.join(pkg, 'lib/mapped.js')}:2:9`);
      expect(r.stdout).not.toContain('original.ts');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${path.join(pkg, 'lib/fail.ts')}:4:9`);
      expect(r.stderr).toContain(`${path.join(pkg, 'jsmaps.ts')}:4:1`);
    });

    it('reads every map with --enable-source-maps', () => {
      const file = write('jsmaps2.ts', main);
      const r = spawnSync(process.execPath, ['--enable-source-maps', '-r', path.join(pkg, 'bin/register.js'), file], { encoding: 'utf8', cwd: pkg });
      expect(r.stdout).toContain(`${path.join(pkg, 'lib/original.ts')}:40:3`);
      expect(r.stderr).toContain(`${path.join(pkg, 'lib/fail.ts')}:4:9`);
    });
  });

  it('still runs when a source the app does not require does not parse', () => {
    const broken = write('lib/broken.ts', 'export const = ;\n');
    try {
      const r = app('main2', 'import { square } from "./lib/shapes";\nconsole.log(square.sides);\n');
      expect([r.status, r.stdout]).toEqual([0, '4\n']);
    } finally {
      fs.rmSync(broken);
    }
  });

  it('fails with esbuild\'s error when a required source does not parse', () => {
    const broken = write('lib/broken2.ts', 'export const = ;\n');
    try {
      const r = app('main3', 'import "./lib/broken2";\n');
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/broken2\.ts:1:\d+: ERROR: Expected identifier/);
    } finally {
      fs.rmSync(broken);
    }
  });

  it('runs a file the import scan cannot see (a require with a computed path)', () => {
    const r = app('dynamic', 'const name: string = ["sha", "pes"].join("");\nconsole.log(require(`./lib/${name}`).square.sides);\n');
    expect(r.stderr).toBe('');
    expect([r.status, r.stdout]).toEqual([0, '4\n']);
  });

  it('transforms a .ts file outside the package on its own', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-outside-'));
    try {
      const file = path.join(outside, 'x.ts');
      fs.writeFileSync(file, 'const n: number = 2;\nconsole.log(n * 3);\n');
      const r = spawnSync(process.execPath, ['-r', path.join(pkg, 'bin/register.js'), file], { encoding: 'utf8' });
      expect([r.status, r.stdout]).toEqual([0, '6\n']);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it("batches a user project's imports wherever it lives (outside the package that ships the hook)", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-user-'));
    try {
      fs.mkdirSync(path.join(project, 'lib'));
      fs.writeFileSync(path.join(project, 'lib', 'sides.ts'), 'export const sides: number = 6;\n');
      fs.writeFileSync(path.join(project, 'main.ts'), 'import { sides } from "./lib/sides";\nconst n: number = sides;\nconsole.log(n);\n');
      const r = spawnSync(process.execPath, ['-r', path.join(pkg, 'bin/register.js'), 'main.ts'], { encoding: 'utf8', cwd: project });
      expect(r.stderr).toBe('');
      expect([r.status, r.stdout]).toEqual([0, '6\n']);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  describe('the transform cache', () => {
    /** A user's project with the hook installed as a package: node_modules/cdk8s-podkit/bin/register.js, esbuild beside it. */
    function project(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-cache-'));
      fs.mkdirSync(path.join(dir, 'node_modules', 'cdk8s-podkit', 'bin'), { recursive: true });
      fs.copyFileSync(path.join(__dirname, 'register.js'), path.join(dir, 'node_modules', 'cdk8s-podkit', 'bin', 'register.js'));
      fs.symlinkSync(fs.realpathSync(path.join(__dirname, '../node_modules/esbuild')), path.join(dir, 'node_modules', 'esbuild'), 'dir');
      fs.writeFileSync(path.join(dir, 'sides.ts'), 'export const sides: number = 6;\n');
      // prints the value and whether this process loaded esbuild (a transform) or not (every file from the cache)
      fs.writeFileSync(path.join(dir, 'main.ts'), 'import { sides } from "./sides";\nconst n: number = sides;\nconsole.log(n, Object.keys(require.cache).some((f) => f.includes("esbuild")));\n');
      return dir;
    }
    const run = (dir: string, env: NodeJS.ProcessEnv = {}) => {
      const r = spawnSync(process.execPath, ['-r', './node_modules/cdk8s-podkit/bin/register.js', 'main.ts'], { encoding: 'utf8', cwd: dir, env: { ...process.env, CDK8S_PODKIT_CACHE: '', ...env } });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

    it('transforms on the first run, keeps each file in node_modules/.cache/cdk8s-podkit, and starts no esbuild on the next', () => {
      const dir = project();
      try {
        const cache = path.join(dir, 'node_modules', '.cache', 'cdk8s-podkit');
        expect(run(dir)).toEqual({ status: 0, stdout: '6 true\n', stderr: '' });
        expect(entries(cache)).toHaveLength(2);
        expect(entries(cache).every((f) => /^[0-9a-f]{64}\.js$/.test(f))).toBe(true);
        expect(run(dir)).toEqual({ status: 0, stdout: '6 false\n', stderr: '' });
        expect(entries(cache)).toHaveLength(2);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('misses after an edit: the edited file is transformed again, the others still come from the cache', () => {
      const dir = project();
      try {
        const cache = path.join(dir, 'node_modules', '.cache', 'cdk8s-podkit');
        expect(run(dir).stdout).toBe('6 true\n');
        fs.writeFileSync(path.join(dir, 'sides.ts'), 'export const sides: number = 8;\n');
        expect(run(dir)).toEqual({ status: 0, stdout: '8 true\n', stderr: '' });
        expect(entries(cache)).toHaveLength(3);
        expect(run(dir).stdout).toBe('8 false\n');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('treats a corrupted entry as a miss and rewrites it', () => {
      const dir = project();
      try {
        const cache = path.join(dir, 'node_modules', '.cache', 'cdk8s-podkit');
        run(dir);
        const files = entries(cache).map((f) => path.join(cache, f));
        const intact = files.map((f) => fs.readFileSync(f, 'utf8'));
        // one entry cut short, the other with its code changed under an intact header
        fs.writeFileSync(files[0]!, intact[0]!.slice(0, intact[0]!.length / 2));
        fs.writeFileSync(files[1]!, intact[1]!.replace(/\n[\s\S]*$/, '\nthrow new Error("not the transform");\n'));
        expect(run(dir)).toEqual({ status: 0, stdout: '6 true\n', stderr: '' });
        expect(files.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(intact);
        expect(run(dir).stdout).toBe('6 false\n');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('CDK8S_PODKIT_CACHE names another folder or turns the cache off; a folder it cannot write is no error', () => {
      const dir = project();
      try {
        const elsewhere = path.join(dir, 'elsewhere');
        expect(run(dir, { CDK8S_PODKIT_CACHE: elsewhere }).stdout).toBe('6 true\n');
        expect(entries(elsewhere)).toHaveLength(2);
        expect(run(dir, { CDK8S_PODKIT_CACHE: elsewhere }).stdout).toBe('6 false\n');
        expect(run(dir, { CDK8S_PODKIT_CACHE: '0' }).stdout).toBe('6 true\n');
        expect(entries(path.join(dir, 'node_modules', '.cache'))).toEqual([]);
        const file = path.join(dir, 'a-file');
        fs.writeFileSync(file, '');
        expect(run(dir, { CDK8S_PODKIT_CACHE: path.join(file, 'cache') })).toEqual({ status: 0, stdout: '6 true\n', stderr: '' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('keeps no cache in a source checkout (the hook outside node_modules) unless asked', () => {
      expect(app('nocache', 'console.log(1);\n').stdout).toBe('1\n');
      expect(fs.existsSync(path.join(pkg, '.cache'))).toBe(false);
    });
  });

  it('says how to install esbuild when it is missing, without a stack trace', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-no-esbuild-'));
    try {
      fs.writeFileSync(path.join(bare, 'register.js'), fs.readFileSync(path.join(__dirname, 'register.js'), 'utf8'));
      fs.writeFileSync(path.join(bare, 'main.ts'), 'console.log(1);\n');
      const r = spawnSync(process.execPath, ['-r', './register.js', 'main.ts'], { encoding: 'utf8', cwd: bare });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('cdk8s-podkit/register strips TypeScript types with esbuild, which is not installed: npm install --save-dev esbuild\n');
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});
