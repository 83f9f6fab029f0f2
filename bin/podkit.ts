/** The `podkit` command: see lib/lint/cli.ts. */
import { readFileSync } from 'node:fs';
import { runCli } from '../lib/lint/cli';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0, 'utf8'),
});
