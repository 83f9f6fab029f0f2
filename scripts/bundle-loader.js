/**
 * Loads the package's bundle (build/podkit.js), with V8's code cache for it kept on disk: copied into the build as
 * build/load-bundle.js by scripts/bundle.js, which also writes the bundle's SHA-256 into BUNDLE_SHA256 below.
 *
 * Compiling the bundle is about half of `require('cdk8s-podkit')`'s own time; V8 can instead start from the code
 * it compiled in an earlier process (`vm.Script`'s `cachedData`, what Node 22's `module.enableCompileCache()`
 * does for every module of a process; done here for this one file only). The cache is kept next to other tools'
 * caches, in node_modules/.cache/cdk8s-podkit (CDK8S_PODKIT_CACHE=DIR puts it elsewhere, CDK8S_PODKIT_CACHE=0
 * turns it off), one file per bundle, Node version and platform. An entry starts with the SHA-256 of
 * its data and is written to a temporary file and renamed into place, so a half-written or damaged entry is never
 * given to V8; V8 itself rejects data of another V8 or other flags, and the entry is then rewritten. Without a
 * cache folder, or when the user asks for source maps (`--enable-source-maps`, which Node applies to modules it
 * compiles itself: stack traces then name the package's .ts files), the bundle is an ordinary `require`.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, 'podkit.js');
const BUNDLE_SHA256 = 'filled in by scripts/bundle.js';
const HEADER = 32; // bytes of the SHA-256 of the data that follows

/** The cache folder, or undefined when there is none. */
function cacheDir() {
  const env = process.env.CDK8S_PODKIT_CACHE;
  if (env === '0' || env === 'false') return undefined;
  if (env) return path.resolve(env);
  const modules = path.resolve(__dirname, '..', '..');
  return path.basename(modules) === 'node_modules' ? path.join(modules, '.cache', 'cdk8s-podkit') : undefined;
}

const sha256 = (data) => crypto.createHash('sha256').update(data).digest();

/** What to write once the first entry has run: the script, and where, when its cache was missing or rejected. */
let pending;

function load() {
  const known = Module._cache[BUNDLE];
  if (known) return known.exports;
  const dir = cacheDir();
  if (!dir || process.execArgv.some((a) => a.startsWith('--enable-source-maps')) || /--enable-source-maps/.test(process.env.NODE_OPTIONS ?? '')) {
    return require(BUNDLE);
  }
  const key = sha256(`${BUNDLE_SHA256}\0${process.version}\0${process.arch}\0${process.platform}`).toString('hex');
  const file = path.join(dir, `v8-${key}.bin`);
  let cachedData;
  try {
    const entry = fs.readFileSync(file);
    const data = entry.subarray(HEADER);
    if (entry.length > HEADER && sha256(data).equals(entry.subarray(0, HEADER))) cachedData = data;
  } catch {
    // no entry yet
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module_ = new Module(BUNDLE, module);
  module_.filename = BUNDLE;
  module_.paths = Module._nodeModulePaths(__dirname);
  Module._cache[BUNDLE] = module_;
  try {
    script.runInThisContext().call(module_.exports, module_.exports, Module.createRequire(BUNDLE), module_, BUNDLE, __dirname);
  } catch (e) {
    delete Module._cache[BUNDLE];
    throw e;
  }
  module_.loaded = true;
  if (!cachedData || script.cachedDataRejected) pending = { script, file };
  return module_.exports;
}

/** Writes the code cache when it was missing or rejected: after an entry has run, so that its compiled code is in it. */
function keep() {
  if (!pending) return;
  const { script, file } = pending;
  pending = undefined;
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    const data = script.createCachedData();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, Buffer.concat([sha256(data), data]));
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // the folder cannot be written: nothing was left
    }
  }
}

module.exports = { load, keep };
