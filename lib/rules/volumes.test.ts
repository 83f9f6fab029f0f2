import { describe, expect, it } from 'vitest';
import type { KubeObject, PodLike, Volume, VolumeMount } from '../k8s';
import { checkObject } from './index';
import { checkVolumes, volumeRules } from './volumes';

const pod = (volumes: Volume[], mounts: VolumeMount[]): PodLike => ({
  spec: { containers: [{ name: 'c', image: 'busybox', volumeMounts: mounts }], volumes },
});
const ids = (p: PodLike) => checkVolumes(p).map((v) => [v.rule, v.path]);
const cfg = (extra: Partial<NonNullable<Volume['configMap']>> = {}): Volume => ({ name: 'v', configMap: { name: 'cm', ...extra } });

describe('checkVolumes', () => {
  describe('the checks of one mount are independent, as upstream runs them', () => {
    it('fails twice when a mount has no name: required, and not found', () => {
      expect(checkVolumes(pod([{ name: 'v', emptyDir: {} }], [{ name: '', mountPath: '/x' }])).map((v) => [v.rule, v.path, v.message])).toEqual([
        [volumeRules.mountNameRequired.id, 'spec.containers[0].volumeMounts[0].name', 'Required value'],
        [volumeRules.mountNotFound.id, 'spec.containers[0].volumeMounts[0].name', 'Not found: ""'],
      ]);
    });

    it('fails a second empty mountPath as required and not unique', () => {
      expect(ids(pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '' }, { name: 'v', mountPath: '' }]))).toEqual([
        [volumeRules.mountPathRequired.id, 'spec.containers[0].volumeMounts[0].mountPath'],
        [volumeRules.mountPathRequired.id, 'spec.containers[0].volumeMounts[1].mountPath'],
        [volumeRules.mountPathDuplicate.id, 'spec.containers[0].volumeMounts[1].mountPath'],
      ]);
    });

    it('passes the same mounts named and with their own paths', () => {
      expect(ids(pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x' }, { name: 'v', mountPath: '/y' }]))).toEqual([]);
    });
  });

  it('passes the pages\' volumes (emptyDir, configMap with items, projected secrets)', () => {
    expect(ids(pod([{ name: 'redis-storage', emptyDir: {} }], [{ name: 'redis-storage', mountPath: '/data/redis' }]))).toEqual([]);
    expect(ids(pod([cfg({ items: [{ key: 'SPECIAL_LEVEL', path: 'keys' }] })], [{ name: 'v', mountPath: '/etc/config' }]))).toEqual([]);
    const projected: Volume = { name: 'all-in-one', projected: { sources: [{ secret: { name: 'user' } }, { secret: { name: 'pass' } }] } };
    expect(ids(pod([projected], [{ name: 'all-in-one', mountPath: '/projected-volume', readOnly: true }]))).toEqual([]);
  });

  it('passes a relative mountPath (the API server does not require it to be absolute)', () => {
    expect(ids(pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: 'data' }]))).toEqual([]);
  });

  it.each([
    ['a mount names no volume', pod([{ name: 'v', emptyDir: {} }], [{ name: 'w', mountPath: '/x' }]), volumeRules.mountNotFound.id, 'spec.containers[0].volumeMounts[0].name'],
    ['a mount names an invalid volume', pod([{ name: 'v', emptyDir: {}, configMap: { name: 'x' } }], [{ name: 'v', mountPath: '/x' }]), volumeRules.mountNotFound.id, 'spec.containers[0].volumeMounts[0].name'],
    ['a volume has no name', pod([{ name: '', emptyDir: {} }], []), volumeRules.nameRequired.id, 'spec.volumes[0].name'],
    ['a mount has no name', pod([{ name: 'v', emptyDir: {} }], [{ name: '', mountPath: '/x' }]), volumeRules.mountNameRequired.id, 'spec.containers[0].volumeMounts[0].name'],
    ['a mount has no mountPath', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '' }]), volumeRules.mountPathRequired.id, 'spec.containers[0].volumeMounts[0].mountPath'],
    ['a token lives longer than 2^32 seconds', pod([{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 2 ** 32 + 1 } }] } }], []), volumeRules.tokenExpirationTooLong.id, 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds'],
    ['a downwardAPI item has fieldRef and resourceFieldRef', pod([{ name: 'v', downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.name' }, resourceFieldRef: { resource: 'limits.cpu' } }] } }], []), volumeRules.downwardSourceBoth.id, 'spec.volumes[0].downwardAPI.items[0]'],
    ['a volume name has dots', pod([{ name: 'a.b', emptyDir: {} }], []), volumeRules.nameInvalid.id, 'spec.volumes[0].name'],
    ['a downwardAPI volume item names spec.nodeName (env vars only)', pod([{ name: 'v', downwardAPI: { items: [{ path: 'node', fieldRef: { fieldPath: 'spec.nodeName' } }] } }], []), volumeRules.downwardFieldPathUnsupported.id, 'spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath'],
    ['a projected downwardAPI item names a field that does not convert', pod([{ name: 'v', projected: { sources: [{ downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: 'spec.containers' } }] } }] } }], []), volumeRules.downwardFieldPathInvalid.id, 'spec.volumes[0].projected.sources[0].downwardAPI.items[0].fieldRef.fieldPath'],
    ['a downwardAPI volume item subscripts a label with an invalid key', pod([{ name: 'v', downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: "metadata.labels['bad key']" } }] } }], []), volumeRules.downwardFieldPathSubscriptInvalid.id, 'spec.volumes[0].downwardAPI.items[0].fieldRef'],
    ['a downwardAPI volume item has an empty fieldPath', pod([{ name: 'v', downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: '' } }] } }], []), volumeRules.downwardFieldPathRequired.id, 'spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath'],
    ['a volume name is repeated', pod([{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }], []), volumeRules.nameDuplicate.id, 'spec.volumes[1].name'],
    ['a volume has a misspelt source and no real one', pod([{ name: 'v', emptydir: {} } as Volume], []), volumeRules.sourceRequired.id, 'spec.volumes[0]'],
    ['a volume has two sources', pod([{ name: 'v', emptyDir: {}, configMap: { name: 'x' } }], []), volumeRules.sourceMultiple.id, 'spec.volumes[0].configMap'],
    ['a mountPath is repeated in a container', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x' }, { name: 'v', mountPath: '/x' }]), volumeRules.mountPathDuplicate.id, 'spec.containers[0].volumeMounts[1].mountPath'],
    ['a subPath is absolute', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x', subPath: '/a' }]), volumeRules.pathNotRelative.id, 'spec.containers[0].volumeMounts.subPath'],
    ['a subPath climbs', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x', subPath: 'a/../b' }]), volumeRules.pathBackstep.id, 'spec.containers[0].volumeMounts.subPath'],
    ['a subPath climbs after backslashes', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x', subPath: 'a\\b/../c' }]), volumeRules.pathBackstep.id, 'spec.containers[0].volumeMounts.subPath'],
    ['subPath and subPathExpr are both set', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x', subPath: 'a', subPathExpr: '$(P)' }]), volumeRules.subPathExclusive.id, 'spec.containers[0].volumeMounts[0].subPathExpr'],
    ['an item path climbs', pod([cfg({ items: [{ key: 'k', path: '../k' }] })], []), volumeRules.pathBackstep.id, 'spec.volumes[0].configMap.items[0].path'],
    ['an item path starts with ..', pod([cfg({ items: [{ key: 'k', path: '..k' }] })], []), volumeRules.pathDotDotPrefix.id, 'spec.volumes[0].configMap.items[0].path'],
    ['an item mode is above 0777', pod([cfg({ items: [{ key: 'k', path: 'k', mode: 0o1000 }] })], []), volumeRules.modeInvalid.id, 'spec.volumes[0].configMap.items[0].mode'],
    ['a defaultMode is negative', pod([cfg({ defaultMode: -1 })], []), volumeRules.modeInvalid.id, 'spec.volumes[0].configMap.defaultMode'],
    ['a configMap volume has no name', pod([{ name: 'v', configMap: {} }], []), volumeRules.fieldRequired.id, 'spec.volumes[0].configMap.name'],
    ['a projection has two sources', pod([{ name: 'v', projected: { sources: [{ secret: { name: 'a' }, configMap: { name: 'b' } }] } }], []), volumeRules.projectionSourceMultiple.id, 'spec.volumes[0].projected.sources[0]'],
    ['a token expires in under 10 minutes', pod([{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 599 } }] } }], []), volumeRules.tokenExpirationTooShort.id, 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds'],
    ['a token path is absolute', pod([{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: '/t' } }] } }], []), volumeRules.pathNotRelative.id, 'spec.volumes[0].projected.sources[0].serviceAccountToken.path'],
    ['two projections write one path', pod([{ name: 'v', projected: { sources: [{ configMap: { name: 'a', items: [{ key: 'k', path: 'p' }] } }, { secret: { name: 'b', items: [{ key: 'k', path: 'p' }] } }] } }], []), volumeRules.projectionPathConflict.id, 'spec.volumes[0].projected.sources[1]'],
    ['a downwardAPI item has no source', pod([{ name: 'v', projected: { sources: [{ downwardAPI: { items: [{ path: 'labels' }] } }] } }], []), volumeRules.downwardSourceCount.id, 'spec.volumes[0].projected.sources[0].downwardAPI.items[0]'],
  ])('fails when %s', (_title, input, rule, path) => {
    expect(ids(input)).toContainEqual([rule, path]);
  });

  it.each([
    ['a mount names its volume', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x' }])],
    ['one volume is mounted twice at different paths', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x' }, { name: 'v', mountPath: '/y' }])],
    ['a subPath descends', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x', subPath: 'a/b..c' }])],
    // validatePathNoBacksteps splits filepath.ToSlash(path) on '/': on the API server's Linux a backslash is no separator
    ['a subPath has backslashes around ..', pod([{ name: 'v', emptyDir: {} }], [{ name: 'v', mountPath: '/x', subPath: 'a\\..\\b' }])],
    ['an item path has backslashes around ..', pod([cfg({ items: [{ key: 'k', path: 'a\\..\\k' }] })], [])],
    ['an item path is relative', pod([cfg({ items: [{ key: 'k', path: 'a/k', mode: 0o777 }], defaultMode: 0 })], [])],
    ['a token lives 2^32 seconds', pod([{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 2 ** 32 } }] } }], [])],
    ['a downwardAPI volume item has one source', pod([{ name: 'v', downwardAPI: { items: [{ path: 'p', resourceFieldRef: { resource: 'limits.cpu' } }] } }], [])],
    ['a token lives 10 minutes', pod([{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 600 } }] } }], [])],
    // the API server decodes null as unset, and defaults it to 3600
    ['a token\'s expirationSeconds is written null', pod([{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: null as unknown as number } }] } }], [])],
    ['a downwardAPI item has a fieldRef', pod([{ name: 'v', projected: { sources: [{ downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }] } }], [])],
    ['a downwardAPI volume item names metadata.uid and a subscripted annotation', pod([{ name: 'v', downwardAPI: { items: [{ path: 'uid', fieldRef: { fieldPath: 'metadata.uid' } }, { path: 'build', fieldRef: { fieldPath: "metadata.annotations['build']" } }] } }], [])],
  ])('passes when %s', (_title, input) => {
    expect(ids(input)).toEqual([]);
  });

  it('passes a volume with only a name, mounted: the API server defaults it to emptyDir: {}', () => {
    expect(ids(pod([{ name: 'data' }], [{ name: 'data', mountPath: '/data' }]))).toEqual([]);
  });

  const statefulSet = (claims: string[], mount: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      volumeClaimTemplates: claims.map((name) => ({ metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })),
      template: { spec: { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: mount, mountPath: '/www' }] }] } },
    },
  });
  const mountIds = (obj: KubeObject) => checkObject(obj).filter((v) => v.rule.startsWith('volumes/')).map((v) => [v.rule, v.path]);

  it('passes a StatefulSet container mounting one of its volumeClaimTemplates (the controller adds the volume)', () => {
    expect(mountIds(statefulSet(['www'], 'www'))).toEqual([]);
  });

  it('fails when a StatefulSet container mounts neither a volume nor a claim template', () => {
    expect(mountIds(statefulSet(['www'], 'wwww'))).toEqual([[volumeRules.mountNotFound.id, 'spec.template.spec.containers[0].volumeMounts[0].name']]);
  });

  it('fails when a Deployment mounts a claim template name: only a StatefulSet has them', () => {
    const deployment = { ...statefulSet(['www'], 'www'), kind: 'Deployment' };
    expect(mountIds(deployment)).toEqual([[volumeRules.mountNotFound.id, 'spec.template.spec.containers[0].volumeMounts[0].name']]);
  });

  it('words a missing volume as the API server does', () => {
    const [v] = checkVolumes(pod([], [{ name: 'w', mountPath: '/x' }]));
    expect(v?.message).toBe(volumeRules.mountNotFound.message('w'));
    expect(v?.message).toBe('Not found: "w"');
  });
});

describe('downwardAPI volume fieldRef', () => {
  it("words an unsupported field as the API server does, listing the volume form's fields", () => {
    const [v] = checkVolumes(pod([{ name: 'v', downwardAPI: { items: [{ path: 'node', fieldRef: { fieldPath: 'spec.nodeName' } }] } }], []));
    expect(v!.message).toBe('Unsupported value: "spec.nodeName": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"');
  });
});

/**
 * The subPath and subPathExpr findings at the second mount of a container. ValidateVolumeMounts checks both with
 * validateLocalDescendingPath on `fldPath.Child("subPath")` / `fldPath.Child("subPathExpr")`, fldPath being the
 * container's `volumeMounts`, so "must be a relative path" and "must not contain '..'" carry no mount index; its
 * "mutually exclusive" check is on `fldPath.Index(i).Child("subPathExpr")` and does (pkg/apis/core/validation/validation.go,
 * v1.31.1 lines 2945-2955).
 */
describe('the paths of a mount\'s subPath and subPathExpr findings, as the API server prints them', () => {
  const volumes: Volume[] = [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }];
  const second = (mount: Partial<VolumeMount>, base: 'containers' | 'initContainers' = 'containers'): PodLike => {
    const mounts = [{ name: 'a', mountPath: '/a' }, { name: 'b', mountPath: '/b', ...mount }];
    return base === 'containers'
      ? { spec: { containers: [{ name: 'c', image: 'busybox', volumeMounts: mounts }], volumes } }
      : { spec: { containers: [{ name: 'c', image: 'busybox' }], initContainers: [{ name: 'i', image: 'busybox', volumeMounts: mounts }], volumes } };
  };
  const cases = [
    { name: 'the subPath is absolute', bad: { subPath: '/logs' }, good: { subPath: 'logs' }, rule: volumeRules.pathNotRelative.id, path: 'spec.containers[0].volumeMounts.subPath' },
    { name: 'the subPath climbs', bad: { subPath: 'logs/../etc' }, good: { subPath: 'logs/..etc' }, rule: volumeRules.pathBackstep.id, path: 'spec.containers[0].volumeMounts.subPath' },
    { name: 'the subPathExpr is absolute', bad: { subPathExpr: '/$(POD_NAME)' }, good: { subPathExpr: '$(POD_NAME)' }, rule: volumeRules.pathNotRelative.id, path: 'spec.containers[0].volumeMounts.subPathExpr' },
    { name: 'the subPathExpr climbs', bad: { subPathExpr: '$(POD_NAME)/..' }, good: { subPathExpr: '$(POD_NAME)/...' }, rule: volumeRules.pathBackstep.id, path: 'spec.containers[0].volumeMounts.subPathExpr' },
    { name: 'subPath and subPathExpr are both set', bad: { subPath: 'logs', subPathExpr: '$(POD_NAME)' }, good: { subPathExpr: '$(POD_NAME)' }, rule: volumeRules.subPathExclusive.id, path: 'spec.containers[0].volumeMounts[1].subPathExpr' },
  ];

  it.each(cases)('fails with $rule at $path when $name on the second mount', ({ bad, rule, path }) => {
    expect(ids(second(bad))).toEqual([[rule, path]]);
  });

  it.each(cases)('passes when the second mount is the twin of: $name', ({ good }) => {
    expect(ids(second(good))).toEqual([]);
  });

  it('fails with both findings at the one unindexed path for an absolute subPath that climbs, worded as the API server words them', () => {
    expect(checkVolumes(second({ subPath: '/../etc' })).map((v) => [v.rule, v.path, v.message])).toEqual([
      [volumeRules.pathNotRelative.id, 'spec.containers[0].volumeMounts.subPath', 'Invalid value: "/../etc": must be a relative path'],
      [volumeRules.pathBackstep.id, 'spec.containers[0].volumeMounts.subPath', "Invalid value: \"/../etc\": must not contain '..'"],
    ]);
  });

  it('fails with the exclusive finding indexed and the subPathExpr finding not, in the API server\'s order', () => {
    expect(ids(second({ subPath: 'logs', subPathExpr: '/$(POD_NAME)' }))).toEqual([
      [volumeRules.subPathExclusive.id, 'spec.containers[0].volumeMounts[1].subPathExpr'],
      [volumeRules.pathNotRelative.id, 'spec.containers[0].volumeMounts.subPathExpr'],
    ]);
  });

  it('keeps the init container\'s and the workload\'s base path, still without a mount index', () => {
    const found = checkVolumes(second({ subPath: '../x' }, 'initContainers'), 'spec.template.spec').map((v) => [v.rule, v.path]);
    expect(found).toEqual([[volumeRules.pathBackstep.id, 'spec.template.spec.initContainers[0].volumeMounts.subPath']]);
  });
});
