import { describe, expect, it } from 'vitest';
import type { Container, KubeObject } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import { checkConfigMap, checkConfigMapReferences, checkContainerConfigMapUse, configMapRules, variableReferences } from './config-map';

const cm = (name: string, data: Record<string, string>, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data, ...extra,
});
/** A key one letter over the 253 a key may have. */
const LONG_KEY = 'k'.repeat(254);
const pod = (container: Partial<Container>, spec: Record<string, unknown> = {}, namespace?: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(namespace ? { namespace } : {}) },
  spec: { containers: [{ name: 'c', image: 'busybox', ...container }], ...spec },
});
const keyRef = (name: string, key: string, optional?: boolean): Partial<Container> => ({
  env: [{ name: 'V', valueFrom: { configMapKeyRef: { name, key, ...(optional !== undefined ? { optional } : {}) } } }],
});
const findings = (objects: KubeObject[], externals?: Parameters<typeof checkConfigMapReferences>[1], options: RuleOptions = { kubernetesVersion: '1.31' }) =>
  checkConfigMapReferences(objects, externals, options).map((f) => [f.violation.rule, f.violation.path]);
/** A target version whose env var names are strict (before RelaxedEnvironmentVariableValidation, 1.32). */
const STRICT_NAMES: RuleOptions = { kubernetesVersion: '1.31' };

describe('checkConfigMap', () => {
  it.each([
    ['a key has a space', cm('x', { 'bad key': '1' }), configMapRules.keyInvalid.id, 'data[bad key]'],
    ['a key is ..', cm('x', { '..': '1' }), configMapRules.keyInvalid.id, 'data[..]'],
    ['a key is in data and binaryData', cm('x', { k: '1' }, { binaryData: { k: 'AA==' } }), configMapRules.keyInBoth.id, 'data[k]'],
    // `field.NewPath("data").Key(key)`, `field.NewPath("binaryData").Key(key)`: bracketed even where the key reads as a field name
    ['a data key is 254 letters', cm('x', { [LONG_KEY]: '1' }), configMapRules.keyInvalid.id, `data[${LONG_KEY}]`],
    ['a binaryData key is 254 letters', cm('x', {}, { binaryData: { [LONG_KEY]: 'AA==' } }), configMapRules.keyInvalid.id, `binaryData[${LONG_KEY}]`],
    ['the data is over 1 MiB', cm('x', { a: 'x'.repeat(1024 * 1024), b: 'y' }), configMapRules.tooLong.id, ''],
    ['the binaryData is over 1 MiB', cm('x', {}, { binaryData: { b: Buffer.alloc(1024 * 1024 + 1).toString('base64') } }), configMapRules.tooLong.id, ''],
  ])('fails when %s', (_t, obj, rule, path) => {
    expect(checkConfigMap(obj).map((v) => [v.rule, v.path])).toContainEqual([rule, path]);
  });

  it.each([
    ['keys may start with a digit', cm('x', { '1key': '1', '.hidden': '2', 'a_b-c.d': '3' })],
    ['keys of 253 letters', cm('x', { [LONG_KEY.slice(1)]: '1' }, { binaryData: { [`b${LONG_KEY.slice(2)}`]: 'AA==' } })],
    ['the data is exactly 1 MiB', cm('x', { a: 'x'.repeat(1024 * 1024) })],
    ['data and binaryData hold different keys', cm('x', { k: '1' }, { binaryData: { j: 'AA==' } })],
  ])('passes when %s', (_t, obj) => {
    expect(checkConfigMap(obj)).toEqual([]);
  });
});

describe('checkContainerConfigMapUse', () => {
  const at = 'spec.containers[0]';
  it.each([
    ['a configMapKeyRef has no key', { env: [{ name: 'V', valueFrom: { configMapKeyRef: { name: 'x', key: '' } } }] }, configMapRules.refKeyRequired.id, `${at}.env[0].valueFrom.configMapKeyRef.key`],
    ['a configMapKeyRef key is not a key', keyRef('x', 'a b'), configMapRules.refKeyInvalid.id, `${at}.env[0].valueFrom.configMapKeyRef.key`],
    ['an envFrom configMapRef has no name', { envFrom: [{ configMapRef: {} }] }, configMapRules.refNameRequired.id, `${at}.envFrom[0].configMapRef.name`],
    ['a command names an undefined variable', { command: ['/bin/echo', '$(SPECIAL_LEVEL_KEY) $(NOPE)'], env: [{ name: 'SPECIAL_LEVEL_KEY', value: 'x' }] }, configMapRules.undefinedVariable.id, `${at}.command[1]`],
    ['args name an undefined variable', { args: ['$(X)'] }, configMapRules.undefinedVariable.id, `${at}.args[0]`],
    ['sh -c names an undefined variable in env-var form among command substitutions', { command: ['sh', '-c', 'echo $(date) $(POD_NAME)'] }, configMapRules.undefinedVariable.id, `${at}.command[2]`],
  ])('fails when %s', (_t, container, rule, path) => {
    expect(checkContainerConfigMapUse({ name: 'c', ...container } as Container, at).map((v) => [v.rule, v.path])).toContainEqual([rule, path]);
  });

  it.each([
    ['every variable is defined', { command: ['/bin/echo', '$(A) $(B)'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }],
    ['$$ escapes a reference', { command: ['echo', '$$(X)'] }],
    ['an unterminated $( is text', { command: ['echo', '$(X'] }],
    ['envFrom may define the variable', { command: ['echo', '$(X)'], envFrom: [{ configMapRef: { name: 'x' } }] }],
    ['a configMapKeyRef is complete', keyRef('x', 'special.how')],
    ['sh -c uses command substitution $(date), left as is by Kubernetes', { command: ['sh', '-c', 'echo $(date) >> /out; touch /tmp/$(hostname -f)'] }],
    ['sh -c uses arithmetic expansion $(($RANDOM % 5 + 5))', { command: ['sh', '-c', 'sleep $(($RANDOM % 5 + 5))'] }],
    ['sh -c substitutes a pipeline', { command: ['sh', '-c', "for i in $(seq 1 $MAX_RETRIES); do echo $(wget -q http://x 2>&1 | awk '{print $2}'); done"] }],
  ])('passes when %s', (_t, container) => {
    expect(checkContainerConfigMapUse({ name: 'c', ...container } as Container, at)).toEqual([]);
  });

  it('warns, not fails, on an undefined variable', () => {
    const [v] = checkContainerConfigMapUse({ name: 'c', args: ['$(X)'] }, at);
    expect(v).toMatchObject({ severity: 'warning', message: configMapRules.undefinedVariable.message('X') });
  });

  it('finds $(VAR) references as Kubernetes expands them', () => {
    expect(variableReferences('$(A)-$$(B)-$(C')).toEqual(['A']);
  });
});

describe('checkConfigMapReferences', () => {
  const special = cm('special-config', { SPECIAL_LEVEL: 'very', SPECIAL_TYPE: 'charm' });
  const env = 'spec.containers[0].env[0].valueFrom.configMapKeyRef';

  it.each([
    ['the key is not in the ConfigMap', [special, pod(keyRef('special-config', 'special.how'))], configMapRules.keyNotFound.id, `${env}.key`],
    ['the ConfigMap is in another namespace', [special, pod(keyRef('special-config', 'SPECIAL_LEVEL'), {}, 'other')], configMapRules.otherNamespace.id, `${env}.name`],
    ['a volume item key is not in the ConfigMap', [special, pod({}, { volumes: [{ name: 'v', configMap: { name: 'special-config', items: [{ key: 'nope', path: 'k' }] } }] })], configMapRules.keyNotFound.id, 'spec.volumes[0].configMap.items[0].key'],
    ['$(VAR) names neither an env var nor an imported key', [special, pod({ envFrom: [{ configMapRef: { name: 'special-config' } }], command: ['echo', '$(SPECIAL_LEVEL) $(NOPE)'] })], configMapRules.undefinedVariable.id, 'spec.containers[0].command[1]'],
    ['envFrom imports a key that is no env var name', [cm('myconfig', { '1badkey': 'x', ok: 'y' }), pod({ envFrom: [{ configMapRef: { name: 'myconfig' } }] })], configMapRules.envFromInvalidKey.id, 'spec.containers[0].envFrom[0].configMapRef'],
  ])('fails when %s', (_t, objects, rule, path) => {
    expect(findings(objects)).toContainEqual([rule, path]);
  });

  it.each([
    ['the key is in the ConfigMap', [special, pod(keyRef('special-config', 'SPECIAL_LEVEL'))]],
    ['$(VAR) names an imported key', [special, pod({ envFrom: [{ configMapRef: { name: 'special-config' } }], command: ['echo', '$(SPECIAL_LEVEL) $(SPECIAL_TYPE)'] })]],
    ['$(VAR) names a prefixed imported key', [special, pod({ envFrom: [{ prefix: 'CM_', configMapRef: { name: 'special-config' } }], args: ['$(CM_SPECIAL_LEVEL)'] })]],
    ['the missing key is optional', [special, pod(keyRef('special-config', 'nope', true))]],
    ['an unset namespace meets default', [special, pod({ envFrom: [{ configMapRef: { name: 'special-config' } }] })]],
    ['envFrom keys are valid names', [cm('myconfig', { ok: 'y' }), pod({ envFrom: [{ configMapRef: { name: 'myconfig' } }] })]],
    ['a prefix makes the key a valid name', [cm('myconfig', { '1key': 'y' }), pod({ envFrom: [{ prefix: 'P_', configMapRef: { name: 'myconfig' } }] })]],
  ])('passes when %s', (_t, objects) => {
    expect(findings(objects)).toEqual([]);
  });

  it('names each skipped envFrom key in its own warning', () => {
    const out = checkConfigMapReferences([cm('myconfig', { '1badkey': 'x', '2alsobad': 'y' }), pod({ envFrom: [{ configMapRef: { name: 'myconfig' } }] })], undefined, STRICT_NAMES);
    expect(out.map((f) => f.violation.message)).toEqual([
      configMapRules.envFromInvalidKey.message('1badkey', 'myconfig'),
      configMapRules.envFromInvalidKey.message('2alsobad', 'myconfig'),
    ]);
    expect(out.every((f) => f.violation.severity === 'warning')).toBe(true);
  });

  it('names the variable the prefix makes, not the bare key, when the prefix makes it invalid', () => {
    const out = checkConfigMapReferences([cm('myconfig', { '.x': 'v' }), pod({ envFrom: [{ prefix: '.', configMapRef: { name: 'myconfig' } }] })], undefined, STRICT_NAMES);
    expect(out.map((f) => f.violation.message)).toEqual([configMapRules.envFromInvalidKey.message('.x', 'myconfig', '..x')]);
    expect(out[0]!.violation.message).toContain('"..x"');
  });

  it('judges the imported names by the target version: relaxed names (1.32 on) take every key, so nothing is skipped', () => {
    const objects = [cm('myconfig', { '1badkey': 'x', '.x': 'y' }), pod({ envFrom: [{ prefix: '.', configMapRef: { name: 'myconfig' } }] })];
    // strict: ".1badkey" is a name, "..x" is not
    expect(findings(objects, undefined, STRICT_NAMES)).toEqual([[configMapRules.envFromInvalidKey.id, 'spec.containers[0].envFrom[0].configMapRef']]);
    expect(findings(objects, undefined, { kubernetesVersion: '1.32' })).toEqual([]);
    expect(findings(objects, undefined, {})).toEqual([]);
  });

  describe('with the declared external ConfigMaps', () => {
    it('fails when the ConfigMap is neither in the set nor declared', () => {
      expect(findings([pod(keyRef('elsewhere', 'k'))], [])).toEqual([[configMapRules.notFound.id, `${env}.name`]]);
    });
    it('passes when the ConfigMap is declared external', () => {
      expect(findings([pod(keyRef('elsewhere', 'k'))], [{ name: 'elsewhere' }])).toEqual([]);
    });
    it('fails when a declared external ConfigMap lacks the key', () => {
      expect(findings([pod(keyRef('elsewhere', 'k'))], [{ name: 'elsewhere', keys: ['j'] }])).toEqual([[configMapRules.keyNotFound.id, `${env}.key`]]);
    });
    it('passes when the reference is optional', () => {
      expect(findings([pod(keyRef('elsewhere', 'k', true))], [])).toEqual([]);
    });
  });
});
