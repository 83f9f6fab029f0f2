/**
 * Precision on real repositories nobody on this project wrote: `podkit lint` over the whole of
 * kubernetes/examples and GoogleCloudPlatform/microservices-demo (read at test time, never copied here) reports
 * exactly the findings judged true, reads every file, and skips what is not a Kubernetes object with a reason.
 * A new false finding, or a finding that disappears, fails this test.
 *
 * Why each expected finding is true:
 * - `yaml/duplicate-key` (warning): the file really writes the key twice in one mapping (`selector` in the
 *   openshift-origin Deployments, `type` in the quobyte Secret, `storageClassName` in the scaleio claim); kubectl
 *   keeps the last one without a word.
 * - `ports/protocol-unsupported`: `protocol: tcp`; the API server accepts only "SCTP", "TCP" and "UDP"
 *   (`Unsupported value: "tcp"`), so these Pods are rejected as written.
 * - `workloads/selector-required`: the sysdig ReplicationController has neither a selector nor template labels to
 *   default it from, so the API server answers `spec.selector: Required value`.
 * - `fields/unknown`: `rbd.imageformat`, `rbd.imagefeatures` and `storageos.pool` are StorageClass parameters, not
 *   fields of a pod's volume source; `scaleIO.protectionDoamin` is a misspelling of `protectionDomain`. kubectl's strict field
 *   validation rejects each.
 * - `fields/type-mismatch`: `fc.lun` is an int32 and the file writes the placeholder text `<ADD LUN ID Here>`.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusMissing, locateCorpus } from '../../test-support/corpora';
import { lintExitCode, lintInputs, listInputs } from './cli';
import { LintSession } from './lint';

const NO_STDIN = { stdout: () => {}, stderr: () => {}, stdin: () => '' };

function lintCorpus(dir: string) {
  const report = lintInputs(listInputs([dir], NO_STDIN), new LintSession());
  const rel = (file: string) => path.relative(dir, file).split(path.sep).join('/');
  return {
    report,
    findings: report.findings.map((f) => [rel(f.file), f.violation.rule, f.violation.path]),
    skipped: report.skipped.map((s) => [rel(s.file), s.reason]),
  };
}

const EXAMPLES = locateCorpus({ repo: 'kubernetes/examples' });
describe.skipIf(!EXAMPLES)(`lint kubernetes/examples${EXAMPLES ? '' : ` (${corpusMissing('kubernetes/examples')})`}`, { timeout: 120_000 }, () => {
  const run = () => lintCorpus(EXAMPLES!);

  it('reports exactly the findings judged true, and reads every file', () => {
    const { report, findings } = run();
    expect(report.unreadable.map((e) => e.message)).toEqual([]);
    expect(report.objects).toBeGreaterThan(250);
    expect(findings).toStrictEqual([
      ['_archived/openshift-origin/etcd-controller.yaml', 'yaml/duplicate-key', 'spec.selector'],
      ['_archived/openshift-origin/etcd-discovery-controller.yaml', 'yaml/duplicate-key', 'spec.selector'],
      ['_archived/openshift-origin/openshift-controller.yaml', 'yaml/duplicate-key', 'spec.selector'],
      ['_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml', 'yaml/duplicate-key', 'type'],
      ['_archived/sysdig-cloud/sysdig-rc.yaml', 'workloads/selector-required', 'spec.selector'],
      ['_archived/volumes/aws_ebs/aws-ebs-web.yaml', 'ports/protocol-unsupported', 'spec.containers[0].ports[0].protocol'],
      ['_archived/volumes/cinder/cinder-web.yaml', 'ports/protocol-unsupported', 'spec.containers[0].ports[0].protocol'],
      ['_archived/volumes/fibre_channel/fc.yaml', 'fields/type-mismatch', 'spec.volumes[0].fc.lun'],
      ['_archived/volumes/rbd/rbd.yaml', 'fields/unknown', 'spec.volumes[0].rbd.imageformat'],
      ['_archived/volumes/rbd/rbd.yaml', 'fields/unknown', 'spec.volumes[0].rbd.imagefeatures'],
      ['_archived/volumes/scaleio/pod.yaml', 'fields/unknown', 'spec.volumes[0].scaleIO.protectionDoamin'],
      ['_archived/volumes/scaleio/sc-pvc.yaml', 'yaml/duplicate-key', 'spec.storageClassName'],
      ['_archived/volumes/storageos/storageos-pod.yaml', 'fields/unknown', 'spec.volumes[0].storageos.pool'],
    ]);
    expect(lintExitCode(report)).toBe(1);
  });

  it('skips templates, scheduler policy files and configuration without kind, each with its reason', () => {
    const { skipped } = run();
    expect(skipped).toContainEqual(['_archived/storage/vitess/vttablet-pod-template.yaml', expect.stringMatching(/^a template \(\{\{ \}\}\)/)]);
    expect(skipped).toContainEqual(['_archived/scheduler-policy/scheduler-policy-config.json', 'a kube-scheduler policy file (apiVersion v1, kind Policy)']);
    expect(skipped).toContainEqual(['databases/cassandra/image/files/cassandra.yaml', 'not a Kubernetes object: no apiVersion and kind']);
  });
});

const DEMO = locateCorpus({ repo: 'GoogleCloudPlatform/microservices-demo' });
describe.skipIf(!DEMO)(`lint GoogleCloudPlatform/microservices-demo${DEMO ? '' : ` (${corpusMissing('GoogleCloudPlatform/microservices-demo')})`}`, { timeout: 120_000 }, () => {
  it('reports no finding at all, reads every file, and exits 0', () => {
    const { report, findings } = lintCorpus(DEMO!);
    expect(report.unreadable.map((e) => e.message)).toEqual([]);
    expect(report.objects).toBeGreaterThan(100);
    expect(findings).toStrictEqual([]);
    expect(lintExitCode(report)).toBe(0);
  });

  it('skips the kustomizations, the kustomize patch, the Helm chart, values and templates, and the workflows, each with its reason', () => {
    const { skipped } = lintCorpus(DEMO!);
    const reasonOf = (file: string) => skipped.filter(([f]) => f === file).map(([, r]) => r);
    expect(reasonOf('kustomize/base/kustomization.yaml')).toStrictEqual(['a kustomize configuration (kustomization.yaml): lint the output of kubectl kustomize']);
    expect(reasonOf('kustomize/components/without-loadgenerator/delete-loadgenerator.patch.yaml')).toStrictEqual([
      `a kustomize patch (named in ${path.join(DEMO!, 'kustomize/components/without-loadgenerator/kustomization.yaml')}): lint the output of kubectl kustomize`,
    ]);
    expect(reasonOf('helm-chart/Chart.yaml')).toStrictEqual(['Helm chart metadata (Chart.yaml)']);
    expect(reasonOf('helm-chart/values.yaml')).toStrictEqual(['Helm values: no apiVersion and kind']);
    expect(new Set(reasonOf('helm-chart/templates/frontend.yaml'))).toStrictEqual(new Set(['a template ({{ }}): render it first (helm template, …) and lint the output']));
    expect(reasonOf('.github/workflows/ci-main.yaml')).toStrictEqual(['a GitHub Actions workflow: no apiVersion and kind']);
  });
});
