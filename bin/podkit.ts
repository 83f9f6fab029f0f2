/** The `podkit` command: see lib/lint/cli.ts. */
import { runCli } from '../lib/lint/cli';
import { readStream } from '../lib/lint/read';

// The YAML parser reads process.env once per token (its LOG_TOKENS debug switch), and Node's process.env asks
// the C library on every read: about a tenth of the time on a large file. This process only reads its
// environment, so a plain copy serves it the same values.
process.env = { ...process.env };

// a reader that stops early (`podkit rules | head`) is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readStream('<stdin>', 0),
});
