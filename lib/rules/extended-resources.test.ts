/** The extended-resource cases of the resource rules (拡張リソース page): names, whole numbers, request == limit. */
import { describe, expect, it } from 'vitest';
import type { PodLike, ResourceRequirements } from '../k8s';
import { checkExtendedResourceNames, extendedResourceRules as E, isKubernetesIoPrefixed } from './extended-resources';
import { checkResources, resourceRules as R } from './resources';

const pod = (resources: ResourceRequirements): PodLike => ({ spec: { containers: [{ name: 'c', image: 'nginx', resources }] } });
const AT = 'spec.containers[0].resources';
const found = (resources: ResourceRequirements) => checkResources(pod(resources)).map((v) => [v.rule, v.path]);

describe('extended resources', () => {
  it.each<[string, ResourceRequirements, string, string]>([
    ['the name is not fully qualified', { requests: { dongle: 3 }, limits: { dongle: 3 } }, R.resourceNameNotStandard.id, `${AT}.limits[dongle]`],
    ['the name is not a qualified name', { requests: { 'example.com/dongle!': 3 }, limits: { 'example.com/dongle!': 3 } }, R.resourceNameInvalid.id, `${AT}.limits[example.com/dongle!]`],
    ['the request is a fraction', { requests: { 'example.com/dongle': '1500m' }, limits: { 'example.com/dongle': '1500m' } }, R.integerRequired.id, `${AT}.requests[example.com/dongle]`],
    ['the limit is 0.5', { requests: { 'example.com/dongle': 0.5 }, limits: { 'example.com/dongle': 0.5 } }, R.integerRequired.id, `${AT}.limits[example.com/dongle]`],
    ['the request is below the limit', { requests: { 'example.com/dongle': 2 }, limits: { 'example.com/dongle': 3 } }, R.requestMustEqualLimit.id, `${AT}.requests`],
    ['only a request is given', { requests: { 'example.com/dongle': 3 } }, R.limitRequired.id, `${AT}.limits`],
  ])('fails when %s', (_name, resources, rule, path) => {
    expect(found(resources)).toContainEqual([rule, path]);
  });

  it.each<[string, ResourceRequirements]>([
    ['the page: request and limit 3', { requests: { 'example.com/dongle': 3 }, limits: { 'example.com/dongle': 3 } }],
    ['the second pod: 2 and 2', { requests: { 'example.com/dongle': 2 }, limits: { 'example.com/dongle': 2 } }],
    ['the same number in two spellings', { requests: { 'example.com/dongle': '2' }, limits: { 'example.com/dongle': '2000m' } }],
    ['only a limit is given (the request defaults to it)', { limits: { 'example.com/dongle': 3 } }],
    ['the domain is a subdomain of another', { requests: { 'devices.example.com/dongle': 1 }, limits: { 'devices.example.com/dongle': 1 } }],
  ])('passes when %s', (_name, resources) => {
    expect(found(resources)).toEqual([]);
  });

  it('uses the API server wording for request != limit', () => {
    const [v] = checkResources(pod({ requests: { 'example.com/dongle': 2 }, limits: { 'example.com/dongle': 3 } }));
    expect(v!.message).toBe('Invalid value: "2": must be equal to example.com/dongle limit of 3');
    expect(v!.message).toBe(R.requestMustEqualLimit.message('2', 'example.com/dongle', '3'));
  });
});

describe('the kubernetes.io domain (a warning of ours: the API server accepts it as native)', () => {
  it.each([
    ['kubernetes.io/dongle', `${AT}.limits[kubernetes.io/dongle]`],
    ['devices.kubernetes.io/dongle', `${AT}.limits[devices.kubernetes.io/dongle]`],
    ['notkubernetes.io/dongle', `${AT}.limits[notkubernetes.io/dongle]`],
  ])('warns when the resource is %s', (name, path) => {
    const vs = checkExtendedResourceNames(pod({ requests: { [name]: 1 }, limits: { [name]: 1 } }));
    expect(vs.map((v) => [v.rule, v.path, v.severity])).toEqual([[E.reservedDomain.id, path, 'warning']]);
    expect(vs[0]!.message).toBe(E.reservedDomain.message(name));
    // the API server's own rules have nothing to say about it
    expect(found({ requests: { [name]: 1 }, limits: { [name]: 1 } })).toEqual([]);
  });

  it('warns, not fails, when an extended resource is in kubernetes.io (the page forbids it; the API server accepts it as native)', () => {
    const resources = { requests: { 'kubernetes.io/dongle': 3 }, limits: { 'kubernetes.io/dongle': 3 } };
    expect(found(resources)).toEqual([]);
    expect(checkExtendedResourceNames(pod(resources)).map((v) => v.severity)).toEqual(['warning']);
  });

  it.each(['example.com/dongle', 'kubernetes.io.example.com/dongle', 'example.com/kubernetes.io', 'cpu'])('does not warn for %s', (name) => {
    expect(isKubernetesIoPrefixed(name)).toBe(false);
    expect(checkExtendedResourceNames(pod({ limits: { [name]: 1 } }))).toEqual([]);
  });
});
