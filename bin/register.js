// Runs a cdk8s app's TypeScript without a type check (`npm test` or `tsc --noEmit` type-checks): in cdk8s.yaml,
// `app: node -r cdk8s-podkit/register main.ts` (a user's project: needs esbuild, `npm install --save-dev esbuild`),
// or `node -r ./bin/register.js examples/main.ts` in this repository. The types are stripped by esbuild.
//
// When a .ts file outside node_modules is required and not yet transformed, the files it imports, directly or not
// (found by reading their relative import specifiers), are transformed with it in ONE esbuild call and kept in
// memory: one call costs about as much as a few per-file calls, and the examples app requires ~90 files. A file
// the scan missed starts a batch of its own; a .ts file inside node_modules is transformed alone. Stack traces
// point into the .ts files (inline source maps, without the sources' text).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const OPTIONS = { format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', sourcesContent: false, logLevel: 'silent' };

/** `from './x'`, `import './x'`, `import('./x')`, `require('./x')`: relative specifiers only. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])(\.\.?\/[^'"\n]*)\1/g;

/** JavaScript of the package's .ts files transformed so far, by path. */
const transformed = new Map();

/** A file of the app's own project (any file outside node_modules), whose imports are transformed in one batch. */
function inProject(file) {
  return !file.split(path.sep).includes('node_modules');
}

/** The .ts file a relative specifier names, as Node resolves it with `.ts` registered, if there is one. */
function resolveTs(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  for (const file of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (file.endsWith('.ts') && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
  }
  return undefined;
}

/** `entry` and the package's .ts files it imports, directly or not, that are not transformed yet. */
function importClosure(entry) {
  const found = new Set([entry]);
  for (const file of found) {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(SPECIFIER)) {
      const target = resolveTs(file, m[2]);
      if (target && inProject(target) && path.parse(target).root === path.parse(entry).root && !transformed.has(target)) found.add(target);
    }
  }
  return [...found];
}

/**
 * esbuild, with its synchronous calls made by a child process this process waits for, rather than through a
 * worker thread and a service process left running: no thread to start for one call, and the CPU time of the
 * transform is counted in this process's children (time(1), the benchmark).
 */
function esbuild() {
  const before = process.env.ESBUILD_WORKER_THREADS;
  process.env.ESBUILD_WORKER_THREADS = '0';
  try {
    return require('esbuild');
  } finally {
    if (before === undefined) delete process.env.ESBUILD_WORKER_THREADS;
    else process.env.ESBUILD_WORKER_THREADS = before;
  }
}

/** Transforms `files` in one call; when one does not parse, none is kept (each is then transformed alone, with its own error). */
function transformBatch(files) {
  const root = path.parse(files[0]).root;
  try {
    const result = esbuild().buildSync({ ...OPTIONS, entryPoints: files, bundle: false, write: false, outdir: root, outbase: root });
    for (const f of result.outputFiles) transformed.set(`${f.path.slice(0, -'.js'.length)}.ts`, f.text);
  } catch {
    // left to transformOne
  }
}

function transformOne(filename) {
  return esbuild().transformSync(fs.readFileSync(filename, 'utf8'), { ...OPTIONS, loader: 'ts', sourcefile: filename }).code;
}

function esbuildMissing() {
  try {
    require.resolve('esbuild');
    return false;
  } catch {
    return true;
  }
}

if (!Module._extensions['.ts'] && esbuildMissing()) {
  process.stderr.write('cdk8s-podkit/register strips TypeScript types with esbuild, which is not installed: npm install --save-dev esbuild\n');
  process.exit(1);
}

if (!Module._extensions['.ts']) {
  process.setSourceMapsEnabled(true);
  Module._extensions['.ts'] = function loadTypeScript(module, filename) {
    if (inProject(filename) && !transformed.has(filename)) transformBatch(importClosure(filename));
    module._compile(transformed.get(filename) ?? transformOne(filename), filename);
  };
}
