/**
 * YAML in a repository that is not meant to be sent to Kubernetes as it stands: kustomize configuration and
 * patches, Helm charts and templates, component configuration files, kuttl and chainsaw test files, CI workflows,
 * docker-compose files, and any document without `apiVersion` and `kind`. When a whole repository is linted these
 * are listed as skipped, with the reason, instead of ending the run (`podkit lint DIR`); named as files on their own
 * they are read as kubectl reads them.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `{{ … }}` on one line: Go templates (Helm, other generators) that must be rendered before kubectl reads them. */
const TEMPLATE = /\{\{[^\n]*\}\}/;

/** The reason to skip a document that failed to parse or to read, when it is a template; else undefined. */
export function skipReasonOfFailedDocument(text: string): string | undefined {
  return TEMPLATE.test(text) ? 'a template ({{ }}): render it first (helm template, …) and lint the output' : undefined;
}

/** Skip reasons given by the file name alone. */
export function skipReasonOfFile(file: string): string | undefined {
  const name = basename(file);
  if (/^kustomization\.ya?ml$/i.test(name) || name === 'Kustomization') return 'a kustomize configuration (kustomization.yaml): lint the output of kubectl kustomize';
  if (name === 'Chart.yaml' || name === 'Chart.lock') return 'Helm chart metadata (Chart.yaml)';
  if (/^(docker-)?compose(\.[^/]*)?\.ya?ml$/.test(name)) return 'a docker-compose file';
  return undefined;
}

/** Names of the places a non-object document usually comes from, for a more helpful reason. */
function originOf(file: string): string | undefined {
  const name = basename(file);
  const slashed = file.replaceAll('\\', '/');
  if (/(^|\/)\.github\/workflows\//.test(slashed)) return 'a GitHub Actions workflow';
  if (/(^|\/)\.github\//.test(slashed)) return 'GitHub configuration';
  if (/^values(\.[^/]*)?\.ya?ml$/.test(name)) return 'Helm values';
  if (/^(docker-)?compose(\.[^/]*)?\.ya?ml$/.test(name)) return 'a docker-compose file';
  return undefined;
}

/**
 * API groups whose objects are configuration files of a component, never sent to the API server: the
 * `*.config.k8s.io` groups, and controller-runtime's manager configuration (`ControllerManagerConfig`, which
 * kubebuilder scaffolds as a file for a ConfigMap).
 */
const CONFIG_GROUP = /(^|\.)config\.k8s\.io\/|^kustomize\.config\.k8s\.io\/|^controller-runtime\.sigs\.k8s\.io\//;

/** Kinds that share the core `v1` apiVersion but are files of a tool, not API objects. */
const CORE_V1_FILES: Readonly<Record<string, string>> = {
  Config: 'a kubeconfig file (apiVersion v1, kind Config)',
  Policy: 'a kube-scheduler policy file (apiVersion v1, kind Policy)',
};

/**
 * The API groups built into Kubernetes whose name has no dot. Every other group has one: a
 * CustomResourceDefinition's group must be a domain with at least one dot. So an apiVersion such as
 * `skaffold/v4beta6` names a tool's file format, not an API group the server serves.
 */
const DOTLESS_GROUPS: ReadonlySet<string> = new Set(['apps', 'batch', 'autoscaling', 'policy', 'extensions']);

/**
 * Kinds under a dotted group that are the input of a command-line tool, or a message no API server serves as a
 * resource (an `AdmissionReview` is the body of an admission webhook call, which policy tools test against), not
 * objects sent to the API server.
 */
const TOOL_FILES: Readonly<Record<string, string>> = {
  'admission.k8s.io/AdmissionReview': 'an admission review (admission.k8s.io, kind AdmissionReview): the body of an admission webhook call, not an API object',
  'install.istio.io/IstioOperator': 'an istioctl installation configuration (install.istio.io, kind IstioOperator), read by istioctl, not an API object',
  'kind.x-k8s.io/Cluster': 'a kind cluster configuration (kind.x-k8s.io, kind Cluster), read by kind create cluster, not an API object',
  'kapp.k14s.io/Config': 'a kapp configuration (kapp.k14s.io, kind Config), read by kapp from its input and never applied, not an API object',
};

/**
 * The assertion files of a kuttl test step (https://kuttl.dev), named by the step's index: `<index>-assert.yaml`
 * (or `<index>-assert-<name>.yaml`) holds partial objects kuttl waits for the cluster to match, and
 * `<index>-errors.yaml` objects that must not be there; kuttl creates neither. Chainsaw reads a test folder without
 * a `chainsaw-test.yaml` by the same names, without kuttl's `-<name>` suffix (with one, the test names its files:
 * ./chainsaw.ts). The other files of a step are applied, and linted.
 */
const TEST_STEP_ASSERTION = /^\d+-(assert|errors)(-[^.]*)?\.ya?ml$/;

/** Whether the folder of `file` holds a chainsaw test, which names its own assertion files. */
function inChainsawTest(file: string): boolean {
  return ['chainsaw-test.yaml', 'chainsaw-test.yml'].some((name) => existsSync(join(dirname(file), name)));
}

function templateField(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

/**
 * The reason a document read as `value` is not a Kubernetes object meant for the API server, or undefined when
 * it is one (or is meant to be one and should be checked).
 */
export function skipReasonOfDocument(file: string, value: unknown, text: string): string | undefined {
  const byName = skipReasonOfFile(file);
  if (byName) return byName;
  const assertion = TEST_STEP_ASSERTION.exec(basename(file));
  if (assertion && !inChainsawTest(file)) {
    return assertion[1] === 'assert'
      ? 'a kuttl or chainsaw test step\'s assertion (<index>-assert.yaml): partial objects the test waits for the cluster to match, not objects to create'
      : 'a kuttl or chainsaw test step\'s error assertion (<index>-errors.yaml): partial objects that must not be in the cluster, not objects to create';
  }
  if (Array.isArray(value)) {
    const patch = value.length > 0 && value.every((op) => op !== null && typeof op === 'object' && 'op' in op && 'path' in op);
    return patch ? 'a JSON patch (kustomize patchesJson6902 / patches), not an object' : 'a YAML sequence, not an object';
  }
  if (value === null || typeof value !== 'object') return `not an object (${typeof value === 'string' ? 'a string' : String(value)})`;
  const obj = value as Record<string, unknown>;
  const meta = obj.metadata as Record<string, unknown> | undefined;
  if (templateField(obj.apiVersion) || templateField(obj.kind) || (meta && typeof meta === 'object' && (templateField(meta.name) || templateField(meta.namespace)))) {
    return skipReasonOfFailedDocument(text) ?? 'a template ({{ }}): render it first and lint the output';
  }
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined;
  const kind = typeof obj.kind === 'string' ? obj.kind : undefined;
  if (obj.items !== undefined && obj.items !== null && apiVersion && kind) return undefined; // a List: its items decide
  if (!apiVersion || !kind) {
    const origin = originOf(file);
    return `${origin ?? 'not a Kubernetes object'}: no ${!apiVersion && !kind ? 'apiVersion and kind' : !kind ? 'kind' : 'apiVersion'}`;
  }
  if (kind === 'Kustomization' || kind === 'Component' || apiVersion.startsWith('kustomize.config.k8s.io/')) return `a kustomize ${kind} (${apiVersion}), not an API object`;
  if (CONFIG_GROUP.test(`${apiVersion}/`)) return `component configuration (${apiVersion}, kind ${kind}), not an API object`;
  if (apiVersion === 'v1' && Object.hasOwn(CORE_V1_FILES, kind)) return CORE_V1_FILES[kind];
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (group !== '' && !group.includes('.') && !DOTLESS_GROUPS.has(group)) {
    return `a tool's configuration file (apiVersion ${apiVersion}, kind ${kind}): "${group}" is not a Kubernetes API group, not an API object`;
  }
  if (Object.hasOwn(TOOL_FILES, `${group}/${kind}`)) return TOOL_FILES[`${group}/${kind}`];
  if (group === 'kuttl.dev') return `a kuttl test configuration (kuttl.dev, kind ${kind}), read by kuttl, not an API object`;
  if (group === 'chainsaw.kyverno.io') return `a chainsaw test configuration (chainsaw.kyverno.io, kind ${kind}), read by chainsaw, not an API object`;
  if (containsPatchDirective(obj)) return 'a strategic merge patch ($patch): lint the output of kubectl kustomize';
  return undefined;
}

/** Whether an object carries a kustomize/strategic-merge `$patch` directive anywhere in its first levels. */
function containsPatchDirective(obj: Record<string, unknown>): boolean {
  const stack: [unknown, number][] = [[obj, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object' || depth > 8) continue;
    if (!Array.isArray(value) && Object.hasOwn(value, '$patch')) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
