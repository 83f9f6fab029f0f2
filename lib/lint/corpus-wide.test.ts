/**
 * Precision on more real repositories nobody on this project wrote, of varied style: kube-prometheus's generated
 * manifests (large CustomResourceDefinitions and custom resources), Argo CD's kustomize bases and overlays, Istio's
 * samples (Gateway API, istioctl configurations, Helm charts), and Google's GKE samples (placeholders meant to be
 * substituted, Helm charts, kustomize overlays, custom resources of many operators), and kustomize's examples.
 * They are read at test time, never copied here. Each corpus is linted once; the test lists exactly the findings
 * judged true, the files that are truly unreadable (kubectl cannot parse them either), and checks what is skipped
 * and why. A new false finding, or a finding that disappears, fails it.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintedCorpus as corpus } from '../../test-support/lint-corpus';
import { lintExitCode } from './cli';

const KUBE_PROMETHEUS = corpus({ repo: 'prometheus-operator/kube-prometheus', folders: ['manifests', 'examples'] });
describe.skipIf(!KUBE_PROMETHEUS.dir)(KUBE_PROMETHEUS.title, { timeout: 120_000 }, () => {
  it('reports no finding on the generated manifests, their CustomResourceDefinitions and custom resources, and reads every file', () => {
    const { report, findings, unreadable } = KUBE_PROMETHEUS.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(140);
    expect(findings).toStrictEqual([]);
    expect(lintExitCode(report)).toBe(0);
  });

  it('skips the Prometheus rule files and the Alertmanager configurations, which have no apiVersion and kind', () => {
    const { reasonsOf } = KUBE_PROMETHEUS.run();
    expect(reasonsOf('examples/existingrule.yaml')).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
    expect(reasonsOf('examples/alertmanager-config.yaml')).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
  });
});

/**
 * Why each expected finding is true:
 * - the StatefulSet of application-controller-deployment is listed as a kustomize resource (not a patch), so the
 *   output of `kubectl kustomize` carries it as written: no selector, and a container without an image. The API
 *   server rejects it on creation (`spec.selector: Required value`, `spec.template.spec.containers[0].image:
 *   Required value`); it only works when applied over an existing, complete StatefulSet.
 */
const ARGO_CD = corpus({ repo: 'argoproj/argo-cd', folders: ['manifests/base', 'manifests/ha/base', 'manifests/cluster-rbac', 'manifests/crds'] });
describe.skipIf(!ARGO_CD.dir)(ARGO_CD.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true, and reads every file', () => {
    const { report, findings, unreadable } = ARGO_CD.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(80);
    expect(findings).toStrictEqual([
      ['manifests/base/application-controller-deployment/argocd-application-controller-statefulset.yaml', 'workloads/selector-required', 'spec.selector'],
      ['manifests/base/application-controller-deployment/argocd-application-controller-statefulset.yaml', 'objects/image-required', 'spec.template.spec.containers[0].image'],
    ]);
    expect(lintExitCode(report)).toBe(1);
  });

  it('skips the kustomizations, the patches they name, and the vendored Helm chart, and lints the CustomResourceDefinitions', () => {
    const { reasonsOf, skipped } = ARGO_CD.run();
    expect(reasonsOf('manifests/base/kustomization.yaml')).toStrictEqual(['a kustomize configuration (kustomization.yaml): lint the output of kubectl kustomize']);
    expect(reasonsOf('manifests/ha/base/overlays/argocd-server-deployment.yaml')).toStrictEqual([
      `a kustomize patch (named in ${path.join(ARGO_CD.dir!, 'manifests/ha/base/kustomization.yaml')}): lint the output of kubectl kustomize`,
    ]);
    expect(reasonsOf('manifests/ha/base/redis-ha/chart/Chart.yaml')).toStrictEqual(['Helm chart metadata (Chart.yaml)']);
    // The CustomResourceDefinitions are API objects: linted (without a finding), not skipped.
    expect(skipped.filter(([file]) => file.startsWith('manifests/crds/')).map(([file]) => file)).toStrictEqual(['manifests/crds/kustomization.yaml']);
  });
});

/**
 * Why each expected finding is true:
 * - mtls-echo mounts `ca-certs`, but the pod's volumes are `certs` and `ca`: `volumeMounts[1].name: Not found`.
 * - the ClusterFederatedTrustDomain is named `${CLUSTER}`, a placeholder the sample's instructions substitute; as
 *   written, the name is not a DNS subdomain, which the API server requires of custom resources too.
 */
const ISTIO = corpus({ repo: 'istio/istio', folders: ['samples'] });
describe.skipIf(!ISTIO.dir)(ISTIO.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true; only a file that is not YAML is unreadable', () => {
    const { report, findings, unreadable } = ISTIO.run();
    // One JSON document per line (a MongoDB import file): neither YAML nor one JSON value; kubectl fails on it too.
    expect(unreadable).toStrictEqual([['samples/bookinfo/src/mongodb/ratings_data.json', 2, expect.stringMatching(/^yaml: /)]]);
    expect(report.objects).toBeGreaterThan(300);
    expect(findings).toStrictEqual([
      ['samples/mtls-echo/mtls-echo.yaml', 'volumes/mount-not-found', 'spec.template.spec.containers[0].volumeMounts[1].name'],
      ['samples/security/spire-trust-domain-federation/cluster-federated-trust-domain.yaml', 'objects/name-invalid', 'metadata.name'],
    ]);
  });

  it('skips istioctl configurations, the Helm chart and its templates, and values files without apiVersion and kind', () => {
    const { reasonsOf } = ISTIO.run();
    expect(reasonsOf('samples/bookinfo/demo-profile-no-gateways.yaml')).toStrictEqual([
      'an istioctl installation configuration (install.istio.io, kind IstioOperator), read by istioctl, not an API object',
    ]);
    expect(reasonsOf('samples/ambient-argo/tag-chart/templates/shimservice.yaml')).toStrictEqual(['a template ({{ }}): render it first (helm template, …) and lint the output']);
    expect(reasonsOf('samples/security/spire-trust-domain-federation/spire-base.yaml')).toStrictEqual(['not a Kubernetes object: no apiVersion and kind']);
  });
});

/**
 * Why each expected finding is true:
 * - placeholders meant to be substituted before applying (`$K8S_SA_NAME`, `${KSA_NAME}`, `<KSA_NAME>`, `KSA_NAME`,
 *   `PV_NAME`, `PORT`, `${ACCELERATOR_QUANTITY}`, `${NAME:-default}` in the *-variables.yaml files): as written,
 *   each value is rejected: names that are not DNS subdomains or labels, label values with `$`, `{` and `:`,
 *   strings in int32 fields (`json: cannot unmarshal string into Go struct field … of type int32`), port names
 *   that are not IANA service names, enum values not in their set, a quantity that does not parse.
 * - `resources/request-exceeds-limit`: the cost-estimator Deployments request `64Mi` (67,108,864 bytes) of memory
 *   with a limit of `64M` (64,000,000 bytes): `must be less than or equal to memory limit`.
 * - `yaml/duplicate-key`: the Confluent custom resources write `requests` twice in one `resources` mapping; kubectl
 *   keeps the last without a word.
 */
const GKE = corpus({ repo: 'GoogleCloudPlatform/kubernetes-engine-samples' });
describe.skipIf(!GKE.dir)(GKE.title, { timeout: 120_000 }, () => {
  it('reports exactly the findings judged true; only files kubectl cannot parse either are unreadable', () => {
    const { report, findings, unreadable } = GKE.run();
    // Broken indentation (kubectl: "did not find expected key" / "mapping values are not allowed in this
    // context"), and a JSON file that opens with a /* */ comment and misses a comma.
    expect(unreadable.map(([file]) => file)).toStrictEqual([
      'ai-ml/gke-model-armor/configuring-the-gateway/llm-gateway.yaml',
      'ai-ml/gke-model-armor/configuring-the-gateway/llm-httproute.yaml',
      'ai-ml/gke-model-armor/preparing-the-model/hdml-static-pv-pvc.yaml',
      'ai-ml/gke-model-armor/preparing-the-model/llm-service.yaml',
      'ai-ml/gke-model-armor/preparing-the-model/producer-job.yaml',
      'ai-ml/gke-model-armor/preparing-the-model/vllm-gemma-deployment.yaml',
      'ai-ml/infw-gw/examples/getting-started/dashboard.json',
      'ai-ml/infw-gw/examples/getting-started/vllm-llama3-8b-instruct.yaml',
    ]);
    expect(report.objects).toBeGreaterThan(1000);
    expect(findings).toStrictEqual([
      ['ai-ml/gke-online-serving-single-gpu/src/gke-config/deployment-tfserve.yaml', 'pod/service-account-name-invalid', 'spec.template.spec.serviceAccountName'],
      ['ai-ml/gke-online-serving-single-gpu/src/gke-config/deployment-triton.yaml', 'pod/service-account-name-invalid', 'spec.template.spec.serviceAccountName'],
      ['ai-ml/gke-ray/rayserve/llm/tpu/components/model-downloader-job.yaml', 'pod/service-account-name-invalid', 'spec.template.spec.serviceAccountName'],
      ['ai-ml/gke-ray/tpu/dws/rayjob-tpu-v6e-dws.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/gke-slurm/autopilot/pv-pvc.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/gke-slurm/autopilot/pv-pvc.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/gke-slurm/metrics-autoscaling/pv-pvc.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/gke-slurm/metrics-autoscaling/pv-pvc.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/infw-gw/examples/getting-started/inference-model-variables.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/infw-gw/examples/getting-started/inference-model-variables.yaml', 'metadata/label-value-invalid', 'metadata.labels'],
      ['ai-ml/infw-gw/examples/getting-started/inference-model-variables.yaml', 'metadata/label-value-invalid', 'metadata.labels'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'objects/namespace-invalid', 'metadata.namespace'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'metadata/label-value-invalid', 'metadata.labels'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'service/selector-invalid', 'spec.selector'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'service/protocol-unsupported', 'spec.ports[0].protocol'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.ports[0].port'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'service/target-port-invalid', 'spec.ports[0].targetPort'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'service/target-port-invalid', 'spec.ports[0].targetPort'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'service/target-port-invalid', 'spec.ports[0].targetPort'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'service/target-port-not-found', 'spec.ports[0].targetPort'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'service/type-unsupported', 'spec.type'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'objects/namespace-invalid', 'metadata.namespace'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'metadata/label-value-invalid', 'metadata.labels'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.replicas'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'metadata/label-value-invalid', 'spec.selector.matchLabels'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'metadata/label-value-invalid', 'spec.template.metadata.labels'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'enums/image-pull-policy', 'spec.template.spec.containers[0].imagePullPolicy'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].ports[0].containerPort'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].ports[1].containerPort'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].ports[2].containerPort'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].livenessProbe.grpc.port'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].livenessProbe.initialDelaySeconds'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].livenessProbe.periodSeconds'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].readinessProbe.grpc.port'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].readinessProbe.initialDelaySeconds'],
      ['ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].readinessProbe.periodSeconds'],
      ['ai-ml/infw-gw/examples/getting-started/vlllm gpu_deployment-variables.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/infw-gw/examples/getting-started/vlllm gpu_deployment-variables.yaml', 'objects/namespace-invalid', 'metadata.namespace'],
      ['ai-ml/infw-gw/examples/getting-started/vlllm gpu_deployment-variables.yaml', 'objects/namespace-invalid', 'metadata.namespace'],
      ['ai-ml/infw-gw/examples/getting-started/vlllm gpu_deployment-variables.yaml', 'objects/name-invalid', 'metadata.name'],
      ['ai-ml/infw-gw/examples/getting-started/vlllm gpu_deployment-variables.yaml', 'objects/namespace-invalid', 'metadata.namespace'],
      ['ai-ml/infw-gw/examples/getting-started/vlllm gpu_deployment-variables.yaml', 'objects/namespace-invalid', 'metadata.namespace'],
      ['ai-ml/vllm-tpu/vllm-llama3-70b.yaml', 'pod/service-account-name-invalid', 'spec.template.spec.serviceAccountName'],
      ['autoscaling/custom-compute-classes/reservations/deployment-gpu.yaml', 'resources/invalid-quantity', 'spec.template.spec.containers[0].resources.requests[nvidia.com/gpu]'],
      ['autoscaling/custom-compute-classes/reservations/deployment-gpu.yaml', 'resources/invalid-quantity', 'spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]'],
      ['cost-optimization/gke-shift-left-cost/api/testdata/manifests/test.yaml', 'resources/request-exceeds-limit', 'spec.template.spec.containers[0].resources.requests'],
      ['cost-optimization/gke-shift-left-cost/samples/k8s-cost-estimator-local/app-v1/deployment.yaml', 'resources/request-exceeds-limit', 'spec.template.spec.containers[0].resources.requests'],
      ['cost-optimization/gke-shift-left-cost/samples/k8s-cost-estimator-local/app-v2/deployment.yaml', 'resources/request-exceeds-limit', 'spec.template.spec.containers[0].resources.requests'],
      ['databases/hello-app-cloud-spanner/k8s/deployment.yaml', 'pod/service-account-name-invalid', 'spec.template.spec.serviceAccountName'],
      ['demos/vit-training-example/yamls/spec-gcs.yaml', 'pod/service-account-name-invalid', 'spec.template.spec.serviceAccountName'],
      ['networking/sctp/sctp-deployment.yaml', 'fields/type-mismatch', 'spec.template.spec.containers[0].ports[0].containerPort'],
      ['networking/sctp/sctp-deployment.yaml', 'fields/type-mismatch', 'spec.ports[0].port'],
      ['networking/sctp/sctp-deployment.yaml', 'service/target-port-invalid', 'spec.ports[0].targetPort'],
      ['networking/sctp/sctp-deployment.yaml', 'service/target-port-invalid', 'spec.ports[0].targetPort'],
      ['networking/sctp/sctp-deployment.yaml', 'service/target-port-not-found', 'spec.ports[0].targetPort'],
      ['streaming/kafka-confluent/manifests/05-replicator/my-target-cluster.yaml', 'yaml/duplicate-key', 'spec.podTemplate.resources.requests'],
      ['streaming/kafka-confluent/manifests/05-replicator/replicator.yaml', 'yaml/duplicate-key', 'spec.podTemplate.resources.requests'],
      ['streaming/kafka-confluent/manifests/06-confluent-platform/platform.yaml', 'yaml/duplicate-key', 'spec.podTemplate.resources.requests'],
    ]);
    expect(lintExitCode(report)).toBe(2);
  });

  it('skips Skaffold configurations, Helm charts and templates, kustomizations and their patches, and workflows', () => {
    const { reasonsOf } = GKE.run();
    expect(reasonsOf('quickstarts/hello-app/skaffold.yaml')).toStrictEqual([
      'a tool\'s configuration file (apiVersion skaffold/v2beta4, kind Config): "skaffold" is not a Kubernetes API group, not an API object',
    ]);
    expect(reasonsOf('quickstarts/whereami/helm-chart/templates/deployment.yaml')).toStrictEqual(['a template ({{ }}): render it first (helm template, …) and lint the output']);
    expect(reasonsOf('ai-ml/gke-a100-jax/kubernetes/kustomization.yaml')).toStrictEqual(['a kustomize configuration (kustomization.yaml): lint the output of kubectl kustomize']);
    expect(reasonsOf('ai-ml/gke-a100-jax/kubernetes/job-patch.yaml')).toStrictEqual([
      `a kustomize patch (named in ${path.join(GKE.dir!, 'ai-ml/gke-a100-jax/kubernetes/kustomization.yaml')}): lint the output of kubectl kustomize`,
    ]);
  });

  it('skips only the document of a file that holds a template placeholder ({{HF_TOKEN}}), and lints the others', () => {
    const { report, reasonsOf } = GKE.run();
    const file = 'ai-ml/llm-serving-llama/vllm/vllm-llama4-scout-17b-16e-instruct.yaml';
    expect(reasonsOf(file)).toStrictEqual(['a template ({{ }}): render it first (helm template, …) and lint the output']);
    expect(report.findings.filter((f) => f.file.endsWith(file))).toStrictEqual([]);
  });
});

/**
 * Why the expected finding is true:
 * - validationTransformer/invalid.yaml is the example's deliberately invalid ConfigMap: `data` is a list, and the
 *   API server answers `json: cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string`.
 * The transformer-config example's `Deployment` of `apiVersion: v1` (kustomize's legacy `group: apps` beside it)
 * is not an apps Deployment, so the rules of one (containers required) do not apply to it.
 */
const KUSTOMIZE = corpus({ repo: 'kubernetes-sigs/kustomize', folders: ['examples'] });
describe.skipIf(!KUSTOMIZE.dir)(KUSTOMIZE.title, { timeout: 120_000 }, () => {
  it('reports exactly the finding judged true, and reads every file', () => {
    const { report, findings, unreadable } = KUSTOMIZE.run();
    expect(unreadable).toEqual([]);
    expect(report.objects).toBeGreaterThan(20);
    expect(findings).toStrictEqual([['examples/validationTransformer/invalid.yaml', 'fields/type-mismatch', 'data']]);
  });

  it('skips the kustomizations and their patches, and a made-up kind whose group cannot be an API group', () => {
    const { reasonsOf } = KUSTOMIZE.run();
    expect(reasonsOf('examples/helloWorld/kustomization.yaml')).toStrictEqual(['a kustomize configuration (kustomization.yaml): lint the output of kubectl kustomize']);
    expect(reasonsOf('examples/springboot/overlays/production/healthcheck_patch.yaml')).toStrictEqual([
      `a kustomize patch (named in ${path.join(KUSTOMIZE.dir!, 'examples/springboot/overlays/production/kustomization.yaml')}): lint the output of kubectl kustomize`,
    ]);
    expect(reasonsOf('examples/transformerconfigs/images/resources.yaml')).toStrictEqual([
      'a tool\'s configuration file (apiVersion config/v1, kind MyKind): "config" is not a Kubernetes API group, not an API object',
    ]);
  });
});
