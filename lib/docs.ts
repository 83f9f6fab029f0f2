/**
 * Links to the Japanese pages of "Configure Pods and Containers" (「Podとコンテナの設定」) that state the
 * rules, and to the Kubernetes reference pages where a rule comes from the API server rather than a task page.
 */
const TASKS = 'https://kubernetes.io/ja/docs/tasks/configure-pod-container/';

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

/** The URL of a page, with an optional anchor. */
export function docsUrl(page: PageSlug, anchor?: string): string {
  return anchor ? `${PAGES[page]}#${anchor}` : PAGES[page];
}

/** Reference pages for rules the task pages rely on but do not state themselves. */
export const REFERENCE = {
  names: 'https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/names/',
  resourceUnits: 'https://kubernetes.io/ja/docs/concepts/configuration/manage-resources-containers/#resource-units-in-kubernetes',
  quantity: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  podSecurityStandards: 'https://kubernetes.io/ja/docs/concepts/security/pod-security-standards/',
} as const;
