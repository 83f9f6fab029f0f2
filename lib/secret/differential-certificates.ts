/**
 * Certificates and keys for the TLS differential tests, made at test time with `openssl` (never committed):
 * RSA (PKCS #8, PKCS #1, and PKCS #1 encrypted, with PEM headers), ECDSA P-256 (SEC 1, with and without its `EC PARAMETERS` block), Ed25519, a
 * chain, and keys Go's crypto/tls refuses (secp256k1, X25519).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Whether `openssl` runs here. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The PEM files, by name. */
export function makeCertificates(): Record<string, Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-certs-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
  const cert = (key: string, out: string) => ssl('req', '-x509', '-new', '-key', key, '-out', out, '-subj', '/CN=podkit.example', '-days', '2');
  try {
    ssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa.key');
    cert('rsa.key', 'rsa.crt');
    ssl('pkey', '-in', 'rsa.key', '-traditional', '-out', 'rsa-pkcs1.key');
    ssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'other-rsa.key');
    // PEM headers (Proc-Type, DEK-Info): Go decodes the block, then cannot parse the encrypted key
    ssl('rsa', '-in', 'rsa.key', '-traditional', '-aes128', '-passout', 'pass:podkit', '-out', 'encrypted.key');
    ssl('ecparam', '-name', 'prime256v1', '-genkey', '-out', 'ec-with-params.key');
    ssl('ec', '-in', 'ec-with-params.key', '-out', 'ec.key');
    cert('ec.key', 'ec.crt');
    ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'other-ec.key');
    ssl('genpkey', '-algorithm', 'ED25519', '-out', 'ed25519.key');
    cert('ed25519.key', 'ed25519.crt');
    ssl('ecparam', '-name', 'secp256k1', '-genkey', '-noout', '-out', 'secp256k1.key');
    ssl('genpkey', '-algorithm', 'X25519', '-out', 'x25519.key');
    // a CA and a leaf signed by it: the chain file holds the leaf first
    ssl('req', '-x509', '-new', '-key', 'other-rsa.key', '-out', 'ca.crt', '-subj', '/CN=podkit-ca', '-days', '2');
    ssl('req', '-new', '-key', 'ec.key', '-out', 'leaf.csr', '-subj', '/CN=leaf.podkit.example');
    ssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'other-rsa.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '2');
    const read = (f: string) => fs.readFileSync(path.join(dir, f));
    const files: Record<string, Buffer> = {};
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.key') || f.endsWith('.crt')) files[f] = read(f);
    files['chain.crt'] = Buffer.concat([read('leaf.crt'), read('ca.crt')]);
    files['crlf.crt'] = Buffer.from(read('rsa.crt').toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    files['preamble.crt'] = Buffer.concat([Buffer.from('subject=CN = podkit.example\nissuer=CN = podkit.example\n'), read('rsa.crt')]);
    files['garbage.crt'] = Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    files['bad-base64.crt'] = Buffer.from(read('rsa.crt').toString('latin1').replace(/\n[A-Za-z]/, '\n*'), 'latin1');
    files['mismatched-end.crt'] = Buffer.from(read('rsa.crt').toString('latin1').replace('END CERTIFICATE', 'END CERTIFICATES'), 'latin1');
    files['public.pem'] = execFileSync('openssl', ['pkey', '-in', 'rsa.key', '-pubout'], { cwd: dir });
    files['empty'] = Buffer.alloc(0);
    return files;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
