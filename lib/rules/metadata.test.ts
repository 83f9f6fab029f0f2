import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s';
import { checkObject } from './index';
import { checkMetadata, MAX_ANNOTATIONS_BYTES, metadataRules } from './metadata';

const container = { name: 'c', image: 'nginx' };
const pod = (metadata: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec: { containers: [container] } });
const deployment = (templateLabels: Record<string, string>, selector: unknown = { matchLabels: { app: 'web' } }): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector, template: { metadata: { labels: templateLabels }, spec: { containers: [container] } } },
});
const cronJob = (jobLabels: Record<string, string>): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'c' },
  spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { labels: jobLabels }, spec: { restartPolicy: 'Never', containers: [container] } } } } },
});

const cases = [
  { name: 'a label key has two slashes', bad: pod({ labels: { 'a/b/c': 'x' } }), good: pod({ labels: { 'a/bc': 'x' } }), rule: 'metadata/label-key-invalid', path: 'metadata.labels' },
  { name: 'a label key prefix is not a DNS subdomain', bad: pod({ labels: { 'Example.com/app': 'x' } }), good: pod({ labels: { 'example.com/app': 'x' } }), rule: 'metadata/label-key-invalid', path: 'metadata.labels' },
  { name: 'a label key name is 64 characters', bad: pod({ labels: { ['a'.repeat(64)]: 'x' } }), good: pod({ labels: { ['a'.repeat(63)]: 'x' } }), rule: 'metadata/label-key-invalid', path: 'metadata.labels' },
  { name: 'a label value is 64 characters', bad: pod({ labels: { app: 'v'.repeat(64) } }), good: pod({ labels: { app: 'v'.repeat(63) } }), rule: 'metadata/label-value-invalid', path: 'metadata.labels' },
  { name: 'a label value has a space', bad: pod({ labels: { app: 'my app' } }), good: pod({ labels: { app: 'my_app' } }), rule: 'metadata/label-value-invalid', path: 'metadata.labels' },
  { name: 'an annotation key has a space', bad: pod({ annotations: { 'my note': 'x' } }), good: pod({ annotations: { 'My.Note': 'x' } }), rule: 'metadata/annotation-key-invalid', path: 'metadata.annotations' },
  {
    name: 'the annotations hold more than 256 KiB',
    bad: pod({ annotations: { a: 'x'.repeat(MAX_ANNOTATIONS_BYTES) } }),
    good: pod({ annotations: { a: 'x'.repeat(MAX_ANNOTATIONS_BYTES - 1) } }),
    rule: 'metadata/annotations-too-long',
    path: 'metadata.annotations',
  },
  { name: 'a Deployment template label value ends with a dash', bad: deployment({ app: 'web-' }), good: deployment({ app: 'web' }), rule: 'metadata/label-value-invalid', path: 'spec.template.metadata.labels' },
  { name: 'a CronJob job template label key is invalid', bad: cronJob({ '_x': 'y' }), good: cronJob({ x: 'y' }), rule: 'metadata/label-key-invalid', path: 'spec.jobTemplate.spec.template.metadata.labels' },
  {
    name: 'a selector expression has an unknown operator',
    bad: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'in', values: ['a'] }] }),
    good: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }),
    rule: 'metadata/selector-operator-invalid',
    path: 'spec.selector.matchExpressions[0].operator',
  },
  {
    name: 'an In expression has no values',
    bad: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }),
    good: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }),
    rule: 'metadata/selector-values-required',
    path: 'spec.selector.matchExpressions[0].values',
  },
  {
    name: 'an Exists expression has values',
    bad: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['a'] }] }),
    good: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }),
    rule: 'metadata/selector-values-forbidden',
    path: 'spec.selector.matchExpressions[0].values',
  },
  {
    name: 'a selector expression value is not a label value',
    bad: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['ok', 'not ok'] }] }),
    good: deployment({ app: 'web' }, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['ok', 'not-ok'] }] }),
    rule: 'metadata/label-value-invalid',
    path: 'spec.selector.matchExpressions[0].values[1]',
  },
  {
    name: 'a selector matchLabels key is invalid',
    bad: deployment({ app: 'web' }, { matchLabels: { 'app/': 'web' } }),
    good: deployment({ app: 'web' }, { matchLabels: { app: 'web' } }),
    rule: 'metadata/label-key-invalid',
    path: 'spec.selector.matchLabels',
  },
];

describe('checkMetadata', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path }) => {
    expect(checkMetadata(bad).map((v) => [v.rule, v.path])).toContainEqual([rule, path]);
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good).filter((v) => v.rule.startsWith('metadata/'))).toEqual([]);
  });
  it('uses the API server wording for a too-long label value and the annotation size', () => {
    expect(checkMetadata(pod({ labels: { app: 'v'.repeat(64) } }))).toContainEqual(metadataRules.labelValueInvalid.at('metadata.labels', 'v'.repeat(64), 'must be no more than 63 characters'));
    expect(metadataRules.annotationsTooLong.message(MAX_ANNOTATIONS_BYTES)).toBe('Too long: must have at most 262144 bytes');
  });
  it('checks annotation keys case-insensitively, as the API server does', () => {
    expect(checkMetadata(pod({ annotations: { 'Example.COM/Key': 'x' } }))).toEqual([]);
  });
  it('counts annotation size in UTF-8 bytes', () => {
    const half = 'あ'.repeat(Math.ceil(MAX_ANNOTATIONS_BYTES / 3 / 2) + 1); // 3 bytes each
    expect(checkMetadata(pod({ annotations: { a: half, b: half } })).map((v) => v.rule)).toEqual(['metadata/annotations-too-long']);
  });
});
