import { describe, expect, it } from 'vitest';
import { goQuote, POD_SECURITY_CHECKS, PSA_CHECK_IDS } from './checks';
import { checksAt } from './evaluate';
import { LATEST_POD_SECURITY_MINOR } from './policy';

describe('goQuote (Go’s %q)', () => {
  it.each([
    ['unconfined', '"unconfined"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\tnew\nline', '"tab\\tnew\\nline"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['\u00a0\u2028', '"\\u00a0\\u2028"'],
    ['日本語 é', '"日本語 é"'],
    ['\u{1F600}\u{E0001}', '"\u{1F600}\\U000e0001"'],
  ])('quotes %j as %s', (value, quoted) => {
    expect(goQuote(value)).toBe(quoted);
  });
});

describe('the check registry', () => {
  it('has every upstream check once, with strictly increasing versions, overriding only baseline checks', () => {
    expect(POD_SECURITY_CHECKS.map((c) => c.id).sort()).toEqual([...PSA_CHECK_IDS].sort());
    const levelOf = new Map(POD_SECURITY_CHECKS.map((c) => [c.id, c.level]));
    for (const check of POD_SECURITY_CHECKS) {
      const minors = check.versions.map((v) => v.minimumMinor);
      expect(minors).toEqual([...new Set(minors)].sort((a, b) => a - b));
      expect(Math.max(...minors)).toBeLessThanOrEqual(LATEST_POD_SECURITY_MINOR);
      for (const v of check.versions) for (const o of v.overrides ?? []) expect([check.level, levelOf.get(o)]).toEqual(['restricted', 'baseline']);
    }
  });

  it('runs baseline checks first, then restricted ones, each sorted by id, leaving out the overridden ones', () => {
    expect(checksAt('restricted', LATEST_POD_SECURITY_MINOR).map(([id]) => id)).toEqual([
      'appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions', 'sysctls', 'windowsHostProcess',
      'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
    ]);
    expect(checksAt('baseline', 0).map(([id]) => id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
    ]);
    expect(checksAt('restricted', 0).map(([id]) => id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
      'restrictedVolumes', 'runAsNonRoot',
    ]);
    expect(checksAt('privileged', LATEST_POD_SECURITY_MINOR)).toEqual([]);
  });
});
