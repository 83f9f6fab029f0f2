import { describe, expect, it } from 'vitest';
import type { Container, EnvFromSource, EnvVar, PodLike } from '../k8s';
import { checkEnv, envRules, ENV_FIELD_PATHS, RELAXED_ENV_VAR_NAME_MESSAGE } from './env';
import { checkObject, checkPod } from './index';

const pod = (env: EnvVar[] = [], envFrom?: EnvFromSource[], extra: Partial<Container> = {}): PodLike => ({
  spec: { containers: [{ name: 'app', image: 'nginx', env, ...(envFrom ? { envFrom } : {}), ...extra }] },
});
const at = 'spec.containers[0]';
const STRICT =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

const cases = [
  {
    name: 'a name contains =',
    bad: pod([{ name: 'A=B', value: 'x' }]),
    good: pod([{ name: 'A_B', value: 'x' }]),
    rule: 'env/name-invalid',
    path: `${at}.env[0].name`,
    message: `Invalid value: "A=B": ${RELAXED_ENV_VAR_NAME_MESSAGE}`,
  },
  {
    name: 'a name is empty',
    bad: pod([{ name: '', value: 'x' }]),
    good: pod([{ name: 'X', value: 'x' }]),
    rule: 'env/name-required',
    path: `${at}.env[0].name`,
    message: 'Required value',
  },
  {
    name: 'value and valueFrom are both set',
    bad: pod([{ name: 'NODE', value: 'x', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }]),
    good: pod([{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }]),
    rule: 'env/value-and-value-from',
    path: `${at}.env[0].valueFrom`,
    message: 'Invalid value: "": may not be specified when `value` is not empty',
  },
  {
    name: 'valueFrom is empty',
    bad: pod([{ name: 'X', valueFrom: {} }]),
    good: pod([{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]),
    rule: 'env/value-from-source-required',
    path: `${at}.env[0].valueFrom`,
    message: 'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
  },
  {
    name: 'valueFrom has two sources',
    bad: pod([{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, resourceFieldRef: { resource: 'limits.cpu' } } }]),
    good: pod([{ name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }]),
    rule: 'env/value-from-multiple-sources',
    path: `${at}.env[0].valueFrom`,
    message: 'Invalid value: "": may not have more than one field specified at a time',
  },
  {
    name: 'fieldRef names a field the API does not know (metadata.nodeName)',
    bad: pod([{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'metadata.nodeName' } } }]),
    good: pod([{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }]),
    rule: 'env/field-path-invalid',
    path: `${at}.env[0].valueFrom.fieldRef.fieldPath`,
    message: 'Invalid value: "metadata.nodeName": error converting fieldPath: field label not supported: metadata.nodeName',
  },
  {
    name: 'fieldRef names a pod field env vars cannot read (status.phase)',
    bad: pod([{ name: 'PHASE', valueFrom: { fieldRef: { fieldPath: 'status.phase' } } }]),
    good: pod([{ name: 'PHASE', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }]),
    rule: 'env/field-path-unsupported',
    path: `${at}.env[0].valueFrom.fieldRef.fieldPath`,
    message: `Unsupported value: "status.phase": supported values: ${ENV_FIELD_PATHS.map((p) => `"${p}"`).join(', ')}`,
  },
  {
    name: 'fieldRef has another apiVersion',
    bad: pod([{ name: 'N', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } } }]),
    good: pod([{ name: 'N', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }]),
    rule: 'env/field-path-invalid',
    path: `${at}.env[0].valueFrom.fieldRef.fieldPath`,
    message: 'Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2',
  },
  {
    name: 'fieldRef subscripts a label with an invalid key',
    bad: pod([{ name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['-app']" } } }]),
    good: pod([{ name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }]),
    rule: 'env/field-path-subscript-invalid',
    path: `${at}.env[0].valueFrom.fieldRef`,
    message: expect.stringContaining('Invalid value: "-app": name part must consist of alphanumeric characters'),
  },
  {
    name: 'fieldRef has no fieldPath',
    bad: pod([{ name: 'N', valueFrom: { fieldRef: { fieldPath: '' } } }]),
    good: pod([{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }]),
    rule: 'env/field-path-required',
    path: `${at}.env[0].valueFrom.fieldRef.fieldPath`,
    message: 'Required value',
  },
  {
    name: 'resourceFieldRef names limits.gpu',
    bad: pod([{ name: 'GPU', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }]),
    good: pod([{ name: 'GPU', valueFrom: { resourceFieldRef: { resource: 'limits.hugepages-2Mi' } } }]),
    rule: 'env/resource-unsupported',
    path: `${at}.env[0].valueFrom.resourceFieldRef.resource`,
    message: 'Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
  },
  {
    name: 'resourceFieldRef has no resource',
    bad: pod([{ name: 'R', valueFrom: { resourceFieldRef: { resource: '' } } }]),
    good: pod([{ name: 'R', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } }]),
    rule: 'env/resource-required',
    path: `${at}.env[0].valueFrom.resourceFieldRef.resource`,
    message: 'Required value',
  },
  {
    name: 'a cpu divisor is not 1m or 1',
    bad: pod([{ name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1Mi' } } }]),
    good: pod([{ name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }]),
    rule: 'env/divisor-unsupported',
    path: `${at}.env[0].valueFrom.resourceFieldRef.divisor`,
    message: 'Invalid value: "limits.cpu": only divisor\'s values 1m and 1 are supported with the cpu resource',
  },
  {
    name: 'a memory divisor is 1m',
    bad: pod([{ name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1m' } } }]),
    good: pod([{ name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } } }]),
    rule: 'env/divisor-unsupported',
    path: `${at}.env[0].valueFrom.resourceFieldRef.divisor`,
    message: "Invalid value: \"requests.memory\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource",
  },
  {
    name: 'an envFrom entry has both configMapRef and secretRef',
    bad: pod([], [{ configMapRef: { name: 'cm' }, secretRef: { name: 's' } }]),
    good: pod([], [{ configMapRef: { name: 'cm' } }, { secretRef: { name: 's' } }]),
    rule: 'env/env-from-multiple-sources',
    path: `${at}.envFrom`,
    message: 'Invalid value: "": may not have more than one field specified at a time',
  },
  {
    name: 'an envFrom entry has no source',
    bad: pod([], [{ prefix: 'P_' }]),
    good: pod([], [{ prefix: 'P_', configMapRef: { name: 'cm' } }]),
    rule: 'env/env-from-source-required',
    path: `${at}.envFrom`,
    message: 'Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
  },
  {
    name: 'an envFrom prefix contains =',
    bad: pod([], [{ prefix: 'A=', configMapRef: { name: 'cm' } }]),
    good: pod([], [{ prefix: 'A_', configMapRef: { name: 'cm' } }]),
    rule: 'env/prefix-invalid',
    path: `${at}.envFrom[0].prefix`,
    message: `Invalid value: "A=": ${RELAXED_ENV_VAR_NAME_MESSAGE}`,
  },
  {
    name: 'a secretKeyRef has an empty name (validated as a name, not as required)',
    bad: pod([{ name: 'P', valueFrom: { secretKeyRef: { name: '', key: 'password' } } }]),
    good: pod([{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }]),
    rule: 'env/ref-name-invalid',
    path: `${at}.env[0].valueFrom.secretKeyRef.name`,
    message: expect.stringContaining('Invalid value: "": a lowercase RFC 1123 subdomain must consist of'),
  },
  {
    name: 'a configMapKeyRef has an empty name (validated as a name, not as required, as for a Secret)',
    bad: pod([{ name: 'P', valueFrom: { configMapKeyRef: { name: '', key: 'k' } } }]),
    good: pod([{ name: 'P', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }]),
    rule: 'env/config-map-ref-name-invalid',
    path: `${at}.env[0].valueFrom.configMapKeyRef.name`,
    message: expect.stringContaining('Invalid value: "": a lowercase RFC 1123 subdomain must consist of'),
  },
  {
    name: 'a configMapKeyRef names no DNS subdomain',
    bad: pod([{ name: 'P', valueFrom: { configMapKeyRef: { name: 'My Config', key: 'k' } } }]),
    good: pod([{ name: 'P', valueFrom: { configMapKeyRef: { name: 'my-config', key: 'k' } } }]),
    rule: 'env/config-map-ref-name-invalid',
    path: `${at}.env[0].valueFrom.configMapKeyRef.name`,
    message: expect.stringContaining('Invalid value: "My Config": a lowercase RFC 1123 subdomain'),
  },
  {
    name: 'a secretKeyRef has no key',
    bad: pod([{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: '' } } }]),
    good: pod([{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'k' } } }]),
    rule: 'env/secret-key-ref-key-required',
    path: `${at}.env[0].valueFrom.secretKeyRef.key`,
    message: 'Required value',
  },
  {
    name: 'a secretKeyRef key is ..',
    bad: pod([{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: '..' } } }]),
    good: pod([{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: '.k' } } }]),
    rule: 'env/secret-key-ref-key-invalid',
    path: `${at}.env[0].valueFrom.secretKeyRef.key`,
    message: `Invalid value: "..": must not be '..'`,
  },
  {
    name: 'an envFrom secretRef has an empty name',
    bad: pod([], [{ secretRef: { name: '' } }]),
    good: pod([], [{ secretRef: { name: 'db' } }]),
    rule: 'env/secret-ref-name-required',
    path: `${at}.envFrom[0].secretRef.name`,
    message: 'Required value',
  },
  {
    name: 'an envFrom configMapRef names no DNS subdomain (a trailing dash is fine: names are validated as prefixes)',
    bad: pod([], [{ configMapRef: { name: 'Bad_Name' } }]),
    good: pod([], [{ configMapRef: { name: 'cfg-' } }]),
    rule: 'env/config-map-ref-name-invalid',
    path: `${at}.envFrom[0].configMapRef.name`,
    message: expect.stringContaining('Invalid value: "Bad_Name"'),
  },
];

describe('checkEnv', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkEnv(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });

  it('runs from checkObject on a Deployment template, at the template path', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, ...pod([{ name: 'X', valueFrom: {} }]) } },
    };
    expect(checkObject(deployment).filter((v) => v.rule.startsWith('env/'))).toEqual([envRules.sourceRequired.at('spec.template.spec.containers[0].env[0].valueFrom')]);
  });

  it('reports valueFrom with a value before two sources, as the API server does (one finding)', () => {
    const v = checkEnv(pod([{ name: 'X', value: 'v', valueFrom: { configMapKeyRef: { name: 'a', key: 'k' }, secretKeyRef: { name: 'b', key: 'k' } } }]));
    expect(v.map((x) => x.rule)).toEqual(['env/value-and-value-from']);
  });
});

describe('env var names follow the target Kubernetes version', () => {
  const names = pod([{ name: '1ST', value: 'x' }, { name: 'my var', value: 'x' }]);
  it('fails a name starting with a digit, or with a space, at 1.31 (strict names)', () => {
    const v = checkEnv(names, 'spec', { kubernetesVersion: '1.31' });
    expect(v).toEqual([
      envRules.nameInvalid.at(`${at}.env[0].name`, '1ST', STRICT),
      envRules.nameInvalid.at(`${at}.env[1].name`, 'my var', STRICT),
    ]);
  });
  it('passes the same names at 1.32, where RelaxedEnvironmentVariableValidation is on by default', () => {
    expect(checkEnv(names, 'spec', { kubernetesVersion: '1.32' })).toEqual([]);
    expect(checkEnv(names)).toEqual([]);
  });
  it('fails a prefix with a dot-dot start at 1.30 but not at 1.36', () => {
    const p = pod([], [{ prefix: '..P', configMapRef: { name: 'cm' } }]);
    expect(checkEnv(p, 'spec', { kubernetesVersion: '1.30' })).toContainEqual(expect.objectContaining({ rule: 'env/prefix-invalid', path: `${at}.envFrom[0].prefix` }));
    expect(checkEnv(p, 'spec', { kubernetesVersion: '1.36' })).toEqual([]);
  });
  it('fails = in a name at every version', () => {
    for (const kubernetesVersion of ['1.30', '1.36'] as const)
      expect(checkEnv(pod([{ name: 'A=B', value: '' }]), 'spec', { kubernetesVersion }).map((v) => v.rule)).toEqual(['env/name-invalid']);
  });
});

describe('reference name links', () => {
  it('links a ConfigMap reference name to the ConfigMap page and a Secret reference name to the Secret page', () => {
    const [cm] = checkEnv(pod([{ name: 'P', valueFrom: { configMapKeyRef: { name: 'My Config', key: 'k' } } }]));
    const [secret] = checkEnv(pod([{ name: 'P', valueFrom: { secretKeyRef: { name: 'My Secret', key: 'k' } } }]));
    expect([cm!.rule, secret!.rule]).toEqual(['env/config-map-ref-name-invalid', 'env/ref-name-invalid']);
    expect(cm!.docs).toContain('/configure-pod-configmap/');
    expect(secret!.docs).toContain('/distribute-credentials-secure/');
  });
});
