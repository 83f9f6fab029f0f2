#!/usr/bin/env node
/**
 * Run by `npm run build` after `tsc` and scripts/slim-declarations.js: the published JavaScript is ONE file,
 * build/podkit.js, bundled by esbuild from the TypeScript sources, next to the declarations `tsc` emitted.
 * `node scripts/bundle.js [BUILD_DIR]` (default build/).
 *
 * Why: `require('cdk8s-podkit')` loaded about 125 modules of build/, and much of its cost was the module
 * system's per-file work (resolve, realpath, read, wrap, compile of each file) and the CommonJS interop `tsc`
 * emits per module (`__exportStar` getters, `exports.x = …`); in one file each module is a function that
 * esbuild's bundle runs on first use. Measured in cold processes, paired, `require('cdk8s-podkit')` over
 * `require('cdk8s')` (CPU): 1.37× → 1.27× at a load average of 4–5, 1.41× → 1.34× at 7–9. Bundling tsc's
 * JavaScript instead of the sources kept the interop and won less (1.33×); a root-only bundle (the linter
 * left out) measured the same as this one.
 *
 * Every entry of the package (the root, `./testing`, `./lint`, the validation plugin, the `podkit` CLI) is a
 * small file at the path `tsc` gave it that takes its module from the same bundle, so the entries share one copy
 * of every module (one `ViolationError` class for `instanceof`, one registry of each kind). Each entry's modules
 * are initialized on its first `require`: the root does not run the linter's modules, the CLI does not load
 * cdk8s. Every other `.js` file `tsc` wrote is removed. Packages (cdk8s, constructs, yaml, cdk8s-plus-28) stay
 * `require`s: they are the user's (peer) dependencies.
 *
 * The bundle is not minified: stack traces name the functions and each module starts with a comment naming its
 * source file, and the source line Node prints above an uncaught error stays one line of code (whitespace
 * minification would make it the whole bundle, some 100 KB of one line, for a few ms less load time).
 * build/podkit.js.map maps it back to the TypeScript files (`node --enable-source-maps`).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const BUNDLE = 'podkit.js';

/** The package's entries: the path of the module `tsc` emitted (without extension), the source it bundles. */
const ENTRIES = {
  root: { emitted: 'index', source: './index.ts' },
  testing: { emitted: 'testing/index', source: './testing/index.ts' },
  lint: { emitted: 'lib/lint/index', source: './lib/lint/index.ts' },
  validation: { emitted: 'lib/lint/cdk8s-validation', source: './lib/lint/cdk8s-validation.ts' },
  cli: { emitted: 'bin/podkit', source: './bin/podkit.ts' },
};

function fail(message) {
  throw new Error(`bundle: ${message}`);
}

/** Every file under `dir`, recursively. */
function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * A file whose text is all ASCII is held by V8 as a one-byte string, read and scanned faster than a two-byte
 * one: esbuild escapes non-ASCII in strings and identifiers (charset ascii) but keeps the doc comments it
 * carries over, some of which quote the Japanese docs. Escaping those in place keeps every line and column of
 * code where the source map says it is (a comment's own columns shift only after its first non-ASCII character).
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function bundle(build) {
  const esbuild = require('esbuild');
  const entry = Object.entries(ENTRIES).map(([name, e]) => `exports.${name} = () => require(${JSON.stringify(e.source)});`).join('\n');
  const outfile = path.join(build, BUNDLE);
  const result = esbuild.buildSync({
    stdin: { contents: `'use strict';\n${entry}\n`, resolveDir: REPO, sourcefile: 'package-entries.js', loader: 'js' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    tsconfig: path.join(REPO, 'tsconfig.json'),
    charset: 'ascii',
    legalComments: 'none',
    sourcemap: 'linked',
    sourcesContent: false,
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) fail(`esbuild warned:\n${esbuild.formatMessagesSync(result.warnings, { kind: 'warning' }).join('\n')}`);
  const code = fs.readFileSync(outfile, 'utf8');
  fs.writeFileSync(outfile, asciiOnly(code));
  // the map names each source by its path in the package (build/../lib/…), wherever the build folder is
  const mapFile = `${outfile}.map`;
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  map.sources = map.sources.map((s) => `../${path.relative(REPO, path.resolve(path.dirname(outfile), s)).split(path.sep).join('/')}`);
  fs.writeFileSync(mapFile, JSON.stringify(map));

  // the bundled sources must be the published ones: no test file, no source outside the build's
  const bundled = Object.keys(result.metafile.inputs).filter((f) => f !== 'package-entries.js');
  const stray = bundled.filter((f) => /\.test(-d)?\.ts$|(^|\/)(test-support|examples|bench|snapshots)\//.test(f));
  if (stray.length > 0) fail(`the bundle would include ${stray.join(', ')}`);

  // every other JavaScript file tsc wrote goes; each entry becomes a file that takes its module from the bundle
  for (const file of filesUnder(build)) {
    if (/\.js(\.map)?$/.test(file) && path.dirname(file) !== build) fs.rmSync(file);
    else if (path.dirname(file) === build && /\.js$/.test(file) && path.basename(file) !== BUNDLE) fs.rmSync(file);
  }
  for (const [name, e] of Object.entries(ENTRIES)) {
    const file = path.join(build, `${e.emitted}.js`);
    const toBundle = path.relative(path.dirname(file), outfile).split(path.sep).join('/');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `'use strict';\n// ${e.source.slice(2)}, from the package's one bundle (scripts/bundle.js)\nmodule.exports = require('${toBundle.startsWith('.') ? toBundle : `./${toBundle}`}').${name}();\n`);
  }
  return { bytes: Buffer.byteLength(code), modules: bundled.length };
}

if (require.main === module) {
  const build = path.resolve(process.argv[2] ?? path.join(REPO, 'build'));
  const { bytes, modules } = bundle(build);
  process.stdout.write(`bundle: ${path.relative(process.cwd(), path.join(build, BUNDLE))}, ${modules} modules, ${Math.round(bytes / 1024)} KiB\n`);
}

module.exports = { bundle, ENTRIES };
