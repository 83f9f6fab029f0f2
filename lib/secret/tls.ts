/**
 * `kubectl create secret tls` (kubectl 1.32), reproduced: type `kubernetes.io/tls`, keys `tls.crt` and `tls.key`
 * holding the files as they are, after the check kubectl makes with Go's `tls.X509KeyPair`: the certificate
 * file holds a `CERTIFICATE` PEM block, the key file a `… PRIVATE KEY` block (PKCS #1, PKCS #8 or SEC 1), the
 * first certificate parses, and its public key matches the private key (`X509Certificate.checkPrivateKey`).
 * Errors are Go's and kubectl's texts; none quotes key material.
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_secret_tls/
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { ReadPath } from '../configmap/files';
import { fail, ok, type Result } from '../configmap/result';
import { kubectlSecret, type GeneratedSecret } from './kubectl';
import { decodePemBlocks } from './pem';

/** `kubernetes.io/tls`. */
export const TLS_TYPE = 'kubernetes.io/tls';

/** The arguments of `kubectl create secret tls`. */
export interface KubectlTlsArgs {
  readonly name: string;
  /** `--cert`: path of the PEM certificate (chain). */
  readonly cert: string;
  /** `--key`: path of the PEM private key. */
  readonly key: string;
  readonly appendHash?: boolean;
}

/** The curves Go's `crypto/x509` parses. */
const GO_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1', 'secp224r1', 'P-256', 'P-384', 'P-521', 'P-224']);

const goFormat = (types: readonly string[]) => `[${types.join(' ')}]`;

/** Go's `parsePrivateKey` in crypto/tls: PKCS #1, then PKCS #8 (RSA, ECDSA, Ed25519 only), then SEC 1. */
function parsePrivateKey(der: Buffer): Result<KeyObject> {
  const attempt = (type: 'pkcs1' | 'pkcs8' | 'sec1'): KeyObject | undefined => {
    try {
      return createPrivateKey({ key: der, format: 'der', type });
    } catch {
      return undefined;
    }
  };
  const supported = (k: KeyObject) => k.asymmetricKeyType === 'rsa' || k.asymmetricKeyType === 'ed25519' || (k.asymmetricKeyType === 'ec' && GO_CURVES.has(String(k.asymmetricKeyDetails?.namedCurve)));
  const pkcs1 = attempt('pkcs1');
  if (pkcs1) return ok(pkcs1);
  const pkcs8 = attempt('pkcs8');
  if (pkcs8) {
    if (supported(pkcs8)) return ok(pkcs8);
    // Go reads X25519 keys (as *ecdh.PrivateKey) but tls does not take them; other algorithms do not parse
    if (pkcs8.asymmetricKeyType === 'x25519') return fail('tls: found unknown private key type in PKCS#8 wrapping');
  }
  const sec1 = attempt('sec1');
  if (sec1 && supported(sec1)) return ok(sec1);
  return fail('tls: failed to parse private key');
}

/** Go's `tls.X509KeyPair(cert, key)`: its error, or `undefined` when the pair is usable. */
export function x509KeyPairError(certPem: Uint8Array, keyPem: Uint8Array): string | undefined {
  const certBlocks = decodePemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (skipped.length === 1 && skipped[0]!.endsWith('PRIVATE KEY'))
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goFormat(skipped)}`;
  }
  const keyBlocks = decodePemBlocks(keyPem);
  const keyAt = keyBlocks.findIndex((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (keyAt < 0) {
    const skipped = keyBlocks.map((b) => b.type);
    if (skipped.length === 0) return 'tls: failed to find any PEM data in key input';
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goFormat(skipped)}`;
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(certs[0]!.bytes));
  } catch {
    return 'x509: malformed certificate';
  }
  const key = parsePrivateKey(Buffer.from(keyBlocks[keyAt]!.bytes));
  if (!key.ok) return key.error;
  const publicType = certificate.publicKey.asymmetricKeyType;
  if (publicType !== 'rsa' && publicType !== 'ec' && publicType !== 'ed25519') return 'tls: unknown public key algorithm';
  if (key.value.asymmetricKeyType !== publicType) return 'tls: private key type does not match public key type';
  if (!certificate.checkPrivateKey(key.value)) return 'tls: private key does not match public key';
  return undefined;
}

/** kubectl's `readFile` in `create secret tls`. */
function readFile(read: ReadPath, file: string): Result<Uint8Array> {
  const info = read(file);
  if (info.type === 'file') return ok(info.content);
  if (info.type === 'directory') return fail(`Cannot read file ${file}, read ${file}: is a directory`);
  return fail(`Cannot read file ${file}, open ${file}: ${info.reason}`);
}

/** Runs `kubectl create secret tls` on `args`, reading the files through `read`. */
export function kubectlCreateSecretTls(args: KubectlTlsArgs, read: ReadPath): Result<GeneratedSecret> {
  if (args.key === '' || args.cert === '') return fail('key and cert must be specified');
  const cert = readFile(read, args.cert);
  if (!cert.ok) return cert;
  const key = readFile(read, args.key);
  if (!key.ok) return key;
  const error = x509KeyPairError(cert.value, key.value);
  if (error) return fail(error);
  const data = { 'tls.crt': Buffer.from(cert.value).toString('base64'), 'tls.key': Buffer.from(key.value).toString('base64') };
  return ok(kubectlSecret(args.name, TLS_TYPE, data, args.appendHash));
}
