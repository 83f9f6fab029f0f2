/**
 * A Pod Security Standards policy: a level and the policy version it is evaluated at, as the
 * `pod-security.kubernetes.io/enforce` and `enforce-version` namespace labels name them.
 *
 * A namespace can pin a level to the policy definition of a Kubernetes minor version (`v1.30`) or follow
 * `latest`. Parsing follows
 * pod-security-admission's `api.ParseLevel` and `api.ParseVersion`: `latest` or `v1.<minor>`; a version newer
 * than the newest this package knows is evaluated as that newest one, as the admission controller does.
 * https://kubernetes.io/ja/docs/concepts/security/pod-security-admission/
 */

/** The three Pod Security Standards levels; `privileged` allows everything. */
export const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/** The levels that forbid something. */
export type EnforcingPodSecurityLevel = Exclude<PodSecurityLevel, 'privileged'>;

/** A policy version: `latest` or a Kubernetes minor version `v1.<minor>`. */
export type PodSecurityVersion = 'latest' | `v1.${number}`;

/**
 * The newest policy version this package knows: the last Kubernetes minor release that changed a check
 * (the sysctls allowed at baseline). `latest` means this version; it is independent of the target Kubernetes
 * version of the manifests, as the admission controller's policy version is of the cluster's version.
 */
export const LATEST_POD_SECURITY_VERSION = 'v1.37' satisfies PodSecurityVersion;

/** The minor number of {@link LATEST_POD_SECURITY_VERSION}. */
export const LATEST_POD_SECURITY_MINOR = 37;

/** A level evaluated at a version, as `checkPodSecurity` takes it. */
export interface PodSecurityPolicy {
  readonly level: PodSecurityLevel;
  /** `latest` or `v1.<minor>`; a widened `string` is accepted and checked at run time. @default 'latest' */
  readonly version?: PodSecurityVersion | (string & {});
}

/** A policy, parsed: the level, the version as written, and the minor version its checks are taken from. */
export interface ParsedPodSecurityPolicy {
  readonly level: PodSecurityLevel;
  /** As the admission controller prints it: `latest` or `v1.30`. */
  readonly version: PodSecurityVersion;
  /** The Kubernetes minor version whose checks apply: the written one, capped at the newest this package knows. */
  readonly minor: number;
}

/** What `checkPodSecurity` accepts: a level (`'restricted'`), `'level:version'` (`'restricted:v1.30'`) or an object. */
export type PodSecurityPolicyInput = PodSecurityLevel | `${PodSecurityLevel}:${PodSecurityVersion}` | PodSecurityPolicy | (string & {});

/** The outcome of {@link parsePodSecurityPolicy}. */
export type PodSecurityPolicyParseResult =
  | { readonly ok: true; readonly policy: ParsedPodSecurityPolicy }
  | { readonly ok: false; readonly error: string };

const VERSION = /^v1\.(0|[1-9][0-9]*)$/;
const bounded = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function parseLevel(value: unknown): PodSecurityLevel | string {
  if (typeof value === 'string' && (POD_SECURITY_LEVELS as readonly string[]).includes(value)) return value as PodSecurityLevel;
  const shown = typeof value === 'string' ? bounded(value) : String(value);
  return `level ${shown}: must be one of ${POD_SECURITY_LEVELS.join(', ')}`;
}

function parseVersion(value: unknown): { version: PodSecurityVersion; minor: number } | string {
  if (value === 'latest') return { version: 'latest', minor: LATEST_POD_SECURITY_MINOR };
  const match = typeof value === 'string' ? VERSION.exec(value) : null;
  const minor = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(minor)) {
    const shown = typeof value === 'string' ? bounded(value) : String(value);
    return `version ${shown}: must be "latest" or "v1.x"`;
  }
  return { version: value as PodSecurityVersion, minor: Math.min(minor, LATEST_POD_SECURITY_MINOR) };
}

/**
 * Parses a policy: `'restricted'`, `'baseline:v1.30'`, `'restricted:latest'` or `{ level, version }`.
 * The version defaults to `latest`.
 */
export function parsePodSecurityPolicy(input: PodSecurityPolicyInput): PodSecurityPolicyParseResult {
  let level: unknown;
  let version: unknown = 'latest';
  if (typeof input === 'string') {
    const colon = input.indexOf(':');
    level = colon < 0 ? input : input.slice(0, colon);
    if (colon >= 0) version = input.slice(colon + 1);
  } else if (typeof input === 'object' && input !== null) {
    level = input.level;
    if (input.version !== undefined) version = input.version;
  } else {
    return { ok: false, error: `expected "level" or "level:version", not ${String(input)}` };
  }
  const l = parseLevel(level);
  if (!(POD_SECURITY_LEVELS as readonly string[]).includes(l)) return { ok: false, error: l };
  const v = parseVersion(version);
  if (typeof v === 'string') return { ok: false, error: v };
  return { ok: true, policy: { level: l as PodSecurityLevel, ...v } };
}

/** Thrown for a policy that does not parse. */
export class PodSecurityPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PodSecurityPolicyError';
  }
}

/**
 * Parses a policy, throwing a {@link PodSecurityPolicyError} with a one-line reason if it does not parse.
 * @throws PodSecurityPolicyError
 */
export function podSecurityPolicy(input: PodSecurityPolicyInput): ParsedPodSecurityPolicy {
  const parsed = parsePodSecurityPolicy(input);
  if (!parsed.ok) throw new PodSecurityPolicyError(`Pod Security policy: ${parsed.error}`);
  return parsed.policy;
}

/** `restricted:latest`, `baseline:v1.30`: the policy as the admission controller names it in its messages. */
export function formatPodSecurityPolicy(policy: ParsedPodSecurityPolicy): string {
  return `${policy.level}:${policy.version}`;
}
