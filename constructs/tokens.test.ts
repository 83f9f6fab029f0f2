/**
 * cdk8s tokens in props (a `Lazy`, any object with `resolve()`): cdk8s resolves them before the rules see the
 * manifest, and a checked construct writes exactly what a raw `ApiObject` writes for the same props.
 */
import { ApiObject, Lazy, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Pod, type PodProps } from './pod';

/** A Lazy typed as the value it produces, as a user passes it where the props want that type. */
function lazy<T>(value: T): T {
  return Lazy.any({ produce: () => value }) as unknown as T;
}

/** The manifests written by a checked `Pod` and by a raw `ApiObject` given the same props, each in its own chart. */
function bothWays(props: PodProps): { podkit: unknown[]; raw: unknown[] } {
  const checked = Testing.chart();
  new Pod(checked, 'p', props);
  const plain = Testing.chart();
  new ApiObject(plain, 'p', { apiVersion: 'v1', kind: 'Pod', ...(props as object) });
  return { podkit: Testing.synth(checked), raw: Testing.synth(plain) };
}

const container = { name: 'c', image: 'nginx' };

describe('a Lazy in the props is resolved by cdk8s, then checked, and written as a raw ApiObject writes it', () => {
  it.each<[string, PodProps, unknown]>([
    ['a memory request', { metadata: { name: 'p' }, spec: { containers: [{ ...container, resources: { requests: { memory: lazy('64Mi') }, limits: { memory: '128Mi' } } }] } }, { memory: '64Mi' }],
    ['an image', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: lazy('nginx:1.27') }] } }, 'nginx:1.27'],
    ['an annotation', { metadata: { name: 'p', annotations: { owner: lazy('team-a') } }, spec: { containers: [container] } }, { owner: 'team-a' }],
    ['hostNetwork', { metadata: { name: 'p' }, spec: { hostNetwork: lazy(true), containers: [container] } }, true],
  ])('%s', (name, props, expected) => {
    const { podkit, raw } = bothWays(props);
    expect(podkit).toStrictEqual(raw);
    const pod = podkit[0] as { metadata: { annotations?: unknown }; spec: { hostNetwork?: unknown; containers: { image: unknown; resources?: { requests?: unknown } }[] } };
    const written = { 'a memory request': pod.spec.containers[0]!.resources?.requests, 'an image': pod.spec.containers[0]!.image, 'an annotation': pod.metadata.annotations, hostNetwork: pod.spec.hostNetwork }[name];
    expect(written).toStrictEqual(expected);
  });

  it('a Lazy producing a whole container and an object with resolve()', () => {
    const token = { resolve: () => 'busybox' };
    const { podkit, raw } = bothWays({ metadata: { name: 'p' }, spec: { containers: [lazy({ name: 'c', image: 'x' }), { name: 'd', image: token as unknown as string }] } });
    expect(podkit).toStrictEqual(raw);
    expect((podkit[0] as { spec: unknown }).spec).toStrictEqual({ containers: [{ name: 'c', image: 'x' }, { name: 'd', image: 'busybox' }] });
  });
});

describe('a Lazy that resolves to a value breaking a rule', () => {
  const pod = (request: `${number}Mi`) => {
    const chart = Testing.chart();
    new Pod(chart, 'p', { metadata: { name: 'p' }, spec: { containers: [{ ...container, resources: { requests: { memory: lazy(request) }, limits: { memory: '200Mi' } } }] } });
    return chart;
  };

  it('fails when a Lazy memory request resolves above the limit: the rule fires at synth, with its id and path', () => {
    expect(() => Testing.synth(pod('300Mi'))).toThrow(/\[test\/p\] spec\.containers\[0\]\.resources\.requests: .*\[resources\/request-exceeds-limit\]/);
  });

  it('passes when the Lazy memory request resolves within the limit', () => {
    expect(Testing.synth(pod('100Mi'))).toEqual([expect.objectContaining({ spec: { containers: [{ ...container, resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } } }] } })]);
  });

  it('fails when a Lazy image resolves to an empty string', () => {
    const chart = Testing.chart();
    new Pod(chart, 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: lazy('') }] } });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/p\] spec\.containers\[0\]\.image: .*\[objects\/image-required\]/);
  });
});
