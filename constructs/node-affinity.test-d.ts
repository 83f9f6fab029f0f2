/** Type tests of the node selection props: each `@ts-expect-error` sits next to a near-identical case that compiles. */
import { expectTypeOf } from 'vitest';
import type { NodeAffinityProps, NodeSelectorRequirementProps, NodeSelectorTermProps } from './node-affinity';
import type { PodSpecProps } from './pod';

// In / NotIn take a list of values: a `string[]` compiles, and an empty list is reported at synth (scheduling/values-required)
expectTypeOf<{ key: 'disktype'; operator: 'In'; values: ['ssd'] }>().toMatchTypeOf<NodeSelectorRequirementProps>();
expectTypeOf<{ key: 'disktype'; operator: 'In'; values: string[] }>().toMatchTypeOf<NodeSelectorRequirementProps>();
const inEmpty: NodeSelectorRequirementProps = { key: 'disktype', operator: 'In', values: [] };
// @ts-expect-error NotIn without values
const notInNone: NodeSelectorRequirementProps = { key: 'disktype', operator: 'NotIn' };
const notIn: NodeSelectorRequirementProps = { key: 'disktype', operator: 'NotIn', values: ['hdd'] };

// Exists / DoesNotExist take no values
const exists: NodeSelectorRequirementProps = { key: 'disktype', operator: 'Exists' };
// @ts-expect-error Exists with values
const existsWithValues: NodeSelectorRequirementProps = { key: 'disktype', operator: 'Exists', values: ['ssd'] };
// @ts-expect-error DoesNotExist with values
const doesNotExistWithValues: NodeSelectorRequirementProps = { key: 'disktype', operator: 'DoesNotExist', values: ['ssd'] };

// Gt / Lt take exactly one value, a string (an integer: a fraction is reported at synth, scheduling/integer-value)
const gt: NodeSelectorRequirementProps = { key: 'cores', operator: 'Gt', values: ['8'] };
// @ts-expect-error Gt with two values
const gtTwo: NodeSelectorRequirementProps = { key: 'cores', operator: 'Gt', values: ['8', '9'] };
const ltFraction: NodeSelectorRequirementProps = { key: 'cores', operator: 'Lt', values: ['8.5'] };

// operators are a union of the six
// @ts-expect-error lowercase operator
const lower: NodeSelectorRequirementProps = { key: 'disktype', operator: 'in', values: ['ssd'] };

// matchFields: metadata.name only, one value
const byName: NodeSelectorTermProps = { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker0'] }] };
// @ts-expect-error matchFields on a label key
const byLabel: NodeSelectorTermProps = { matchFields: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] };
// @ts-expect-error matchFields with two node names
const twoNames: NodeSelectorTermProps = { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] };

// required affinity: at least one term
const oneTerm: NodeAffinityProps = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [exists] }] } };
// @ts-expect-error required affinity without a term
const noTerm: NodeAffinityProps = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } };

// weight is a number (the 1-100 range is checked at synth, not by the type)
const weighted: NodeAffinityProps = { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [notIn] } }] };
// @ts-expect-error weight as a string
const weightString: NodeAffinityProps = { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: '1', preference: {} }] };

// the pod spec uses the typed props
const spec: PodSpecProps = { containers: [{ name: 'nginx', image: 'nginx' }], nodeSelector: { disktype: 'ssd' }, affinity: { nodeAffinity: weighted } };
// @ts-expect-error a pod spec with an Exists requirement carrying values
const badSpec: PodSpecProps = { containers: [{ name: 'nginx', image: 'nginx' }], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }] } } } };
// @ts-expect-error nodeSelector values are strings
const numberSelector: PodSpecProps = { containers: [{ name: 'nginx', image: 'nginx' }], nodeSelector: { cores: 8 } };

export const cases = [inEmpty, notInNone, notIn, exists, existsWithValues, doesNotExistWithValues, gt, gtTwo, ltFraction, lower, byName, byLabel, twoNames, oneTerm, noTerm, weighted, weightString, spec, badSpec, numberSelector];
