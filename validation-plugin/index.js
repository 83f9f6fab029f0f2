// cdk8s-cli requires this file in its own process; the rules are TypeScript, so compile them on the fly
// (transpile only, with the package's own tsconfig) and export the plugin class.
const path = require('node:path');
require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
  ignore: ['node_modules/(?!cdk8s-podkit/)'],
});
module.exports = require('../lib/lint/cdk8s-validation.ts');
