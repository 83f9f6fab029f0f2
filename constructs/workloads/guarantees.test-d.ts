/**
 * The type-test matrix of guarantees × workload kinds: each guarantee on each kind compiles with a pod spec that
 * keeps it and does not with a near-identical one that breaks it (`@ts-expect-error`); combinations type-check as
 * the intersection of their guarantees. Each kind is called through a helper with the kind's own signature (the
 * guarantees and the pod spec as the constructor types them), and directly for the combinations.
 */
import { Testing } from 'cdk8s';
import { expectTypeOf } from 'vitest';
import { Deployment } from '../deployment';
import { Pod } from '../pod';
import { Probe } from '../probe';
import { CronJob } from './cron-job';
import { DaemonSet } from './daemon-set';
import { Job } from './job';
import type { GuaranteesProp, PodRun, PodSecurityFlag, PodSpecOf, QosFlag } from './pod-spec';
import { PodTemplate } from './pod-template';
import { ReplicaSet } from './replica-set';
import { StatefulSet } from './stateful-set';

const chart = Testing.chart();
let n = 0;
const id = () => `w${n++}`;
const labels = { app: 'web' };

/** A kind's constructor, as a function of the guarantees and the pod spec it types with them. */
type Kind<Run extends PodRun> = <Q extends QosFlag = undefined, S extends PodSecurityFlag = undefined, P extends boolean = false, W extends boolean = false, N extends boolean = false>(
  guarantees: GuaranteesProp<Q, S, P, W, N>,
  spec: PodSpecOf<Q, S, P, W, N, Run>,
) => unknown;

const pod: Kind<'pod'> = (guarantees, spec) => new Pod(chart, id(), { guarantees, spec });
const deployment: Kind<'long-running'> = (guarantees, spec) => new Deployment(chart, id(), { guarantees, spec: { template: { metadata: { labels }, spec } } });
const replicaSet: Kind<'long-running'> = (guarantees, spec) => new ReplicaSet(chart, id(), { guarantees, spec: { template: { metadata: { labels }, spec } } });
const statefulSet: Kind<'long-running'> = (guarantees, spec) => new StatefulSet(chart, id(), { guarantees, spec: { serviceName: 'web', template: { metadata: { labels }, spec } } });
const daemonSet: Kind<'long-running'> = (guarantees, spec) => new DaemonSet(chart, id(), { guarantees, spec: { template: { metadata: { labels }, spec } } });
const job: Kind<'run-to-completion'> = (guarantees, spec) => new Job(chart, id(), { guarantees, spec: { template: { spec } } });
const cronJob: Kind<'run-to-completion'> = (guarantees, spec) => new CronJob(chart, id(), { guarantees, spec: { schedule: '@hourly', jobTemplate: { spec: { template: { spec } } } } });
const podTemplate: Kind<'pod'> = (guarantees, spec) => new PodTemplate(chart, id(), { guarantees, template: { spec } });

const live = Probe.httpGet({ path: '/healthz', port: 8080 });
const ready = Probe.httpGet({ path: '/ready', port: 8080 });


// ---- Pod -------------------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
pod({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
pod({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
pod({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
pod({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
pod({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
pod({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
pod({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
pod({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
pod({ podSecurity: 'baseline' }, { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
pod({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
pod({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
pod({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
pod({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: liveness and readiness on every app container
pod({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error a probed container without a readiness probe
pod({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed container without a liveness probe
pod({ probed: true }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
pod({ windows: true }, { os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
pod({ windows: true }, { os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
pod({ sharedProcessNamespace: true }, { hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
pod({ sharedProcessNamespace: true }, { hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
pod({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
pod({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the restricted part fails (privileged)
pod({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
pod({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- Deployment ------------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
deployment({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
deployment({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
deployment({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
deployment({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
deployment({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
deployment({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
deployment({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
deployment({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
deployment({ podSecurity: 'baseline' }, { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
deployment({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
deployment({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
deployment({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
deployment({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: liveness and readiness on every app container
deployment({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error a probed container without a readiness probe
deployment({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed container without a liveness probe
deployment({ probed: true }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
deployment({ windows: true }, { os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
deployment({ windows: true }, { os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
deployment({ sharedProcessNamespace: true }, { hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
deployment({ sharedProcessNamespace: true }, { hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
deployment({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
deployment({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the restricted part fails (privileged)
deployment({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
deployment({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- ReplicaSet ------------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
replicaSet({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
replicaSet({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
replicaSet({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
replicaSet({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
replicaSet({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
replicaSet({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
replicaSet({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
replicaSet({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
replicaSet({ podSecurity: 'baseline' }, { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
replicaSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
replicaSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
replicaSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
replicaSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: liveness and readiness on every app container
replicaSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error a probed container without a readiness probe
replicaSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed container without a liveness probe
replicaSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
replicaSet({ windows: true }, { os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
replicaSet({ windows: true }, { os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
replicaSet({ sharedProcessNamespace: true }, { hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
replicaSet({ sharedProcessNamespace: true }, { hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
replicaSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
replicaSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the restricted part fails (privileged)
replicaSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
replicaSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- StatefulSet -----------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
statefulSet({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
statefulSet({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
statefulSet({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
statefulSet({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
statefulSet({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
statefulSet({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
statefulSet({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
statefulSet({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
statefulSet({ podSecurity: 'baseline' }, { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
statefulSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
statefulSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
statefulSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
statefulSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: liveness and readiness on every app container
statefulSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error a probed container without a readiness probe
statefulSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed container without a liveness probe
statefulSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
statefulSet({ windows: true }, { os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
statefulSet({ windows: true }, { os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
statefulSet({ sharedProcessNamespace: true }, { hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
statefulSet({ sharedProcessNamespace: true }, { hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
statefulSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
statefulSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the restricted part fails (privileged)
statefulSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
statefulSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- DaemonSet -------------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
daemonSet({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
daemonSet({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
daemonSet({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
daemonSet({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
daemonSet({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
daemonSet({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
daemonSet({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
daemonSet({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
daemonSet({ podSecurity: 'baseline' }, { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
daemonSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
daemonSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
daemonSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
daemonSet({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: liveness and readiness on every app container
daemonSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error a probed container without a readiness probe
daemonSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed container without a liveness probe
daemonSet({ probed: true }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
daemonSet({ windows: true }, { os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
daemonSet({ windows: true }, { os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
daemonSet({ sharedProcessNamespace: true }, { hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
daemonSet({ sharedProcessNamespace: true }, { hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
daemonSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
daemonSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the restricted part fails (privileged)
daemonSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
daemonSet({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- Job -------------------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
job({ qos: 'Guaranteed' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
job({ qos: 'Guaranteed' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
job({ qos: 'BestEffort' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
job({ qos: 'BestEffort' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
job({ qos: 'Burstable' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
job({ qos: 'Burstable' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
job({ podSecurity: 'baseline' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
job({ podSecurity: 'baseline' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
job({ podSecurity: 'baseline' }, { restartPolicy: 'Never', hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
job({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
job({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
job({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
job({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: a Job's container needs a liveness probe, not a readiness probe
job({ probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed Job container without a liveness probe
job({ probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
job({ windows: true }, { restartPolicy: 'Never', os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
job({ windows: true }, { restartPolicy: 'Never', os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
job({ sharedProcessNamespace: true }, { restartPolicy: 'Never', hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
job({ sharedProcessNamespace: true }, { restartPolicy: 'Never', hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
job({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
job({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live }] });
// @ts-expect-error combined: the restricted part fails (privileged)
job({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
job({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- CronJob ---------------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
cronJob({ qos: 'Guaranteed' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
cronJob({ qos: 'Guaranteed' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
cronJob({ qos: 'BestEffort' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
cronJob({ qos: 'BestEffort' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
cronJob({ qos: 'Burstable' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
cronJob({ qos: 'Burstable' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
cronJob({ podSecurity: 'baseline' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
cronJob({ podSecurity: 'baseline' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
cronJob({ podSecurity: 'baseline' }, { restartPolicy: 'Never', hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
cronJob({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
cronJob({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
cronJob({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
cronJob({ podSecurity: 'restricted' }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: a Job's container needs a liveness probe, not a readiness probe
cronJob({ probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed Job container without a liveness probe
cronJob({ probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
cronJob({ windows: true }, { restartPolicy: 'Never', os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
cronJob({ windows: true }, { restartPolicy: 'Never', os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
cronJob({ sharedProcessNamespace: true }, { restartPolicy: 'Never', hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
cronJob({ sharedProcessNamespace: true }, { restartPolicy: 'Never', hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
cronJob({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
cronJob({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live }] });
// @ts-expect-error combined: the restricted part fails (privileged)
cronJob({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
cronJob({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- PodTemplate -----------------------------------------------------------------------------------------
// QoS Guaranteed: one value per resource, cpu and memory required
podTemplate({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m', memory: '128Mi' } }] });
// @ts-expect-error a Guaranteed container without memory
podTemplate({ qos: 'Guaranteed' }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '500m' } }] });
// QoS BestEffort: no cpu or memory (ephemeral-storage is fine)
podTemplate({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] });
// @ts-expect-error a BestEffort container with a memory request
podTemplate({ qos: 'BestEffort' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// QoS Burstable: requests and limits as Kubernetes writes them
podTemplate({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { memory: '64Mi' } } }] });
// @ts-expect-error a Burstable container still writes requests and limits, not one value per resource
podTemplate({ qos: 'Burstable' }, { containers: [{ name: 'app', image: 'nginx', resources: { memory: '64Mi' } }] });
// Pod Security baseline: no privileged container, no host namespaces
podTemplate({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a baseline container cannot be privileged
podTemplate({ podSecurity: 'baseline' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a baseline pod cannot use the host network
podTemplate({ podSecurity: 'baseline' }, { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] });
// Pod Security restricted: NET_BIND_SERVICE only, no host port
podTemplate({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }] });
// @ts-expect-error a restricted container cannot say privileged: true
podTemplate({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] });
// @ts-expect-error a restricted container cannot add CHOWN (baseline could)
podTemplate({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['CHOWN'] } } }] });
// @ts-expect-error a restricted pod cannot mount a hostPath volume
podTemplate({ podSecurity: 'restricted' }, { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'h', hostPath: { path: '/var' } }] });
// probed: liveness and readiness on every app container
podTemplate({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error a probed container without a readiness probe
podTemplate({ probed: true }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed container without a liveness probe
podTemplate({ probed: true }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: ready }] });
// Windows: os can only be windows
podTemplate({ windows: true }, { os: { name: 'windows' }, containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'webapp1' } } }] });
// @ts-expect-error a Windows pod with os linux
podTemplate({ windows: true }, { os: { name: 'linux' }, containers: [{ name: 'app', image: 'nginx' }] });
// shared process namespace: no hostPID with it
podTemplate({ sharedProcessNamespace: true }, { hostPID: false, containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error hostPID with a shared process namespace
podTemplate({ sharedProcessNamespace: true }, { hostPID: true, containers: [{ name: 'app', image: 'nginx' }] });
// combined: Guaranteed + restricted + probed is the intersection
podTemplate({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the Guaranteed part fails (no memory)
podTemplate({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1' }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the restricted part fails (privileged)
podTemplate({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' }, securityContext: { privileged: true }, livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error combined: the probed part fails (no liveness probe)
podTemplate({ qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ name: 'app', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] });

// ---- restartPolicy per kind ----------------------------------------------------------------------------------
pod({}, { restartPolicy: 'OnFailure', containers: [{ name: 'app', image: 'nginx' }] });
deployment({}, { restartPolicy: 'Always', containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error a Deployment's pods can only restart Always
deployment({}, { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx' }] });
job({}, { restartPolicy: 'OnFailure', containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error a Job's pods need restartPolicy OnFailure or Never (the default Always is refused)
job({}, { containers: [{ name: 'app', image: 'nginx' }] });
// @ts-expect-error a CronJob's pods cannot restart Always
cronJob({}, { restartPolicy: 'Always', containers: [{ name: 'app', image: 'nginx' }] });

// ---- the combinations, written directly ---------------------------------------------------------------------
const web = { name: 'web', image: 'nginx', livenessProbe: live, readinessProbe: ready } as const;
// Deployment, Guaranteed + restricted + probed
const grp = new Deployment(chart, id(), {
  guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true },
  spec: { replicas: 2, template: { metadata: { labels }, spec: { containers: [{ ...web, resources: { cpu: '500m', memory: '128Mi' } }] } } },
});
expectTypeOf(grp.qosClass).toEqualTypeOf<'Guaranteed'>();
expectTypeOf(grp.guarantees.podSecurity).toEqualTypeOf<'restricted' | undefined>();
new Deployment(chart, id(), {
  guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true },
  // @ts-expect-error the same Deployment without memory
  spec: { template: { metadata: { labels }, spec: { containers: [{ ...web, resources: { cpu: '500m' } }] } } },
});
// a Guaranteed Deployment
new Deployment(chart, id(), { guarantees: { qos: 'Guaranteed' }, spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx', resources: { cpu: '1', memory: '1Gi' } }] } } } });
// a probed Windows Deployment
new Deployment(chart, id(), { guarantees: { windows: true, probed: true }, spec: { template: { metadata: { labels }, spec: { os: { name: 'windows' }, containers: [web] } } } });
new Deployment(chart, id(), {
  guarantees: { windows: true, probed: true },
  // @ts-expect-error a probed Windows Deployment on linux
  spec: { template: { metadata: { labels }, spec: { os: { name: 'linux' }, containers: [web] } } },
});
// a BestEffort, baseline StatefulSet with a shared process namespace
new StatefulSet(chart, id(), { guarantees: { qos: 'BestEffort', podSecurity: 'baseline', sharedProcessNamespace: true }, spec: { serviceName: 'db', template: { metadata: { labels }, spec: { containers: [{ name: 'db', image: 'postgres' }] } } } });
// a restricted, probed CronJob (liveness only)
new CronJob(chart, id(), { guarantees: { podSecurity: 'restricted', probed: true }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'busybox', livenessProbe: live }] } } } } } });
// without guarantees, the QoS class is any of the three
expectTypeOf(new Pod(chart, id(), { spec: { containers: [{ name: 'a', image: 'b' }] } }).qosClass).toEqualTypeOf<'Guaranteed' | 'Burstable' | 'BestEffort'>();
// a guarantee flag is a literal: a misspelt class does not compile
// @ts-expect-error 'guaranteed' is not a QoS class
new Pod(chart, id(), { guarantees: { qos: 'guaranteed' }, spec: { containers: [{ name: 'a', image: 'b' }] } });

// ---- probed: sidecars are long-running, init containers that run to completion are not probed ----------------
const sidecar = { name: 'proxy', image: 'envoy', restartPolicy: 'Always' } as const;
deployment({ probed: true }, { initContainers: [{ name: 'init', image: 'busybox' }, { ...sidecar, livenessProbe: live, readinessProbe: ready }], containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
// @ts-expect-error a probed Deployment's sidecar without a readiness probe
deployment({ probed: true }, { initContainers: [{ ...sidecar, livenessProbe: live }], containers: [{ name: 'app', image: 'nginx', livenessProbe: live, readinessProbe: ready }] });
job({ probed: true }, { restartPolicy: 'Never', initContainers: [{ ...sidecar, livenessProbe: live }], containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// @ts-expect-error a probed Job's sidecar without a liveness probe
job({ probed: true }, { restartPolicy: 'Never', initContainers: [sidecar], containers: [{ name: 'app', image: 'nginx', livenessProbe: live }] });
// without the guarantee, a sidecar's probes stay optional
deployment({}, { initContainers: [sidecar], containers: [{ name: 'app', image: 'nginx' }] });
