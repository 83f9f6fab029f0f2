// cdk8s-cli requires this file in its own process and takes the plugin class from it. In a source checkout the
// TypeScript runs with the types stripped on the fly (esbuild, this package's own .ts files only); in the
// published package, which ships only the compiled build/, the build.
const fs = require('node:fs');
const path = require('node:path');

const source = path.join(__dirname, '..', 'lib', 'lint', 'cdk8s-validation.ts');
if (fs.existsSync(source)) {
  const { register } = require('esbuild-register/dist/node');
  const root = path.join(__dirname, '..') + path.sep;
  register({
    target: 'node20',
    extensions: ['.ts'],
    hookIgnoreNodeModules: false,
    hookMatcher: (file) => file.startsWith(root) && !file.slice(root.length).split(path.sep).includes('node_modules'),
  });
  module.exports = require(source);
} else {
  module.exports = require(path.join(__dirname, '..', 'build', 'lib', 'lint', 'cdk8s-validation.js'));
}
