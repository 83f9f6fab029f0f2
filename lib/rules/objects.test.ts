import { describe, expect, it } from 'vitest';
import type { KubeObject, PodLike } from '../k8s';
import { checkContainers, checkObjectMeta } from './objects';

const ids = (vs: { rule: string; path: string }[]) => vs.map((v) => [v.rule, v.path]);

describe('checkObjectMeta', () => {
  it('fails when generateName is no DNS subdomain prefix (generateName: My_App-)', () => {
    const out = checkObjectMeta({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'My_App-' } });
    expect(out.map((v) => [v.rule, v.path])).toEqual([['objects/generate-name-invalid', 'metadata.generateName']]);
    expect(out[0]!.message).toContain('Invalid value: "My_App-": a lowercase RFC 1123 subdomain');
  });
  it('passes a generateName that ends in a dash, as the API server masks it (generateName: web-)', () => {
    expect(checkObjectMeta({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-' } })).toEqual([]);
    expect(checkObjectMeta({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'w-' } })).toEqual([]);
  });
  it('checks an RBAC generateName as a path segment prefix: "/" fails, upper case and ".." pass', () => {
    expect(checkObjectMeta({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { generateName: 'a/b-' } }).map((v) => v.rule)).toEqual(['objects/generate-name-invalid']);
    expect(checkObjectMeta({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { generateName: 'Admin..' } })).toEqual([]);
  });

  it.each([
    ['fails when the name has upper case', { name: 'gmsa-WebApp1' }, [['objects/name-invalid', 'metadata.name']]],
    ['passes when the name is a DNS subdomain', { name: 'gmsa-webapp1.example' }, []],
    ['fails when the name is missing', {}, [['objects/name-required', 'metadata.name']]],
    ['passes when generateName is set', { generateName: 'web-' }, []],
    ['fails when the name is longer than 253 characters', { name: 'a'.repeat(254) }, [['objects/name-invalid', 'metadata.name']]],
    ['passes when the name is 253 characters', { name: 'a'.repeat(253) }, []],
    ['fails when the namespace has a dot', { name: 'x', namespace: 'mem.example' }, [['objects/namespace-invalid', 'metadata.namespace']]],
    ['passes when the namespace is a DNS label', { name: 'x', namespace: 'mem-example' }, []],
  ] as const)('%s', (_n, metadata, expected) => {
    expect(ids(checkObjectMeta({ kind: 'Pod', metadata } as KubeObject))).toEqual(expected);
  });

  it.each([
    ['passes when an RBAC name has upper case (the GMSA page\'s RoleBinding)', 'RoleBinding', 'allow-default-svc-account-read-on-gmsa-WebApp1', []],
    ['fails when an RBAC name contains a slash', 'ClusterRole', 'a/b', [['objects/name-invalid', 'metadata.name']]],
    ['fails when an RBAC name is ..', 'Role', '..', [['objects/name-invalid', 'metadata.name']]],
    ['fails when a ConfigMap name has upper case', 'ConfigMap', 'Game-Config', [['objects/name-invalid', 'metadata.name']]],
  ] as const)('%s', (_n, kind, name, expected) => {
    expect(ids(checkObjectMeta({ kind, metadata: { name } } as KubeObject))).toEqual(expected);
  });
});

describe('checkContainers', () => {
  const pod = (containers: PodLike['spec']['containers'], initContainers?: PodLike['spec']['containers']): PodLike => ({
    spec: { containers, ...(initContainers ? { initContainers } : {}) },
  });

  it.each([
    ['fails when there is no container', pod([]), [['objects/containers-required', 'spec.containers']]],
    ['passes with one container', pod([{ name: 'a', image: 'x' }]), []],
    ['fails when a container name is not a DNS label', pod([{ name: 'Web_1', image: 'x' }]), [['objects/container-name-invalid', 'spec.containers[0].name']]],
    ['passes when a container name is a DNS label', pod([{ name: 'web-1', image: 'x' }]), []],
    ['fails when two containers share a name', pod([{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }]), [['objects/container-name-duplicate', 'spec.containers[1].name']]],
    ['fails when an init container shares a name with an app container (reported at the init container)', pod([{ name: 'a', image: 'x' }], [{ name: 'a', image: 'y' }]), [['objects/container-name-duplicate', 'spec.initContainers[0].name']]],
    ['passes when init and app container names differ', pod([{ name: 'a', image: 'x' }], [{ name: 'b', image: 'y' }]), []],
    ['fails when the image is missing', pod([{ name: 'a' }]), [['objects/image-required', 'spec.containers[0].image']]],
    ['fails when the name is empty', pod([{ name: '', image: 'x' }]), [['objects/container-name-required', 'spec.containers[0].name']]],
  ] as const)('%s', (_n, p, expected) => {
    expect(ids(checkContainers(p as PodLike))).toEqual(expected);
  });

  it('reports the dots message for a dotted container name, as apimachinery does', () => {
    expect(checkContainers(pod([{ name: 'a.b', image: 'x' }]))[0]!.message).toBe('Invalid value: "a.b": must not contain dots');
  });
});
