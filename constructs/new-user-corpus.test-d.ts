/**
 * The new-user corpus, type-checked part: small programs written from the README and the package's published
 * declarations (the package root) that the type checker rejects, each `@ts-expect-error` with its reason next to a
 * near-identical program that compiles. The programs that compile and are rejected at construction or synth are in
 * new-user-corpus.test.ts.
 */
import { Testing } from 'cdk8s';
import {
  BestEffortPod,
  CronJob,
  Deployment,
  GuaranteedPod,
  Job,
  Pod,
  Probe,
  SecurePod,
  StatefulSet,
  emptyDirVolume,
  type NodeSelectorRequirementProps,
} from '../index';

const chart = Testing.chart();
const app = { name: 'app', image: 'nginx:1.27' };
const labels = { app: 'web' };
const template = (spec: object) => ({ metadata: { labels }, spec });
void template;

// ---- enumerations of Pod and Container --------------------------------------------------------------------------
new Pod(chart, 'pull', { spec: { containers: [{ ...app, imagePullPolicy: 'Always' }] } });
// @ts-expect-error 'Alwyas' is not an image pull policy
new Pod(chart, 'pull-typo', { spec: { containers: [{ ...app, imagePullPolicy: 'Alwyas' }] } });
// @ts-expect-error image pull policies are case-sensitive
new Deployment(chart, 'pull-case', { spec: { template: { metadata: { labels }, spec: { containers: [{ ...app, imagePullPolicy: 'always' }] } } } });
const policy: string = 'Always';
// @ts-expect-error a widened string may hold any value: narrow it (as const) or type it as the union
new Pod(chart, 'pull-wide', { spec: { containers: [{ ...app, imagePullPolicy: policy }] } });
// @ts-expect-error 'Logs' is not a termination message policy
new Job(chart, 'msg', { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ ...app, terminationMessagePolicy: 'Logs' }] } } } });
// @ts-expect-error 'always' is not a pod restart policy (case matters)
new Pod(chart, 'restart', { spec: { containers: [app], restartPolicy: 'always' } });
// @ts-expect-error a Deployment's pods can only restart Always
new Deployment(chart, 'restart-never', { spec: { template: { metadata: { labels }, spec: { containers: [app], restartPolicy: 'Never' } } } });
new Job(chart, 'job-never', { spec: { template: { spec: { containers: [app], restartPolicy: 'Never' } } } });
// @ts-expect-error a Job's pods need restartPolicy OnFailure or Never (the default Always is refused)
new Job(chart, 'job-default', { spec: { template: { spec: { containers: [app] } } } });
// @ts-expect-error a CronJob's pods cannot restart Always
new CronJob(chart, 'cron-always', { spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { containers: [app], restartPolicy: 'Always' } } } } } });
// @ts-expect-error 'Host' is not a DNS policy
new Pod(chart, 'dns', { spec: { containers: [app], dnsPolicy: 'Host' } });
// @ts-expect-error 'Preempt' is not a preemption policy
new StatefulSet(chart, 'preempt', { spec: { template: { metadata: { labels }, spec: { containers: [app], preemptionPolicy: 'Preempt' } } } });
// @ts-expect-error 'Windows' is not an OS name (lower case)
new Pod(chart, 'os', { spec: { containers: [app], os: { name: 'Windows' } } });
// @ts-expect-error 'Sometimes' is not an fsGroupChangePolicy
new Pod(chart, 'fsgroup', { spec: { containers: [app], securityContext: { fsGroupChangePolicy: 'Sometimes' } } });
// @ts-expect-error 'Loose' is not a supplementalGroupsPolicy
new Pod(chart, 'groups', { spec: { containers: [app], securityContext: { supplementalGroupsPolicy: 'Loose' } } });
// @ts-expect-error 'Mount' is not a seLinuxChangePolicy
new Pod(chart, 'selinux', { spec: { containers: [app], securityContext: { seLinuxChangePolicy: 'Mount' } } });
// @ts-expect-error 'Disk' is not an emptyDir medium
new Pod(chart, 'medium', { spec: { containers: [app], volumes: [emptyDirVolume('scratch', { medium: 'Disk' })] } });
// @ts-expect-error a sidecar's restartPolicy can only be Always
new Pod(chart, 'sidecar', { spec: { initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Never' }], containers: [app] } });
// @ts-expect-error 'Forbidden' is not a CronJob concurrency policy ('Forbid' is)
new CronJob(chart, 'concurrency', { spec: { schedule: '@daily', concurrencyPolicy: 'Forbidden', jobTemplate: { spec: { template: { spec: { containers: [app], restartPolicy: 'Never' } } } } } });
// @ts-expect-error 'Index' is not a Job completion mode
new Job(chart, 'completion', { spec: { completionMode: 'Index', template: { spec: { containers: [app], restartPolicy: 'Never' } } } });
// @ts-expect-error 'Sequential' is not a StatefulSet podManagementPolicy
new StatefulSet(chart, 'management', { spec: { podManagementPolicy: 'Sequential', template: { metadata: { labels }, spec: { containers: [app] } } } });
// @ts-expect-error 'RollingUpdates' is not a Deployment strategy type
new Deployment(chart, 'strategy', { spec: { strategy: { type: 'RollingUpdates' }, template: { metadata: { labels }, spec: { containers: [app] } } } });
new StatefulSet(chart, 'pvc-ok', { spec: { template: { metadata: { labels }, spec: { containers: [app] } }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] } });
// @ts-expect-error 'ReadWriteOne' is not an access mode
new StatefulSet(chart, 'pvc', { spec: { template: { metadata: { labels }, spec: { containers: [app] } }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOne'] } }] } });

// ---- probes -----------------------------------------------------------------------------------------------------
new Pod(chart, 'live-1', { spec: { containers: [{ ...app, livenessProbe: Probe.httpGet({ path: '/', port: 80 }, { successThreshold: 1 }) }] } });
// @ts-expect-error a liveness probe's successThreshold can only be 1
new Pod(chart, 'live-2', { spec: { containers: [{ ...app, livenessProbe: Probe.httpGet({ path: '/', port: 80 }, { successThreshold: 2 }) }] } });
// @ts-expect-error a startup probe's successThreshold can only be 1
new Job(chart, 'startup-3', { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ ...app, startupProbe: Probe.exec(['true'], { successThreshold: 3 }) }] } } } });
// @ts-expect-error a readiness probe takes no terminationGracePeriodSeconds
new Deployment(chart, 'ready-grace', { spec: { template: { metadata: { labels }, spec: { containers: [{ ...app, readinessProbe: Probe.tcpSocket({ port: 80 }, { terminationGracePeriodSeconds: 10 }) }] } } } });
// @ts-expect-error a probe written as wire JSON has one handler, not two
new Pod(chart, 'two-handlers', { spec: { containers: [{ ...app, readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } }] } });
// @ts-expect-error the probe factories take the handler's own options (a port), not a URL
new Pod(chart, 'url', { spec: { containers: [{ ...app, readinessProbe: Probe.httpGet('http://localhost/') }] } });
const widenedSuccess = { successThreshold: 1 };
// @ts-expect-error a widened successThreshold: number may not be 1 (write `successThreshold: 1 as const`, or leave it out)
new Pod(chart, 'live-wide', { spec: { containers: [{ ...app, livenessProbe: Probe.exec(['true'], widenedSuccess) }] } });
new Pod(chart, 'ready-wide', { spec: { containers: [{ ...app, readinessProbe: Probe.exec(['true'], widenedSuccess) }] } });
// @ts-expect-error an init container that runs to completion takes no probes (only a sidecar, restartPolicy: Always)
new Pod(chart, 'init-probe', { spec: { initContainers: [{ name: 'init', image: 'busybox', readinessProbe: Probe.exec(['true']) }], containers: [app] } });
new Pod(chart, 'sidecar-probe', { spec: { initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always', readinessProbe: Probe.exec(['true']) }], containers: [app] } });

// ---- guarantees ---------------------------------------------------------------------------------------------------
new GuaranteedPod(chart, 'g', { spec: { containers: [{ ...app, resources: { cpu: '500m', memory: '128Mi' } }] } });
// @ts-expect-error a Guaranteed container needs memory too
new GuaranteedPod(chart, 'g-cpu', { spec: { containers: [{ ...app, resources: { cpu: '500m' } }] } });
// @ts-expect-error a Guaranteed container takes one value per resource, not requests and limits
new Deployment(chart, 'g-req', { guarantees: { qos: 'Guaranteed' }, spec: { template: { metadata: { labels }, spec: { containers: [{ ...app, resources: { requests: { cpu: '1', memory: '1Gi' } } }] } } } });
// @ts-expect-error a BestEffort container requests no cpu
new BestEffortPod(chart, 'be-cpu', { spec: { containers: [{ ...app, resources: { requests: { cpu: '100m' } } }] } });
// @ts-expect-error a BestEffort container has no memory limit
new CronJob(chart, 'be-mem', { guarantees: { qos: 'BestEffort' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ ...app, resources: { limits: { memory: '64Mi' } } }] } } } } } });
new SecurePod(chart, 'secure', { spec: { containers: [app] } });
// @ts-expect-error a restricted container cannot be privileged
new SecurePod(chart, 'privileged', { spec: { containers: [{ ...app, securityContext: { privileged: true } }] } });
// @ts-expect-error a restricted pod cannot use the host network
new Deployment(chart, 'host-net', { guarantees: { podSecurity: 'restricted' }, spec: { template: { metadata: { labels }, spec: { hostNetwork: true, containers: [app] } } } });
// @ts-expect-error a baseline pod cannot share the host PID namespace
new StatefulSet(chart, 'host-pid', { guarantees: { podSecurity: 'baseline' }, spec: { template: { metadata: { labels }, spec: { hostPID: true, containers: [app] } } } });
// @ts-expect-error a restricted container cannot add NET_ADMIN
new Job(chart, 'caps', { guarantees: { podSecurity: 'restricted' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ ...app, securityContext: { capabilities: { add: ['NET_ADMIN'] } } }] } } } });
// @ts-expect-error a probed Deployment's containers need a liveness and a readiness probe
new Deployment(chart, 'probed', { guarantees: { probed: true }, spec: { template: { metadata: { labels }, spec: { containers: [app] } } } });
// @ts-expect-error a probed Job's container needs a liveness probe
new Job(chart, 'probed-job', { guarantees: { probed: true }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ ...app, readinessProbe: Probe.exec(['true']) }] } } } });
new Job(chart, 'probed-job-ok', { guarantees: { probed: true }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ ...app, livenessProbe: Probe.exec(['true']) }] } } } });
// @ts-expect-error a Windows workload's os can only be windows
new Deployment(chart, 'win', { guarantees: { windows: true }, spec: { template: { metadata: { labels }, spec: { os: { name: 'linux' }, containers: [app] } } } });
// @ts-expect-error a shared process namespace cannot be combined with hostPID
new Pod(chart, 'shared-pid', { guarantees: { sharedProcessNamespace: true }, spec: { hostPID: true, containers: [app] } });
// @ts-expect-error 'Guarantee' is not a QoS class
new Pod(chart, 'qos-typo', { guarantees: { qos: 'Guarantee' }, spec: { containers: [app] } });

// ---- scheduling: node and pod affinity ----------------------------------------------------------------------------
const zones: string[] = ['antarctica-east1'];
const inZones: NodeSelectorRequirementProps = { key: 'topology.kubernetes.io/zone', operator: 'In', values: zones };
// @ts-expect-error Exists takes no values
const existsWithValues: NodeSelectorRequirementProps = { key: 'topology.kubernetes.io/zone', operator: 'Exists', values: zones };
// @ts-expect-error Gt takes exactly one value
const gtTwo: NodeSelectorRequirementProps = { key: 'cores', operator: 'Gt', values: ['4', '8'] };
// @ts-expect-error a Gt value is a string, as the API writes it: String(n)
const gtNumber: NodeSelectorRequirementProps = { key: 'cores', operator: 'Gt', values: [8] };
// @ts-expect-error 'Equals' is not a node selector operator
const equals: NodeSelectorRequirementProps = { key: 'disk', operator: 'Equals', values: ['ssd'] };
new Pod(chart, 'required-ok', { spec: { containers: [app], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [inZones] }] } } } } });
// @ts-expect-error required node affinity needs at least one node selector term
new Pod(chart, 'no-terms', { spec: { containers: [app], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } } });
// @ts-expect-error matchFields takes only metadata.name
new Pod(chart, 'fields', { spec: { containers: [app], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.labels', operator: 'In', values: ['a'] }] }] } } } } });
const term = { labelSelector: { matchLabels: labels }, topologyKey: 'kubernetes.io/hostname' };
new Deployment(chart, 'anti', { spec: { template: { metadata: { labels }, spec: { containers: [app], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } } } } });
// @ts-expect-error a pod affinity term needs a topologyKey
new Deployment(chart, 'anti-no-key', { spec: { template: { metadata: { labels }, spec: { containers: [app], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: labels } }] } } } } } });
// @ts-expect-error a weighted pod affinity term's weight is a number
new Pod(chart, 'weight-string', { spec: { containers: [app], affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: '50', podAffinityTerm: term }] } } } });
// @ts-expect-error a weighted pod affinity term nests its term under podAffinityTerm
new Pod(chart, 'weight-flat', { spec: { containers: [app], affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, ...term }] } } } });
// @ts-expect-error a topology spread constraint needs maxSkew, topologyKey and whenUnsatisfiable
new Pod(chart, 'spread', { spec: { containers: [app], topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }] } });
// @ts-expect-error maxSkew is a number
new Pod(chart, 'spread-string', { spec: { containers: [app], topologySpreadConstraints: [{ maxSkew: '1', topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] } });

// ---- env, resources, ports, misspelt fields -----------------------------------------------------------------------
// @ts-expect-error an env var needs a name
new Pod(chart, 'env-no-name', { spec: { containers: [{ ...app, env: [{ value: 'x' }] }] } });
// @ts-expect-error an env var's value is a string (Kubernetes does not coerce numbers)
new Pod(chart, 'env-number', { spec: { containers: [{ ...app, env: [{ name: 'PORT', value: 8080 }] }] } });
new Pod(chart, 'env-string', { spec: { containers: [{ ...app, env: [{ name: 'PORT', value: String(8080) }] }] } });
// @ts-expect-error a fieldRef needs a fieldPath
new Pod(chart, 'field-ref', { spec: { containers: [{ ...app, env: [{ name: 'N', valueFrom: { fieldRef: { apiVersion: 'v1' } } }] }] } });
// @ts-expect-error a containerPort is a number
new Pod(chart, 'port-string', { spec: { containers: [{ ...app, ports: [{ containerPort: '80' }] }] } });
// @ts-expect-error a container port needs containerPort
new Pod(chart, 'port-missing', { spec: { containers: [{ ...app, ports: [{ name: 'http' }] }] } });
// @ts-expect-error resources take requests and limits, not request/limit
new Pod(chart, 'resources-typo', { spec: { containers: [{ ...app, resources: { limit: { memory: '128Mi' } } }] } });
// @ts-expect-error a misspelt container field (imagePullPolisy) is an excess property
new Pod(chart, 'field-typo', { spec: { containers: [{ ...app, imagePullPolisy: 'Always' }] } });
// @ts-expect-error a misspelt pod field (nodeSelectr) is an excess property
new Pod(chart, 'pod-typo', { spec: { containers: [app], nodeSelectr: { disk: 'ssd' } } });
// @ts-expect-error ephemeral containers cannot be set on a new Pod (kubectl debug adds them to a running one)
new Pod(chart, 'ephemeral', { spec: { containers: [app], ephemeralContainers: [{ name: 'debug', image: 'busybox' }] } });
// @ts-expect-error a container needs an image
new Pod(chart, 'no-image', { spec: { containers: [{ name: 'app' }] } });
// @ts-expect-error a Deployment's pod template needs labels (the selector is derived from them)
new Deployment(chart, 'no-labels', { spec: { template: { spec: { containers: [app] } } } });
// @ts-expect-error label values are strings
new Pod(chart, 'label-number', { metadata: { labels: { version: 2 } }, spec: { containers: [app] } });
// @ts-expect-error activeDeadlineSeconds is a number of seconds, not a duration string
new Pod(chart, 'deadline', { spec: { containers: [app], activeDeadlineSeconds: '1h' } });
// @ts-expect-error tolerationSeconds is a number
new Pod(chart, 'toleration', { spec: { containers: [app], tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: '60' }] } });

export { existsWithValues, gtTwo, gtNumber, equals };
