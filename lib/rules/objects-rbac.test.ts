import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s';
import { checkObjectMeta, objectRules } from './objects';

const binding = (name: string): KubeObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name } });
const configMap = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

describe('checkObjectMeta: RBAC names are path segments (apimachinery IsValidPathSegmentName), not DNS subdomains', () => {
  it.each(['allow-default-svc-account-read-on-gmsa-WebApp1', 'system:controller:job-controller', 'a_b'])('passes the RBAC name %j', (name) => {
    expect(checkObjectMeta(binding(name))).toStrictEqual([]);
  });

  it.each([
    ['.', "may not be '.'"],
    ['..', "may not be '..'"],
    ['a/b', "may not contain '/'"],
    ['50%', "may not contain '%'"],
  ])('fails when an RBAC name is %j', (name, detail) => {
    expect(checkObjectMeta(binding(name))).toStrictEqual([objectRules.nameInvalid.at('metadata.name', name, detail)]);
  });

  it('still fails when a non-RBAC object has the same upper-case name', () => {
    expect(checkObjectMeta(configMap('read-WebApp1')).map((v) => [v.rule, v.path])).toStrictEqual([[objectRules.nameInvalid.id, 'metadata.name']]);
  });
});
