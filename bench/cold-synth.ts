/**
 * Cold `npx cdk8s synth` of a project through the real `cdk8s` CLI into a temporary output directory, and the
 * cdk8s TypeScript project template's tsconfig (bench/fast-path.ts uses both).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { timed, type Timed } from './processes';

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
