/**
 * Cold `cdk8s synth`: the examples app as this repository runs it (cdk8s.yaml: ts-node transpile-only),
 * against a one-Pod cdk8s-plus-28 app run the cdk8s default way (`app: npx ts-node main.ts`, which type
 * checks), both through the real `cdk8s` CLI into a temporary output directory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, timed, type Timed } from './processes';

const PLUS_MAIN = `import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

const app = new App();
const chart = new Chart(app, 'one-pod');
new kplus.Pod(chart, 'pod', { containers: [{ image: 'nginx' }] });
app.synth();
`;

/** tsconfig.json of the cdk8s TypeScript project template (`cdk8s init typescript-app`), less `charset` (TypeScript 5.5 removed it). */
export const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2016'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2017',
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdk.out'],
};

/** A temporary cdk8s project with the one-Pod cdk8s-plus-28 app, reusing this repository's node_modules. */
export function makePlusProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-bench-plus-'));
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node main.ts\n');
  fs.writeFileSync(path.join(dir, 'main.ts'), PLUS_MAIN);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(TEMPLATE_TSCONFIG, null, 2)}\n`);
  fs.symlinkSync(fs.realpathSync(path.join(REPO, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** One cold `npx cdk8s synth --no-check-upgrade` of the project in `dir` (`app` overrides cdk8s.yaml's), into a fresh output directory. */
export function coldSynth(dir: string, app?: string): Timed & { files: number } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-bench-out-'));
  try {
    const t = timed('npx', ['cdk8s', 'synth', '--no-check-upgrade', '-o', out, ...(app ? ['--app', app] : [])], dir);
    return { ...t, files: fs.readdirSync(out).length };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
