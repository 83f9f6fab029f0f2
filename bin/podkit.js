#!/usr/bin/env node
// The package ships TypeScript: strip the types on the fly (esbuild, as the examples app's synth does), for this
// package's own .ts files only (also when it is installed under node_modules), then run bin/podkit.ts.
const path = require('node:path');
const { register } = require('esbuild-register/dist/node');

const root = path.join(__dirname, '..') + path.sep;
register({
  target: 'node20',
  extensions: ['.ts'],
  hookIgnoreNodeModules: false,
  hookMatcher: (file) => file.startsWith(root) && !file.slice(root.length).split(path.sep).includes('node_modules'),
});
require('./podkit.ts');
