import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { secretRules } from '../lib/rules/secrets';
import { volumeRules } from '../lib/rules/volumes';
import { hasOpenssl, makeCertificates } from '../lib/secret/differential-certificates';
import { ViolationError } from '../lib/violation';
import { Pod } from './pod';
import { DockerRegistrySecret, Secret, SecretFromEnvFile, SecretFromFiles, SecretFromLiterals, SecretGenerator, TlsSecret } from './secret';
import { envFromSecret, ExternalSecret, secretKeyRef, secretProjection, secretVolume } from './secret-references';

const PAGE = path.resolve(__dirname, '../snapshots/reference/files/configure-projected-volume-storage');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-secret-c-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const ENV = { PATH: process.env.PATH ?? '', KUBECONFIG: '/dev/null', HOME: tmp };
/** A secret value: no message may contain it. */
const SENTINEL = 'S3NT1NEL-hunter2';

function kubectl(args: string[], cwd: string): Record<string, unknown> {
  const obj = JSON.parse(execFileSync('kubectl', [...args, '--dry-run=client', '-o', 'json'], { cwd, env: ENV }).toString()) as { metadata: Record<string, unknown> };
  delete obj.metadata.creationTimestamp;
  return obj;
}

function violations(fn: () => unknown): [string, string][] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ViolationError) return err.violations.map((v) => [v.rule, v.path]);
    throw err;
  }
  return [];
}

/** The message of what `fn` throws (every violation, formatted). */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return String((err as Error).message);
  }
  return '';
}

describe("the page's Secrets (kubectl create secret generic user|pass --from-file)", () => {
  it.each([
    ['user', './username.txt'],
    ['pass', './password.txt'],
  ])('%s equals what kubectl writes', (name, file) => {
    const chart = Testing.chart();
    const s = new SecretFromFiles(chart, name, { name, files: [file], baseDir: PAGE });
    expect(Testing.synth(chart)).toEqual([kubectl(['create', 'secret', 'generic', name, `--from-file=${file}`], PAGE)]);
    expect(s.keys).toEqual([path.basename(file)]);
    expect(s.name).toBe(name);
  });

  it('takes --type and --append-hash as kubectl does', () => {
    const chart = Testing.chart();
    const s = new SecretFromFiles(chart, 'u', { name: 'user', files: ['./username.txt'], literals: ['note=x'], type: 'example.com/t', appendHash: true, baseDir: PAGE });
    const real = kubectl(['create', 'secret', 'generic', 'user', '--from-file=./username.txt', '--from-literal=note=x', '--type=example.com/t', '--append-hash'], PAGE);
    expect(Testing.synth(chart)).toEqual([real]);
    expect(s.name).toMatch(/^user-[a-z0-9]{10}$/);
  });
});

describe('SecretGenerator reproduces kubectl kustomize', () => {
  it('emits type, labels, annotations, namespace and immutable, with the hashed name', () => {
    const dir = path.join(tmp, 'kustomize');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(PAGE, 'username.txt'), path.join(dir, 'username.txt'));
    fs.writeFileSync(path.join(dir, 'blob.bin'), Uint8Array.from({ length: 120 }, (_, i) => (i * 97 + 251) & 0xff));
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'secretGenerator:\n- name: user\n  namespace: ns\n  type: kubernetes.io/basic-auth\n  files: [username=username.txt, blob.bin]\n  literals: [password="1f2d1e2e67df"]\n  options:\n    labels: {app: web}\n    annotations: {note: x}\n    immutable: true\n',
    );
    const real = parseYaml(execFileSync('kubectl', ['kustomize', dir], { env: ENV }).toString());
    const chart = Testing.chart();
    new SecretGenerator(chart, 's', {
      name: 'user', namespace: 'ns', type: 'kubernetes.io/basic-auth', files: ['username=username.txt', 'blob.bin'], literals: ['password="1f2d1e2e67df"'],
      options: { labels: { app: 'web' }, annotations: { note: 'x' }, immutable: true }, baseDir: dir,
    });
    expect(Testing.synth(chart)).toEqual([real]);
  });

  it('keeps the name without a hash, and writes empty data, when asked', () => {
    const chart = Testing.chart();
    const s = new SecretGenerator(chart, 's', { name: 'empty', options: { disableNameSuffixHash: true } });
    expect(s.name).toBe('empty');
    expect(Testing.synth(chart)).toEqual([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'empty' }, type: 'Opaque', data: {} }]);
  });

  it('fails when a generated key is not a Secret key (kustomize does not check; the API server does)', () => {
    expect(violations(() => new SecretGenerator(Testing.chart(), 's', { name: 'x', literals: [`bad key=${SENTINEL}`] }))).toEqual([[secretRules.keyInvalid.id, 'data[bad key]']]);
  });

  it('passes the same literal with a valid key', () => {
    expect(violations(() => new SecretGenerator(Testing.chart(), 's', { name: 'x', literals: [`good.key=${SENTINEL}`] }))).toEqual([]);
  });
});

describe.skipIf(!hasOpenssl())('TlsSecret', () => {
  const dir = path.join(tmp, 'tls');
  fs.mkdirSync(dir, { recursive: true });
  if (hasOpenssl()) for (const [name, bytes] of Object.entries(makeCertificates())) fs.writeFileSync(path.join(dir, name), bytes);

  it('equals what kubectl create secret tls writes', () => {
    const chart = Testing.chart();
    const s = new TlsSecret(chart, 't', { name: 'web-tls', cert: 'chain.crt', key: 'ec.key', baseDir: dir, appendHash: true });
    expect(Testing.synth(chart)).toEqual([kubectl(['create', 'secret', 'tls', 'web-tls', '--cert=chain.crt', '--key=ec.key', '--append-hash'], dir)]);
    expect(s.keys).toEqual(['tls.crt', 'tls.key']);
    expect(s.type).toBe('kubernetes.io/tls');
  });

  it('fails when the key does not match the certificate, with Go’s message', () => {
    const make = () => new TlsSecret(Testing.chart(), 't', { name: 'web-tls', cert: 'rsa.crt', key: 'other-rsa.key', baseDir: dir });
    expect(violations(make)).toEqual([[secretRules.sourceInvalid.id, 'cert']]);
    expect(thrown(make)).toContain('tls: private key does not match public key');
  });

  it('passes the matching key', () => {
    expect(violations(() => new TlsSecret(Testing.chart(), 't', { name: 'web-tls', cert: 'rsa.crt', key: 'rsa.key', baseDir: dir }))).toEqual([]);
  });
});

describe('DockerRegistrySecret', () => {
  it('equals what kubectl create secret docker-registry writes', () => {
    const chart = Testing.chart();
    new DockerRegistrySecret(chart, 'd', { name: 'regcred', dockerUsername: 'admin', dockerPassword: SENTINEL, dockerServer: 'registry.example.com' });
    expect(Testing.synth(chart)).toEqual([kubectl(['create', 'secret', 'docker-registry', 'regcred', '--docker-username=admin', `--docker-password=${SENTINEL}`, '--docker-server=registry.example.com'], tmp)]);
  });

  it('fails when the password is empty, with kubectl’s message', () => {
    const make = () => new DockerRegistrySecret(Testing.chart(), 'd', { name: 'regcred', dockerUsername: 'admin', dockerPassword: '' });
    expect(violations(make)).toEqual([[secretRules.sourceInvalid.id, 'dockerUsername']]);
    expect(thrown(make)).toContain('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  });

  it('passes with a password', () => {
    expect(violations(() => new DockerRegistrySecret(Testing.chart(), 'd', { name: 'regcred', dockerUsername: 'admin', dockerPassword: 'p' }))).toEqual([]);
  });
});

describe('no Secret value in any message', () => {
  const dir = path.join(tmp, 'sentinel');
  fs.mkdirSync(path.join(dir, 'd'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'bad.env'), Buffer.concat([Buffer.from(`A=1\nB=${SENTINEL}`), Buffer.from([0xff, 0x0a])]));
  fs.writeFileSync(path.join(dir, 'badkey.env'), `1B=${SENTINEL}\n`);
  fs.writeFileSync(path.join(dir, 'dup.env'), `A=${SENTINEL}\nA=${SENTINEL}\n`);
  fs.writeFileSync(path.join(dir, 'noeq.env'), `USER=admin\nPASSWORD ${SENTINEL}\n`);
  fs.writeFileSync(path.join(dir, 'd', 'bad name'), SENTINEL);
  fs.writeFileSync(path.join(dir, 'f'), SENTINEL);
  const chart = () => Testing.chart();
  const app = () => {
    const a = Testing.app();
    return new Chart(a, 'c');
  };
  const cases: [string, () => unknown, string][] = [
    ["a literal '=value'", () => new SecretFromLiterals(chart(), 's', { name: 's', literals: [`=${SENTINEL}`] }), 'literals'],
    ["a literal without '='", () => new SecretFromLiterals(chart(), 's', { name: 's', literals: [SENTINEL] }), 'literals'],
    ['a literal key that is not a Secret key', () => new SecretFromLiterals(chart(), 's', { name: 's', literals: [`bad key=${SENTINEL}`] }), 'literals'],
    ['a literal repeated', () => new SecretFromLiterals(chart(), 's', { name: 's', literals: [`k=${SENTINEL}`, `k=${SENTINEL}`] }), 'literals'],
    ['an env line that is not UTF-8', () => new SecretFromEnvFile(chart(), 's', { name: 's', envFiles: ['bad.env'], baseDir: dir }), 'envFiles'],
    ['an env key that is not a variable name', () => new SecretFromEnvFile(chart(), 's', { name: 's', envFiles: ['badkey.env'], baseDir: dir }), 'envFiles'],
    ["an env line without '=' that is a value", () => new SecretFromEnvFile(chart(), 's', { name: 's', envFiles: ['noeq.env'], baseDir: dir }), 'envFiles'],
    ['an env key repeated', () => new SecretFromEnvFile(chart(), 's', { name: 's', envFiles: ['dup.env'], baseDir: dir }), 'envFiles'],
    ['a directory file whose name is not a key', () => new SecretFromFiles(chart(), 's', { name: 's', files: ['d'], baseDir: dir }), 'files'],
    ['a file given twice', () => new SecretFromFiles(chart(), 's', { name: 's', files: ['f', 'f'], baseDir: dir }), 'files'],
    ['a generator literal without a key', () => new SecretGenerator(chart(), 's', { name: 's', literals: [`=${SENTINEL}`] }), 'sources'],
    ['a generator literal repeated', () => new SecretGenerator(chart(), 's', { name: 's', literals: [`k=${SENTINEL}`, `k="${SENTINEL}"`] }), 'sources'],
    ['a generator env line that is not UTF-8', () => new SecretGenerator(chart(), 's', { name: 's', envs: ['bad.env'], baseDir: dir }), 'sources'],
    ['a docker-registry Secret without a server', () => new DockerRegistrySecret(chart(), 's', { name: 's', dockerUsername: 'u', dockerPassword: SENTINEL, dockerServer: '' }), 'dockerUsername'],
  ];

  it.each(cases)('fails when %s, naming the source but not the value', (_t, make, at) => {
    expect(violations(make)).toEqual([[secretRules.sourceInvalid.id, at]]);
    expect(thrown(make)).not.toContain(SENTINEL);
  });

  it.each([
    ['a written Secret with an invalid key', () => new Secret(chart(), 's', { metadata: { name: 's' }, stringData: { 'bad key': SENTINEL } }), [[secretRules.keyInvalid.id, 'data[bad key]']]],
    ['a written Secret over 1 MiB', () => new Secret(chart(), 's', { metadata: { name: 's' }, stringData: { a: SENTINEL.repeat(70000) } }), [[secretRules.tooLong.id, 'data']]],
    ['a tls Secret without tls.key', () => new Secret(chart(), 's', { metadata: { name: 's' }, type: 'kubernetes.io/tls', stringData: { 'tls.crt': SENTINEL } }), [[secretRules.typeKeyRequired.id, 'data[tls.key]']]],
  ] as const)('fails when %s, without the value', (_t, make, expected) => {
    expect(violations(make)).toEqual(expected);
    expect(thrown(make)).not.toContain(SENTINEL);
  });

  it('passes a written Secret with valid keys', () => {
    expect(violations(() => new Secret(chart(), 's', { metadata: { name: 's' }, type: 'kubernetes.io/tls', stringData: { 'tls.crt': SENTINEL, 'tls.key': SENTINEL } }))).toEqual([]);
  });

  it('fails at synth when a pod takes a missing key of an app Secret, without the value', () => {
    const c = app();
    new Secret(c, 's', { metadata: { name: 'user' }, stringData: { username: SENTINEL } });
    new Pod(c, 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'user', key: 'password' } } }] }] } });
    const message = thrown(() => Testing.synth(c));
    expect(message).toMatch(/env\[0\]\.valueFrom\.secretKeyRef\.key: .*\[secret\/key-not-found\]/);
    expect(message).not.toContain(SENTINEL);
  });
});

describe('consumers reference Secrets by object', () => {
  const container = { name: 'c', image: 'busybox' };

  it('gives a pod the hashed name of a generated Secret', () => {
    const chart = Testing.chart();
    const s = new SecretGenerator(chart, 's', { name: 'user', literals: ['username=admin'] });
    const pod = new Pod(chart, 'pod', {
      metadata: { name: 'p' },
      spec: {
        containers: [{ ...container, env: [{ name: 'U', valueFrom: secretKeyRef(s, 'username') }], envFrom: [envFromSecret(s)] }],
        volumes: [secretVolume('v', s, { items: [{ key: 'username', path: 'u' }] }), { name: 'all', projected: { sources: [secretProjection(s)] } }],
      },
    });
    expect(s.name).toMatch(/^user-[a-z0-9]{10}$/);
    expect(pod.podSpec.containers[0]?.env?.[0]?.valueFrom?.secretKeyRef?.name).toBe(s.name);
    expect(pod.podSpec.volumes?.[0]?.secret?.secretName).toBe(s.name);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  it('fails when a reference names a key the Secret lacks', () => {
    const s = new SecretFromLiterals(Testing.chart(), 's', { name: 'x', literals: ['a=1'] });
    expect(violations(() => secretKeyRef(s, 'b'))).toEqual([[secretRules.keyNotFound.id, 'valueFrom.secretKeyRef.key']]);
    expect(violations(() => secretVolume('v', s, { items: [{ key: 'b', path: 'b' }] }))).toEqual([[secretRules.keyNotFound.id, 'secret.items[0].key']]);
    expect(violations(() => secretProjection(s, { items: [{ key: 'b', path: 'b' }] }))).toEqual([[secretRules.keyNotFound.id, 'secret.items[0].key']]);
  });

  it('passes when the missing key is optional, or present', () => {
    const s = new SecretFromLiterals(Testing.chart(), 's', { name: 'x', literals: ['a=1'] });
    expect(violations(() => secretKeyRef(s, 'b', { optional: true }))).toEqual([]);
    expect(violations(() => secretVolume('v', s, { items: [{ key: 'a', path: 'a' }] }))).toEqual([]);
  });

  it('fails when an item path is not a relative path without ..', () => {
    const s = new SecretFromLiterals(Testing.chart(), 's', { name: 'x', literals: ['a=1'] });
    expect(violations(() => secretVolume('v', s, { items: [{ key: 'a', path: '../a' }] }))).toEqual([[volumeRules.pathBackstep.id, 'secret.items[0].path']]);
    expect(violations(() => secretProjection(s, { items: [{ key: 'a', path: '/a' }] }))).toEqual([[volumeRules.pathNotRelative.id, 'secret.items[0].path']]);
  });

  it('checks the keys of an external Secret declared with keys', () => {
    const ext = new ExternalSecret(Testing.chart(), 'e', { name: 'pass', keys: ['password.txt'] });
    expect(violations(() => secretKeyRef(ext, 'password'))).toEqual([[secretRules.keyNotFound.id, 'valueFrom.secretKeyRef.key']]);
    expect(violations(() => secretKeyRef(ext, 'password.txt'))).toEqual([]);
  });

  it('fails at synth when a pod names a Secret that is neither in the app nor declared external', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [container], volumes: [{ name: 'v', projected: { sources: [{ secret: { name: 'user' } }] } }] } });
    expect(() => app.synth()).toThrow(/spec\.volumes\[0\]\.projected\.sources\[0\]\.secret\.name: .*\[secret\/not-found\]/);
  });

  it('passes at synth when that Secret is declared external', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    const user = new ExternalSecret(chart, 'user', { name: 'user' });
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [container], volumes: [{ name: 'v', projected: { sources: [secretProjection(user)] } }] } });
    expect(() => app.synth()).not.toThrow();
  });

  it('accepts cdk8s-plus-28 Secrets: one imported by name is declared external', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    const imported = kplus.Secret.fromSecretName(chart, 'imported', 'elsewhere');
    const inApp = new kplus.Secret(chart, 'plus', { stringData: { k: 'v' } });
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [{ ...container, envFrom: [envFromSecret(imported), envFromSecret(inApp)] }] } });
    expect(() => app.synth()).not.toThrow();
  });

  it('fails at synth when a cdk8s-plus-28 Secret in the app lacks the key taken', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    const inApp = new kplus.Secret(chart, 'plus', { stringData: { k: 'v' } });
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [{ ...container, env: [{ name: 'A', valueFrom: secretKeyRef(inApp, 'nope') }] }] } });
    expect(() => app.synth()).toThrow(/secretKeyRef\.key: .*\[secret\/key-not-found\]/);
  });

  it('fails at synth when the only Secret of that name is in another namespace', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    new SecretFromLiterals(chart, 's', { name: 'user', namespace: 'other', literals: ['a=1'] });
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [{ ...container, envFrom: [{ secretRef: { name: 'user' } }] }] } });
    expect(() => app.synth()).toThrow(/envFrom\[0\]\.secretRef\.name: .*\[secret\/other-namespace\]/);
  });
});
