// cdk8s-cli requires this file in its own process and takes the plugin class from it
// (lib/lint/cdk8s-validation.ts, or its build in the published package).
module.exports = require('../bin/load')('lib/lint/cdk8s-validation');
