/**
 * What a linted repository holds beside API objects, as real repositories write it: files of tools that borrow
 * the `apiVersion`/`kind` shape, and files a kustomization packs into a ConfigMap or Secret. Each is skipped with
 * its reason, next to a near-identical object that is linted and reported.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectRules } from '../rules/objects';
import { lintInputs, listInputs } from './cli';
import { LintSession } from './lint';

const NO_STDIN = { stdout: () => {}, stderr: () => {}, stdin: () => '' };

/** Lints a repository made of `files`, with paths relative to its root. */
function lintRepository(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'podkit-repository-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const report = lintInputs(listInputs([root], NO_STDIN), new LintSession());
  const rel = (file: string) => relative(root, file).split('\\').join('/');
  return {
    findings: report.findings.map((f) => [rel(f.file), f.violation.rule, f.violation.path]),
    skipped: report.skipped.map((s) => [rel(s.file), s.reason.split(root).join('')]),
    unreadable: report.unreadable.map((e) => [rel(e.file), e.position?.line, e.position?.col, e.detail]),
    objects: report.objects,
  };
}

describe('a tool\'s file under a dotted group', () => {
  // The shape of a kind cluster configuration: no metadata, which no API object may lack.
  const cluster = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: Cluster\nnodes:\n- role: control-plane\n`;

  it('fails when a custom resource of that shape has no name', () => {
    expect(lintRepository({ 'cluster.yaml': cluster('kind.example.com/v1alpha4') }).findings).toStrictEqual([
      ['cluster.yaml', objectRules.nameRequired.id, 'metadata.name'],
    ]);
  });

  it('skips a kind cluster configuration (kind.x-k8s.io Cluster), read by kind create cluster', () => {
    expect(lintRepository({ 'cluster.yaml': cluster('kind.x-k8s.io/v1alpha4') })).toMatchObject({
      findings: [],
      skipped: [['cluster.yaml', 'a kind cluster configuration (kind.x-k8s.io, kind Cluster), read by kind create cluster, not an API object']],
    });
  });

  const kappConfig = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: Config\nrebaseRules:\n- path: [spec, replicas]\n  type: copy\n  sources: [existing, new]\n`;

  it('fails when a custom resource of kind Config has no name', () => {
    expect(lintRepository({ 'rebase.yaml': kappConfig('kapp.example.com/v1alpha1') }).findings).toStrictEqual([
      ['rebase.yaml', objectRules.nameRequired.id, 'metadata.name'],
    ]);
  });

  it('skips a kapp configuration (kapp.k14s.io Config), which kapp reads from its input and never applies', () => {
    expect(lintRepository({ 'rebase.yaml': kappConfig('kapp.k14s.io/v1alpha1') })).toMatchObject({
      findings: [],
      skipped: [['rebase.yaml', 'a kapp configuration (kapp.k14s.io, kind Config), read by kapp from its input and never applied, not an API object']],
    });
  });
});

describe('a component\'s configuration file', () => {
  const managerConfig = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: ControllerManagerConfig\nhealth:\n  healthProbeBindAddress: ":8081"\n`;

  it('fails when a custom resource of that shape has no name', () => {
    expect(lintRepository({ 'manager/config.yaml': managerConfig('controller-runtime.example.com/v1alpha1') }).findings).toStrictEqual([
      ['manager/config.yaml', objectRules.nameRequired.id, 'metadata.name'],
    ]);
  });

  it('skips controller-runtime\'s manager configuration (controller-runtime.sigs.k8s.io), also when no kustomization names it', () => {
    expect(lintRepository({ 'manager/config.yaml': managerConfig('controller-runtime.sigs.k8s.io/v1alpha1') })).toMatchObject({
      findings: [],
      skipped: [['manager/config.yaml', 'component configuration (controller-runtime.sigs.k8s.io/v1alpha1, kind ControllerManagerConfig), not an API object']],
    });
  });
});

describe('a file a kustomization packs into a ConfigMap or Secret', () => {
  // A controller's configuration file: apiVersion and kind, no metadata; read by the controller from a ConfigMap.
  const config = 'apiVersion: config.example.org/v1beta1\nkind: ControllerConfig\nhealth:\n  probeAddress: ":8081"\n';

  it('fails when no kustomization names the file (it is read as a custom resource without a name)', () => {
    expect(lintRepository({ 'manager/config.yaml': config, 'manager/kustomization.yaml': 'resources: []\n' }).findings).toStrictEqual([
      ['manager/config.yaml', objectRules.nameRequired.id, 'metadata.name'],
    ]);
  });

  it.each([
    ['configMapGenerator', 'config.yaml'],
    ['configMapGenerator', 'settings.yaml=config.yaml'],
    ['secretGenerator', 'config.yaml'],
  ])('skips the file a %s names in files (%s), from the kustomization\'s folder', (field, entry) => {
    const kustomization = `${field}:\n- name: controller-config\n  files:\n  - ${entry}\n`;
    expect(lintRepository({ 'manager/config.yaml': config, 'manager/kustomization.yaml': kustomization })).toMatchObject({
      findings: [],
      skipped: [
        ['manager/config.yaml', `data of a kustomize ${field} (named in /manager/kustomization.yaml), not an object: lint the output of kubectl kustomize`],
        ['manager/kustomization.yaml', 'a kustomize configuration (kustomization.yaml): lint the output of kubectl kustomize'],
      ],
    });
  });

  it('still skips a file named both as a patch and as generator data as a patch', () => {
    const kustomization = 'patches:\n- path: config.yaml\nconfigMapGenerator:\n- name: c\n  files: [config.yaml]\n';
    expect(lintRepository({ 'manager/config.yaml': config, 'manager/kustomization.yaml': kustomization }).skipped[0]).toStrictEqual([
      'manager/config.yaml',
      'a kustomize patch (named in /manager/kustomization.yaml): lint the output of kubectl kustomize',
    ]);
  });
});

describe('a Helm template whose {{ }} line breaks the YAML of its document', () => {
  // Helm's way to add labels from values: a line that is not YAML until rendered. The parser ends the document
  // before that line; the document is a template all the same.
  const role = (line: string) =>
    `---\nkind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\nmetadata:\n  name: reader\n  labels:\n    component: controller\n${line}\nrules: []\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: reader\n`;

  it('fails when the same line holds no template: the file is unreadable where the YAML breaks, as for kubectl', () => {
    const { unreadable, objects } = lintRepository({ 'templates/rbac.yaml': role('    ((- with .Values.commonLabels ))(( toYaml . | nindent 4 ))((- end ))') });
    expect(unreadable).toStrictEqual([['templates/rbac.yaml', 8, 5, expect.stringMatching(/^yaml: /)]]);
    expect(objects).toBe(0);
  });

  it('skips the template document and lints the next document of the file', () => {
    expect(lintRepository({ 'templates/rbac.yaml': role('    {{- with .Values.commonLabels }}{{ toYaml . | nindent 4 }}{{- end }}') })).toStrictEqual({
      findings: [],
      skipped: [['templates/rbac.yaml', 'a template ({{ }}): render it first (helm template, …) and lint the output']],
      unreadable: [],
      objects: 1,
    });
  });
});

describe('a chainsaw test\'s files', () => {
  // An assertion: a partial DaemonSet whose volumes are a JMESPath check, compared with the cluster's state.
  const assertion = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: collector\nspec:\n  template:\n    spec:\n      volumes:\n        (length([?name == 'data']) > `0`): true\n";
  const install = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: collector\ndata: {a: "1"}\n';
  const test = (operation: string) =>
    `apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata:\n  name: collector\nspec:\n  steps:\n  - try:\n    - apply:\n        file: 00-install.yaml\n    - ${operation}:\n        file: 00-assert.yaml\n`;

  it('fails when no chainsaw test names the assertion (and its name is no kuttl assertion\'s): its object is linted as written', () => {
    expect(lintRepository({ 'e2e/collector/00-install.yaml': install, 'e2e/collector/check.yaml': assertion }).findings).toStrictEqual([
      ['e2e/collector/check.yaml', 'workloads/selector-mismatch', 'spec.template.metadata.labels'],
      ['e2e/collector/check.yaml', 'objects/containers-required', 'spec.template.spec.containers'],
      ['e2e/collector/check.yaml', 'fields/type-mismatch', 'spec.template.spec.volumes'],
    ]);
  });

  it.each([
    ['assert', 'assertion'],
    ['error', 'error assertion'],
    ['patch', 'patch'],
    ['delete', 'deletion'],
  ])('skips the file a chainsaw test names in %s, and the test itself, and lints the file it applies', (operation, called) => {
    const { findings, skipped, objects } = lintRepository({
      'e2e/collector/chainsaw-test.yaml': test(operation),
      'e2e/collector/00-install.yaml': install,
      'e2e/collector/00-assert.yaml': assertion,
    });
    expect(findings).toStrictEqual([]);
    expect(objects).toBe(1);
    expect(skipped).toStrictEqual([
      ['e2e/collector/00-assert.yaml', `a chainsaw ${called} (named in /e2e/collector/chainsaw-test.yaml): partial objects chainsaw matches in the cluster, not objects to create`],
      ['e2e/collector/chainsaw-test.yaml', 'a chainsaw test configuration (chainsaw.kyverno.io, kind Test), read by chainsaw, not an API object'],
    ]);
  });

  it('fails when the file a step deletes is also applied by another step: it holds whole objects, and is linted', () => {
    const both = `${test('delete')}  - try:\n    - apply:\n        file: 00-assert.yaml\n`;
    const { findings, skipped } = lintRepository({ 'e2e/collector/chainsaw-test.yaml': both, 'e2e/collector/00-install.yaml': install, 'e2e/collector/00-assert.yaml': assertion });
    expect(findings.map(([file, rule]) => [file, rule])).toContainEqual(['e2e/collector/00-assert.yaml', 'fields/type-mismatch']);
    expect(skipped.map(([file]) => file)).toStrictEqual(['e2e/collector/chainsaw-test.yaml']);
  });
});

describe('a kuttl test step\'s files', () => {
  // An assertion as kuttl tests write it: a partial Pod, with the containers the test expects and the status.
  const assertion = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: sidecar\nspec:\n  containers:\n  - name: app\n  - name: agent\nstatus:\n  phase: Running\n';
  const asWritten = [
    [objectRules.nameRequired.id, 'metadata.name'],
    [objectRules.imageRequired.id, 'spec.containers[0].image'],
    [objectRules.imageRequired.id, 'spec.containers[1].image'],
  ];
  // A step's commands: kuttl's TestStep has no metadata, which no API object may lack.
  const step = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: TestStep\ncommands:\n- script: kubectl label namespace $NAMESPACE injection=enabled\n`;

  it('fails when a step applies the partial object (a file named other than <index>-assert or <index>-errors): it is linted as written', () => {
    const { findings } = lintRepository({ 'e2e/sidecar/02-enable-injection.yaml': assertion });
    expect(findings).toStrictEqual(asWritten.map(([rule, path]) => ['e2e/sidecar/02-enable-injection.yaml', rule, path]));
  });

  it.each([
    ['02-assert.yaml', 'a kuttl or chainsaw test step\'s assertion (<index>-assert.yaml): partial objects the test waits for the cluster to match, not objects to create'],
    ['02-assert-pods.yaml', 'a kuttl or chainsaw test step\'s assertion (<index>-assert.yaml): partial objects the test waits for the cluster to match, not objects to create'],
    ['05-errors.yaml', 'a kuttl or chainsaw test step\'s error assertion (<index>-errors.yaml): partial objects that must not be in the cluster, not objects to create'],
  ])('skips the assertion file %s', (name, reason) => {
    expect(lintRepository({ [`e2e/sidecar/${name}`]: assertion })).toMatchObject({ findings: [], skipped: [[`e2e/sidecar/${name}`, reason]] });
  });

  it('fails when the folder holds a chainsaw test, which names its own files: an <index>-assert.yaml it does not name is linted', () => {
    const test = 'apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata:\n  name: sidecar\nspec:\n  steps:\n  - try:\n    - assert:\n        file: check.yaml\n';
    const { findings } = lintRepository({ 'e2e/sidecar/chainsaw-test.yaml': test, 'e2e/sidecar/02-assert.yaml': assertion });
    expect(findings).toStrictEqual(asWritten.map(([rule, path]) => ['e2e/sidecar/02-assert.yaml', rule, path]));
  });

  it('fails when a custom resource of a TestStep\'s shape has no name', () => {
    expect(lintRepository({ 'e2e/sidecar/02-enable-injection.yaml': step('kuttl.example.com/v1beta1') }).findings).toStrictEqual([
      ['e2e/sidecar/02-enable-injection.yaml', objectRules.nameRequired.id, 'metadata.name'],
    ]);
  });

  it('skips kuttl\'s own TestStep (kuttl.dev), read by kuttl', () => {
    expect(lintRepository({ 'e2e/sidecar/02-enable-injection.yaml': step('kuttl.dev/v1beta1') })).toMatchObject({
      findings: [],
      skipped: [['e2e/sidecar/02-enable-injection.yaml', 'a kuttl test configuration (kuttl.dev, kind TestStep), read by kuttl, not an API object']],
    });
  });
});

describe('an admission review', () => {
  // The body of an admission webhook call, as policy libraries keep them to test their policies on an UPDATE.
  const review = (apiVersion: string) =>
    `kind: AdmissionReview\napiVersion: ${apiVersion}\nrequest:\n  operation: UPDATE\n  object:\n    apiVersion: v1\n    kind: Pod\n    metadata:\n      name: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n`;

  it('fails when a custom resource of that shape has no name', () => {
    expect(lintRepository({ 'samples/update.yaml': review('admission.example.com/v1') }).findings).toStrictEqual([
      ['samples/update.yaml', objectRules.nameRequired.id, 'metadata.name'],
    ]);
  });

  it.each(['admission.k8s.io/v1', 'admission.k8s.io/v1beta1'])('skips an AdmissionReview of %s, which no API server serves as a resource', (apiVersion) => {
    expect(lintRepository({ 'samples/update.yaml': review(apiVersion) })).toMatchObject({
      findings: [],
      skipped: [['samples/update.yaml', 'an admission review (admission.k8s.io, kind AdmissionReview): the body of an admission webhook call, not an API object']],
    });
  });
});
