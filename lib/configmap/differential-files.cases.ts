/** Differential test inputs for files, directories and literals (kubectl `--from-file`/`--from-literal`, kustomize `files`/`literals`). */
import { BOM, bytes, page, type Case } from './differential-harness';

export const FILE_AND_LITERAL_CASES: readonly Case[] = [
  // files and directories
  { title: "the page's configmap/ directory", tree: { configmap: { dir: { 'game.properties': page('configmap/game.properties'), 'ui.properties': page('configmap/ui.properties') } } }, sources: { files: ['configmap/'] }, tools: ['kubectl'] },
  { title: 'a key for a file (game-special-key)', tree: { 'game.properties': page('configmap/game.properties') }, sources: { files: ['game-special-key=game.properties'] } },
  {
    title: 'a directory with a subdirectory, a symlink and a hidden file',
    tree: { d: { dir: { a: 'A', '.hidden': 'H', sub: { dir: { inner: 'I' } }, link: { symlink: 'a' } } } },
    sources: { files: ['d'] },
    tools: ['kubectl'],
  },
  { title: 'a directory holding a file whose name is not a key', tree: { d: { dir: { 'bad key': 'x', ok: 'y' } } }, sources: { files: ['d'] }, tools: ['kubectl'] },
  { title: "a file named '..x'", tree: { '..x': 'v' }, sources: { files: ['..x'] } },
  { title: 'binary content goes to binaryData', tree: { 'bin.dat': bytes(0xff, 0xfe, 0x00, 0x01), 'text.txt': 'hello' }, sources: { files: ['bin.dat', 'text.txt'] } },
  { title: 'a directory with binary content', tree: { d: { dir: { 'img.png': bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x80) } } }, sources: { files: ['d'] }, tools: ['kubectl'] },
  { title: 'a file with a BOM keeps it', tree: { f: `${BOM}x=1\n` }, sources: { files: ['f'] } },
  { title: 'a file with CRLF keeps it', tree: { f: 'line1\r\nline2\r\n' }, sources: { files: ['f'] } },
  { title: 'an empty file', tree: { f: '' }, sources: { files: ['f'] } },
  { title: 'the same file name from two places', tree: { f: 'one', d: { dir: { f: 'two' } } }, sources: { files: ['f', 'd/f'] } },
  { title: 'a missing file', tree: {}, sources: { files: ['nope'] } },
  { title: 'a key given for a directory', tree: { d: { dir: { a: 'A' } } }, sources: { files: ['k=d'] } },
  { title: "a file source '=path'", tree: { f: 'x' }, sources: { files: ['=f'] } },
  { title: "a file source 'key='", tree: { f: 'x' }, sources: { files: ['k='] } },
  { title: "a file source with two '='", tree: { f: 'x' }, sources: { files: ['a=b=f'] } },
  { title: 'a symlink given directly is followed', tree: { target: 'T', link: { symlink: 'target' } }, sources: { files: ['link'] } },
  { title: 'unicode and HTML characters in a file (hash escaping)', tree: { f: '<tag a="1">&amp; \u2029 é 😀\n' }, sources: { files: ['f'] } },
  // literals
  { title: "the page's special.how / special.type literals", sources: { literals: ['special.how=very', 'special.type=charm'] } },
  { title: 'quotes in literals', sources: { literals: ['a="x"', "b='y'", 'c="', 'd=""', 'e="mixed\''] } },
  { title: "'=' in a literal value", sources: { literals: ['k=a=b'] } },
  { title: "a literal '=v'", sources: { literals: ['=v'] } },
  { title: "a literal without '='", sources: { literals: ['k'] } },
  { title: 'a literal key that is not a ConfigMap key', sources: { literals: ['bad key=1'] } },
  { title: 'an empty literal value', sources: { literals: ['k='] } },
  { title: 'a literal repeated', sources: { literals: ['k=1', 'k=2'] } },
  { title: 'control characters in a literal value', sources: { literals: ['k=a\u0001b\u0008d\u000ce\u001f'] } },
  { title: 'a literal key with a leading digit', sources: { literals: ['1key=x', '.dot=y'] } },
  // combinations
  { title: 'a file and a literal with the same key', tree: { b: bytes(0xff) }, sources: { files: ['b'], literals: ['b=1'] } },
  { title: 'an env file combined with a literal', tree: { e: 'a=1\n' }, sources: { envFiles: ['e'], literals: ['b=2'] } },
  { title: 'files and literals together', tree: { f: 'F' }, sources: { files: ['f'], literals: ['x=1'] } },
];
