/**
 * Base64 as kustomize writes it into the objects it generates (kyaml's `encodeBase64`, used for a ConfigMap's
 * `binaryData` and for every value of a Secret's `data`): standard base64 broken into lines of 70 characters,
 * each line, the last included, ending in `\n`, once the text is 70 characters or longer (52 input bytes or
 * more, since base64 lengths are multiples of 4); shorter text stays on one line without a newline.
 * kustomize hashes the object holding these values, so the wrapping enters the name suffix; kubectl does not
 * wrap (it hashes and prints `[]byte` through `encoding/json`).
 */

/** kyaml's line length for generated base64. */
export const KUSTOMIZE_BASE64_LINE = 70;

/** kyaml's `encodeBase64`: base64 of `bytes`, wrapped as kustomize writes it. */
export function kustomizeBase64(bytes: Uint8Array): string {
  const encoded = Buffer.from(bytes).toString('base64');
  if (encoded.length < KUSTOMIZE_BASE64_LINE) return encoded;
  let out = '';
  for (let i = 0; i < encoded.length; i += KUSTOMIZE_BASE64_LINE) out += `${encoded.slice(i, i + KUSTOMIZE_BASE64_LINE)}\n`;
  return out;
}
