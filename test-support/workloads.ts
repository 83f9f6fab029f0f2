/**
 * A valid object of every pod-bearing kind, for the tests of the per-kind rules: each passes every rule, so a test
 * changes one field and expects exactly the finding that field causes.
 */
import type { Container, KubeObject } from '../lib/k8s';

const LABELS = { app: 'web' };
const CONTAINER: Container = { name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] };

/** A pod template with `labels` and the given pod spec fields. */
export function template(spec: Record<string, unknown> = {}, labels: Record<string, string> = LABELS): Record<string, unknown> {
  return { metadata: { labels }, spec: { containers: [CONTAINER], ...spec } };
}

/** Builders of one valid object per kind; `spec` fields and the template's pod spec fields can be overridden. */
export const VALID: Readonly<Record<string, (spec?: Record<string, unknown>, pod?: Record<string, unknown>) => KubeObject>> = {
  Pod: (_spec, pod = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: LABELS }, spec: { containers: [CONTAINER], ...pod } }),
  Deployment: (spec = {}, pod = {}) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: LABELS }, template: template(pod), ...spec } }),
  ReplicaSet: (spec = {}, pod = {}) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { selector: { matchLabels: LABELS }, template: template(pod), ...spec } }),
  ReplicationController: (spec = {}, pod = {}) => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'web' }, spec: { selector: LABELS, template: template(pod), ...spec } }),
  DaemonSet: (spec = {}, pod = {}) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'web' }, spec: { selector: { matchLabels: LABELS }, template: template(pod), ...spec } }),
  StatefulSet: (spec = {}, pod = {}) => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: { serviceName: 'web', selector: { matchLabels: LABELS }, template: template(pod), ...spec },
  }),
  Job: (spec = {}, pod = {}) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: template({ restartPolicy: 'Never', ...pod }), ...spec } }),
  CronJob: (spec = {}, pod = {}) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: template({ restartPolicy: 'OnFailure', ...pod }) } }, ...spec },
  }),
  PodTemplate: (_spec, pod = {}) => ({ apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'web' }, template: template(pod) }),
};

/** Where each kind's pod spec is. */
export const POD_BASE: Readonly<Record<string, string>> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  ReplicationController: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
  PodTemplate: 'template.spec',
};
