// cdk8s-cli requires this file in its own process. The rules are TypeScript: strip the types on the fly (esbuild,
// this package's own .ts files only, also when installed under node_modules) and export the plugin class.
const path = require('node:path');
const { register } = require('esbuild-register/dist/node');

const root = path.join(__dirname, '..') + path.sep;
register({
  target: 'node20',
  extensions: ['.ts'],
  hookIgnoreNodeModules: false,
  hookMatcher: (file) => file.startsWith(root) && !file.slice(root.length).split(path.sep).includes('node_modules'),
});
module.exports = require('../lib/lint/cdk8s-validation.ts');
