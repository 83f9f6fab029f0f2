/**
 * Go's `encoding/pem.Decode`, reproduced on bytes: what kubectl's `tls.X509KeyPair` sees of a certificate or key
 * file. A block is `-----BEGIN TYPE-----`, optional `Key: value` header lines, base64 (spaces, tabs and line
 * ends ignored; padding required) and `-----END TYPE-----` followed by nothing but white space on its line. A
 * block that breaks any of these is skipped and the search goes on after its `BEGIN` line.
 */

/** One decoded PEM block. */
export interface PemBlock {
  readonly type: string;
  readonly bytes: Uint8Array;
}

const PEM_START = '\n-----BEGIN ';
const PEM_END = '\n-----END ';
const END_OF_LINE = '-----';

/** Go's `getLine`: the line without its `\n` (and `\r`), trailing spaces and tabs trimmed; and the rest. */
function getLine(data: string): [string, string] {
  let i = data.indexOf('\n');
  let j: number;
  if (i < 0) {
    i = data.length;
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data[i - 1] === '\r') i--;
  }
  return [data.slice(0, i).replace(/[ \t]+$/, ''), data.slice(j)];
}

/** Go's `base64.StdEncoding.Decode` after PEM's space and tab removal: `\r` and `\n` skipped, strict padding. */
function decodeStdBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0) return undefined;
  if (!/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return undefined;
  return Uint8Array.from(Buffer.from(s, 'base64'));
}

/** `pem.Decode` applied until no block is left: every block of `data`, in order. */
export function decodePemBlocks(data: Uint8Array): PemBlock[] {
  // latin1 keeps one character per byte, so indices are byte offsets
  let rest = Buffer.from(data).toString('latin1');
  const blocks: PemBlock[] = [];
  for (;;) {
    const decoded = decodeOne(rest);
    if (!decoded) return blocks;
    blocks.push(decoded.block);
    rest = decoded.rest;
  }
}

function decodeOne(data: string): { block: PemBlock; rest: string } | undefined {
  let rest = data;
  for (;;) {
    if (rest.startsWith(PEM_START.slice(1))) rest = rest.slice(PEM_START.length - 1);
    else {
      const at = rest.indexOf(PEM_START);
      if (at < 0) return undefined;
      rest = rest.slice(at + PEM_START.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(END_OF_LINE)) continue;
    typeLine = typeLine.slice(0, -END_OF_LINE.length);

    let headers = 0;
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next] = getLine(rest);
      if (!line.includes(':')) break;
      headers++;
      rest = next;
    }
    if (truncated) return undefined;

    let endIndex: number;
    let endTrailerIndex: number;
    if (headers === 0 && rest.startsWith(PEM_END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = PEM_END.length - 1;
    } else {
      endIndex = rest.indexOf(PEM_END);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;
    let endTrailer = rest.slice(endTrailerIndex);
    const endTrailerLen = typeLine.length + END_OF_LINE.length;
    if (endTrailer.length < endTrailerLen) continue;
    const restOfEndLine = endTrailer.slice(endTrailerLen);
    endTrailer = endTrailer.slice(0, endTrailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith(END_OF_LINE)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    const bytes = decodeStdBase64(rest.slice(0, endIndex).replace(/[ \t]/g, ''));
    if (!bytes) continue;
    const [, after] = getLine(rest.slice(endIndex + PEM_END.length - 1));
    return { block: { type: Buffer.from(typeLine, 'latin1').toString('utf8'), bytes }, rest: after };
  }
}
