/** Node selection and extended resources through the `Pod` construct: typed props in, rules on the manifest. */
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { resourceRules } from '../lib/rules/resources';
import { schedulingRules as R } from '../lib/rules/scheduling';
import { ViolationError } from '../lib/violation';
import { extendedResources } from './extended-resources';
import type { NodeAffinityProps } from './node-affinity';
import { Pod, type PodSpecProps } from './pod';

const nginx = { name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' } as const;
const PREF = 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution';

function violationsOf(spec: PodSpecProps): [string, string][] {
  try {
    new Pod(Testing.chart(), 'nginx', { metadata: { name: 'nginx' }, spec });
  } catch (e) {
    if (e instanceof ViolationError) return e.violations.map((v) => [v.rule, v.path]);
    throw e;
  }
  return [];
}

const preferred = (weight: number): NodeAffinityProps => ({
  preferredDuringSchedulingIgnoredDuringExecution: [{ weight, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } }],
});

describe('Pod with node selection', () => {
  it.each([0, 101])('fails when the preferred weight is %i', (weight) => {
    expect(violationsOf({ affinity: { nodeAffinity: preferred(weight) }, containers: [nginx] })).toEqual([[R.weightRange.id, `${PREF}[0].weight`]]);
  });

  it.each([1, 100])('passes when the preferred weight is %i', (weight) => {
    expect(violationsOf({ affinity: { nodeAffinity: preferred(weight) }, containers: [nginx] })).toEqual([]);
  });

  it('fails when a widened operator gets past the type', () => {
    const operator = 'Equal' as string as 'In';
    expect(violationsOf({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disktype', operator, values: ['ssd'] }] }] } } }, containers: [nginx] })).toEqual([
      [R.invalidOperator.id, 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator'],
    ]);
  });

  it('fails when a nodeSelector value read from elsewhere is not a label value', () => {
    const fromFile = 'fast ssd';
    expect(violationsOf({ nodeSelector: { disktype: fromFile }, containers: [nginx] })).toEqual([[R.labelValueInvalid.id, 'spec.nodeSelector']]);
  });

  it('passes and emits exactly the nodeSelector of the page', () => {
    const chart = Testing.chart();
    new Pod(chart, 'nginx', { metadata: { name: 'nginx', labels: { env: 'test' } }, spec: { containers: [nginx], nodeSelector: { disktype: 'ssd' } } });
    expect(Testing.synth(chart)).toEqual([
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx', labels: { env: 'test' } }, spec: { containers: [nginx], nodeSelector: { disktype: 'ssd' } } },
    ]);
  });
});

describe('Pod with extendedResources()', () => {
  it('emits the count as both request and limit (the page: 3 dongles)', () => {
    const chart = Testing.chart();
    new Pod(chart, 'p', { metadata: { name: 'extended-resource-demo' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: extendedResources({ 'example.com/dongle': 3 }) }] } });
    expect((Testing.synth(chart)[0] as { spec: { containers: { resources: unknown }[] } }).spec.containers[0]!.resources).toEqual({
      requests: { 'example.com/dongle': 3 },
      limits: { 'example.com/dongle': 3 },
    });
  });

  it('merges cpu and memory requests and limits', () => {
    expect(extendedResources({ 'example.com/dongle': 1 }, { requests: { cpu: '250m' }, limits: { cpu: '500m' } })).toEqual({
      requests: { cpu: '250m', 'example.com/dongle': 1 },
      limits: { cpu: '500m', 'example.com/dongle': 1 },
    });
  });

  it('fails when a fraction gets past the type', () => {
    expect(violationsOf({ containers: [{ name: 'c', image: 'nginx', resources: extendedResources({ 'example.com/dongle': 1.5 }) }] })).toEqual([
      [resourceRules.integerRequired.id, 'spec.containers[0].resources.limits[example.com/dongle]'],
      [resourceRules.integerRequired.id, 'spec.containers[0].resources.requests[example.com/dongle]'],
    ]);
  });
});
