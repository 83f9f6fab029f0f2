// Loads one module of this package: in a source checkout (its .ts file is there) the TypeScript, with the types
// stripped on the fly by esbuild (bin/register.js, as the examples app's synth does); in the
// published package, which ships only the compiled build/ (`npm run build`, run by `npm pack`), the build.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** `rel` is the module's path from the package root without extension, e.g. `bin/podkit`. */
module.exports = function loadPackageModule(rel) {
  const source = path.join(root, `${rel}.ts`);
  if (!fs.existsSync(source)) return require(path.join(root, 'build', `${rel}.js`));
  require('./register');
  return require(source);
};
