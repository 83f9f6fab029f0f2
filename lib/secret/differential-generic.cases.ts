/** Differential test inputs for `kubectl create secret generic` and kustomize's `secretGenerator`. */
import { BOM, bytes, pseudoRandomBytes } from '../configmap/differential-harness';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SecretCase } from './differential-harness';

const PAGE = path.resolve(__dirname, '../../snapshots/reference/files/configure-projected-volume-storage');
/** A value that must never reach a message. */
export const SENTINEL = 'S3NT1NEL-hunter2';
const secrets = [SENTINEL];

export const GENERIC_CASES: readonly SecretCase[] = [
  // the page's commands
  { title: "the page's user Secret (--from-file=./username.txt)", command: 'generic', tree: { 'username.txt': fs.readFileSync(path.join(PAGE, 'username.txt')) }, args: { fromFile: ['./username.txt'] } },
  { title: "the page's pass Secret (--from-file=./password.txt)", command: 'generic', tree: { 'password.txt': fs.readFileSync(path.join(PAGE, 'password.txt')) }, args: { fromFile: ['./password.txt'] } },
  // literals
  { title: 'literals', command: 'generic', args: { fromLiteral: ['username=admin', 'password=1f2d1e2e67df'] } },
  { title: "quotes and '=' in literal values", command: 'generic', args: { fromLiteral: ['a="x"', "b='y'", 'c=a=b', 'd='] } },
  { title: 'unicode and control characters in a literal', command: 'generic', args: { fromLiteral: ['k=こんにちは\u0001\t😀<&>'] } },
  { title: "a literal '=value' (the value is not quoted in the error)", command: 'generic', args: { fromLiteral: [`=${SENTINEL}`] }, secrets },
  { title: "a literal without '=' (the source is not quoted in the error)", command: 'generic', args: { fromLiteral: [SENTINEL] }, secrets },
  { title: 'a literal key that is not a Secret key', command: 'generic', args: { fromLiteral: [`bad key=${SENTINEL}`] }, secrets },
  { title: 'a literal key of 253 characters', command: 'generic', args: { fromLiteral: [`${'k'.repeat(253)}=v`] } },
  { title: 'a literal key of 254 characters', command: 'generic', args: { fromLiteral: [`${'k'.repeat(254)}=${SENTINEL}`] }, secrets },
  { title: "a literal key '..a'", command: 'generic', args: { fromLiteral: [`..a=${SENTINEL}`] }, secrets },
  { title: 'a literal repeated', command: 'generic', args: { fromLiteral: ['k=1', `k=${SENTINEL}`] }, secrets },
  // files and directories
  { title: 'a key for a file', command: 'generic', tree: { 'id_rsa.pub': 'ssh-ed25519 AAAA x@y\n' }, args: { fromFile: ['ssh-publickey=id_rsa.pub'] } },
  { title: 'binary content of 51 bytes', command: 'generic', tree: { 'blob.bin': pseudoRandomBytes(51, 51) }, args: { fromFile: ['blob.bin'] } },
  { title: 'binary content of 52 bytes (kustomize wraps)', command: 'generic', tree: { 'blob.bin': pseudoRandomBytes(52, 52) }, args: { fromFile: ['blob.bin'] } },
  { title: 'binary content of 120 bytes', command: 'generic', tree: { 'blob.bin': pseudoRandomBytes(120, 120) }, args: { fromFile: ['blob.bin'] } },
  { title: 'binary content of 5 KiB and a long text file', command: 'generic', tree: { 'big.bin': pseudoRandomBytes(5 * 1024 + 1, 5), 'long.txt': 'line of text\n'.repeat(40) }, args: { fromFile: ['big.bin', 'long.txt'] } },
  { title: 'text of exactly 105 bytes (two full lines of base64)', command: 'generic', tree: { t: 'x'.repeat(105) }, args: { fromFile: ['t'] } },
  { title: 'a BOM, CRLF and NUL kept in a file', command: 'generic', tree: { f: `${BOM}a\r\nb\u0000` }, args: { fromFile: ['f'] } },
  { title: 'an empty file', command: 'generic', tree: { f: '' }, args: { fromFile: ['f'] } },
  {
    title: 'a directory: regular files only, hidden ones included, binary too',
    command: 'generic',
    tree: { d: { dir: { a: 'A', '.hidden': 'H', 'b.bin': pseudoRandomBytes(300, 3), sub: { dir: { inner: 'I' } }, link: { symlink: 'a' } } } },
    args: { fromFile: ['d'] },
  },
  { title: 'a directory holding a file whose name is not a key', command: 'generic', tree: { d: { dir: { 'bad key': SENTINEL, ok: 'y' } } }, args: { fromFile: ['d'] }, secrets },
  { title: 'a key given for a directory', command: 'generic', tree: { d: { dir: { a: 'A' } } }, args: { fromFile: ['k=d'] } },
  { title: 'a missing file', command: 'generic', tree: {}, args: { fromFile: ['nope'] } },
  { title: "a file source '=path'", command: 'generic', tree: { f: SENTINEL }, args: { fromFile: ['=f'] }, secrets },
  { title: "a file source 'key='", command: 'generic', tree: { f: SENTINEL }, args: { fromFile: ['k='] }, secrets },
  { title: "a file source with two '='", command: 'generic', tree: { f: SENTINEL }, args: { fromFile: ['a=b=f'] }, secrets },
  { title: 'a file given twice', command: 'generic', tree: { f: SENTINEL }, args: { fromFile: ['f', 'f'] }, secrets },
  { title: 'a file named like a literal key (literals are read first)', command: 'generic', tree: { k: SENTINEL }, args: { fromFile: ['k'], fromLiteral: [`k=${SENTINEL}`] }, secrets },
  { title: 'a file whose name is not a key', command: 'generic', tree: { 'bad name': SENTINEL }, args: { fromFile: ['bad name'] }, secrets },
  // env files (kustomize reads a line without '=' as "", kubectl from its environment: kubectl only there)
  { title: 'an env file', command: 'generic', tree: { e: `# comment\nUSER=admin\nPASSWORD="${SENTINEL}"\n\n  INDENTED=1\n` }, args: { fromEnvFile: ['e'] } },
  { title: 'two env files are merged', command: 'generic', tree: { e: 'a=1\n', f: 'b=2\n' }, args: { fromEnvFile: ['e', 'f'] } },
  { title: 'a key repeated across env files', command: 'generic', tree: { e: 'a=1\n', f: `a=${SENTINEL}\n` }, args: { fromEnvFile: ['e', 'f'] }, secrets },
  { title: 'an env line that is not UTF-8 (its bytes are not quoted)', command: 'generic', tree: { e: Uint8Array.from([...Buffer.from(`a=1\nb=${SENTINEL}`), 0xff, 0x0a]) }, args: { fromEnvFile: ['e'] }, secrets },
  { title: 'an env key that is not a variable name', command: 'generic', tree: { e: `1ABC=${SENTINEL}\n` }, args: { fromEnvFile: ['e'] }, secrets },
  {
    title: "an env line without '=' that is not a variable name (a value written with ' ' for '=') is named by its line",
    command: 'generic',
    tree: { e: `USER=admin\nPASSWORD ${SENTINEL}\n` },
    args: { fromEnvFile: ['e'] },
    secrets,
    kustomize: false,
    ourError:
      "env file e line 2: <secret contents redacted> is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
  },
  { title: 'an env key of 254 characters (a variable name, not a Secret key)', command: 'generic', tree: { e: `${'K'.repeat(254)}=${SENTINEL}\n` }, args: { fromEnvFile: ['e'] }, secrets, kustomize: false },
  { title: "an env line without '=' takes kubectl's environment", command: 'generic', tree: { e: 'PODKIT_SECRET_VAR\n' }, args: { fromEnvFile: ['e'] }, env: { PODKIT_SECRET_VAR: 'from-env' }, kustomize: false },
  { title: 'an env file that is a directory', command: 'generic', tree: { d: { dir: { e: 'a=1\n' } } }, args: { fromEnvFile: ['d'] } },
  { title: 'a missing env file', command: 'generic', tree: {}, args: { fromEnvFile: ['nope.env'] } },
  { title: 'an env file combined with a literal', command: 'generic', tree: { e: 'a=1\n' }, args: { fromEnvFile: ['e'], fromLiteral: [`b=${SENTINEL}`] }, secrets, kustomize: false },
  { title: 'binary bytes of 6 KiB in an env value are not UTF-8', command: 'generic', tree: { e: Uint8Array.from([...Buffer.from('a='), ...pseudoRandomBytes(6 * 1024, 9), 0x0a]) }, args: { fromEnvFile: ['e'] } },
  // types and combinations
  { title: 'a custom --type', command: 'generic', args: { type: 'example.com/custom', fromLiteral: ['a=1'] } },
  { title: '--type=kubernetes.io/basic-auth', command: 'generic', args: { type: 'kubernetes.io/basic-auth', fromLiteral: ['username=admin', 'password=1f2d1e2e67df'] } },
  { title: 'no source at all', command: 'generic', args: {} },
  { title: 'files and literals together', command: 'generic', tree: { f: 'F', g: bytes(0xff, 0xfe) }, args: { fromFile: ['f', 'g'], fromLiteral: ['x=1'] } },
];
