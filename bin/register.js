// Lets Node require this package's TypeScript sources in a checkout (`node -r ./bin/register.js app.ts`): the
// types are stripped by esbuild, without a type check (`npm test` type-checks).
//
// When a .ts file of the package is required and not yet transformed, the files it imports, directly or not
// (found by reading their relative import specifiers), are transformed with it in ONE esbuild call and kept in
// memory: one call costs about as much as a few per-file calls, and the examples app requires ~90 files. A file
// the scan missed starts a batch of its own; a .ts file outside the package is transformed alone. Stack traces
// point into the .ts files (inline source maps, without the sources' text).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const root = path.join(__dirname, '..');
const OPTIONS = { format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', sourcesContent: false, logLevel: 'silent' };

/** `from './x'`, `import './x'`, `import('./x')`, `require('./x')`: relative specifiers only. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])(\.\.?\/[^'"\n]*)\1/g;

/** JavaScript of the package's .ts files transformed so far, by path. */
const transformed = new Map();

function inPackage(file) {
  return file.startsWith(root + path.sep) && !file.slice(root.length + 1).split(path.sep).includes('node_modules');
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
      if (target && inPackage(target) && !transformed.has(target)) found.add(target);
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

if (!Module._extensions['.ts']) {
  process.setSourceMapsEnabled(true);
  Module._extensions['.ts'] = function loadTypeScript(module, filename) {
    if (inPackage(filename) && !transformed.has(filename)) transformBatch(importClosure(filename));
    module._compile(transformed.get(filename) ?? transformOne(filename), filename);
  };
}
