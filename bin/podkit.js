#!/usr/bin/env node
// The package ships TypeScript: compile on the fly (transpile only, with this package's own tsconfig, wherever
// the command is run from), then run bin/podkit.ts.
const path = require('node:path');
require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
  // installed as a dependency, this package's own .ts files are under node_modules too
  ignore: ['node_modules/(?!cdk8s-podkit/)'],
});
require('./podkit.ts');
