/** Differential tests of `kubectl create secret tls` and `kubectl create secret docker-registry` against the real kubectl. */
import { describe } from 'vitest';
import { SENTINEL } from './differential-generic.cases';
import { hasOpenssl, makeCertificates } from './differential-certificates';
import { secretDifferentialSuite, type SecretCase } from './differential-harness';

const secrets = [SENTINEL];

const DOCKER_CASES: readonly SecretCase[] = [
  { title: 'docker-registry with username, password and email', command: 'docker-registry', args: { dockerUsername: 'admin', dockerPassword: SENTINEL, dockerEmail: 'admin@example.com', dockerServer: 'registry.example.com:5000' } },
  { title: 'docker-registry without email, default server', command: 'docker-registry', args: { dockerUsername: 'admin', dockerPassword: SENTINEL } },
  { title: 'docker-registry: HTML characters and unicode escaped as Go does', command: 'docker-registry', args: { dockerUsername: 'ユーザー', dockerPassword: 'p<&>"\\\u2028', dockerServer: 'https://r.example/?a=1&b=2' } },
  { title: 'docker-registry: a long password (auth over 76 characters)', command: 'docker-registry', args: { dockerUsername: 'u', dockerPassword: SENTINEL.repeat(10) } },
  { title: 'docker-registry without a password', command: 'docker-registry', args: { dockerUsername: 'admin' }, secrets },
  { title: 'docker-registry with an empty server', command: 'docker-registry', args: { dockerUsername: 'admin', dockerPassword: SENTINEL, dockerServer: '' }, secrets },
  { title: 'docker-registry --from-file (key .dockerconfigjson)', command: 'docker-registry', tree: { 'config.json': '{"auths":{}}\n' }, args: { fromFile: ['config.json'] } },
  { title: 'docker-registry --from-file with a key, credentials ignored', command: 'docker-registry', tree: { 'config.json': '{"auths":{}}' }, args: { fromFile: ['.dockercfg=config.json'], dockerUsername: 'u', dockerPassword: SENTINEL } },
  { title: 'docker-registry --from-file of a missing file', command: 'docker-registry', tree: {}, args: { fromFile: ['nope.json'] } },
  { title: 'docker-registry --from-file of a directory', command: 'docker-registry', tree: { d: { dir: { a: 'x' } } }, args: { fromFile: ['d'] } },
];

describe.skipIf(!hasOpenssl())('kubectl create secret tls (certificates made with openssl)', () => {
  const certs = hasOpenssl() ? makeCertificates() : {};
  const tls = (title: string, cert: string, key: string): SecretCase => ({ title, command: 'tls', tree: certs, args: { cert, key } });
  secretDifferentialSuite([
    tls('RSA, PKCS #8 key', 'rsa.crt', 'rsa.key'),
    tls('RSA, PKCS #1 key', 'rsa.crt', 'rsa-pkcs1.key'),
    tls('ECDSA P-256, SEC 1 key', 'ec.crt', 'ec.key'),
    tls('ECDSA key file with its EC PARAMETERS block first', 'ec.crt', 'ec-with-params.key'),
    tls('Ed25519', 'ed25519.crt', 'ed25519.key'),
    tls('a chain, leaf first', 'chain.crt', 'ec.key'),
    tls('CRLF line ends', 'crlf.crt', 'rsa.key'),
    tls('text before the PEM block', 'preamble.crt', 'rsa.key'),
    tls('a key of another certificate', 'rsa.crt', 'other-rsa.key'),
    tls('an encrypted key (PEM headers)', 'rsa.crt', 'encrypted.key'),
    tls('an EC key of another certificate', 'ec.crt', 'other-ec.key'),
    tls('a key of another type', 'rsa.crt', 'ec.key'),
    tls('the inputs switched', 'rsa.key', 'rsa.crt'),
    tls('the certificate given as the key', 'rsa.crt', 'rsa.crt'),
    tls('a public key as the key', 'rsa.crt', 'public.pem'),
    tls('a public key as the certificate', 'public.pem', 'rsa.key'),
    tls('an empty certificate file', 'empty', 'rsa.key'),
    tls('an empty key file', 'rsa.crt', 'empty'),
    tls('a certificate block that is not DER', 'garbage.crt', 'rsa.key'),
    tls('a certificate block that is not base64', 'bad-base64.crt', 'rsa.key'),
    tls('an END line of another type', 'mismatched-end.crt', 'rsa.key'),
    tls('a secp256k1 key (Go parses no such curve)', 'rsa.crt', 'secp256k1.key'),
    tls('an X25519 key', 'rsa.crt', 'x25519.key'),
    tls('a missing certificate', 'nope.crt', 'rsa.key'),
    tls('a missing key', 'rsa.crt', 'nope.key'),
    tls('a directory as the certificate', '.', 'rsa.key'),
    tls('no key given', 'rsa.crt', ''),
  ]);
});

describe('kubectl create secret docker-registry', () => {
  secretDifferentialSuite(DOCKER_CASES);
});
