/**
 * The configuration fragments of the docs that the examples must contain (inside some synthesized object),
 * as listed by the independent checker (../shared/tools/refcheck.py). Paths are under `snapshots/reference/manifests/`.
 */
export const REQUIRED_FRAGMENTS = [
  'configure-liveness-readiness-startup-probes/as-printed/fragments/container-named-port-liveness.yaml',
  'configure-liveness-readiness-startup-probes/fragments/container-readiness-probe-exec.yaml',
  'configure-liveness-readiness-startup-probes/as-printed/fragments/container-startup-probe.yaml',
  'security-context/fragments/container-apparmor-localhost.yaml',
  'security-context/fragments/container-apparmor-runtimedefault.yaml',
  'security-context/fragments/pod-securitycontext-fsgroupchangepolicy.yaml',
  'security-context/fragments/securitycontext-procmount-unmasked.yaml',
  'security-context/fragments/securitycontext-seccomp-localhost.yaml',
  'security-context/fragments/securitycontext-seccomp-runtimedefault.yaml',
  'security-context/fragments/securitycontext-selinux-level.yaml',
  'configure-gmsa/fragments/container-lifecycle-netlogon-poststart.yaml',
] as const;
