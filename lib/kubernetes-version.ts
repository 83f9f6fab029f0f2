/**
 * The Kubernetes version the rules check against. Validation changes between releases (feature gates turn on by
 * default, lists grow), so a rule that changed reads the target version from the options it is given; the newest
 * supported version is the default.
 *
 * Feature states are the API server's defaults (pkg/features/kube_features.go, `defaultVersionedKubernetesFeatureGates`):
 * a cluster that turns a gate on or off by hand is not modelled.
 * https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
 */

/**
 * Every Kubernetes minor version the rules know, oldest first. The newest is the newest whose API field list
 * lib/schema has (generated from that release's OpenAPI document).
 */
export const KUBERNETES_VERSIONS = ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'] as const;

/** A supported Kubernetes minor version (`'1.33'`). */
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

/** The version checked when none is given: the newest supported one. */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]!;

/** What every check may be told besides the manifest itself. */
export interface RuleOptions {
  /**
   * The Kubernetes version the manifests are for.
   * @default DEFAULT_KUBERNETES_VERSION (the newest supported)
   */
  readonly kubernetesVersion?: KubernetesVersion;
}

/** Whether `value` is a supported version. */
export function isKubernetesVersion(value: unknown): value is KubernetesVersion {
  return typeof value === 'string' && (KUBERNETES_VERSIONS as readonly string[]).includes(value);
}

/**
 * Parses a version as a user writes it (`1.33`, `v1.33`, `1.33.2`) into a supported minor version; the error
 * lists the supported ones.
 */
export function parseKubernetesVersion(value: unknown): { ok: true; version: KubernetesVersion } | { ok: false; error: string } {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string') {
    const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
    const minor = m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
    if (isKubernetesVersion(minor)) return { ok: true, version: minor };
  }
  return { ok: false, error: `must be one of ${KUBERNETES_VERSIONS.join(', ')}, not ${JSON.stringify(value)}` };
}

/** The version of `options`, or the default. */
export function targetVersion(options?: RuleOptions): KubernetesVersion {
  return options?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
}

/** `a` is `b` or newer. */
export function atLeast(version: KubernetesVersion, minimum: KubernetesVersion): boolean {
  return minorOf(version) >= minorOf(minimum);
}

/** The minor of each version seen, parsed once: the rules ask for it for every object. */
const MINORS = new Map<string, number>();

function minorOf(version: string): number {
  let minor = MINORS.get(version);
  if (minor !== undefined) return minor;
  minor = Number(version.split('.')[1]);
  if (MINORS.size < 64) MINORS.set(version, minor);
  return minor;
}

/** A feature whose default state changed within the supported versions: the first version it is on by default. */
export const FEATURE_ON_BY_DEFAULT_SINCE = {
  /** Env var names (and envFrom prefixes) may be any printable ASCII but `=` (beta on in 1.32, GA in 1.34). */
  RelaxedEnvironmentVariableValidation: '1.32',
  /** `image` volumes (alpha 1.31, beta off by default 1.33, on by default 1.35). */
  ImageVolume: '1.35',
  /** `hostUsers: false` (beta off by default 1.30, on by default 1.33). */
  UserNamespacesSupport: '1.33',
  /** `procMount: Unmasked` (beta off by default 1.31, on by default 1.33). */
  ProcMountType: '1.33',
  /** `dnsConfig.searches` may be `.` alone and hold underscores (alpha 1.32, beta on by default 1.33, GA 1.34). */
  RelaxedDNSSearchValidation: '1.33',
} as const satisfies Record<string, KubernetesVersion>;

/** A feature gate listed in {@link FEATURE_ON_BY_DEFAULT_SINCE}. */
export type VersionedFeature = keyof typeof FEATURE_ON_BY_DEFAULT_SINCE;

/** Whether `feature` is on by default in `version`. */
export function featureEnabled(feature: VersionedFeature, version: KubernetesVersion): boolean {
  return atLeast(version, FEATURE_ON_BY_DEFAULT_SINCE[feature]);
}

/**
 * A feature whose field the API has from a supported version on while its gate stays off by default in every supported
 * version (alpha throughout): the first version whose API has the field. From that version the API server drops the
 * field before validation (`dropDisabledFields`, pkg/api/pod/util.go); before it the field is unknown
 * (`fields/newer-than-target`).
 */
export const FEATURE_OFF_BY_DEFAULT_FROM = {
  /**
   * `lifecycle.stopSignal` (KEP-4960). Alpha and off by default from 1.33 with no later stage: kubernetes/website
   * content/en/docs/reference/command-line-tools-reference/feature-gates/ContainerStopSignals.md (commit 584eca24,
   * `stages: alpha, defaultValue: false, fromVersion: "1.33"`), and pkg/features/kube_features.go of the 1.36
   * development tree (`ContainerStopSignals: {{Version: "1.33", Default: false, PreRelease: Alpha}}` only, next to
   * entries for 1.36). Beta is planned for 1.38: kubernetes/enhancements
   * keps/sig-node/4960-container-stop-signals/kep.yaml (commit 07bd02a9, `milestone: alpha "v1.33", beta "v1.38"`).
   * The field is in the API of 1.33 and 1.36 (@kubernetes/client-node 1.3.0, OpenAPI v1.33.0, and 2.0.1,
   * release-1.36: `Lifecycle.stopSignal`).
   */
  ContainerStopSignals: '1.33',
} as const satisfies Record<string, KubernetesVersion>;

/** A feature listed in {@link FEATURE_OFF_BY_DEFAULT_FROM}. */
export type OffByDefaultFeature = keyof typeof FEATURE_OFF_BY_DEFAULT_FROM;

/** Whether the API of `version` has the field of `feature`, a feature off by default in every supported version. */
export function featureFieldKnown(feature: OffByDefaultFeature, version: KubernetesVersion): boolean {
  return atLeast(version, FEATURE_OFF_BY_DEFAULT_FROM[feature]);
}

/**
 * The sysctls Pod Security's baseline policy allows ("safe" sysctls), for a policy version: the 1.0 set, plus those
 * added in 1.27, 1.29, 1.32 and 1.37 (pod-security-admission, policy/check_sysctls.go). Takes a Kubernetes version
 * or a Pod Security policy version (`v1.30`, `latest`); a version it cannot read counts as `latest`.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export function safeSysctls(version: KubernetesVersion | `v1.${number}` | `1.${number}` | 'latest'): ReadonlySet<string> {
  const minor = version === 'latest' ? Infinity : Number(/^v?1\.(\d+)$/.exec(version)?.[1] ?? Infinity);
  const out = new Set<string>();
  for (const [since, names] of SAFE_SYSCTLS_BY_VERSION) if (minor >= since) for (const n of names) out.add(n);
  return out;
}

/** `[first minor version, sysctls added]`, as pod-security-admission lists them. */
const SAFE_SYSCTLS_BY_VERSION: readonly (readonly [number, readonly string[]])[] = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];
