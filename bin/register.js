// Runs a cdk8s app's TypeScript without a type check (`npm test` or `tsc --noEmit` type-checks): in cdk8s.yaml,
// `app: node -r cdk8s-podkit/register main.ts` (a user's project: needs esbuild, `npm install --save-dev esbuild`),
// or `node -r ./bin/register.js examples/main.ts` in this repository. The types are stripped by esbuild.
//
// When a .ts file outside node_modules is required and not yet transformed, the files it imports, directly or not
// (found by reading their relative import specifiers), are transformed with it in ONE esbuild call and kept in
// memory: one call costs about as much as a few per-file calls, and the examples app requires ~90 files. A file
// the scan missed starts a batch of its own; a .ts file inside node_modules is transformed alone. Stack traces
// point into the .ts files (inline source maps, without the sources' text); .js files keep their own positions
// (`node --enable-source-maps -r …` maps them too).
//
// Installed in a project (this file under node_modules/cdk8s-podkit/bin), each transform's output is also kept on
// disk, in node_modules/.cache/cdk8s-podkit (CDK8S_PODKIT_CACHE=DIR puts it elsewhere, CDK8S_PODKIT_CACHE=0 turns it
// off), as babel, ts-node and tsx keep theirs: a synth of an unchanged app then starts no esbuild process and does
// not load esbuild's JavaScript (about 70 ms of CPU of a ~0.4 s app process). An entry is named by the SHA-256 of
// the file's path and text, esbuild's version and the options, so an edit, an esbuild upgrade or other options
// miss; it is written to a temporary file and renamed into place (concurrent synths never read half an entry), and
// it starts with the SHA-256 of its own code, so an entry that does not match (truncated, overwritten) is a miss,
// rewritten. A cache folder that cannot be written is not an error: the transforms are then not kept.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const OPTIONS = { format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', sourcesContent: false, logLevel: 'silent' };

/** `from './x'`, `import './x'`, `import('./x')`, `require('./x')`: relative specifiers only. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])(\.\.?\/[^'"\n]*)\1/g;

/** JavaScript of the package's .ts files transformed so far, by path. */
const transformed = new Map();

/** The folder of the transform cache, or undefined when there is none (a source checkout, or turned off). */
const CACHE_DIR = (() => {
  const env = process.env.CDK8S_PODKIT_CACHE;
  if (env === '0' || env === 'false') return undefined;
  if (env) return path.resolve(env);
  const modules = path.resolve(__dirname, '..', '..');
  return path.basename(modules) === 'node_modules' ? path.join(modules, '.cache', 'cdk8s-podkit') : undefined;
})();

/** What else decides a transform's output besides the file: esbuild's version and the options. */
let cacheSalt;
function salt() {
  if (cacheSalt === undefined) {
    const { version } = JSON.parse(fs.readFileSync(require.resolve('esbuild/package.json'), 'utf8'));
    cacheSalt = `${version}\0${JSON.stringify(OPTIONS)}\0`;
  }
  return cacheSalt;
}

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');
const CACHE_HEADER = '// cdk8s-podkit transform ';

/** The cache entry of `file` with this `source`, transformed in a batch or alone (`how`: their source maps differ). */
function cacheFile(how, file, source) {
  return path.join(CACHE_DIR, `${sha256(`${salt()}${how}\0${file}\0${source}`)}.js`);
}

/** The cached JavaScript of `file` with this `source`, if there is an intact entry. */
function cached(how, file, source) {
  if (!CACHE_DIR) return undefined;
  let text;
  try {
    text = fs.readFileSync(cacheFile(how, file, source), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (!text.startsWith(CACHE_HEADER) || newline < 0) return undefined;
  const code = text.slice(newline + 1);
  return text.slice(CACHE_HEADER.length, newline) === sha256(code) ? code : undefined;
}

/** Keeps `code` as the transform of `file` with this `source` (write a temporary file, then rename it into place). */
function keep(how, file, source, code) {
  if (!CACHE_DIR) return;
  const target = cacheFile(how, file, source);
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(temporary, `${CACHE_HEADER}${sha256(code)}\n${code}`);
    fs.renameSync(temporary, target);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // the folder cannot be written: nothing was left
    }
  }
}

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

/** `entry` and the package's .ts files it imports, directly or not, that are not transformed yet, with their text. */
function importClosure(entry) {
  const found = new Set([entry]);
  const sources = new Map();
  for (const file of found) {
    const source = fs.readFileSync(file, 'utf8');
    sources.set(file, source);
    for (const m of source.matchAll(SPECIFIER)) {
      const target = resolveTs(file, m[2]);
      if (target && inProject(target) && path.parse(target).root === path.parse(entry).root && !transformed.has(target)) found.add(target);
    }
  }
  return sources;
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

/**
 * Takes the cached transforms of `sources` (path → text) and transforms the others in one call; when one does
 * not parse, none of that call is kept (each is then transformed alone, with its own error).
 */
function transformBatch(sources) {
  const files = [];
  for (const [file, source] of sources) {
    const code = cached('batch', file, source);
    if (code === undefined) files.push(file);
    else transformed.set(file, code);
  }
  if (files.length === 0) return;
  const root = path.parse(files[0]).root;
  try {
    const result = esbuild().buildSync({ ...OPTIONS, entryPoints: files, bundle: false, write: false, outdir: root, outbase: root });
    for (const f of result.outputFiles) {
      const file = `${f.path.slice(0, -'.js'.length)}.ts`;
      transformed.set(file, f.text);
      if (sources.has(file)) keep('batch', file, sources.get(file), f.text);
    }
  } catch {
    // left to transformOne
  }
}

function transformOne(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const hit = cached('alone', filename, source);
  if (hit !== undefined) return hit;
  const { code } = esbuild().transformSync(source, { ...OPTIONS, loader: 'ts', sourcefile: filename });
  keep('alone', filename, source, code);
  return code;
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

/**
 * Node's source maps are on, so that stack traces and an uncaught error's source line point into the .ts files,
 * except while a .js file is compiled: with them on, Node looks for a source map in every file it compiles and reads
 * each one it finds (every file of cdk8s has one inline), about 25 ms of a synth for maps that only .js frames
 * would use. A .js file keeps its own positions; a process started with --enable-source-maps keeps all maps.
 */
let sourceMaps = false;
function withSourceMaps(on, load) {
  if (sourceMaps === on) return load();
  process.setSourceMapsEnabled(on);
  sourceMaps = on;
  try {
    return load();
  } finally {
    process.setSourceMapsEnabled(!on);
    sourceMaps = !on;
  }
}

if (!Module._extensions['.ts']) {
  const allMaps = process.sourceMapsEnabled === true || process.execArgv.includes('--enable-source-maps');
  process.setSourceMapsEnabled(true);
  sourceMaps = true;
  if (!allMaps) {
    const loadJavaScript = Module._extensions['.js'];
    Module._extensions['.js'] = function loadJavaScriptWithoutMaps(module, filename) {
      return withSourceMaps(false, () => loadJavaScript.call(this, module, filename));
    };
  }
  Module._extensions['.ts'] = function loadTypeScript(module, filename) {
    if (inProject(filename) && !transformed.has(filename)) transformBatch(importClosure(filename));
    const code = transformed.get(filename) ?? transformOne(filename);
    withSourceMaps(true, () => module._compile(code, filename));
  };
}
