import { describe, expect, it } from 'vitest';
import type { PodLike, PodSpec } from '../k8s';
import { checkPod } from './index';
import { checkPodFields, podFieldRules } from './pod-fields';

const pod = (spec: Partial<PodSpec>): PodLike => ({ spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec } });
const term = (topologyKey: string, extra: Record<string, unknown> = {}) => ({ labelSelector: { matchLabels: { app: 'web' } }, topologyKey, ...extra });
const spread = (c: Record<string, unknown>) => ({ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...c });

const cases = [
  { name: 'activeDeadlineSeconds is 0', bad: pod({ activeDeadlineSeconds: 0 }), good: pod({ activeDeadlineSeconds: 1 }), rule: 'pod/active-deadline-seconds-range', path: 'spec.activeDeadlineSeconds', message: 'Invalid value: 0: must be between 1 and 2147483647, inclusive' },
  { name: 'activeDeadlineSeconds exceeds int32', bad: pod({ activeDeadlineSeconds: 2147483648 }), good: pod({ activeDeadlineSeconds: 2147483647 }), rule: 'pod/active-deadline-seconds-range', path: 'spec.activeDeadlineSeconds', message: 'Invalid value: 2147483648: must be between 1 and 2147483647, inclusive' },
  { name: 'hostname has an underscore and capitals', bad: pod({ hostname: 'My_Host' }), good: pod({ hostname: 'my-host' }), rule: 'pod/hostname-invalid', path: 'spec.hostname', message: expect.stringContaining('Invalid value: "My_Host": a lowercase RFC 1123 label') },
  { name: 'subdomain has a dot', bad: pod({ subdomain: 'a.b' }), good: pod({ subdomain: 'a-b' }), rule: 'pod/subdomain-invalid', path: 'spec.subdomain', message: 'Invalid value: "a.b": must not contain dots' },
  { name: 'serviceAccountName has spaces', bad: pod({ serviceAccountName: 'Web App SA' }), good: pod({ serviceAccountName: 'web-app.sa' }), rule: 'pod/service-account-name-invalid', path: 'spec.serviceAccountName', message: expect.stringContaining('a lowercase RFC 1123 subdomain') },
  { name: 'priorityClassName has capitals', bad: pod({ priorityClassName: 'High' }), good: pod({ priorityClassName: 'high' }), rule: 'pod/priority-class-name-invalid', path: 'spec.priorityClassName', message: expect.stringContaining('Invalid value: "High"') },
  { name: 'runtimeClassName is empty', bad: pod({ runtimeClassName: '' }), good: pod({ runtimeClassName: 'gvisor' }), rule: 'pod/runtime-class-name-invalid', path: 'spec.runtimeClassName', message: expect.stringContaining('Invalid value: ""') },
  { name: 'terminationGracePeriodSeconds is negative', bad: pod({ terminationGracePeriodSeconds: -1 }), good: pod({ terminationGracePeriodSeconds: 0 }), rule: 'pod/termination-grace-period-negative', path: 'spec.terminationGracePeriodSeconds', message: podFieldRules.terminationGracePeriodNegative.message(-1) },
  { name: 'an emptyDir sizeLimit is negative', bad: pod({ volumes: [{ name: 'v', emptyDir: { sizeLimit: '-500Mi' } }] }), good: pod({ volumes: [{ name: 'v', emptyDir: { sizeLimit: '500Mi' } }] }), rule: 'pod/empty-dir-size-limit-negative', path: 'spec.volumes[0].emptyDir.sizeLimit', message: 'Forbidden: SizeLimit field must be a valid resource quantity' },
  {
    name: 'a preferred pod affinity weight is 0',
    bad: pod({ affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: term('zone') }] } } }),
    good: pod({ affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term('zone') }] } } }),
    rule: 'pod/pod-affinity-weight-range',
    path: 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
    message: 'Invalid value: 0: must be in the range 1-100',
  },
  {
    name: 'a required anti-affinity term has no topologyKey',
    bad: pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('')] } } }),
    good: pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('kubernetes.io/hostname')] } } }),
    rule: 'pod/pod-affinity-topology-key-required',
    path: 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
    message: 'Required value: can not be empty',
  },
  {
    name: 'an affinity topologyKey is not a qualified name',
    bad: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('topology zone')] } } }),
    good: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('topology.kubernetes.io/zone')] } } }),
    rule: 'pod/pod-affinity-topology-key-invalid',
    path: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
    message: expect.stringContaining('Invalid value: "topology zone": name part must consist of'),
  },
  {
    name: 'an affinity term names an invalid namespace',
    bad: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { namespaces: ['Prod'] })] } } }),
    good: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { namespaces: ['prod'] })] } } }),
    rule: 'pod/pod-affinity-namespace-invalid',
    path: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespace',
    message: expect.stringContaining('Invalid value: "Prod"'),
  },
  {
    name: 'an affinity label selector has an unknown operator',
    bad: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] } }] } } }),
    good: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a'] }] } }] } } }),
    rule: 'metadata/selector-operator-invalid',
    path: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator',
    message: 'Invalid value: "Equals": not a valid selector operator',
  },
  { name: 'maxSkew is 0', bad: pod({ topologySpreadConstraints: [spread({ maxSkew: 0 })] }), good: pod({ topologySpreadConstraints: [spread({ maxSkew: 1 })] }), rule: 'pod/topology-spread-max-skew', path: 'spec.topologySpreadConstraints[0].maxSkew', message: 'Invalid value: 0: must be greater than zero' },
  { name: 'a spread constraint has no topologyKey', bad: pod({ topologySpreadConstraints: [spread({ topologyKey: '' })] }), good: pod({ topologySpreadConstraints: [spread({})] }), rule: 'pod/topology-spread-topology-key-required', path: 'spec.topologySpreadConstraints[0].topologyKey', message: 'Required value: can not be empty' },
  {
    name: 'whenUnsatisfiable is misspelt',
    bad: pod({ topologySpreadConstraints: [spread({ whenUnsatisfiable: 'DoNotschedule' })] }),
    good: pod({ topologySpreadConstraints: [spread({ whenUnsatisfiable: 'ScheduleAnyway' })] }),
    rule: 'pod/topology-spread-when-unsatisfiable-unsupported',
    path: 'spec.topologySpreadConstraints[0].whenUnsatisfiable',
    message: 'Unsupported value: "DoNotschedule": supported values: "DoNotSchedule", "ScheduleAnyway"',
  },
  {
    name: 'two spread constraints share topologyKey and whenUnsatisfiable',
    bad: pod({ topologySpreadConstraints: [spread({}), spread({ maxSkew: 2 })] }),
    good: pod({ topologySpreadConstraints: [spread({}), spread({ whenUnsatisfiable: 'ScheduleAnyway' })] }),
    rule: 'pod/topology-spread-duplicate',
    path: 'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}',
    message: 'Duplicate value: "{zone, DoNotSchedule}"',
  },
  { name: 'minDomains is 0', bad: pod({ topologySpreadConstraints: [spread({ minDomains: 0 })] }), good: pod({ topologySpreadConstraints: [spread({ minDomains: 2 })] }), rule: 'pod/topology-spread-min-domains', path: 'spec.topologySpreadConstraints[0].minDomains', message: 'Invalid value: 0: must be greater than zero' },
  {
    name: 'minDomains is set with ScheduleAnyway',
    bad: pod({ topologySpreadConstraints: [spread({ minDomains: 2, whenUnsatisfiable: 'ScheduleAnyway' })] }),
    good: pod({ topologySpreadConstraints: [spread({ minDomains: 2 })] }),
    rule: 'pod/topology-spread-min-domains-requires-do-not-schedule',
    path: 'spec.topologySpreadConstraints[0].minDomains',
    message: 'Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
  },
  {
    name: 'nodeTaintsPolicy is unknown',
    bad: pod({ topologySpreadConstraints: [spread({ nodeTaintsPolicy: 'Respect' })] }),
    good: pod({ topologySpreadConstraints: [spread({ nodeTaintsPolicy: 'Honor' })] }),
    rule: 'pod/topology-spread-inclusion-policy-unsupported',
    path: 'spec.topologySpreadConstraints[0].nodeTaintsPolicy',
    message: 'Unsupported value: "Respect": supported values: "Honor", "Ignore"',
  },
  {
    name: 'a spread constraint has matchLabelKeys but no labelSelector',
    bad: pod({ topologySpreadConstraints: [spread({ labelSelector: undefined, matchLabelKeys: ['pod-template-hash'] })] }),
    good: pod({ topologySpreadConstraints: [spread({ matchLabelKeys: ['pod-template-hash'] })] }),
    rule: 'pod/topology-spread-match-label-keys-without-selector',
    path: 'spec.topologySpreadConstraints[0].matchLabelKeys',
    message: 'Forbidden: must not be specified when labelSelector is not set',
  },
  {
    name: 'a spread matchLabelKeys key is also a key of the labelSelector',
    bad: pod({ topologySpreadConstraints: [spread({ matchLabelKeys: ['app'] })] }),
    good: pod({ topologySpreadConstraints: [spread({ matchLabelKeys: ['version'] })] }),
    rule: 'pod/topology-spread-match-label-key-in-selector',
    path: 'spec.topologySpreadConstraints[0].matchLabelKeys[0]',
    message: 'Invalid value: "app": exists in both matchLabelKeys and labelSelector',
  },
  {
    name: 'a spread matchLabelKeys key is not a label key',
    bad: pod({ topologySpreadConstraints: [spread({ matchLabelKeys: ['pod template hash'] })] }),
    good: pod({ topologySpreadConstraints: [spread({ matchLabelKeys: ['pod-template-hash'] })] }),
    rule: 'pod/topology-spread-match-label-key-invalid',
    path: 'spec.topologySpreadConstraints[0].matchLabelKeys[0]',
    message: expect.stringContaining('Invalid value: "pod template hash": name part must consist of'),
  },
  {
    name: 'an affinity term has mismatchLabelKeys but no labelSelector',
    bad: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', mismatchLabelKeys: ['tenant'] }] } } }),
    good: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { mismatchLabelKeys: ['tenant'] })] } } }),
    rule: 'pod/pod-affinity-label-keys-without-selector',
    path: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].mismatchLabelKeys',
    message: 'Forbidden: must not be specified when labelSelector is not set',
  },
  {
    name: 'an affinity matchLabelKeys key is not a label key',
    bad: pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { matchLabelKeys: ['a b'] })] } } }),
    good: pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { matchLabelKeys: ['a-b'] })] } } }),
    rule: 'pod/pod-affinity-label-key-invalid',
    path: 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]',
    message: expect.stringContaining('Invalid value: "a b"'),
  },
  {
    name: 'an affinity matchLabelKeys key is a key of the selector expressions (reported at the term index, as the API server does)',
    bad: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { labelSelector: { matchLabels: { tier: 'a' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, matchLabelKeys: ['tier'] })] } } }),
    good: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { labelSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, matchLabelKeys: ['tier'] })] } } }),
    rule: 'pod/pod-affinity-match-label-key-in-selector',
    path: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0][0]',
    message: 'Invalid value: "tier": exists in both matchLabelKeys and labelSelector',
  },
  {
    name: 'an affinity key is in matchLabelKeys and mismatchLabelKeys',
    bad: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { matchLabelKeys: ['tenant'], mismatchLabelKeys: ['tenant'] })] } } }),
    good: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('zone', { matchLabelKeys: ['tenant'], mismatchLabelKeys: ['team'] })] } } }),
    rule: 'pod/pod-affinity-match-label-key-in-mismatch',
    path: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]',
    message: 'Invalid value: "tenant": exists in both matchLabelKeys and mismatchLabelKeys',
  },
  { name: 'a host alias ip is a name', bad: pod({ hostAliases: [{ ip: 'localhost', hostnames: ['a'] }] }), good: pod({ hostAliases: [{ ip: '127.0.0.1', hostnames: ['a'] }] }), rule: 'pod/host-alias-ip-invalid', path: 'spec.hostAliases[0].ip', message: 'Invalid value: "localhost": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  { name: 'a host alias ip is an IPv4 octet above 255', bad: pod({ hostAliases: [{ ip: '10.0.0.256' }] }), good: pod({ hostAliases: [{ ip: 'fe80::1' }] }), rule: 'pod/host-alias-ip-invalid', path: 'spec.hostAliases[0].ip', message: expect.stringContaining('"10.0.0.256"') },
  { name: 'a host alias hostname has a space', bad: pod({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['my host'] }] }), good: pod({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['my.host'] }] }), rule: 'pod/host-alias-hostname-invalid', path: 'spec.hostAliases[0].hostnames[0]', message: expect.stringContaining('Invalid value: "my host": a lowercase RFC 1123 subdomain') },
  { name: 'dnsPolicy None has no nameserver', bad: pod({ dnsPolicy: 'None', dnsConfig: { searches: ['a.local'] } }), good: pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['10.0.0.10'], searches: ['a.local'] } }), rule: 'pod/dns-config-nameservers-required', path: 'spec.dnsConfig.nameservers', message: 'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None' },
  { name: 'a dnsConfig nameserver is not an IP', bad: pod({ dnsConfig: { nameservers: ['dns1'] } }), good: pod({ dnsConfig: { nameservers: ['8.8.8.8'] } }), rule: 'pod/dns-config-nameserver-invalid', path: 'spec.dnsConfig.nameservers[0]', message: 'Invalid value: "dns1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  {
    name: 'a dnsConfig has four nameservers',
    bad: pod({ dnsConfig: { nameservers: ['1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4'] } }),
    good: pod({ dnsConfig: { nameservers: ['1.1.1.1', '1.1.1.2', '1.1.1.3'] } }),
    rule: 'pod/dns-config-nameservers-too-many',
    path: 'spec.dnsConfig.nameservers',
    message: 'Invalid value: ["1.1.1.1","1.1.1.2","1.1.1.3","1.1.1.4"]: must not have more than 3 nameservers',
  },
  { name: 'a dnsConfig search has a space', bad: pod({ dnsConfig: { searches: ['my domain.local'] } }), good: pod({ dnsConfig: { searches: ['_srv.my-domain.local.', '.'] } }), rule: 'pod/dns-config-search-invalid', path: 'spec.dnsConfig.searches[0]', message: expect.stringContaining("Invalid value: \"my domain.local\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.'") },
  {
    name: 'a dnsConfig has 33 search paths',
    bad: pod({ dnsConfig: { searches: Array.from({ length: 33 }, (_, i) => `s${i}.local`) } }),
    good: pod({ dnsConfig: { searches: Array.from({ length: 32 }, (_, i) => `s${i}.local`) } }),
    rule: 'pod/dns-config-searches-too-many',
    path: 'spec.dnsConfig.searches',
    message: expect.stringMatching(/^Invalid value: \["s0.local",.*\]: must not have more than 32 search paths$/),
  },
  {
    name: 'a dnsConfig search list is longer than 2048 characters',
    bad: pod({ dnsConfig: { searches: Array.from({ length: 11 }, () => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.example`) } }),
    good: pod({ dnsConfig: { searches: Array.from({ length: 10 }, () => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.example`) } }),
    rule: 'pod/dns-config-searches-too-long',
    path: 'spec.dnsConfig.searches',
    message: expect.stringContaining('must not have more than 2048 characters (including spaces) in the search list'),
  },
  { name: 'a dnsConfig option has no name', bad: pod({ dnsConfig: { options: [{ value: '2' }] } }), good: pod({ dnsConfig: { options: [{ name: 'ndots', value: '2' }] } }), rule: 'pod/dns-config-option-name-required', path: 'spec.dnsConfig.options[0]', message: 'Required value: must not be empty' },
  {
    name: 'a Pod sets ephemeralContainers at creation',
    bad: pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }),
    good: pod({}),
    rule: 'pod/ephemeral-containers-forbidden',
    path: 'spec.ephemeralContainers',
    message: 'Forbidden: cannot be set on create',
  },
  { name: "a Pod's image has a trailing space", bad: pod({ containers: [{ name: 'app', image: 'nginx ' }] }), good: pod({ containers: [{ name: 'app', image: 'nginx' }] }), rule: 'pod/image-whitespace', path: 'spec.containers[0].image', message: 'Invalid value: "nginx ": must not have leading or trailing whitespace' },
  { name: 'a readiness gate is not a qualified name', bad: pod({ readinessGates: [{ conditionType: 'my gate' }] }), good: pod({ readinessGates: [{ conditionType: 'example.com/my-gate' }] }), rule: 'pod/readiness-gate-invalid', path: 'spec.readinessGates[0].conditionType', message: expect.stringContaining('Invalid value: "my gate": name part must consist of') },
  { name: 'a scheduling gate is not a qualified name', bad: pod({ schedulingGates: [{ name: 'wait for it' }] }), good: pod({ schedulingGates: [{ name: 'example.com/wait' }] }), rule: 'pod/scheduling-gate-invalid', path: 'spec.schedulingGates[0]', message: expect.stringContaining('Invalid value: "wait for it"') },
  { name: 'two scheduling gates share a name', bad: pod({ schedulingGates: [{ name: 'a' }, { name: 'a' }] }), good: pod({ schedulingGates: [{ name: 'a' }, { name: 'b' }] }), rule: 'pod/scheduling-gate-duplicate', path: 'spec.schedulingGates[1]', message: 'Duplicate value: "a"' },
];

describe('checkPodFields', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkPod(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });
  it('reports an empty topologyKey of an affinity term as required and as an invalid name, as the API server does', () => {
    const v = checkPodFields(pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('')] } } }));
    expect(v.map((x) => x.rule)).toEqual(['pod/pod-affinity-topology-key-required', 'pod/pod-affinity-topology-key-invalid']);
  });
  it('fails when a pod template sets ephemeralContainers, with the template wording', () => {
    const template = (extra: Record<string, unknown>) =>
      checkPodFields({ spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra } } as PodLike, 'spec.template.spec').map((v) => [v.rule, v.path, v.message]);
    expect(template({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] })).toEqual([
      ['pod/ephemeral-containers-forbidden', 'spec.template.spec.ephemeralContainers', 'Forbidden: ephemeral containers not allowed in pod template'],
    ]);
    expect(template({})).toEqual([]);
  });
  it("warns, not fails, on a pod template's image with surrounding whitespace: the API server accepts the template, not the Pods made from it", () => {
    const template = (image: string) =>
      checkPodFields({ spec: { containers: [{ name: 'app', image: 'nginx' }], initContainers: [{ name: 'init', image }] } } as PodLike, 'spec.template.spec').map((v) => [v.rule, v.severity, v.path, v.message]);
    expect(template(' busybox')).toEqual([
      ['pod/template-image-whitespace', 'warning', 'spec.template.spec.initContainers[0].image', 'Invalid value: " busybox": must not have leading or trailing whitespace (the workload is accepted, but every Pod it creates is rejected)'],
    ]);
    expect(template('busybox')).toEqual([]);
  });
  it('fails, before 1.33, on a search path with an underscore or a lone ".", which relaxed DNS search validation accepts from 1.33 on', () => {
    const searches = (list: string[], kubernetesVersion: '1.32' | '1.33') =>
      checkPod(pod({ dnsConfig: { searches: list } }), 'spec', { kubernetesVersion }).map((v) => [v.rule, v.path, v.message]);
    expect(searches(['_srv.my-domain.local.', '.'], '1.32')).toEqual([
      ['pod/dns-config-search-invalid', 'spec.dnsConfig.searches[0]', expect.stringMatching(/^Invalid value: "_srv\.my-domain\.local": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '\.'/)],
      ['pod/dns-config-search-invalid', 'spec.dnsConfig.searches[1]', expect.stringMatching(/^Invalid value: "": a lowercase RFC 1123 subdomain/)],
    ]);
    expect(searches(['_srv.my-domain.local.', '.'], '1.33')).toEqual([]);
    // the twin at 1.32: a subdomain with a trailing dot
    expect(searches(['srv.my-domain.local.', 'cluster.local'], '1.32')).toEqual([]);
  });
  it('warns, not fails, on a negative grace period (the API server replaces it with 1)', () => {
    expect(checkPodFields(pod({ terminationGracePeriodSeconds: -5 }))[0]!.severity).toBe('warning');
  });
});
