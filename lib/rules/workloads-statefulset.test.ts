import { describe, expect, it } from 'vitest';
import { VALID } from '../../test-support/workloads';
import { checkObject } from './index';
import { checkStatefulSet, statefulSetRules } from './workloads-statefulset';

const sts = VALID.StatefulSet!;
const claim = (spec: Record<string, unknown>, name: string | null = 'data') => ({ metadata: name === null ? {} : { name }, spec });
const GOOD_CLAIM = claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });

const cases = [
  {
    name: 'podManagementPolicy is unknown',
    bad: sts({ podManagementPolicy: 'Sequential' }),
    good: sts({ podManagementPolicy: 'Parallel' }),
    rule: 'statefulsets/pod-management-policy',
    path: 'spec.podManagementPolicy',
    message: `Invalid value: "Sequential": must be 'OrderedReady' or 'Parallel'`,
  },
  {
    name: 'the updateStrategy type is unknown',
    bad: sts({ updateStrategy: { type: 'Recreate' } }),
    good: sts({ updateStrategy: { type: 'OnDelete' } }),
    rule: 'statefulsets/update-strategy-type',
    path: 'spec.updateStrategy',
    message: `Invalid value: {"type":"Recreate"}: must be 'RollingUpdate' or 'OnDelete'`,
  },
  {
    name: 'the updateStrategy type is not spelled as Kubernetes spells it (a type written null reads as unset: RollingUpdate)',
    bad: sts({ updateStrategy: { type: 'rollingUpdate', rollingUpdate: { partition: null } } }),
    good: sts({ updateStrategy: { type: null, rollingUpdate: { partition: null, maxUnavailable: null } } }),
    rule: 'statefulsets/update-strategy-type',
    path: 'spec.updateStrategy',
    message: `Invalid value: {"type":"rollingUpdate","rollingUpdate":{"partition":null}}: must be 'RollingUpdate' or 'OnDelete'`,
  },
  {
    name: 'an OnDelete strategy has rollingUpdate',
    bad: sts({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }),
    good: sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }),
    rule: 'statefulsets/rolling-update-with-on-delete',
    path: 'spec.updateStrategy.rollingUpdate',
    message: statefulSetRules.rollingUpdateWithOnDelete.message({ partition: 1 }),
  },
  {
    name: 'the partition is negative',
    bad: sts({ updateStrategy: { rollingUpdate: { partition: -1 } } }),
    good: sts({ updateStrategy: { rollingUpdate: { partition: 0 } } }),
    rule: 'workloads/negative-value',
    path: 'spec.updateStrategy.rollingUpdate.partition',
    message: 'Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: 'maxUnavailable is 0',
    bad: sts({ updateStrategy: { rollingUpdate: { maxUnavailable: '0%' } } }),
    good: sts({ updateStrategy: { rollingUpdate: { maxUnavailable: '1%' } } }),
    rule: 'statefulsets/max-unavailable-zero',
    path: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
    message: 'Invalid value: 0%: cannot be 0',
  },
  {
    name: 'maxUnavailable is over 100%',
    bad: sts({ updateStrategy: { rollingUpdate: { maxUnavailable: '150%' } } }),
    good: sts({ updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } }),
    rule: 'workloads/percent-over-100',
    path: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
    message: 'Invalid value: 150%: must not be greater than 100%',
  },
  {
    name: 'a claim retention policy is unknown',
    bad: sts({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } }),
    good: sts({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }),
    rule: 'statefulsets/claim-retention-policy',
    path: 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
    message: 'Unsupported value: "Keep": supported values: "Retain", "Delete"',
  },
  {
    name: 'a claim template has no storage request',
    bad: sts({ volumeClaimTemplates: [GOOD_CLAIM, claim({ accessModes: ['ReadWriteOnce'], resources: { limits: { storage: '1Gi' } } }, 'logs')] }),
    good: sts({ volumeClaimTemplates: [GOOD_CLAIM, claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, 'logs')] }),
    rule: 'statefulsets/claim-template-storage',
    path: 'spec.volumeClaimTemplates[1].spec.resources[storage]',
    message: 'Required value',
  },
  {
    name: 'a claim template has no access mode',
    bad: sts({ volumeClaimTemplates: [claim({ accessModes: [], resources: { requests: { storage: '1Gi' } } })] }),
    good: sts({ volumeClaimTemplates: [GOOD_CLAIM] }),
    rule: 'statefulsets/claim-template-access-modes',
    path: 'spec.volumeClaimTemplates[0].spec.accessModes',
    message: 'Required value: at least 1 access mode is required',
  },
  {
    name: 'a claim template has no name',
    bad: sts({ volumeClaimTemplates: [claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, null)] }),
    good: sts({ volumeClaimTemplates: [GOOD_CLAIM] }),
    rule: 'statefulsets/claim-template-name-required',
    path: 'spec.volumeClaimTemplates[0].metadata.name',
    message: 'Required value: name or generateName is required',
  },
];

describe('checkStatefulSet', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkObject(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good)).toEqual([]);
  });
  it('does not require serviceName (optional in current Kubernetes)', () => {
    expect(checkObject(sts({ serviceName: undefined }))).toEqual([]);
  });
  it('tolerates claim templates that are not objects', () => {
    expect(checkStatefulSet(sts({ volumeClaimTemplates: [null, 'x'] }))).toEqual([]);
    expect(checkStatefulSet(sts({ volumeClaimTemplates: 'x' }))).toEqual([]);
  });
});
