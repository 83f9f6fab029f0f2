/**
 * Types accept what Kubernetes accepts: ordinary widened TypeScript values (`string`, `number`, `string[]`, objects
 * declared without `as const`) compile, and the runtime rules check them at synth. Next to each, the
 * `@ts-expect-error` cases that must still fail, and where a literal type still rejects a widened value, the error
 * names the fix.
 */
import { Testing } from 'cdk8s';
import { expectTypeOf } from 'vitest';
import { Deployment } from '../deployment';
import type { NodeSelectorRequirementProps } from '../node-affinity';
import { Pod } from '../pod';
import { Probe, type LivenessProbeInput, type ReadinessProbeInput, type StartupProbeInput } from '../probe';
import { BestEffortPod, GuaranteedPod } from '../qos-pods';

const chart = Testing.chart();
const nginx = { name: 'nginx', image: 'nginx' };

// node affinity: `values` from a `string[]`, and a number turned into the one value of Gt
const zones: string[] = ['antarctica-east1', 'antarctica-west1'];
const inZones: NodeSelectorRequirementProps = { key: 'topology.kubernetes.io/zone', operator: 'In', values: zones };
const n = 8;
const moreCores: NodeSelectorRequirementProps = { key: 'cores', operator: 'Gt', values: [String(n)] };
new Pod(chart, 'zones', { spec: { containers: [nginx], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [inZones, moreCores] }] } } } } });
// @ts-expect-error Exists takes no values, widened or not
const existsWithZones: NodeSelectorRequirementProps = { key: 'topology.kubernetes.io/zone', operator: 'Exists', values: zones };
// @ts-expect-error Gt takes exactly one value
const gtTwo: NodeSelectorRequirementProps = { key: 'cores', operator: 'Gt', values: [String(n), '9'] };
// @ts-expect-error Gt takes a string, as the API does, not a number
const gtNumber: NodeSelectorRequirementProps = { key: 'cores', operator: 'Gt', values: [n] };

// a resources object declared without `as const`, on a Guaranteed container
const res = { cpu: '500m', memory: '128Mi' };
new GuaranteedPod(chart, 'res', { spec: { containers: [{ ...nginx, resources: res }] } });
new Deployment(chart, 'res-deployment', { guarantees: { qos: 'Guaranteed' }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ...nginx, resources: res }] } } } });
const requests = { cpu: '250m', memory: '64Mi' };
new Pod(chart, 'req', { spec: { containers: [{ ...nginx, resources: { requests, limits: requests } }] } });
const cpuOnly = { cpu: '500m' };
// @ts-expect-error a Guaranteed container still needs memory
new GuaranteedPod(chart, 'cpu-only', { spec: { containers: [{ ...nginx, resources: cpuOnly }] } });

// one timing object shared by two probe kinds
const timing = { periodSeconds: 5 };
const liveness: LivenessProbeInput = Probe.httpGet({ path: '/healthz', port: 8080 }, timing);
const readiness: ReadinessProbeInput = Probe.httpGet({ path: '/ready', port: 8080 }, timing);
const startup: StartupProbeInput = Probe.exec(['cat', '/tmp/healthy'], { ...timing, failureThreshold: 30 });
new Pod(chart, 'timing', { spec: { containers: [{ ...nginx, livenessProbe: liveness, readinessProbe: readiness, startupProbe: startup }] } });
// a widened successThreshold is not known to be 1: the error names the fix
const widenedSuccess = { periodSeconds: 5, successThreshold: 1 };
// @ts-expect-error successThreshold: number may not be 1 (write `successThreshold: 1 as const`, or leave it out)
const liveWide: LivenessProbeInput = Probe.tcpSocket({ port: 8080 }, widenedSuccess);
const liveOne: LivenessProbeInput = Probe.tcpSocket({ port: 8080 }, { ...widenedSuccess, successThreshold: 1 as const });
const readyWide: ReadinessProbeInput = Probe.tcpSocket({ port: 8080 }, widenedSuccess);

// a BestEffortPod with only an ephemeral-storage limit
new BestEffortPod(chart, 'eph', { spec: { containers: [{ ...nginx, resources: { limits: { 'ephemeral-storage': '2Gi' } } }] } });
const eph = { 'ephemeral-storage': '2Gi' };
new BestEffortPod(chart, 'eph-wide', { spec: { containers: [{ ...nginx, resources: { requests: eph, limits: eph } }] } });
// @ts-expect-error a BestEffort container cannot request cpu
new BestEffortPod(chart, 'cpu', { spec: { containers: [{ ...nginx, resources: { requests: { cpu: '100m', 'ephemeral-storage': '1Gi' } } }] } });

// widened ports, images and numbers
const port: number = 8080;
const image: string = process.env.IMAGE ?? 'nginx';
new Pod(chart, 'wide', { spec: { containers: [{ name: 'web', image, ports: [{ containerPort: port }], livenessProbe: Probe.tcpSocket({ port }) }] } });

expectTypeOf(timing).toEqualTypeOf<{ periodSeconds: number }>();
export { existsWithZones, gtTwo, gtNumber, liveWide, liveOne, readyWide };
