#!/usr/bin/env node
// Runs the podkit CLI (bin/podkit.ts, or its build in the published package).
require('./load')('bin/podkit');
