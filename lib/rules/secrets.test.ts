import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s';
import { checkSecret, checkSecretReferences, secretRules } from './secrets';

const ids = (vs: readonly { rule: string; path: string }[]) => vs.map((v) => [v.rule, v.path]);
const secret = (fields: Record<string, unknown>, name = 's', namespace?: string): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, ...(namespace ? { namespace } : {}) }, ...fields });
const SENTINEL = 'S3NT1NEL-hunter2';
const b64 = (s: string) => Buffer.from(s).toString('base64');
/** A key one letter over the 253 a key may have. */
const LONG_KEY = 'k'.repeat(254);

describe('checkSecret', () => {
  it.each([
    ['a key is not a Secret key', { data: { 'bad key': b64(SENTINEL) } }, [[secretRules.keyInvalid.id, 'data[bad key]']]],
    ['a stringData key is not a Secret key', { stringData: { '..x': SENTINEL } }, [[secretRules.keyInvalid.id, 'data[..x]']]],
    // `dataPath.Key(key)`: bracketed even where the key reads as a field name
    ['a key is 254 letters', { data: { [LONG_KEY]: b64(SENTINEL) } }, [[secretRules.keyInvalid.id, `data[${LONG_KEY}]`]]],
    ['the data is over 1 MiB', { data: { a: b64('x'.repeat(1024 * 1024)), b: b64('y') } }, [[secretRules.tooLong.id, 'data']]],
    ['a tls Secret lacks tls.key', { type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c') } }, [[secretRules.typeKeyRequired.id, 'data[tls.key]']]],
    ['a dockerconfigjson Secret lacks its key', { type: 'kubernetes.io/dockerconfigjson', data: { config: b64('{}') } }, [[secretRules.typeKeyRequired.id, 'data[.dockerconfigjson]']]],
    ['a basic-auth Secret has neither username nor password', { type: 'kubernetes.io/basic-auth', data: {} }, [[secretRules.typeKeyRequired.id, 'data[username]'], [secretRules.typeKeyRequired.id, 'data[password]']]],
    ['an ssh-auth Secret has an empty private key', { type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': '' } }, [[secretRules.typeKeyRequired.id, 'data[ssh-privatekey]']]],
  ])('fails when %s', (_t, fields, expected) => {
    const vs = checkSecret(secret(fields));
    expect(ids(vs)).toEqual(expected);
    for (const v of vs) expect(v.message).not.toContain(SENTINEL);
  });

  it.each([
    ['valid keys', { data: { 'good.key': b64(SENTINEL) } }],
    ['a key of 253 letters', { data: { [LONG_KEY.slice(1)]: b64(SENTINEL) } }],
    ['stringData counted into the limit, under it', { stringData: { a: 'x'.repeat(1024 * 1024 - 1) }, data: { b: b64('y') } }],
    ['a tls Secret with both keys', { type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c'), 'tls.key': b64('k') } }],
    ['a tls Secret whose key comes from stringData', { type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c') }, stringData: { 'tls.key': 'k' } }],
    ['a basic-auth Secret with a password only', { type: 'kubernetes.io/basic-auth', data: { password: b64('p') } }],
    ['an Opaque Secret with no data', { type: 'Opaque' }],
  ])('passes %s', (_t, fields) => {
    expect(checkSecret(secret(fields))).toEqual([]);
  });
});

describe('checkSecretReferences', () => {
  const pod = (spec: Record<string, unknown>, namespace?: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(namespace ? { namespace } : {}) }, spec });
  const envPod = (ref: Record<string, unknown>) => pod({ containers: [{ name: 'c', image: 'x', env: [{ name: 'A', valueFrom: { secretKeyRef: ref } }] }] });
  const app = secret({ data: { username: b64('admin') } }, 'user');
  const findings = (objects: KubeObject[], externals: { name: string; namespace?: string; keys?: string[] }[] | undefined = []) =>
    checkSecretReferences(objects, externals).map((f) => [f.violation.rule, f.violation.path]);

  it.each([
    ['a secretKeyRef names a Secret neither in the set nor external', [envPod({ name: 'pass', key: 'k' })], [[secretRules.notFound.id, 'spec.containers[0].env[0].valueFrom.secretKeyRef.name']]],
    ['a secretKeyRef names a key the Secret lacks', [app, envPod({ name: 'user', key: 'password' })], [[secretRules.keyNotFound.id, 'spec.containers[0].env[0].valueFrom.secretKeyRef.key']]],
    ['envFrom names a missing Secret', [pod({ containers: [{ name: 'c', image: 'x', envFrom: [{ secretRef: { name: 'pass' } }] }] })], [[secretRules.notFound.id, 'spec.containers[0].envFrom[0].secretRef.name']]],
    ['a secret volume names a missing Secret', [pod({ containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', secret: { secretName: 'pass', items: [{ key: 'a', path: 'a' }] } }] })], [[secretRules.notFound.id, 'spec.volumes[0].secret.secretName']]],
    ['a secret volume item names a missing key', [app, pod({ containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', secret: { secretName: 'user', items: [{ key: 'password', path: 'p' }] } }] })], [[secretRules.keyNotFound.id, 'spec.volumes[0].secret.items[0].key']]],
    ['a projected source names a missing Secret', [pod({ containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', projected: { sources: [{ secret: { name: 'user' } }, { secret: { name: 'pass' } }] } }] }), app], [[secretRules.notFound.id, 'spec.volumes[0].projected.sources[1].secret.name']]],
    ['a projected item names a missing key', [app, pod({ containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', projected: { sources: [{ secret: { name: 'user', items: [{ key: 'nope', path: 'n' }] } }] } }] })], [[secretRules.keyNotFound.id, 'spec.volumes[0].projected.sources[0].secret.items[0].key']]],
    ['the only Secret of that name is in another namespace', [secret({ data: {} }, 'user', 'other'), envPod({ name: 'user', key: 'username' })], [[secretRules.otherNamespace.id, 'spec.containers[0].env[0].valueFrom.secretKeyRef.name']]],
    ['an external Secret with known keys lacks the key', [envPod({ name: 'pass', key: 'nope' })], [[secretRules.keyNotFound.id, 'spec.containers[0].env[0].valueFrom.secretKeyRef.key']], [{ name: 'pass', keys: ['password'] }]],
  ] as [string, KubeObject[], string[][], { name: string; keys?: string[] }[]?][])('fails when %s', (_t, objects, expected, externals = []) => {
    expect(findings(objects, externals)).toEqual(expected);
  });

  it.each([
    ['the Secret is in the set with the key', [app, envPod({ name: 'user', key: 'username' })], []],
    ['the Secret is declared external', [envPod({ name: 'pass', key: 'k' })], [{ name: 'pass' }]],
    ['an external Secret with known keys has the key', [envPod({ name: 'pass', key: 'password' })], [{ name: 'pass', keys: ['password'] }]],
    ['the reference is optional', [envPod({ name: 'pass', key: 'k', optional: true })], []],
    ['an optional volume item names a missing key', [app, pod({ containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', secret: { secretName: 'user', optional: true, items: [{ key: 'password', path: 'p' }] } }] })], []],
    ['the projected sources all exist', [secret({ data: {} }, 'pass'), app, pod({ containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', projected: { sources: [{ secret: { name: 'user' } }, { secret: { name: 'pass' } }] } }] })], []],
  ] as [string, KubeObject[], { name: string; keys?: string[] }[]][])('passes when %s', (_t, objects, externals) => {
    expect(findings(objects, externals)).toEqual([]);
  });

  it('does not report a Secret absent from linted files when no externals are known', () => {
    expect(checkSecretReferences([envPod({ name: 'pass', key: 'k' })])).toEqual([]);
    expect(checkSecretReferences([envPod({ name: 'pass', key: 'k' })], []).length).toBe(1);
  });

  it('warns when envFrom imports a key that is not a variable name', () => {
    const s = secret({ data: { '1st': b64('c'), GOOD: b64('g') } }, 'user');
    const objects = [s, pod({ containers: [{ name: 'c', image: 'x', envFrom: [{ secretRef: { name: 'user' } }] }] })];
    const f = checkSecretReferences(objects, [], { kubernetesVersion: '1.31' });
    expect(f.map((x) => [x.violation.rule, x.violation.path, x.violation.severity])).toEqual([[secretRules.envFromInvalidKey.id, 'spec.containers[0].envFrom[0].secretRef', 'warning']]);
    // relaxed names (1.32 on, the default target): the key is imported
    expect(checkSecretReferences(objects, [])).toEqual([]);
  });

  it('warns naming the variable the prefix makes when the prefix makes a valid key invalid, and passes with a valid prefix', () => {
    const s = secret({ data: { x: b64('c') } }, 'user');
    const withPrefix = (prefix: string) => checkSecretReferences([s, pod({ containers: [{ name: 'c', image: 'x', envFrom: [{ prefix, secretRef: { name: 'user' } }] }] })], [], { kubernetesVersion: '1.31' });
    const f = withPrefix('1');
    expect(f.map((x) => [x.violation.rule, x.violation.path])).toEqual([[secretRules.envFromInvalidKey.id, 'spec.containers[0].envFrom[0].secretRef']]);
    expect(f[0]!.violation.message).toBe(secretRules.envFromInvalidKey.message('x', 'user', '1x'));
    expect(withPrefix('APP_')).toEqual([]);
  });
});
