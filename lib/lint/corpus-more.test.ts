/**
 * Precision on seven more public repositories nobody on this project wrote: ingress-nginx's static deployments and
 * documented examples, Knative Serving's and Tekton Pipelines' release configuration and test manifests (with Pod
 * Security `restricted`: their controllers are hardened, their test fixtures are not), cert-manager's
 * CustomResourceDefinitions and end-to-end test addons, Kubeflow's kustomize bases and kubebuilder scaffolds,
 * Linkerd's proxy injector test data (inputs and injected goldens, with Pod Security baseline) and Helm charts, and
 * the OpenTelemetry operator's chainsaw end-to-end tests (applied files linted, assertions skipped). They are read
 * at test time, never copied here. Each corpus is linted once; the test lists exactly the findings judged true, with
 * the reason, and checks that the files of tools and the data a kustomization packs are skipped, with theirs. A new
 * false finding, or a finding that disappears, fails it.
 *
 * "As written" below means: the object of that file, sent to the API server as it stands (`kubectl apply -f`),
 * is refused or broken as the finding says; `kubectl kustomize` of the kustomization that uses it produces an
 * object without the finding (selectors from commonLabels, namespaces, patches applied). Render first to lint
 * what is applied.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintedCorpus } from '../../test-support/lint-corpus';
import { lintExitCode } from './cli';

/**
 * Why each expected finding is true:
 * - grafana and prometheus Deployments have no `spec.selector`: `spec.selector: Required value` as written (their
 *   kustomization's commonLabels adds one).
 * - the kind provider's controller and the static-ip example's controller set `hostPort` 80 and 443: Pod Security
 *   baseline forbids host ports (`hostPort (container "controller" uses hostPorts 443, 80)`).
 * - the vouch-proxy example sets an env value to the unquoted YAML boolean `true`: `json: cannot unmarshal bool into
 *   Go struct field EnvVar…value of type string`.
 */
const INGRESS_NGINX = lintedCorpus({ repo: 'kubernetes/ingress-nginx', folders: ['deploy', 'docs/examples'] }, { pss: 'baseline' });
describe.skipIf(!INGRESS_NGINX.dir)(INGRESS_NGINX.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true with Pod Security baseline, and reads every file', () => {
    const { report, findings, unreadable } = INGRESS_NGINX.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(200);
    expect(findings).toStrictEqual([
      ['deploy/grafana/deployment.yaml', 'deployments/selector-required', 'spec.selector'],
      ['deploy/prometheus/deployment.yaml', 'deployments/selector-required', 'spec.selector'],
      ['deploy/static/provider/kind/deploy.yaml', 'pod-security/host-ports', 'spec.template.spec.containers[0].ports[0].hostPort'],
      ['docs/examples/auth/oauth-external-auth/vouch-proxy.yaml', 'yaml/string-expected', 'spec.template.spec.containers[0].env[0].value'],
      ['docs/examples/static-ip/nginx-ingress-controller.yaml', 'pod-security/host-ports', 'spec.template.spec.containers[0].ports[0].hostPort'],
    ]);
    expect(lintExitCode(report)).toBe(1);
  });

  it('skips the Prometheus configuration a configMapGenerator packs, which has no apiVersion and kind either', () => {
    expect(INGRESS_NGINX.run().reasonsOf('deploy/prometheus/prometheus.yaml')).toStrictEqual([
      `data of a kustomize configMapGenerator (named in ${path.join(INGRESS_NGINX.dir!, 'deploy/prometheus/kustomization.yaml')}), not an object: lint the output of kubectl kustomize`,
    ]);
  });
});

/**
 * Why each expected finding is true (Pod Security restricted; the release configuration in config/ passes it):
 * - chaosduck sets only `allowPrivilegeEscalation: false`: it lacks runAsNonRoot, a seccomp profile and
 *   `capabilities.drop: ["ALL"]`.
 * - the dataplane-probe benchmark's Deployment sets no securityContext at all: all four restricted checks fail.
 */
const KNATIVE_SERVING = lintedCorpus({ repo: 'knative/serving', folders: ['config', 'test'] }, { pss: 'restricted' });
describe.skipIf(!KNATIVE_SERVING.dir)(KNATIVE_SERVING.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true with Pod Security restricted, and reads every file', () => {
    const { report, findings, unreadable } = KNATIVE_SERVING.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(150);
    const chaosduck = 'test/config/chaosduck/chaosduck.yaml';
    const probe = 'test/performance/benchmarks/dataplane-probe/dataplane-probe-setup.yaml';
    expect(findings).toStrictEqual([
      [chaosduck, 'pod-security/run-as-non-root', 'spec.template.spec.securityContext.runAsNonRoot'],
      [chaosduck, 'pod-security/seccomp-profile-restricted', 'spec.template.spec.securityContext.seccompProfile'],
      [chaosduck, 'pod-security/capabilities-restricted', 'spec.template.spec.containers[0].securityContext.capabilities.drop'],
      [probe, 'pod-security/run-as-non-root', 'spec.template.spec.securityContext.runAsNonRoot'],
      [probe, 'pod-security/seccomp-profile-restricted', 'spec.template.spec.securityContext.seccompProfile'],
      [probe, 'pod-security/allow-privilege-escalation', 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation'],
      [probe, 'pod-security/capabilities-restricted', 'spec.template.spec.containers[0].securityContext.capabilities.drop'],
    ]);
  });

  it('skips kapp\'s rebase configurations, which kapp reads from its input and never applies', () => {
    expect(KNATIVE_SERVING.run().reasonsOf('test/config/ytt/core/kapp-rebase-activator-replicas.yaml')).toStrictEqual([
      'a kapp configuration (kapp.k14s.io, kind Config), read by kapp from its input and never applied, not an API object',
    ]);
  });
});

/**
 * Why each expected finding is true (Pod Security restricted; the release configuration in config/ passes it, and
 * the Tekton custom resources of examples/, whose steps and pod templates are not pod specs, report nothing):
 * - the wait-task controller, gitea's memcached and postgresql StatefulSets and gitea's Deployment (its first
 *   init container `securityContext: {}`), and spire-server set none of the restricted fields they fail.
 * - resolver_with_timeout drops `all` in lower case: Pod Security compares with "ALL" exactly, so the container
 *   does not drop all capabilities; it also sets no seccomp profile.
 * - spire-agent uses hostNetwork and hostPID, a privileged CSI driver container, and hostPath volumes (the first,
 *   volumes[3], is where the finding points; restricted reports them as restricted volume types).
 */
const TEKTON = lintedCorpus({ repo: 'tektoncd/pipeline', folders: ['config', 'examples', 'test'] }, { pss: 'restricted' });
describe.skipIf(!TEKTON.dir)(TEKTON.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true with Pod Security restricted, and reads every file', () => {
    const { report, findings, unreadable } = TEKTON.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(400);
    const restricted4 = (file: string, containers = 'containers') => [
      [file, 'pod-security/run-as-non-root', 'spec.template.spec.securityContext.runAsNonRoot'],
      [file, 'pod-security/seccomp-profile-restricted', 'spec.template.spec.securityContext.seccompProfile'],
      [file, 'pod-security/allow-privilege-escalation', `spec.template.spec.${containers}[0].securityContext.allowPrivilegeEscalation`],
      [file, 'pod-security/capabilities-restricted', `spec.template.spec.${containers}[0].securityContext.capabilities.drop`],
    ];
    const agent = 'test/testdata/spire/spire-agent.yaml';
    expect(findings).toStrictEqual([
      ...restricted4('test/custom-task-ctrls/wait-task-beta/config/controller.yaml'),
      ...restricted4('test/git-resolver/gitea.yaml'),
      ...restricted4('test/git-resolver/gitea.yaml'),
      ...restricted4('test/git-resolver/gitea.yaml', 'initContainers'),
      ['test/resolver-with-timeout/config/resolver_with_timeout_deployment.yaml', 'pod-security/seccomp-profile-restricted', 'spec.template.spec.securityContext.seccompProfile'],
      ['test/resolver-with-timeout/config/resolver_with_timeout_deployment.yaml', 'pod-security/capabilities-restricted', 'spec.template.spec.containers[0].securityContext.capabilities.drop'],
      [agent, 'pod-security/run-as-non-root', 'spec.template.spec.securityContext.runAsNonRoot'],
      [agent, 'pod-security/seccomp-profile-restricted', 'spec.template.spec.securityContext.seccompProfile'],
      [agent, 'pod-security/host-namespaces', 'spec.template.spec.hostNetwork'],
      [agent, 'pod-security/allow-privilege-escalation', 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation'],
      [agent, 'pod-security/capabilities-restricted', 'spec.template.spec.containers[0].securityContext.capabilities.drop'],
      [agent, 'pod-security/privileged', 'spec.template.spec.containers[1].securityContext.privileged'],
      [agent, 'pod-security/restricted-volumes', 'spec.template.spec.volumes[3].hostPath'],
      ...restricted4('test/testdata/spire/spire-server.yaml'),
    ]);
  });
});

/**
 * No finding: the CustomResourceDefinitions (1 MB) and the end-to-end addons pass.
 * The one unreadable file is a template for sed (`clusterIP: {SERVICE_IP_PREFIX}.16`): kubectl cannot parse it
 * either (`yaml: line 10: did not find expected key`).
 */
const CERT_MANAGER = lintedCorpus({ repo: 'cert-manager/cert-manager', folders: ['deploy/crds', 'make/config', 'test/fixtures'] });
describe.skipIf(!CERT_MANAGER.dir)(CERT_MANAGER.title, { timeout: 120_000 }, () => {
  it('reports no finding; only a file kubectl cannot parse either is unreadable', () => {
    const { report, findings, unreadable } = CERT_MANAGER.run();
    expect(unreadable).toStrictEqual([['make/config/bind/service.yaml', 11, expect.stringMatching(/^yaml: /)]]);
    expect(report.objects).toBeGreaterThan(30);
    expect(findings).toStrictEqual([]);
    expect(lintExitCode(report)).toBe(2);
  });

  it('skips kind\'s cluster configuration', () => {
    expect(CERT_MANAGER.run().reasonsOf('make/config/kind/cluster.yaml')).toStrictEqual([
      'a kind cluster configuration (kind.x-k8s.io, kind Cluster), read by kind create cluster, not an API object',
    ]);
  });
});

/**
 * Why each expected finding is true, as written (`kubectl kustomize` of each application's base gives none):
 * - `deployments/selector-required`: Deployments whose selector the kustomization's commonLabels adds, and
 *   kubebuilder's patch files, which are partial Deployments; `objects/image-required` and
 *   `objects/containers-required`: those patch files' containers. The patches of notebook-controller and profiles'
 *   default/ and tensorboard's add_service_account.yaml are named by no kustomization (commented out), so they are
 *   linted as the objects they are.
 * - `service/target-port-not-found`: the metrics Services target the port `https` that the auth proxy patch adds
 *   to the manager Deployments; as written, no Deployment in namespace `system` has a named port.
 * - `secret/other-namespace`: katib's database Deployments are in namespace `kubeflow`, their Secrets have none
 *   (the kustomization sets it), so as written they land in `default`, the namespace an unset one counts as.
 */
const KUBEFLOW = lintedCorpus({
  repo: 'kubeflow/manifests',
  folders: ['applications/katib', 'applications/jupyter', 'applications/profiles', 'applications/tensorboard', 'applications/trainer'],
});
describe.skipIf(!KUBEFLOW.dir)(KUBEFLOW.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true, and reads every file', () => {
    const { report, findings, unreadable } = KUBEFLOW.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(150);
    const notebook = 'applications/jupyter/notebook-controller/upstream';
    const profiles = 'applications/profiles/upstream';
    const tensorboard = 'applications/tensorboard/tensorboard-controller/upstream';
    const selector = (file: string) => [file, 'deployments/selector-required', 'spec.selector'];
    const image = (file: string, i: number) => [file, 'objects/image-required', `spec.template.spec.containers[${i}].image`];
    const https = (file: string) => [file, 'service/target-port-not-found', 'spec.ports[0].targetPort'];
    const katib = 'applications/katib/upstream/components';
    expect(findings).toStrictEqual([
      selector('applications/jupyter/jupyter-web-app/upstream/base/deployment.yaml'),
      selector(`${notebook}/default/manager_auth_proxy_patch.yaml`),
      image(`${notebook}/default/manager_auth_proxy_patch.yaml`, 1),
      selector(`${notebook}/default/manager_image_patch.yaml`),
      selector(`${notebook}/default/manager_prometheus_metrics_patch.yaml`),
      image(`${notebook}/default/manager_prometheus_metrics_patch.yaml`, 0),
      selector(`${notebook}/default/manager_webhook_patch.yaml`),
      image(`${notebook}/default/manager_webhook_patch.yaml`, 0),
      selector(`${notebook}/manager/manager.yaml`),
      https(`${notebook}/rbac/auth_proxy_service.yaml`),
      [`${katib}/db-manager/db-manager.yaml`, 'secret/other-namespace', 'spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.name'],
      [`${katib}/mysql/mysql.yaml`, 'secret/other-namespace', 'spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name'],
      [`${katib}/postgres/postgres.yaml`, 'secret/other-namespace', 'spec.template.spec.containers[0].envFrom[0].secretRef.name'],
      selector(`${profiles}/default/manager_auth_proxy_patch.yaml`),
      image(`${profiles}/default/manager_auth_proxy_patch.yaml`, 1),
      selector(`${profiles}/default/manager_prometheus_metrics_patch.yaml`),
      image(`${profiles}/default/manager_prometheus_metrics_patch.yaml`, 0),
      selector(`${profiles}/default/manager_webhook_patch.yaml`),
      image(`${profiles}/default/manager_webhook_patch.yaml`, 0),
      selector(`${profiles}/manager/manager.yaml`),
      https(`${profiles}/rbac/auth_proxy_service.yaml`),
      selector(`${tensorboard}/base/patches/add_service_account.yaml`),
      [`${tensorboard}/base/patches/add_service_account.yaml`, 'objects/containers-required', 'spec.template.spec.containers'],
      selector(`${tensorboard}/default/manager_prometheus_metrics_patch.yaml`),
      image(`${tensorboard}/default/manager_prometheus_metrics_patch.yaml`, 0),
      selector(`${tensorboard}/default/manager_webhook_patch.yaml`),
      image(`${tensorboard}/default/manager_webhook_patch.yaml`, 0),
      https(`${tensorboard}/rbac/auth_proxy_service.yaml`),
      selector('applications/tensorboard/tensorboards-web-app/upstream/base/deployment.yaml'),
    ]);
  });

  it('skips the controllers\' configuration files a configMapGenerator packs, and the one no kustomization names', () => {
    const { reasonsOf } = KUBEFLOW.run();
    const standalone = 'applications/katib/upstream/installs/katib-standalone';
    expect(reasonsOf(`${standalone}/katib-config.yaml`)).toStrictEqual([
      `data of a kustomize configMapGenerator (named in ${path.join(KUBEFLOW.dir!, standalone, 'kustomization.yaml')}), not an object: lint the output of kubectl kustomize`,
    ]);
    expect(reasonsOf('applications/trainer/upstream/base/manager/controller_manager_config.yaml')).toStrictEqual([
      `data of a kustomize configMapGenerator (named in ${path.join(KUBEFLOW.dir!, 'applications/trainer/upstream/base/manager/kustomization.yaml')}), not an object: lint the output of kubectl kustomize`,
    ]);
    expect(reasonsOf('applications/tensorboard/tensorboard-controller/upstream/manager/controller_manager_config.yaml')).toStrictEqual([
      'component configuration (controller-runtime.sigs.k8s.io/v1alpha1, kind ControllerManagerConfig), not an API object',
    ]);
  });
});

/**
 * Why each expected finding is true (Pod Security baseline):
 * - `linkerd-init`, the init container the proxy injector adds, adds the capabilities NET_ADMIN and NET_RAW, which
 *   baseline forbids (`non-default capabilities`); in every injected golden file and the one injected input.
 * - the emojivoto inputs and goldens with `hostPort: 9100`, and the one with `hostNetwork: true`: baseline forbids
 *   both.
 * - contour's test input mounts `contour-config`, a volume the pod does not declare (`volumeMounts[0].name: Not
 *   found`), and the injected golden keeps it; the already-injected input has containers without an image.
 * - gettest's Deployments have no selector, and the deliberately bad input's first Deployment no name either.
 * - the injector's fake Service targets the named port `not-an-int`, which its pod does not declare (a podkit rule:
 *   the Service gets no endpoint); the fake pods write the annotation `config.linkerd.io/enable-debug-sidecar` as
 *   an unquoted YAML boolean (`json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of
 *   type string`).
 */
const LINKERD = lintedCorpus(
  { repo: 'linkerd/linkerd2', folders: ['cli/cmd/testdata', 'controller/proxy-injector/fake', 'multicluster/charts', 'viz/charts', 'test/integration'] },
  { pss: 'baseline' },
);
describe.skipIf(!LINKERD.dir)(LINKERD.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true with Pod Security baseline; only files kubectl refuses too are unreadable', () => {
    const { report, findings, unreadable } = LINKERD.run();
    // kubectl: a List whose items are null ("Object 'Kind' is missing"), a mis-indented mapping, and a flow
    // mapping followed by text (`cidr: {IPv6}/128`, substituted by the test): "did not find expected key".
    expect(unreadable).toStrictEqual([
      ['cli/cmd/testdata/inject_emojivoto_list_empty_resources.golden.yml', 530, expect.any(String)],
      ['cli/cmd/testdata/inject_emojivoto_list_empty_resources.input.yml', 69, expect.any(String)],
      ['cli/cmd/testdata/inject_gettest_deployment.bad.input.yml', 36, expect.stringMatching(/^yaml: /)],
      ['test/integration/deep/dualstack/testdata/ipfamilies-policy.yml', 32, expect.stringMatching(/^yaml: /)],
    ]);
    expect(report.objects).toBeGreaterThan(250);
    const testdata = 'cli/cmd/testdata';
    const init = (file: string, template = true) => [`${testdata}/${file}`, 'pod-security/capabilities-baseline', `spec.${template ? 'template.spec.' : ''}initContainers[0].securityContext.capabilities.add[0]`];
    const hostPort = (file: string) => [`${testdata}/${file}`, 'pod-security/host-ports', 'spec.template.spec.containers[0].ports[0].hostPort'];
    const selector = (file: string) => [`${testdata}/${file}`, 'deployments/selector-required', 'spec.selector'];
    const debugAnnotation = (file: string) => [`controller/proxy-injector/fake/data/${file}`, 'yaml/string-expected', 'metadata.annotations[config.linkerd.io/enable-debug-sidecar]'];
    expect(findings).toStrictEqual([
      init('inject-filepath/expected/injected_nginx.yaml'),
      init('inject-filepath/expected/injected_nginx_redis.yaml'),
      init('inject-filepath/expected/injected_nginx_redis.yaml'),
      init('inject-filepath/expected/injected_redis.yaml'),
      [`${testdata}/inject_contour.golden.yml`, 'volumes/mount-not-found', 'spec.template.spec.containers[1].volumeMounts[0].name'],
      init('inject_contour.golden.yml'),
      [`${testdata}/inject_contour.golden.yml`, 'volumes/mount-not-found', 'spec.template.spec.initContainers[2].volumeMounts[0].name'],
      [`${testdata}/inject_contour.input.yml`, 'volumes/mount-not-found', 'spec.template.spec.containers[1].volumeMounts[0].name'],
      [`${testdata}/inject_contour.input.yml`, 'volumes/mount-not-found', 'spec.template.spec.initContainers[0].volumeMounts[0].name'],
      init('inject_emojivoto_already_injected.golden.yml'),
      init('inject_emojivoto_already_injected.golden.yml'),
      init('inject_emojivoto_already_injected.golden.yml'),
      init('inject_emojivoto_already_injected.golden.yml'),
      [`${testdata}/inject_emojivoto_already_injected.input.yml`, 'objects/image-required', 'spec.template.spec.containers[1].image'],
      [`${testdata}/inject_emojivoto_already_injected.input.yml`, 'objects/image-required', 'spec.template.spec.initContainers[0].image'],
      init('inject_emojivoto_deployment.golden.yml'),
      init('inject_emojivoto_deployment_access_log.golden.yml'),
      init('inject_emojivoto_deployment_automountServiceAccountToken_false.golden.yml'),
      init('inject_emojivoto_deployment_capabilities.golden.yml'),
      init('inject_emojivoto_deployment_config_overrides.golden.yml'),
      init('inject_emojivoto_deployment_controller_name.golden.yml'),
      init('inject_emojivoto_deployment_controller_name.golden.yml'),
      init('inject_emojivoto_deployment_debug.golden.yml'),
      init('inject_emojivoto_deployment_empty_resources.golden.yml'),
      hostPort('inject_emojivoto_deployment_hostNetwork_false.golden.yml'),
      init('inject_emojivoto_deployment_hostNetwork_false.golden.yml'),
      hostPort('inject_emojivoto_deployment_hostNetwork_false.input.yml'),
      hostPort('inject_emojivoto_deployment_hostNetwork_true.input.yml'),
      [`${testdata}/inject_emojivoto_deployment_hostNetwork_true.input.yml`, 'pod-security/host-namespaces', 'spec.template.spec.hostNetwork'],
      hostPort('inject_emojivoto_deployment_injectDisabled.input.yml'),
      init('inject_emojivoto_deployment_native_sidecar.golden.yml'),
      init('inject_emojivoto_deployment_opaque_ports.golden.yml'),
      init('inject_emojivoto_deployment_overridden.golden.yml'),
      init('inject_emojivoto_deployment_params.golden.yml'),
      init('inject_emojivoto_deployment_proxyignores.golden.yml'),
      hostPort('inject_emojivoto_deployment_udp.golden.yml'),
      init('inject_emojivoto_deployment_udp.golden.yml'),
      hostPort('inject_emojivoto_deployment_udp.input.yml'),
      init('inject_emojivoto_list.golden.yml'),
      init('inject_emojivoto_list.golden.yml'),
      init('inject_emojivoto_pod.golden.yml', false),
      init('inject_emojivoto_pod_ingress.golden.yml', false),
      init('inject_emojivoto_pod_nativesidecar.golden.yml', false),
      init('inject_emojivoto_pod_proxyignores.golden.yml', false),
      init('inject_emojivoto_pod_with_requests.golden.yml', false),
      init('inject_emojivoto_statefulset.golden.yml'),
      [`${testdata}/inject_gettest_deployment.bad.input.yml`, 'objects/name-required', 'metadata.name'],
      selector('inject_gettest_deployment.bad.input.yml'),
      selector('inject_gettest_deployment.good.golden.yml'),
      init('inject_gettest_deployment.good.golden.yml'),
      selector('inject_gettest_deployment.good.golden.yml'),
      init('inject_gettest_deployment.good.golden.yml'),
      selector('inject_gettest_deployment.good.input.yml'),
      selector('inject_gettest_deployment.good.input.yml'),
      init('inject_tap_deployment.input.yml'),
      init('inject_tap_deployment_debug.golden.yml'),
      ['controller/proxy-injector/fake/data/filter-service-opaque-ports.yaml', 'service/target-port-not-found', 'spec.ports[3].targetPort'],
      debugAnnotation('pod-with-custom-debug-tag.yaml'),
      debugAnnotation('pod-with-debug-disabled.yaml'),
      debugAnnotation('pod-with-debug-enabled.yaml'),
    ]);
  });

  it('skips the Helm templates whose {{ }} lines break their YAML, and the kind cluster configurations', () => {
    const { reasonsOf } = LINKERD.run();
    expect(reasonsOf('viz/charts/linkerd-viz/templates/tap-injector-rbac.yaml')[0]).toBe('a template ({{ }}): render it first (helm template, …) and lint the output');
    expect(reasonsOf('multicluster/charts/linkerd-multicluster/templates/controller-clusterrole.yaml')[0]).toBe('a template ({{ }}): render it first (helm template, …) and lint the output');
    expect(reasonsOf('test/integration/deep/kind-ipv6.yml')).toStrictEqual(['a kind cluster configuration (kind.x-k8s.io, kind Cluster), read by kind create cluster, not an API object']);
  });
});

/**
 * Why each expected finding is true, as written:
 * - the manual-annotation and manual-labeling steps apply a DaemonSet, a Deployment and a StatefulSet that carry
 *   only the annotations or labels to add (chainsaw applies them over the objects the operator created): as new
 *   objects they have no selector (`spec.selector: Required value`; the DaemonSet's nil selector matches no
 *   template labels).
 * - the namespace `($namespace)`, a chainsaw binding substituted when the step runs: not a DNS label as written.
 * The files the chainsaw tests assert, patch or delete (partial objects, JMESPath keys) are skipped, not linted.
 */
const OTEL_OPERATOR = lintedCorpus({ repo: 'open-telemetry/opentelemetry-operator', folders: ['config', 'tests'] });
describe.skipIf(!OTEL_OPERATOR.dir)(OTEL_OPERATOR.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true', () => {
    const { report, findings, unreadable } = OTEL_OPERATOR.run();
    // tests/e2e-upgrade/upgrade-test/opentelemetry-operator-v0.86.0.yaml continues a single-quoted scalar at its
    // key's own indentation (line 68), which go-yaml reads, and so does podkit (read.ts, kubectlLexer).
    expect(unreadable).toStrictEqual([]);
    expect(report.objects).toBeGreaterThan(500);
    const manual = (file: string) => [
      [file, 'workloads/selector-mismatch', 'spec.template.metadata.labels'],
      [file, 'deployments/selector-required', 'spec.selector'],
      [file, 'workloads/selector-required', 'spec.selector'],
    ];
    const bound = (file: string, times = 1) => Array.from({ length: times }, () => [file, 'objects/namespace-invalid', 'metadata.namespace']);
    const ta = 'tests/e2e-targetallocator/targetallocator-namespace/resources';
    expect(findings).toStrictEqual([
      ...manual('tests/e2e/annotation-change-collector/02-manual-annotation-resources.yaml'),
      ...manual('tests/e2e/label-change-collector/02-manual-labeling-resources.yaml'),
      ...bound('tests/e2e-openshift/export-to-cluster-logging-lokistack/logging-uiplugin.yaml'),
      ...bound('tests/e2e-targetallocator/targetallocator-annotations/00-install.yaml'),
      ...bound(`${ta}/job-check-metrics.yaml`),
      ...bound(`${ta}/otelcol.yaml`),
      ...bound(`${ta}/rbac.yaml`, 4),
      ...bound(`${ta}/serviceaccounts.yaml`, 2),
      ...bound(`${ta}/ta-allow-namespaces.yaml`),
      ...bound(`${ta}/ta-deny-namespaces.yaml`),
    ]);
  });

  it('skips the chainsaw tests and the files they assert, and lints a file a test both applies and deletes', () => {
    const { report, reasonsOf } = OTEL_OPERATOR.run();
    const dir = 'tests/e2e/smoke-collector/smoke-collector-obi-unprivileged';
    expect(reasonsOf(`${dir}/00-assert.yaml`)).toStrictEqual([
      `a chainsaw assertion (named in ${path.join(OTEL_OPERATOR.dir!, dir, 'chainsaw-test.yaml')}): partial objects chainsaw matches in the cluster, not objects to create`,
    ]);
    expect(reasonsOf(`${dir}/chainsaw-test.yaml`)).toStrictEqual(['a chainsaw test configuration (chainsaw.kyverno.io, kind Test), read by chainsaw, not an API object']);
    const applied = 'tests/e2e-targetallocator/targetallocator-namespace/resources/job-check-metrics.yaml';
    expect(reasonsOf(applied)).toStrictEqual([]);
    expect(report.findings.filter((f) => f.file.endsWith(applied)).map((f) => f.violation.rule)).toStrictEqual(['objects/namespace-invalid']);
  });
});
