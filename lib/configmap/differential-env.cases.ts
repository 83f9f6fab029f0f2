/** Differential test inputs for env files (kubectl `--from-env-file`, kustomize `envs`). */
import { BOM, page, type Case } from './differential-harness';

export const ENV_FILE_CASES: readonly Case[] = [
  // env files
  { title: "the page's game-env-file.properties", tree: { 'game.env': page('configmap-env/game-env-file.properties') }, sources: { envFiles: ['game.env'] } },
  { title: "the page's ui-env-file.properties", tree: { 'ui.env': page('configmap-env/ui-env-file.properties') }, sources: { envFiles: ['ui.env'] } },
  {
    title: 'two env files are merged',
    tree: { 'game.env': page('configmap-env/game-env-file.properties'), 'ui.env': page('configmap-env/ui-env-file.properties') },
    sources: { envFiles: ['game.env', 'ui.env'] },
  },
  { title: 'comments, blank lines and indentation', tree: { e: '# c\n\n   \n  a=1\n\t# indented comment\n\tb=2\n#x=3\n' }, sources: { envFiles: ['e'] } },
  { title: 'quotes are kept in env files', tree: { e: 'a="x"\nb=\'y\'\nc="unbalanced\nd=""\n' }, sources: { envFiles: ['e'] } },
  { title: 'a BOM on the first line is dropped', tree: { e: `${BOM}a=1\nb=2\n` }, sources: { envFiles: ['e'] } },
  { title: 'a BOM on a later line is part of the key', tree: { e: `a=1\n${BOM}b=2\n` }, sources: { envFiles: ['e'] } },
  { title: 'CRLF line ends', tree: { e: 'a=1\r\nb=2\r\n\r\nc=3' }, sources: { envFiles: ['e'] } },
  { title: "'=' inside values", tree: { e: 'a=b=c\nurl=http://x/?q=1&r=2\n' }, sources: { envFiles: ['e'] } },
  { title: "a line without '=' whose variable is set", tree: { e: 'PODKIT_TEST_VAR\nb=2\n' }, sources: { envFiles: ['e'] }, env: { PODKIT_TEST_VAR: 'from-env' } },
  { title: "a line without '=' whose variable is unset", tree: { e: 'PODKIT_UNSET_VAR\n' }, sources: { envFiles: ['e'] } },
  { title: 'a key starting with a digit', tree: { e: '1ABC=x\n' }, sources: { envFiles: ['e'] } },
  { title: 'an export prefix', tree: { e: 'export FOO=bar\n' }, sources: { envFiles: ['e'] } },
  { title: "a space before '='", tree: { e: 'KEY =v\n' }, sources: { envFiles: ['e'] } },
  { title: 'a key repeated in one env file', tree: { e: 'a=1\na=2\n' }, sources: { envFiles: ['e'] } },
  { title: 'a key repeated across env files', tree: { e: 'a=1\n', f: 'a=2\n' }, sources: { envFiles: ['e', 'f'] } },
  { title: 'empty values', tree: { e: 'a=\nb=\n' }, sources: { envFiles: ['e'] } },
  { title: 'unicode values', tree: { e: 'greeting=こんにちは\nemoji=😀\nhtml=<b>&amp;</b>\n' }, sources: { envFiles: ['e'] } },
  // kustomize folds U+2028 when it writes YAML (its hash is over the unfolded value), so only kubectl here
  { title: 'a line separator inside a value', tree: { e: 'sep=a\u2028b\n' }, sources: { envFiles: ['e'] }, tools: ['kubectl'] },
  { title: 'DEL and C1 controls in values (kustomize cannot write them)', tree: { e: 'a=x\u007fy\n' }, sources: { envFiles: ['e'] } },
  { title: 'U+0086 in a literal', sources: { literals: ['k=a\u0086b'] } },
  // kustomize reads kustomization.yaml as YAML 1.1, where U+0085 is a line break: it folds to a space
  // before the generator sees the literal (the generator itself keeps it: see the env-file case below)
  { title: 'U+0085 and U+00A0 in a literal', sources: { literals: ['k=a\u0085b\u00a0c'] }, tools: ['kubectl'] },
  { title: 'U+0085 in an env file', tree: { e: 'k=a\u0085b\n' }, sources: { envFiles: ['e'] }, lossyYaml: true },
  { title: 'NUL in a file', tree: { f: 'a\u0000b' }, sources: { files: ['f'] } },
  { title: 'U+FFFF in a file', tree: { f: 'a\uffffb' }, sources: { files: ['f'] } },
  { title: 'trailing white space and tabs are kept', tree: { e: 'a=1   \nb=\tx\t\nc=  \n' }, sources: { envFiles: ['e'] } },
  { title: 'a line that is not UTF-8', tree: { e: Uint8Array.from([...Buffer.from('a=1\nb='), 0xff, 0x0a]) }, sources: { envFiles: ['e'] } },
  { title: 'an empty env file', tree: { e: '' }, sources: { envFiles: ['e'] } },
  { title: 'an env file of comments only', tree: { e: '# one\n# two\n' }, sources: { envFiles: ['e'] } },
  { title: "'#' after a value is part of it", tree: { e: 'a=1 # not a comment\n' }, sources: { envFiles: ['e'] } },
  { title: 'a line of 64 KiB ends the scan silently', tree: { e: `a=1\nb=${'x'.repeat(70000)}\nc=3\n` }, sources: { envFiles: ['e'] } },
  { title: 'a line just under 64 KiB is read', tree: { e: `a=${'y'.repeat(65533)}\nc=3\n` }, sources: { envFiles: ['e'] } },
  { title: 'dots and dashes in keys', tree: { e: 'my.env-name=1\n_x=2\n-y=3\n' }, sources: { envFiles: ['e'] } },
  { title: "a key '..a'", tree: { e: '..a=1\n' }, sources: { envFiles: ['e'] } },
  { title: 'unicode white space before a key is trimmed', tree: { e: '\u00a0a=1\n\u3000b=2\n\u0085c=3\n' }, sources: { envFiles: ['e'] } },
  { title: 'form feed and vertical tab before a key', tree: { e: '\f\va=1\n\ufeffb=2\n' }, sources: { envFiles: ['e'] } },
  { title: 'a carriage return inside a value', tree: { e: 'a=x\ry\n\r\nb=2\r\r\n' }, sources: { envFiles: ['e'] } },
  { title: 'a non-ASCII key', tree: { e: 'ключ=1\n' }, sources: { envFiles: ['e'] } },
  { title: 'no newline after the last line', tree: { e: 'a=1\nb=2' }, sources: { envFiles: ['e'] } },
  { title: 'a missing env file', tree: {}, sources: { envFiles: ['nope.env'] } },
];
