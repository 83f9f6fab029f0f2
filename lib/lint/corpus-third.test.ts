/**
 * Precision on six more public repositories nobody on this project wrote: the Cluster Autoscaler's examples for
 * every cloud provider (with Pod Security baseline), Rook's example manifests for Ceph and its test fragments,
 * Longhorn's release manifests, prerequisites and examples, the Jaeger operator's kubebuilder configuration, OLM
 * bundle, examples and kuttl end-to-end tests, the OPA Gatekeeper library's policies with their allowed and
 * disallowed samples, and Kyverno's Pod Security policies with their chainsaw tests, whose good and bad pods
 * check the Pod Security rules against a second implementation of the standard. They are read at test time,
 * never copied here. Each corpus is linted once (Kyverno's twice: without and with Pod Security); the test lists
 * exactly the findings judged true, with the reason, the files that are unreadable, and checks what is skipped
 * and why. A new false finding, or a finding that disappears, fails it.
 *
 * "As written" below means: the object of that file, sent to the API server as it stands (`kubectl apply -f`),
 * is refused or broken as the finding says; the tool that uses the file (kustomize, envsubst, a person following
 * the README) may change it first. A directory is linted as one set: references resolve across all its files.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintedCorpus } from '../../test-support/lint-corpus';
import { lintExitCode } from './cli';

/**
 * Why each expected finding is true (Pod Security baseline):
 * - `pod-security/host-path-volumes`: nearly every provider's example mounts the node's CA bundle
 *   (`/etc/ssl/certs/ca-certificates.crt`) as a hostPath volume, which baseline forbids; Azure's MSI and
 *   autodiscovery examples also use the host network.
 * - `yaml/string-expected`: the Alibaba Cloud and Volcengine Secrets write their placeholders as
 *   `[YOUR_BASE64_AK_ID]`, a YAML flow sequence, where `data` needs strings (`json: cannot unmarshal array into Go
 *   struct field Secret.data of type []uint8`).
 * - `secret/key-not-found`: the Alibaba Cloud standard example's Deployment (namespace kube-system) reads
 *   `access-key-id` and `access-key-secret` from Secret `cloud-config`; its own Secret has no namespace (it lands
 *   in `default`), and the one Secret `cloud-config` of kube-system in the set, the RRSA example's, has neither
 *   key. Applied alone, the file's pod finds no Secret at all; either way it does not start.
 * - `objects/name-invalid`, `objects/namespace-invalid`: placeholders meant to be substituted, as written:
 *   envsubst's `${CLUSTER_NAME}`, `${ASO_CREDENTIAL_SECRET_NAME}` and `${AUTOSCALER_NS}`, and the upper-case
 *   `bootstrap-token-YOUR_TOKEN_ID`.
 * - `volumes/mount-not-found`: the Bizfly Cloud Deployment mounts `kubeconfig`, but its volume is named
 *   `ssl-cekubeconfigrts` (`volumeMounts[0].name: Not found: "kubeconfig"`).
 */
const AUTOSCALER = lintedCorpus({ repo: 'kubernetes/autoscaler', folders: ['balancer', 'cluster-autoscaler/cloudprovider', 'vertical-pod-autoscaler/deploy'] }, { pss: 'baseline' });
describe.skipIf(!AUTOSCALER.dir)(AUTOSCALER.title, { timeout: 60_000 }, () => {
  it('reports exactly the findings judged true with Pod Security baseline, and reads every file', () => {
    const { report, findings, unreadable } = AUTOSCALER.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(300);
    const cp = 'cluster-autoscaler/cloudprovider';
    const hostPath = (file: string) => [`${cp}/${file}`, 'pod-security/host-path-volumes', 'spec.template.spec.volumes[0].hostPath'];
    const hostNetwork = (file: string) => [`${cp}/${file}`, 'pod-security/host-namespaces', 'spec.template.spec.hostNetwork'];
    const bracketed = (file: string, ...keys: string[]) => keys.map((key) => [`${cp}/${file}`, 'yaml/string-expected', `data[${key}]`]);
    const named = (file: string, times: number, rule = 'objects/name-invalid', at = 'metadata.name') => Array.from({ length: times }, () => [`${cp}/${file}`, rule, at]);
    const alicloud = 'alicloud/examples/cluster-autoscaler-standard.yaml';
    expect(findings).toStrictEqual([
      ...bracketed('alicloud/examples/cluster-autoscaler-rrsa-standard.yaml', 'oidc-provider-arn', 'oidc-token-file-path', 'role-arn', 'session-name', 'region-id'),
      ...bracketed(alicloud, 'access-key-id', 'access-key-secret', 'region-id'),
      [`${cp}/${alicloud}`, 'secret/key-not-found', 'spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key'],
      [`${cp}/${alicloud}`, 'secret/key-not-found', 'spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.key'],
      hostPath(alicloud),
      hostPath('aws/examples/cluster-autoscaler-autodiscover.yaml'),
      hostPath('aws/examples/cluster-autoscaler-multi-asg.yaml'),
      hostPath('aws/examples/cluster-autoscaler-one-asg.yaml'),
      hostPath('aws/examples/cluster-autoscaler-run-on-control-plane.yaml'),
      hostNetwork('azure/examples/cluster-autoscaler-autodiscover.yaml'),
      hostPath('azure/examples/cluster-autoscaler-autodiscover.yaml'),
      hostPath('azure/examples/cluster-autoscaler-standard-control-plane.yaml'),
      hostNetwork('azure/examples/cluster-autoscaler-standard-msi.yaml'),
      hostPath('azure/examples/cluster-autoscaler-standard-msi.yaml'),
      hostPath('azure/examples/cluster-autoscaler-standard.yaml'),
      hostPath('azure/examples/cluster-autoscaler-vmss-control-plane.yaml'),
      hostNetwork('azure/examples/cluster-autoscaler-vmss-msi.yaml'),
      hostPath('azure/examples/cluster-autoscaler-vmss-msi.yaml'),
      hostPath('azure/examples/cluster-autoscaler-vmss.yaml'),
      ...named('azure/test/templates/cluster-template-prow-aks-aso-cluster-autoscaler.yaml', 10),
      hostPath('baiducloud/examples/cluster-autoscaler-multiple-asgs.yaml'),
      hostPath('baiducloud/examples/cluster-autoscaler-one-asg.yaml'),
      [`${cp}/bizflycloud/manifest/cluster-autoscaler.yaml`, 'volumes/mount-not-found', 'spec.template.spec.containers[0].volumeMounts[0].name'],
      hostPath('bizflycloud/manifest/cluster-autoscaler.yaml'),
      ...named('cherryservers/examples/cluster-autoscaler-secret.yaml', 1),
      ...named('clusterapi/examples/deployment.yaml', 2, 'objects/namespace-invalid', 'metadata.namespace'),
      hostPath('exoscale/examples/cluster-autoscaler-run-on-control-plane.yaml'),
      hostPath('exoscale/examples/cluster-autoscaler.yaml'),
      hostPath('externalgrpc/examples/cluster-autoscaler-manifests/cluster-autoscaler.yaml'),
      hostPath('externalgrpc/examples/external-grpc-cloud-provider-service-manifests/external-grpc-provider.yaml'),
      hostPath('hetzner/examples/cluster-autoscaler-run-on-master.yaml'),
      hostPath('linode/examples/cluster-autoscaler-autodiscover.yaml'),
      hostPath('utho/examples/cluster-autoscaler-deployment.yaml'),
      ...bracketed('volcengine/examples/cluster-autoscaler-secret.yaml', 'access-key', 'secret-key', 'region-id', 'endpoint'),
      hostPath('vultr/examples/cluster-autoscaler-deployment.yaml'),
    ]);
    expect(lintExitCode(report)).toBe(1);
  });

  it('skips skaffold\'s configuration, Helm values, and the vendored code\'s CI files and JSON data', () => {
    const { reasonsOf } = AUTOSCALER.run();
    const cp = 'cluster-autoscaler/cloudprovider';
    expect(reasonsOf(`${cp}/azure/examples/dev/skaffold.yaml`)).toStrictEqual([
      'a tool\'s configuration file (apiVersion skaffold/v4beta9, kind Config): "skaffold" is not a Kubernetes API group, not an API object',
    ]);
    expect(reasonsOf(`${cp}/magnum/examples/values-example.yaml`)).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
    expect(reasonsOf(`${cp}/oci/vendor-internal/github.com/gofrs/flock/.travis.yml`)).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
    expect(reasonsOf(`${cp}/oci/examples/placement-config.json`)).toStrictEqual(['a YAML sequence, not an object']);
    // a GCE API response: a `kind` of Google's, no apiVersion
    expect(reasonsOf(`${cp}/gce/fixtures/diskTypes_list.json`)).toStrictEqual(['not a Kubernetes object: no apiVersion']);
  });
});

/**
 * Why each expected finding is true (Pod Security baseline):
 * - the cleanup Job is a template to copy per node: its name `rook-ceph-cleanup-<node-hostname>` is no DNS
 *   subdomain, and its node selector's value `<node-hostname>` no label value, as written; it is privileged and
 *   mounts host paths, as the toolbox-like direct-mount Deployment does, which also uses the host network.
 * Every other example (the operator, the Ceph clusters, pools, filesystems, object stores, monitoring) passes.
 */
const ROOK = lintedCorpus({ repo: 'rook/rook', folders: ['deploy/examples', 'tests/manifests'] }, { pss: 'baseline' });
describe.skipIf(!ROOK.dir)(ROOK.title, { timeout: 60_000 }, () => {
  it('reports exactly the findings judged true with Pod Security baseline, and reads every file', () => {
    const { report, findings, unreadable } = ROOK.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(350);
    const cleanup = 'deploy/examples/cleanup-job.yaml';
    const mount = 'deploy/examples/direct-mount.yaml';
    expect(findings).toStrictEqual([
      [cleanup, 'objects/name-invalid', 'metadata.name'],
      [cleanup, 'scheduling/label-value-invalid', 'spec.template.spec.nodeSelector'],
      [cleanup, 'pod-security/privileged', 'spec.template.spec.containers[0].securityContext.privileged'],
      [cleanup, 'pod-security/host-path-volumes', 'spec.template.spec.volumes[0].hostPath'],
      [mount, 'pod-security/privileged', 'spec.template.spec.containers[0].securityContext.privileged'],
      [mount, 'pod-security/host-namespaces', 'spec.template.spec.hostNetwork'],
      [mount, 'pod-security/host-path-volumes', 'spec.template.spec.volumes[1].hostPath'],
    ]);
  });

  it('skips the test fragments that are parts of a CephCluster spec, and Grafana\'s dashboards', () => {
    const { reasonsOf } = ROOK.run();
    expect(reasonsOf('tests/manifests/test-fs-mirror-spec.yaml')).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
    expect(reasonsOf('tests/manifests/test-on-pvc-db.yaml')).toStrictEqual(['a YAML sequence, not an object']);
    expect(reasonsOf('deploy/examples/monitoring/grafana/Ceph Cluster Dashboard.json')).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
  });
});

/**
 * Why each expected finding is true (Pod Security baseline):
 * - the CIFS and MinIO backup stores' Secrets are written with `data: {}` (the test harness fills them): as
 *   written, the keys the pods read are not there, and the pods do not start (`couldn't find key CIFS_USERNAME in
 *   Secret default/cifs-secret`); the CIFS and NFS servers are privileged and add SYS_ADMIN and DAC_READ_SEARCH.
 * - the OKD manifest's `oauth-proxy` sidecar has `image: ""` (the chart sets it for OpenShift): `Required value`.
 * - longhorn-manager is privileged and mounts host paths, in the plain and the OKD manifest alike; the
 *   prerequisite installers use the host PID and network namespaces, privileged init containers, SYS_MODULE and
 *   host paths.
 */
const LONGHORN = lintedCorpus({ repo: 'longhorn/longhorn', folders: ['deploy', 'examples', 'uninstall'] }, { pss: 'baseline' });
describe.skipIf(!LONGHORN.dir)(LONGHORN.title, { timeout: 60_000 }, () => {
  it('reports exactly the findings judged true with Pod Security baseline, and reads every file', () => {
    const { report, findings, unreadable } = LONGHORN.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(150);
    const stores = 'deploy/backupstores/base';
    const key = (file: string, at: string) => [`${stores}/${file}`, 'secret/key-not-found', `spec.template.spec.${at}.key`];
    const privileged = (file: string, containers = 'containers') => [file, 'pod-security/privileged', `spec.template.spec.${containers}[0].securityContext.privileged`];
    const capabilities = (file: string) => [file, 'pod-security/capabilities-baseline', 'spec.template.spec.containers[0].securityContext.capabilities.add[0]'];
    const hostPath = (file: string) => [file, 'pod-security/host-path-volumes', 'spec.template.spec.volumes[0].hostPath'];
    const prerequisite = 'deploy/prerequisite';
    expect(findings).toStrictEqual([
      key('cifs/cifs-backupstore.yaml', 'containers[0].env[2].valueFrom.secretKeyRef'),
      key('cifs/cifs-backupstore.yaml', 'containers[0].env[3].valueFrom.secretKeyRef'),
      privileged(`${stores}/cifs/cifs-backupstore.yaml`),
      capabilities(`${stores}/cifs/cifs-backupstore.yaml`),
      key('minio/minio-backupstore.yaml', 'volumes[1].secret.items[0]'),
      key('minio/minio-backupstore.yaml', 'volumes[1].secret.items[1]'),
      key('minio/minio-backupstore.yaml', 'containers[0].env[0].valueFrom.secretKeyRef'),
      key('minio/minio-backupstore.yaml', 'containers[0].env[1].valueFrom.secretKeyRef'),
      privileged(`${stores}/nfs/nfs-backupstore.yaml`),
      capabilities(`${stores}/nfs/nfs-backupstore.yaml`),
      privileged('deploy/longhorn-okd.yaml'),
      hostPath('deploy/longhorn-okd.yaml'),
      ['deploy/longhorn-okd.yaml', 'objects/image-required', 'spec.template.spec.containers[0].image'],
      privileged('deploy/longhorn.yaml'),
      hostPath('deploy/longhorn.yaml'),
      [`${prerequisite}/longhorn-cifs-installation.yaml`, 'pod-security/host-namespaces', 'spec.template.spec.hostNetwork'],
      privileged(`${prerequisite}/longhorn-cifs-installation.yaml`, 'initContainers'),
      hostPath(`${prerequisite}/longhorn-gke-cos-node-agent.yaml`),
      [`${prerequisite}/longhorn-gke-cos-node-agent.yaml`, 'pod-security/host-namespaces', 'spec.template.spec.hostNetwork'],
      capabilities(`${prerequisite}/longhorn-gke-cos-node-agent.yaml`),
      privileged(`${prerequisite}/longhorn-gke-cos-node-agent.yaml`),
      [`${prerequisite}/longhorn-iscsi-selinux-workaround.yaml`, 'pod-security/host-namespaces', 'spec.template.spec.hostPID'],
      privileged(`${prerequisite}/longhorn-iscsi-selinux-workaround.yaml`, 'initContainers'),
    ]);
  });

  it('skips the upgrade responder\'s Helm values', () => {
    expect(LONGHORN.run().reasonsOf('deploy/upgrade_responder_server/chart-values.yaml')).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
  });
});

/**
 * Why each expected finding is true, as written:
 * - config/manager/manager.yaml: `selector: matchLabels:` with nothing under it (kustomize's commonLabels fills
 *   it): `empty selector is invalid for deployment`. manager_config_patch.yaml is named by no kustomization (its
 *   line is commented out), so it is linted as the partial Deployment it is: no selector, a container without image.
 * - the metrics Services (config/rbac and the OLM bundle's copy) target the named port `https`, which the
 *   kube-rbac-proxy sidecar of the bundle's ClusterServiceVersion declares; in the set, the only pods they select
 *   (`name: jaeger-operator` in `default`) are the operator-with-tracing example's, which have no such port.
 * The kuttl tests' steps are kuttl TestSteps and their `NN-assert.yaml`/`NN-errors.yaml` files partial objects
 * (pods without images, Deployments without selectors, matched against the cluster): skipped, not linted; the
 * objects the steps apply pass.
 */
const JAEGER = lintedCorpus({ repo: 'jaegertracing/jaeger-operator', folders: ['bundle', 'config', 'examples', 'tests'] });
describe.skipIf(!JAEGER.dir)(JAEGER.title, { timeout: 60_000 }, () => {
  it('reports exactly the findings judged true, and reads every file', () => {
    const { report, findings, unreadable } = JAEGER.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(80);
    const patch = 'config/default/manager_config_patch.yaml';
    expect(findings).toStrictEqual([
      ['bundle/manifests/jaeger-operator-metrics_v1_service.yaml', 'service/target-port-not-found', 'spec.ports[0].targetPort'],
      [patch, 'deployments/selector-required', 'spec.selector'],
      [patch, 'objects/image-required', 'spec.template.spec.containers[0].image'],
      ['config/manager/manager.yaml', 'deployments/selector-empty', 'spec.selector'],
      ['config/rbac/auth_proxy_service.yaml', 'service/target-port-not-found', 'spec.ports[0].targetPort'],
    ]);
  });

  it('skips kuttl\'s test steps and each step\'s assertion and error files, and lints the objects a step applies', () => {
    const { report, reasonsOf } = JAEGER.run();
    const test = 'tests/e2e/sidecar/sidecar-namespace';
    expect(reasonsOf(`${test}/02-enable-injection.yaml`)).toStrictEqual(['a kuttl test configuration (kuttl.dev, kind TestStep), read by kuttl, not an API object']);
    expect(reasonsOf(`${test}/02-assert.yaml`)).toStrictEqual([
      'a kuttl or chainsaw test step\'s assertion (<index>-assert.yaml): partial objects the test waits for the cluster to match, not objects to create',
    ]);
    expect(reasonsOf(`${test}/05-errors.yaml`)).toStrictEqual([
      'a kuttl or chainsaw test step\'s error assertion (<index>-errors.yaml): partial objects that must not be in the cluster, not objects to create',
    ]);
    expect(reasonsOf(`${test}/00-install.yaml`)).toStrictEqual([]);
    expect(report.findings.filter((f) => f.file.includes(`${path.sep}tests${path.sep}`))).toStrictEqual([]);
  });
});

/**
 * Why each expected finding is true, as written (the samples are evaluated by gator, offline; sent to the API
 * server, these are refused):
 * - the "disallowed_all" and ephemeral samples set `ephemeralContainers` on a new Pod (`Forbidden: cannot be set
 *   on create`), some with no regular container (`spec.containers: Required value`), and reuse a container's name
 *   for an init or ephemeral container (`Duplicate value`).
 * - an init container with a lifecycle hook or a liveness probe and no `restartPolicy: Always`; Windows
 *   HostProcess containers without `hostNetwork: true`, and mixed with containers that are not HostProcess.
 * `procMount: null` (example_allowed_missing.yaml) is decoded as unset by the API server (then defaulted to
 * `Default`), and read so: no finding. Every file is read, also the HTTPS-only template, whose description continues a
 * double-quoted scalar at its key's own indentation (line 34), as go-yaml reads it.
 */
const GATEKEEPER = lintedCorpus({ repo: 'open-policy-agent/gatekeeper-library', folders: ['library'] });
describe.skipIf(!GATEKEEPER.dir)(GATEKEEPER.title, { timeout: 60_000 }, () => {
  it('reports exactly the findings judged true, and reads every file', () => {
    const { report, findings, unreadable } = GATEKEEPER.run();
    expect(unreadable).toStrictEqual([]);
    expect(report.objects).toBeGreaterThan(400);
    const general = 'library/general';
    const psp = 'library/pod-security-policy';
    const duplicate = (file: string, ...lists: string[]) => lists.map((list) => [`${general}/${file}`, 'objects/container-name-duplicate', `spec.${list}[0].name`]);
    const ephemeral = (file: string) => [file, 'pod/ephemeral-containers-forbidden', 'spec.ephemeralContainers'];
    const ephemeralOnly = (dir: string, file = 'disallowed_ephemeral.yaml') => [
      [`${psp}/${dir}/${file}`, 'objects/containers-required', 'spec.containers'],
      ephemeral(`${psp}/${dir}/${file}`),
    ];
    const all = (dir: string) => `${general}/${dir}/disallowed_all.yaml`;
    expect(findings).toStrictEqual([
      duplicate('allowedrepos/samples/repo-must-be-openpolicyagent/disallowed_all.yaml', 'initContainers')[0],
      ephemeral(all('allowedrepos/samples/repo-must-be-openpolicyagent')),
      duplicate('allowedrepos/samples/repo-must-be-openpolicyagent/disallowed_all.yaml', 'ephemeralContainers')[0],
      duplicate('allowedreposv2/samples/repo-must-be-openpolicyagent/disallowed_all.yaml', 'initContainers')[0],
      ephemeral(all('allowedreposv2/samples/repo-must-be-openpolicyagent')),
      duplicate('allowedreposv2/samples/repo-must-be-openpolicyagent/disallowed_all.yaml', 'ephemeralContainers')[0],
      duplicate('disallowedrepos/samples/repo-must-not-be-k8s-gcr-io/disallowed_all.yaml', 'initContainers')[0],
      ephemeral(all('disallowedrepos/samples/repo-must-not-be-k8s-gcr-io')),
      duplicate('disallowedrepos/samples/repo-must-not-be-k8s-gcr-io/disallowed_all.yaml', 'ephemeralContainers')[0],
      ephemeral(`${general}/disallowedtags/samples/container-image-must-not-have-latest-tag/disallowed_tag_ephemeral.yaml`),
      ...duplicate('disallowedtags/samples/container-image-must-not-have-latest-tag/disallowed_tag_ephemeral.yaml', 'ephemeralContainers'),
      ephemeral(all('imagedigests/samples/container-image-must-have-digest')),
      ...duplicate('imagedigests/samples/container-image-must-have-digest/disallowed_all.yaml', 'ephemeralContainers'),
      ...ephemeralOnly('allow-privilege-escalation/samples/psp-allow-privilege-escalation-container'),
      ...ephemeralOnly('apparmor/samples/psp-apparmor'),
      ...ephemeralOnly('capabilities/samples/psp-capabilities-baseline'),
      ...ephemeralOnly('capabilities/samples/psp-capabilities-restricted'),
      ...ephemeralOnly('host-filesystem/samples/psp-host-filesystem'),
      ...ephemeralOnly('host-network-ports/samples/psp-host-network-ports'),
      ephemeral(`${psp}/host-probes-lifecycle/samples/psp-host-probes-lifecycle/disallowed_ephemeral_lifecycle.yaml`),
      ephemeral(`${psp}/host-probes-lifecycle/samples/psp-host-probes-lifecycle/disallowed_ephemeral_probe.yaml`),
      [`${psp}/host-probes-lifecycle/samples/psp-host-probes-lifecycle/disallowed_init_lifecycle.yaml`, 'init-containers/field-forbidden', 'spec.initContainers[0].lifecycle'],
      [`${psp}/host-probes-lifecycle/samples/psp-host-probes-lifecycle/disallowed_init_probe.yaml`, 'init-containers/field-forbidden', 'spec.initContainers[0].livenessProbe'],
      ...ephemeralOnly('host-process/samples/psp-host-process'),
      [`${psp}/host-process/samples/psp-host-process/disallowed_init.yaml`, 'security-context/host-process-all-or-none', 'spec'],
      [`${psp}/host-process/samples/psp-host-process/disallowed_init.yaml`, 'security-context/host-process-needs-host-network', 'spec.hostNetwork'],
      [`${psp}/host-process/samples/psp-host-process/example_disallowed_container_level.yaml`, 'security-context/host-process-needs-host-network', 'spec.hostNetwork'],
      ...ephemeralOnly('privileged-containers/samples/psp-privileged-container'),
      ...ephemeralOnly('proc-mount/samples/psp-proc-mount'),
      ...ephemeralOnly('read-only-root-filesystem/samples/psp-readonlyrootfilesystem'),
      ...ephemeralOnly('seccomp/samples/psp-seccomp'),
      ...ephemeralOnly('seccompv2/samples/psp-seccomp-baseline', 'allowed_ephemeral.yaml'),
      ...ephemeralOnly('seccompv2/samples/psp-seccomp-restricted'),
      ...ephemeralOnly('selinux/samples/psp-selinux-v2'),
      ...ephemeralOnly('users/samples/psp-pods-allowed-user-ranges'),
    ]);
    expect(lintExitCode(report)).toBe(1);
  });

  it('skips the admission reviews the UPDATE samples are written as', () => {
    expect(GATEKEEPER.run().reasonsOf('library/pod-security-policy/volumes/samples/psp-volume-types/update.yaml')).toStrictEqual([
      'an admission review (admission.k8s.io, kind AdmissionReview): the body of an admission webhook call, not an API object',
    ]);
  });
});

/**
 * Kyverno's baseline Pod Security policies, each with chainsaw tests that create good and bad pods and pod
 * controllers, and kyverno CLI test resources. Why each expected finding is true, as written:
 * - `security-context/capability-cap-prefix` (a warning): capabilities spelled `CAP_NET_RAW`, `CAP_SYS_ADMIN`,
 *   `CAP_SETPCAP`: containerd prefixes `CAP_` itself, so the container does not get the capability it names.
 * - the bad host port pod's init container declares a `hostPort` without `containerPort` (`Required value`).
 * - the bad HostProcess pods and controllers: HostProcess containers without `hostNetwork: true`, next to
 *   containers that are not HostProcess.
 * - the bad procMount controllers and kyverno CLI resources set `procMount: Unmasked` without `hostUsers: false`
 *   (`hostUsers` must be false to use `Unmasked`); the chainsaw test's bad pods set `hostUsers: false`, and are
 *   valid.
 */
const KYVERNO = lintedCorpus({ repo: 'kyverno/policies', folders: ['pod-security/baseline'] });
describe.skipIf(!KYVERNO.dir)(KYVERNO.title, { timeout: 60_000 }, () => {
  const base = 'pod-security/baseline';
  it('reports exactly the findings judged true, and reads every file', () => {
    const { report, findings, unreadable } = KYVERNO.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(1000);
    const chainsaw = (dir: string, file: string) => `${base}/${dir}/.chainsaw-test/${file}`;
    const cap = (file: string, at: string, i: number) => [chainsaw('disallow-capabilities', file), 'security-context/capability-cap-prefix', `spec.${at}.securityContext.capabilities.add[${i}]`];
    const allOrNone = (file: string, at: string) => [chainsaw('disallow-host-process', file), 'security-context/host-process-all-or-none', at];
    const hostNetwork = (file: string, at: string) => [chainsaw('disallow-host-process', file), 'security-context/host-process-needs-host-network', `${at}.hostNetwork`];
    const unmasked = (file: string, ...containers: string[]) =>
      containers.map((c) => [file, 'security-context/proc-mount-unmasked-needs-user-namespace', `spec.${c}.securityContext.procMount`]);
    // the same six containers in a Pod, a Deployment and a CronJob
    const six = (at: string) => [`${at}containers[0]`, `${at}containers[1]`, `${at}initContainers[0]`, `${at}initContainers[1]`, `${at}initContainers[1]`, `${at}containers[0]`];
    const controllers = chainsaw('disallow-proc-mount', 'podcontroller-bad.yaml');
    const resources = `${base}/disallow-proc-mount/.kyverno-test/resource.yaml`;
    expect(findings).toStrictEqual([
      cap('pod-bad.yaml', 'initContainers[0]', 1),
      cap('pod-bad.yaml', 'containers[0]', 2),
      cap('pod-bad.yaml', 'containers[0]', 1),
      cap('pod-bad.yaml', 'containers[0]', 0),
      cap('pod-bad.yaml', 'containers[0]', 1),
      cap('podcontroller-bad.yaml', 'template.spec.containers[1]', 1),
      cap('podcontroller-bad.yaml', 'jobTemplate.spec.template.spec.containers[0]', 1),
      [chainsaw('disallow-host-ports', 'pod-bad.yaml'), 'ports/container-port-required', 'spec.initContainers[0].ports[0].containerPort'],
      allOrNone('pod-bad.yaml', 'spec'),
      hostNetwork('pod-bad.yaml', 'spec'),
      hostNetwork('pod-bad.yaml', 'spec'),
      allOrNone('pod-bad.yaml', 'spec'),
      hostNetwork('pod-bad.yaml', 'spec'),
      allOrNone('podcontroller-bad.yaml', 'spec.template.spec'),
      hostNetwork('podcontroller-bad.yaml', 'spec.template.spec'),
      allOrNone('podcontroller-bad.yaml', 'spec.jobTemplate.spec.template.spec'),
      hostNetwork('podcontroller-bad.yaml', 'spec.jobTemplate.spec.template.spec'),
      ...unmasked(controllers, ...six('template.spec.'), ...six('jobTemplate.spec.template.spec.')),
      ...unmasked(resources, ...six(''), ...six('template.spec.'), ...six('jobTemplate.spec.template.spec.')),
    ]);
  });

  it('skips the chainsaw tests, their assertions, and Artifact Hub\'s metadata', () => {
    const { reasonsOf } = KYVERNO.run();
    const test = `${base}/disallow-host-path/.chainsaw-test`;
    expect(reasonsOf(`${test}/chainsaw-test.yaml`)).toStrictEqual(['a chainsaw test configuration (chainsaw.kyverno.io, kind Test), read by chainsaw, not an API object']);
    expect(reasonsOf(`${test}/chainsaw-step-01-assert-1.yaml`)).toStrictEqual([
      `a chainsaw assertion (named in ${path.join(KYVERNO.dir!, test, 'chainsaw-test.yaml')}): partial objects chainsaw matches in the cluster, not objects to create`,
    ]);
    expect(reasonsOf(`${base}/disallow-host-path/artifacthub-pkg.yml`)).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
  });
});

/**
 * The same tests with Pod Security baseline: each policy's bad pods, controllers and kyverno CLI resources are
 * refused by the standard's check of the same name (one finding per pod and check), and the good ones pass, except
 * where the standard is stricter or newer than the policy, which is true each time:
 * - the host port range policy lets ports 5000-6000 through; baseline forbids every host port.
 * - the HostProcess policy's good pods and controllers use the host network, which baseline forbids.
 * - the bad procMount pods run in a user namespace (`hostUsers: false`), where baseline allows `Unmasked` since
 *   1.35: no finding; the bad SELinux pods whose only types are `container_init_t`, `container_kvm_t` and
 *   `container_engine_t` (allowed since 1.31): no finding.
 */
const KYVERNO_PSS = lintedCorpus({ repo: 'kyverno/policies', folders: ['pod-security/baseline'] }, { pss: 'baseline' });
describe.skipIf(!KYVERNO_PSS.dir)(`${KYVERNO_PSS.title}, with Pod Security baseline`, { timeout: 60_000 }, () => {
  const base = 'pod-security/baseline';
  it('reports the check of each policy on its bad pods, and on its good pods only where the standard is stricter than the policy', () => {
    const { findings } = KYVERNO_PSS.run();
    // per test file (`<policy> <file>`, `kyverno` for the CLI test's resources): how many findings of each check
    const counts: Record<string, Record<string, number>> = {};
    for (const [file, rule] of findings) {
      if (!rule!.startsWith('pod-security/')) continue;
      const key = file!.slice(base.length + 1).replace('/.chainsaw-test/', ' ').replace('/.kyverno-test/', ' kyverno ');
      const check = rule!.slice('pod-security/'.length);
      (counts[key] ??= {})[check] = (counts[key]![check] ?? 0) + 1;
    }
    expect(counts).toStrictEqual({
      'disallow-capabilities pod-bad.yaml': { 'capabilities-baseline': 10 },
      'disallow-capabilities podcontroller-bad.yaml': { 'capabilities-baseline': 14 },
      'disallow-capabilities kyverno resource.yaml': { 'capabilities-baseline': 18 },
      'disallow-host-namespaces pod-bad.yaml': { 'host-namespaces': 8 },
      'disallow-host-namespaces podcontroller-bad.yaml': { 'host-namespaces': 10 },
      'disallow-host-namespaces kyverno resource.yaml': { 'host-namespaces': 12 },
      'disallow-host-path pod-bad.yaml': { 'host-path-volumes': 5 },
      'disallow-host-path podcontroller-bad.yaml': { 'host-path-volumes': 6 },
      'disallow-host-path kyverno resource.yaml': { 'host-path-volumes': 6 },
      'disallow-host-ports pod-bad.yaml': { 'host-ports': 13 },
      'disallow-host-ports podcontroller-bad.yaml': { 'host-ports': 22 },
      'disallow-host-ports kyverno resource.yaml': { 'host-ports': 30 },
      'disallow-host-ports-range pod-bad.yaml': { 'host-ports': 13 },
      'disallow-host-ports-range pod-good.yaml': { 'host-ports': 9 },
      'disallow-host-ports-range podcontroller-bad.yaml': { 'host-ports': 22 },
      'disallow-host-ports-range podcontroller-good.yaml': { 'host-ports': 16 },
      'disallow-host-ports-range kyverno resource.yaml': { 'host-ports': 51 },
      'disallow-host-process pod-bad.yaml': { 'windows-host-process': 8, 'host-namespaces': 5 },
      'disallow-host-process pod-good.yaml': { 'host-namespaces': 6 },
      'disallow-host-process podcontroller-bad.yaml': { 'windows-host-process': 12, 'host-namespaces': 10 },
      'disallow-host-process podcontroller-good.yaml': { 'host-namespaces': 12 },
      'disallow-host-process kyverno resource.yaml': { 'host-namespaces': 33, 'windows-host-process': 15 },
      'disallow-privileged-containers pod-bad.yaml': { privileged: 9 },
      'disallow-privileged-containers podcontroller-bad.yaml': { privileged: 12 },
      'disallow-privileged-containers kyverno resource.yaml': { privileged: 15 },
      'disallow-proc-mount podcontroller-bad.yaml': { 'proc-mount-baseline': 10 },
      'disallow-proc-mount kyverno resource.yaml': { 'proc-mount-baseline': 15 },
      'disallow-selinux pod-bad.yaml': { 'selinux-options': 27 },
      'disallow-selinux podcontroller-bad.yaml': { 'selinux-options': 50 },
      'disallow-selinux kyverno resource.yaml': { 'selinux-options': 72 },
      'restrict-apparmor-profiles pod-bad.yaml': { 'apparmor-profile': 3 },
      'restrict-apparmor-profiles podcontroller-bad.yaml': { 'apparmor-profile': 4 },
      'restrict-apparmor-profiles kyverno resource.yaml': { 'apparmor-profile': 3 },
      'restrict-seccomp pod-bad.yaml': { 'seccomp-profile-baseline': 10 },
      'restrict-seccomp podcontroller-bad.yaml': { 'seccomp-profile-baseline': 16 },
      'restrict-seccomp kyverno resource.yaml': { 'seccomp-profile-baseline': 21 },
      'restrict-sysctls pod-bad.yaml': { sysctls: 6 },
      'restrict-sysctls podcontroller-bad.yaml': { sysctls: 6 },
      'restrict-sysctls kyverno resource.yaml': { sysctls: 6 },
    });
    const goodHostProcess = `${base}/disallow-host-process/.chainsaw-test/pod-good.yaml`;
    expect(findings.filter(([file]) => file === goodHostProcess)).toStrictEqual(Array.from({ length: 6 }, () => [goodHostProcess, 'pod-security/host-namespaces', 'spec.hostNetwork']));
  });
});
