import { describe, expect, it } from 'vitest';
import type { Container, PodLike } from '../k8s';
import { QUANTITY_ERRORS } from '../quantity';
import { checkResources, effectiveRequests, resourceRules } from './resources';

const pod = (resources: Container['resources'], extra: Partial<Container> = {}): PodLike => ({
  spec: { containers: [{ name: 'c', image: 'nginx', resources, ...extra }] },
});
const ids = (p: PodLike) => checkResources(p).map((v) => [v.rule, v.path]);
const R = 'spec.containers[0].resources';
/** A name one letter over the 63 of a qualified name's name part. */
const LONG = 'a'.repeat(64);

describe('checkResources', () => {
  // a finding on one resource is at its key, always bracketed as `field.Path.Key` prints it (`limPath.Key(...)`,
  // `reqPath.Key(...)` in ValidateResourceRequirements): `resources.limits[memory]`, never `resources.limits.memory`
  it.each([
    ['fails when the memory request exceeds the limit', { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } }, [['resources/request-exceeds-limit', `${R}.requests`]]],
    ['passes when the memory request equals the limit', { requests: { memory: '200Mi' }, limits: { memory: '200Mi' } }, []],
    ['fails when the cpu request exceeds the limit in another spelling', { requests: { cpu: '1001m' }, limits: { cpu: '1' } }, [['resources/request-exceeds-limit', `${R}.requests`]]],
    ['passes when the cpu request equals the limit in another spelling', { requests: { cpu: '1000m' }, limits: { cpu: '1' } }, []],
    ['fails when 129M is requested under a 123Mi limit', { requests: { memory: '129M' }, limits: { memory: '123Mi' } }, [['resources/request-exceeds-limit', `${R}.requests`]]],
    ['passes when 128974848 is requested under a 123Mi limit', { requests: { memory: '128974848' }, limits: { memory: '123Mi' } }, []],
    ['fails when a quantity is negative', { requests: { memory: '-1Mi' } }, [['resources/negative-quantity', `${R}.requests[memory]`]]],
    ['passes when a quantity is zero', { requests: { memory: '0' } }, []],
    ['fails when a quantity has a bad suffix', { limits: { memory: '12XB' } }, [['resources/invalid-quantity', `${R}.limits[memory]`]]],
    ['passes when a quantity has a valid suffix', { limits: { memory: '12M' } }, []],
    ['fails when cpu is finer than 1m', { requests: { cpu: '0.0001' } }, [['resources/cpu-precision', `${R}.requests[cpu]`]]],
    ['passes when cpu is exactly 1m', { requests: { cpu: '0.001' } }, []],
    ['passes when memory is finer than 1m (only cpu has the rule)', { requests: { memory: '0.5' } }, []],
    ['fails when an unprefixed resource name is not standard', { limits: { gpu: '1' } }, [['resources/resource-name-not-standard', `${R}.limits[gpu]`]]],
    ['passes when the resource is fully qualified', { limits: { 'example.com/gpu': '1' }, requests: { 'example.com/gpu': '1' } }, []],
    ['fails when the resource name is not a qualified name', { limits: { 'example.com/a/b': '1' } }, [['resources/resource-name-invalid', `${R}.limits[example.com/a/b]`]]],
    ['fails when an unprefixed resource name is 64 letters (not a qualified name)', { limits: { [LONG]: '1' } }, [['resources/resource-name-invalid', `${R}.limits[${LONG}]`]]],
    ['passes when the same 63 letters are in a domain', { limits: { [`example.com/${LONG.slice(1)}`]: '1' }, requests: { [`example.com/${LONG.slice(1)}`]: '1' } }, []],
    ['fails when a prefixed resource is neither native nor a valid extended resource name', { limits: { 'requests.example.com/foo': '1' }, requests: { 'requests.example.com/foo': '1' } }, [
      ['resources/extended-resource-name', `${R}.limits[requests.example.com/foo]`],
      ['resources/extended-resource-name', `${R}.requests[requests.example.com/foo]`],
    ]],
    ['passes when the prefixed resource is a valid extended resource name', { limits: { 'example.com/foo': '1' }, requests: { 'example.com/foo': '1' } }, []],
    ['fails when an extended resource is fractional', { limits: { 'example.com/dongle': '1.5' }, requests: { 'example.com/dongle': '1.5' } }, [
      ['resources/integer-required', `${R}.limits[example.com/dongle]`],
      ['resources/integer-required', `${R}.requests[example.com/dongle]`],
    ]],
    ['fails when an extended resource request differs from its limit', { limits: { 'example.com/dongle': 3 }, requests: { 'example.com/dongle': 2 } }, [['resources/request-must-equal-limit', `${R}.requests`]]],
    ['passes when an extended resource request equals its limit', { limits: { 'example.com/dongle': 3 }, requests: { 'example.com/dongle': 3 } }, []],
    ['fails when an extended resource is requested without a limit', { requests: { 'example.com/dongle': 3 } }, [['resources/limit-required', `${R}.limits`]]],
    ['passes when an extended resource has only a limit (the request defaults to it)', { limits: { 'example.com/dongle': 3 } }, []],
    ['fails when hugepages come without cpu or memory', { limits: { 'hugepages-2Mi': '4Mi' }, requests: { 'hugepages-2Mi': '4Mi' } }, [['resources/hugepages-require-cpu-or-memory', R]]],
    ['passes when hugepages come with memory', { limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' }, requests: { 'hugepages-2Mi': '4Mi' } }, []],
    ['fails when hugepages are not a multiple of the page size', { limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' }, requests: { 'hugepages-2Mi': '3Mi' } }, [
      ['resources/hugepages-multiple', `${R}.limits[hugepages-2Mi]`],
      ['resources/hugepages-multiple', `${R}.requests[hugepages-2Mi]`],
    ]],
  ] as const)('%s', (_name, resources, expected) => {
    expect(ids(pod(resources as Container['resources']))).toEqual(expected);
  });

  // ValidateResourceRequirements reports a request above (or, for extended resources, unequal to) its limit with
  // `field.Invalid(reqPath, ...)`: at `resources.requests`, the resource named only in the message
  it('fails when two requests exceed their limits: both at resources.requests, told apart by their messages', () => {
    const v = checkResources(pod({ requests: { memory: '300Mi', cpu: '2' }, limits: { memory: '200Mi', cpu: '1' } }));
    expect(v.map((x) => [x.rule, x.path, x.message])).toEqual([
      ['resources/request-exceeds-limit', `${R}.requests`, resourceRules.requestExceedsLimit.message('300Mi', 'memory', '200Mi')],
      ['resources/request-exceeds-limit', `${R}.requests`, resourceRules.requestExceedsLimit.message('2', 'cpu', '1')],
    ]);
  });
  // a limit written null is decoded as the zero quantity (Quantity.UnmarshalJSON), and printed as 0
  it('fails when a request exceeds a limit written null, which reads as 0', () => {
    const v = checkResources(pod({ requests: { cpu: '100m' }, limits: { cpu: null as unknown as string } }));
    expect(v.map((x) => [x.rule, x.path, x.message])).toEqual([['resources/request-exceeds-limit', `${R}.requests`, 'Invalid value: "100m": must be less than or equal to cpu limit of 0']]);
  });
  it('passes when the request under a limit written null is written null too', () => {
    expect(ids(pod({ requests: { cpu: null as unknown as string }, limits: { cpu: null as unknown as string } }))).toEqual([]);
  });
  it('passes when the same two requests are within their limits', () => {
    expect(ids(pod({ requests: { memory: '200Mi', cpu: '1' }, limits: { memory: '200Mi', cpu: '1' } }))).toEqual([]);
  });
  it('fails when an extended resource request differs from its limit: at resources.requests, the resource in the message', () => {
    const v = checkResources(pod({ requests: { 'example.com/dongle': 2, memory: '1Gi' }, limits: { 'example.com/dongle': 3, memory: '1Gi' } }));
    expect(v.map((x) => [x.rule, x.path, x.message])).toEqual([['resources/request-must-equal-limit', `${R}.requests`, resourceRules.requestMustEqualLimit.message('2', 'example.com/dongle', '3')]]);
  });
  it('passes when the extended resource request equals its limit beside the same memory', () => {
    expect(ids(pod({ requests: { 'example.com/dongle': 3, memory: '1Gi' }, limits: { 'example.com/dongle': 3, memory: '1Gi' } }))).toEqual([]);
  });

  it('checks init containers too', () => {
    const p: PodLike = { spec: { containers: [{ name: 'a', image: 'x' }], initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] } };
    expect(checkResources(p).map((v) => v.path)).toEqual(['spec.initContainers[0].resources.requests']);
  });

  it.each(['memory', 'cpu', 'ephemeral-storage'])('fails when a workload limit of %s is negative: at its bracketed key, as the API server prints it', (name) => {
    const v = checkResources(pod({ limits: { [name]: '-1' } }), 'spec.template.spec');
    expect(v.map((x) => [x.rule, x.path])).toEqual([[resourceRules.negativeQuantity.id, `spec.template.spec.containers[0].resources.limits[${name}]`]]);
  });
  it.each(['memory', 'cpu', 'ephemeral-storage'])('passes when the same workload limit of %s is zero', (name) => {
    expect(checkResources(pod({ limits: { [name]: '0' } }), 'spec.template.spec')).toEqual([]);
  });

  it('uses the base path of a workload', () => {
    const v = checkResources(pod({ requests: { memory: '2' }, limits: { memory: '1' } }), 'spec.template.spec');
    expect(v[0]!.path).toBe('spec.template.spec.containers[0].resources.requests');
  });

  it('words messages as the API server does', () => {
    const [v] = checkResources(pod({ requests: { memory: '300Mi' }, limits: { memory: '200Mi' } }));
    expect(v!.message).toBe('Invalid value: "300Mi": must be less than or equal to memory limit of 200Mi');
    expect(v!.message).toBe(resourceRules.requestExceedsLimit.message('300Mi', 'memory', '200Mi'));
    expect(v!.docs).toMatch(/^https:\/\/kubernetes\.io\/ja\/docs\/tasks\/configure-pod-container\/assign-memory-resource\//);
    const [bad] = checkResources(pod({ limits: { memory: '12XB' } }));
    expect(bad!.message).toBe(`Invalid value: "12XB": ${QUANTITY_ERRORS.formatWrong}`);
  });

  it('reads quantities written as numbers', () => {
    expect(ids(pod({ requests: { cpu: 0.5 }, limits: { cpu: 1 } }))).toEqual([]);
    expect(ids(pod({ requests: { cpu: 2 }, limits: { cpu: 1 } }))).toEqual([['resources/request-exceeds-limit', `${R}.requests`]]);
  });
});

describe('effectiveRequests', () => {
  it('defaults a missing request to the limit', () => {
    const r = effectiveRequests({ name: 'c', resources: { limits: { memory: '200Mi', cpu: '1' }, requests: { cpu: '500m' } } });
    expect([...r].map(([k, q]) => [k, q.toString()])).toEqual([
      ['cpu', '500m'],
      ['memory', '200Mi'],
    ]);
  });

  it('is empty without resources', () => {
    expect(effectiveRequests({ name: 'c' }).size).toBe(0);
  });
});
