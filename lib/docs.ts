/**
 * Links to the pages that state the rules: the Japanese pages of "Configure Pods and Containers"
 * (「Podとコンテナの設定」), each with the English page of the same task, and, where a rule comes from the API
 * server rather than a task page, the Kubernetes concept or API reference page that states it.
 *
 * A rule carries one URL (`Rule.docs`, the Japanese page where there is one); `englishDocsUrl` gives its English
 * counterpart, so a violation links both (`Violation.docs`, `Violation.docsEn`). Section anchors differ between
 * the two editions (the Japanese ones are the Japanese headings), hence the table of English anchors below.
 */
const JA = 'https://kubernetes.io/ja/docs/';
const EN = 'https://kubernetes.io/docs/';
const TASKS = `${JA}tasks/configure-pod-container/`;
const TASKS_EN = `${EN}tasks/configure-pod-container/`;

/** The 16 task pages, by their URL slug. */
export const PAGES = {
  'assign-memory-resource': `${TASKS}assign-memory-resource/`,
  'assign-cpu-resource': `${TASKS}assign-cpu-resource/`,
  'quality-service-pod': `${TASKS}quality-service-pod/`,
  'extended-resource': `${TASKS}extended-resource/`,
  'configure-volume-storage': `${TASKS}configure-volume-storage/`,
  'configure-projected-volume-storage': `${TASKS}configure-projected-volume-storage/`,
  'configure-gmsa': `${TASKS}configure-gmsa/`,
  'security-context': `${TASKS}security-context/`,
  'assign-pods-nodes': `${TASKS}assign-pods-nodes/`,
  'assign-pods-nodes-using-node-affinity': `${TASKS}assign-pods-nodes-using-node-affinity/`,
  'configure-pod-initialization': `${TASKS}configure-pod-initialization/`,
  'attach-handler-lifecycle-event': `${TASKS}attach-handler-lifecycle-event/`,
  'configure-liveness-readiness-startup-probes': `${TASKS}configure-liveness-readiness-startup-probes/`,
  'configure-pod-configmap': `${TASKS}configure-pod-configmap/`,
  'share-process-namespace': `${TASKS}share-process-namespace/`,
  'static-pod': `${TASKS}static-pod/`,
} as const;

/** A page slug of the section. */
export type PageSlug = keyof typeof PAGES;

/**
 * The English anchor of each Japanese section anchor the rules link, by page. Anchors the two editions share
 * (a heading with an explicit `{#id}`, such as `use-a-named-port`) need no entry.
 */
const ENGLISH_ANCHORS: { readonly [Page in PageSlug]?: Readonly<Record<string, string>> } = {
  'assign-memory-resource': {
    'メモリーの要求と制限を指定する': 'specify-a-memory-request-and-a-memory-limit',
    'メモリーの単位': 'memory-units',
  },
  'assign-cpu-resource': {
    'cpuの要求と制限を指定する': 'specify-a-cpu-request-and-a-cpu-limit',
    'cpuの単位': 'cpu-units',
  },
  'quality-service-pod': { 'qosクラス': 'quality-of-service-classes' },
  'extended-resource': {
    '拡張リソースをpodに割り当てる': 'assign-an-extended-resource-to-a-pod',
    '2つ目のpodの作成を試みる': 'attempt-to-create-a-second-pod',
  },
  'configure-volume-storage': { 'podのボリュームを構成する': 'configure-a-volume-for-a-pod' },
  'configure-projected-volume-storage': { 'projectedボリュームをpodに設定する': 'configure-a-projected-volume-for-a-pod' },
  'configure-gmsa': {
    'podのspec内で参照するgmsa資格情報仕様の設定': 'configure-gmsa-credential-spec-reference-in-pod-spec',
    '指定されたgmsa資格情報仕様上にrbacを有効にするためのクラスターロールの設定': 'configure-cluster-role-to-enable-rbac-on-specific-gmsa-credential-specs',
  },
  'security-context': {
    'podにセキュリティコンテキストを設定する': 'set-the-security-context-for-a-pod',
    'コンテナにセキュリティコンテキストを設定する': 'set-the-security-context-for-a-container',
    'コンテナにケーパビリティを設定する': 'set-capabilities-for-a-container',
    'コンテナにseccompプロフィールを設定する': 'set-the-seccomp-profile-for-a-container',
    'コンテナにapparmorプロフィールを設定する': 'set-the-apparmor-profile-for-a-container',
  },
  'assign-pods-nodes-using-node-affinity': {
    'required-node-affinityを使用してpodをスケジューリングする': 'schedule-a-pod-using-required-node-affinity',
    'preferred-node-affinityを使用してpodをスケジューリングする': 'schedule-a-pod-using-preferred-node-affinity',
  },
  'configure-pod-initialization': { 'initコンテナを持つpodを作成する': 'create-a-pod-that-has-an-init-container' },
  'attach-handler-lifecycle-event': { 'poststartハンドラーとprestopハンドラーを定義する': 'define-poststart-and-prestop-handlers' },
  'configure-pod-configmap': {
    'configmapを作成する': 'create-a-configmap',
    'configmapデータを使用してコンテナ環境変数を定義する': 'define-container-environment-variables-using-configmap-data',
    'configmapの全てのキーバリューペアをコンテナ環境変数として構成する': 'configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables',
    'podのコマンドでconfigmapに定義した環境変数を使用する': 'use-configmap-defined-environment-variables-in-pod-commands',
    'ボリュームにconfigmapデータを追加する': 'add-configmap-data-to-a-volume',
    '制限事項': 'restrictions',
  },
  'share-process-namespace': { 'プロセス名前空間の共有について理解する': 'understanding-process-namespace-sharing' },
};

/** The Japanese page of the section that states a rule, with an optional anchor (the Japanese heading's). */
export function docsUrl(page: PageSlug, anchor?: string): string {
  return anchor ? `${PAGES[page]}#${anchor}` : PAGES[page];
}

/** The English page of the same task, with the English anchor of the same section (page only when unknown). */
export function docsUrlEn(page: PageSlug, anchor?: string): string {
  const page_ = `${TASKS_EN}${page}/`;
  if (!anchor) return page_;
  const english = ENGLISH_ANCHORS[page]?.[anchor] ?? (isAscii(anchor) ? anchor : undefined);
  return english ? `${page_}#${english}` : page_;
}

/** A page outside the section: its Japanese edition where kubernetes.io has one, and the English page. */
interface ReferencePage {
  readonly ja?: string;
  readonly en: string;
}

/**
 * Pages for rules the task pages rely on but do not state: the API server's validation (API reference) and the
 * concept pages that state it. The Japanese edition links the page; the English one also the section.
 */
export const REFERENCE_PAGES = {
  names: { ja: `${JA}concepts/overview/working-with-objects/names/`, en: `${EN}concepts/overview/working-with-objects/names/` },
  container: { en: `${EN}reference/kubernetes-api/workload-resources/pod-v1/#Container` },
  labels: { ja: `${JA}concepts/overview/working-with-objects/labels/`, en: `${EN}concepts/overview/working-with-objects/labels/#syntax-and-character-set` },
  nodeAffinityOperators: { ja: `${JA}concepts/scheduling-eviction/assign-pod-node/`, en: `${EN}concepts/scheduling-eviction/assign-pod-node/#operators` },
  projectedToken: { en: `${EN}concepts/storage/projected-volumes/#serviceaccounttoken` },
  podSpec: { en: `${EN}reference/kubernetes-api/workload-resources/pod-v1/#PodSpec` },
  resourceUnits: {
    ja: `${JA}concepts/configuration/manage-resources-containers/#resource-units-in-kubernetes`,
    en: `${EN}concepts/configuration/manage-resources-containers/#resource-units-in-kubernetes`,
  },
  resourceTypes: { ja: `${JA}concepts/configuration/manage-resources-containers/`, en: `${EN}concepts/configuration/manage-resources-containers/#resource-types` },
  requestsAndLimits: { en: `${EN}concepts/configuration/manage-resources-containers/#requests-and-limits` },
  extendedResources: { en: `${EN}concepts/configuration/manage-resources-containers/#consuming-extended-resources` },
  hugePages: { en: `${EN}tasks/manage-hugepages/scheduling-hugepages/` },
  quantity: { en: `${EN}reference/kubernetes-api/common-definitions/quantity/` },
  podSecurityStandards: { ja: `${JA}concepts/security/pod-security-standards/`, en: `${EN}concepts/security/pod-security-standards/` },
  podSecurityBaseline: { ja: `${JA}concepts/security/pod-security-standards/#baseline`, en: `${EN}concepts/security/pod-security-standards/#baseline` },
  podSecurityRestricted: { ja: `${JA}concepts/security/pod-security-standards/#restricted`, en: `${EN}concepts/security/pod-security-standards/#restricted` },
  restartPolicy: { ja: `${JA}concepts/workloads/pods/pod-lifecycle/`, en: `${EN}concepts/workloads/pods/pod-lifecycle/#restart-policy` },
  dnsPolicy: { ja: `${JA}concepts/services-networking/dns-pod-service/`, en: `${EN}concepts/services-networking/dns-pod-service/#pod-s-dns-policy` },
  initContainers: { ja: `${JA}concepts/workloads/pods/init-containers/`, en: `${EN}concepts/workloads/pods/init-containers/#differences-from-regular-containers` },
  sidecarContainers: { en: `${EN}concepts/workloads/pods/sidecar-containers/` },
  resizePolicy: { en: `${TASKS_EN}resize-container-resources/#container-resize-policies` },
  probeTerminationGracePeriod: { en: `${TASKS_EN}configure-liveness-readiness-startup-probes/#probe-level-terminationgraceperiodseconds` },
  lifecycleHooks: { ja: `${JA}concepts/containers/container-lifecycle-hooks/`, en: `${EN}concepts/containers/container-lifecycle-hooks/#hook-handler-implementations` },
  sysctls: { ja: `${JA}tasks/administer-cluster/sysctl-cluster/`, en: `${EN}tasks/administer-cluster/sysctl-cluster/` },
  userNamespaces: { en: `${EN}concepts/workloads/pods/user-namespaces/` },
  windowsPods: { en: `${EN}concepts/windows/intro/#compatibility-v1-pod` },
  volumes: { ja: `${JA}concepts/storage/volumes/`, en: `${EN}concepts/storage/volumes/` },
  controllers: { ja: `${JA}concepts/workloads/controllers/`, en: `${EN}concepts/workloads/controllers/` },
  updateDaemonSet: { ja: `${JA}tasks/manage-daemon/update-daemon-set/`, en: `${EN}tasks/manage-daemon/update-daemon-set/` },
  statefulSet: { ja: `${JA}concepts/workloads/controllers/statefulset/`, en: `${EN}concepts/workloads/controllers/statefulset/` },
  job: { ja: `${JA}concepts/workloads/controllers/job/`, en: `${EN}concepts/workloads/controllers/job/` },
  cronJob: { ja: `${JA}concepts/workloads/controllers/cron-jobs/`, en: `${EN}concepts/workloads/controllers/cron-jobs/` },
  service: { ja: `${JA}concepts/services-networking/service/`, en: `${EN}concepts/services-networking/service/` },
  envVars: { ja: `${JA}tasks/inject-data-application/define-environment-variable-container/`, en: `${EN}tasks/inject-data-application/define-environment-variable-container/` },
  downwardApiEnv: { ja: `${JA}tasks/inject-data-application/environment-variable-expose-pod-information/`, en: `${EN}tasks/inject-data-application/environment-variable-expose-pod-information/` },
  annotations: { ja: `${JA}concepts/overview/working-with-objects/annotations/`, en: `${EN}concepts/overview/working-with-objects/annotations/` },
  topologySpread: { ja: `${JA}concepts/scheduling-eviction/topology-spread-constraints/`, en: `${EN}concepts/scheduling-eviction/topology-spread-constraints/` },
  images: { ja: `${JA}concepts/containers/images/`, en: `${EN}concepts/containers/images/` },
  podPriority: { ja: `${JA}concepts/scheduling-eviction/pod-priority-preemption/`, en: `${EN}concepts/scheduling-eviction/pod-priority-preemption/` },
  taints: { ja: `${JA}concepts/scheduling-eviction/taint-and-toleration/`, en: `${EN}concepts/scheduling-eviction/taint-and-toleration/` },
  terminationMessage: { en: `${EN}tasks/debug/debug-application/determine-reason-pod-failure/` },
  kernelSecurityConstraints: { en: `${EN}concepts/security/linux-kernel-security-constraints/` },
  subPath: { en: `${EN}concepts/storage/volumes/#using-subpath` },
  configMap: { ja: `${JA}concepts/configuration/configmap/`, en: `${EN}concepts/configuration/configmap/#configmap-object` },
  deployment: { ja: `${JA}concepts/workloads/controllers/deployment/`, en: `${EN}concepts/workloads/controllers/deployment/` },
  fieldValidation: { en: `${EN}reference/using-api/api-concepts/#field-validation` },
  hostAliases: { ja: `${JA}tasks/network/customize-hosts-file-for-pods/`, en: `${EN}tasks/network/customize-hosts-file-for-pods/` },
  podDnsConfig: { ja: `${JA}concepts/services-networking/dns-pod-service/#pod-dns-config`, en: `${EN}concepts/services-networking/dns-pod-service/#pod-dns-config` },
  readinessGates: { ja: `${JA}concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate`, en: `${EN}concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate` },
  schedulingGates: { en: `${EN}concepts/scheduling-eviction/pod-scheduling-readiness/` },
  hostPathVolume: { ja: `${JA}concepts/storage/volumes/#hostpath`, en: `${EN}concepts/storage/volumes/#hostpath` },
  recursiveReadOnly: { ja: `${JA}concepts/storage/volumes/#read-only-mounts`, en: `${EN}concepts/storage/volumes/#read-only-mounts` },
  ephemeralContainers: { ja: `${JA}concepts/workloads/pods/ephemeral-containers/`, en: `${EN}concepts/workloads/pods/ephemeral-containers/` },
  secretEnv: { ja: `${JA}tasks/inject-data-application/distribute-credentials-secure/`, en: `${EN}tasks/inject-data-application/distribute-credentials-secure/` },
  stopSignals: { en: `${EN}concepts/workloads/pods/pod-lifecycle/#defining-custom-stop-signals` },
} as const satisfies Record<string, ReferencePage>;

/** A reference page's link for `Rule.docs`: the Japanese edition where there is one, else the English page. */
export const REFERENCE: { readonly [Key in keyof typeof REFERENCE_PAGES]: string } = Object.fromEntries(
  Object.entries(REFERENCE_PAGES).map(([key, page]: [string, ReferencePage]) => [key, page.ja ?? page.en]),
) as { readonly [Key in keyof typeof REFERENCE_PAGES]: string };

const ENGLISH_REFERENCE = new Map<string, string>(Object.values(REFERENCE_PAGES).map((page: ReferencePage) => [page.ja ?? page.en, page.en]));

/**
 * The English page for a rule's docs link: the same task's English page and section for a page of the section,
 * the English edition of a reference page, and the link itself when it is English already.
 */
export function englishDocsUrl(url: string): string {
  const reference = ENGLISH_REFERENCE.get(url);
  if (reference) return reference;
  if (url.startsWith(TASKS)) {
    const [rest = '', anchor] = url.slice(TASKS.length).split('#', 2);
    const page = rest.replace(/\/$/, '');
    if (isPageSlug(page)) return docsUrlEn(page, anchor === undefined ? undefined : decodeURIComponent(anchor));
  }
  if (!url.startsWith(JA)) return url;
  const [page = '', anchor] = `${EN}${url.slice(JA.length)}`.split('#', 2);
  return anchor !== undefined && isAscii(anchor) ? `${page}#${anchor}` : page;
}

function isPageSlug(value: string): value is PageSlug {
  return Object.prototype.hasOwnProperty.call(PAGES, value);
}

function isAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}
