/**
 * The area list is the one source of the checks and of `RULE_AREAS`: the derived lists follow it, and the order of
 * the checks (the order findings are listed in, which users and snapshot tests see) is pinned here, so reordering
 * the list is a visible decision.
 */
import { describe, expect, it } from 'vitest';
import { APP_CHECKS, AREAS, OBJECT_CHECKS, POD_CHECKS, RULE_AREAS } from './areas';

describe('the area list', () => {
  it('names each area once, and RULE_AREAS lists them in its order', () => {
    const names = AREAS.map((area) => area.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(RULE_AREAS)).toEqual(names);
    for (const area of AREAS) expect(RULE_AREAS[area.name]).toBe(area.rules);
  });

  it('runs the pod checks in the order their findings are listed', () => {
    expect(POD_CHECKS.map((check) => check.name)).toEqual([
      'checkContainers', 'checkResources', 'checkPorts', 'checkProbes', 'checkLifecycle', 'checkInitContainers', 'checkPodPolicies',
      'checkNodeSelection', 'checkExtendedResourceNames', 'checkSecurityContext', 'checkGmsaPod', 'checkConfigMapUse', 'checkVolumes',
      'checkEnv', 'checkPodFields', 'checkEnums', 'checkFeatureGates',
    ]);
  });

  it('runs the object checks in the order their findings are listed', () => {
    expect(OBJECT_CHECKS.map((check) => check.name)).toEqual([
      'checkObjectMetadata', 'checkDeployment', 'checkConfigMap', 'checkYamlStrings', 'checkSecret', 'checkWorkload', 'checkStatefulSet',
      'checkBatchWorkload', 'checkService', 'checkMetadata', 'checkFields',
    ]);
  });

  it('runs the cross-object checks in the order their findings are listed', () => {
    expect(APP_CHECKS.map((check) => check.name)).toEqual(['gmsaAppCheck', 'configMapAppCheck', 'secretAppCheck', 'serviceAppCheck']);
  });
});
