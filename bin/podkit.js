#!/usr/bin/env node
// Runs the podkit CLI. In a source checkout (bin/podkit.ts is here) it runs the TypeScript with the types
// stripped on the fly (esbuild, as the examples app's synth does, this package's own .ts files only); in the
// published package, which ships only the compiled build/ (`npm run build`, run by `npm pack`), the build.
const fs = require('node:fs');
const path = require('node:path');

const source = path.join(__dirname, 'podkit.ts');
if (fs.existsSync(source)) {
  const { register } = require('esbuild-register/dist/node');
  const root = path.join(__dirname, '..') + path.sep;
  register({
    target: 'node20',
    extensions: ['.ts'],
    hookIgnoreNodeModules: false,
    hookMatcher: (file) => file.startsWith(root) && !file.slice(root.length).split(path.sep).includes('node_modules'),
  });
  require(source);
} else {
  require(path.join(__dirname, '..', 'build', 'bin', 'podkit.js'));
}
