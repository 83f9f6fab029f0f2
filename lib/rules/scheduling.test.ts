import { describe, expect, it } from 'vitest';
import type { NodeAffinity, NodeSelectorRequirement, PodLike, PodSpec } from '../k8s';
import { checkObject } from './index';
import { isInt64 } from '../scheduling/node-affinity';
import { checkNodeSelection, schedulingRules as R } from './scheduling';

const REQ = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms';
const PREF = 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution';

const pod = (spec: Partial<PodSpec>): PodLike => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
const required = (...matchExpressions: NodeSelectorRequirement[]): PodLike =>
  pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } } } });
const requiredFields = (...matchFields: NodeSelectorRequirement[]): PodLike =>
  pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields }] } } } });
const preferred = (weight: number, ...matchExpressions: NodeSelectorRequirement[]): PodLike =>
  pod({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, preference: { matchExpressions } }] } } });
const affinity = (nodeAffinity: NodeAffinity): PodLike => pod({ affinity: { nodeAffinity } });

const found = (p: PodLike) => checkNodeSelection(p).map((v) => [v.rule, v.path, v.severity]);

describe('checkNodeSelection', () => {
  it.each<[string, PodLike, string, string]>([
    ['In has no values', required({ key: 'disktype', operator: 'In', values: [] }), R.valuesRequired.id, `${REQ}[0].matchExpressions[0].values`],
    ['NotIn has values omitted', required({ key: 'disktype', operator: 'NotIn' }), R.valuesRequired.id, `${REQ}[0].matchExpressions[0].values`],
    ['Exists has values', required({ key: 'disktype', operator: 'Exists', values: ['ssd'] }), R.valuesForbidden.id, `${REQ}[0].matchExpressions[0].values`],
    ['DoesNotExist has values', preferred(1, { key: 'disktype', operator: 'DoesNotExist', values: ['ssd'] }), R.valuesForbidden.id, `${PREF}[0].preference.matchExpressions[0].values`],
    ['Gt has two values', required({ key: 'cores', operator: 'Gt', values: ['1', '2'] }), R.singleValueRequired.id, `${REQ}[0].matchExpressions[0].values`],
    ['Lt has no value', required({ key: 'cores', operator: 'Lt', values: [] }), R.singleValueRequired.id, `${REQ}[0].matchExpressions[0].values`],
    ['the operator is unknown', required({ key: 'disktype', operator: 'Equals', values: ['ssd'] }), R.invalidOperator.id, `${REQ}[0].matchExpressions[0].operator`],
    ['the operator is lowercase', required({ key: 'disktype', operator: 'in', values: ['ssd'] }), R.invalidOperator.id, `${REQ}[0].matchExpressions[0].operator`],
    ['the key is not a label key', required({ key: 'disk type', operator: 'Exists' }), R.labelKeyInvalid.id, `${REQ}[0].matchExpressions[0].key`],
    ['a required value is not a label value', required({ key: 'disktype', operator: 'In', values: ['ssd', 'not ok'] }), R.labelValueInvalid.id, `${REQ}[0].matchExpressions[0].values[1]`],
    ['a required Lt value is negative (not a label value)', required({ key: 'cores', operator: 'Lt', values: ['-5'] }), R.labelValueInvalid.id, `${REQ}[0].matchExpressions[0].values[0]`],
    ['the key is empty', required({ key: '', operator: 'Exists' }), R.labelKeyInvalid.id, `${REQ}[0].matchExpressions[0].key`],
    ['a required value is unicode', required({ key: 'disktype', operator: 'In', values: ['ｓｓｄ'] }), R.labelValueInvalid.id, `${REQ}[0].matchExpressions[0].values[0]`],
    ['a required value is 64 characters', required({ key: 'disktype', operator: 'In', values: ['a'.repeat(64)] }), R.labelValueInvalid.id, `${REQ}[0].matchExpressions[0].values[0]`],
    ['a nodeSelector key has an empty prefix', pod({ nodeSelector: { '/disktype': 'ssd' } }), R.labelKeyInvalid.id, 'spec.nodeSelector'],
    ['the weight is 0', preferred(0, { key: 'disktype', operator: 'In', values: ['ssd'] }), R.weightRange.id, `${PREF}[0].weight`],
    ['the weight is 101', preferred(101, { key: 'disktype', operator: 'In', values: ['ssd'] }), R.weightRange.id, `${PREF}[0].weight`],
    ['the weight is negative', preferred(-1, { key: 'disktype', operator: 'In', values: ['ssd'] }), R.weightRange.id, `${PREF}[0].weight`],
    ['the weight is not whole', preferred(1.5, { key: 'disktype', operator: 'In', values: ['ssd'] }), R.weightRange.id, `${PREF}[0].weight`],
    ['required affinity has no term', affinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } }), R.termsRequired.id, REQ],
    ['a field selector key is not metadata.name', requiredFields({ key: 'metadata.labels', operator: 'In', values: ['n1'] }), R.fieldKeyInvalid.id, `${REQ}[0].matchFields[0].key`],
    ['a field selector has two values', requiredFields({ key: 'metadata.name', operator: 'In', values: ['n1', 'n2'] }), R.fieldSingleValue.id, `${REQ}[0].matchFields[0].values`],
    ['a field selector uses Exists', requiredFields({ key: 'metadata.name', operator: 'Exists' }), R.invalidOperator.id, `${REQ}[0].matchFields[0].operator`],
    ['a field selector value is not a node name', requiredFields({ key: 'metadata.name', operator: 'In', values: ['Node_1'] }), R.fieldValueInvalid.id, `${REQ}[0].matchFields[0].values[0]`],
    ['a nodeSelector key is not a label key', pod({ nodeSelector: { 'disk type': 'ssd' } }), R.labelKeyInvalid.id, 'spec.nodeSelector'],
    ['a nodeSelector value is not a label value', pod({ nodeSelector: { disktype: 'fast ssd' } }), R.labelValueInvalid.id, 'spec.nodeSelector'],
    ['nodeName is not a DNS subdomain', pod({ nodeName: 'Foo_Node' }), R.nodeNameInvalid.id, 'spec.nodeName'],
  ])('fails when %s', (_name, input, rule, path) => {
    expect(found(input)).toContainEqual([rule, path, 'error']);
  });

  it.each<[string, PodLike]>([
    ['In has values', required({ key: 'disktype', operator: 'In', values: ['ssd'] })],
    ['NotIn has values', required({ key: 'disktype', operator: 'NotIn', values: ['hdd'] })],
    ['Exists has none', required({ key: 'disktype', operator: 'Exists' })],
    ['DoesNotExist has an empty list', preferred(1, { key: 'disktype', operator: 'DoesNotExist', values: [] })],
    ['Gt has one integer', required({ key: 'cores', operator: 'Gt', values: ['1'] })],
    ['Lt has one integer', required({ key: 'cores', operator: 'Lt', values: ['5'] })],
    ['a preferred Lt value is negative', preferred(1, { key: 'cores', operator: 'Lt', values: ['-5'] })],
    ['the key has a prefix', required({ key: 'example.com/disktype', operator: 'Exists' })],
    ['a preferred value is not a label value (current Kubernetes allows it)', preferred(1, { key: 'disktype', operator: 'In', values: ['not ok'] })],
    ['a required value is empty or 63 characters', required({ key: 'disktype', operator: 'In', values: ['', 'a'.repeat(63)] })],
    ['the weight is 1', preferred(1, { key: 'disktype', operator: 'In', values: ['ssd'] })],
    ['the weight is 100', preferred(100, { key: 'disktype', operator: 'In', values: ['ssd'] })],
    ['required affinity has one term', affinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] } })],
    ['a field selector names one node', requiredFields({ key: 'metadata.name', operator: 'NotIn', values: ['node-1'] })],
    ['nodeSelector holds valid labels', pod({ nodeSelector: { disktype: 'ssd', 'kubernetes.io/hostname': 'worker0', empty: '' } })],
    ['nodeName is a DNS subdomain', pod({ nodeName: 'foo-node' })],
  ])('passes when %s', (_name, input) => {
    expect(found(input)).toEqual([]);
  });

  it('uses the API server wording', () => {
    const [v] = checkNodeSelection(preferred(0, { key: 'disktype', operator: 'In', values: ['ssd'] }));
    expect(v!.message).toBe('Invalid value: 0: must be in the range 1-100');
    expect(v!.message).toBe(R.weightRange.message('0'));
    const [w] = checkNodeSelection(required({ key: 'disktype', operator: 'In' }));
    expect(w!.message).toBe("Required value: must be specified when `operator` is 'In' or 'NotIn'");
  });

  it('reports every violation of one requirement, not the first only', () => {
    expect(found(required({ key: 'bad key', operator: 'Exists', values: ['x'] }))).toEqual([
      [R.valuesForbidden.id, `${REQ}[0].matchExpressions[0].values`, 'error'],
      [R.labelKeyInvalid.id, `${REQ}[0].matchExpressions[0].key`, 'error'],
    ]);
  });

  it('runs on the pod template of a Deployment, at its path', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx' }], nodeSelector: { disktype: 'fast ssd' } } } },
    };
    expect(checkObject(deployment).map((v) => [v.rule, v.path])).toEqual([[R.labelValueInvalid.id, 'spec.template.spec.nodeSelector']]);
  });
});

describe('warnings that are ours, not the API server', () => {
  it.each<[string, PodLike, string]>([
    ['a Gt value is not an integer', required({ key: 'cores', operator: 'Gt', values: ['1.5'] }), `${REQ}[0].matchExpressions[0].values[0]`],
    ['a Lt value overflows int64', required({ key: 'cores', operator: 'Lt', values: ['9223372036854775808'] }), `${REQ}[0].matchExpressions[0].values[0]`],
  ])('warns when %s', (_name, input, path) => {
    expect(found(input)).toEqual([[R.integerValue.id, path, 'warning']]);
  });

  it('warns on an empty required term (matches no node) and an empty preferred term (ignored)', () => {
    const p = affinity({
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [] } }],
    });
    const vs = checkNodeSelection(p);
    expect(vs.map((v) => [v.rule, v.path, v.severity])).toEqual([
      [R.emptyTerm.id, `${REQ}[0]`, 'warning'],
      [R.emptyTerm.id, `${PREF}[0].preference`, 'warning'],
    ]);
    expect(vs[0]!.message).toBe(R.emptyTerm.message('matches no node'));
  });

  it('does not warn on a term with expressions', () => {
    expect(found(affinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }] } }))).toEqual([]);
  });
});

describe('isInt64 (strconv.ParseInt base 10)', () => {
  it.each([
    ['0', true],
    ['+7', true],
    ['-9223372036854775808', true],
    ['9223372036854775807', true],
    ['9223372036854775808', false],
    ['1e3', false],
    ['0x10', false],
    ['1_000', false],
    [' 1', false],
    ['', false],
  ])('%j → %s', (value, ok) => {
    expect(isInt64(value)).toBe(ok);
  });
});
