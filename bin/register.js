// Lets Node require this package's TypeScript sources in a checkout (`node -r ./bin/register.js app.ts`): the
// types are stripped by esbuild, without a type check (`npm test` type-checks). At the first `.ts` require,
// every source file of the package (not tests, not node_modules, build/ or dist/) is transformed in ONE esbuild
// call and kept in memory: one call costs about as much as a few per-file calls, and the examples app requires
// ~90 files. A `.ts` file outside that set is transformed alone. Stack traces point into the .ts files (inline
// source maps, without the sources' text).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const root = path.join(__dirname, '..');
const SKIPPED_DIRS = new Set(['node_modules', 'build', 'dist', 'cdk.out']);
const OPTIONS = { format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', sourcesContent: false, logLevel: 'silent' };

/** The package's .ts sources below `dir` (tests, declarations and generated folders left out). */
function sourcesIn(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) sourcesIn(file, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !/\.test(-d)?\.ts$/.test(entry.name)) {
      out.push(file);
    }
  }
  return out;
}

let batch;

/** JavaScript for every source of the package, by .ts path: one esbuild call, made on first use. */
function transformedSources() {
  if (batch) return batch;
  const esbuild = require('esbuild');
  try {
    const result = esbuild.buildSync({ ...OPTIONS, entryPoints: sourcesIn(root, []), bundle: false, write: false, outdir: root, outbase: root });
    batch = new Map(result.outputFiles.map((f) => [`${f.path.slice(0, -'.js'.length)}.ts`, f.text]));
  } catch {
    // a file that does not parse: transform file by file, so that only a file actually required fails, with its own error
    batch = new Map();
  }
  return batch;
}

function transformOne(filename) {
  const { transformSync } = require('esbuild');
  return transformSync(fs.readFileSync(filename, 'utf8'), { ...OPTIONS, loader: 'ts', sourcefile: filename }).code;
}

if (!Module._extensions['.ts']) {
  process.setSourceMapsEnabled(true);
  Module._extensions['.ts'] = function loadTypeScript(module, filename) {
    const inPackage = filename.startsWith(root + path.sep) && !filename.slice(root.length + 1).split(path.sep).includes('node_modules');
    const code = (inPackage && transformedSources().get(filename)) || transformOne(filename);
    module._compile(code, filename);
  };
}
