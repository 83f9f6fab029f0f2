/** Type tests: a ProbedDeployment's containers cannot be declared without liveness and readiness probes. */
import { expectTypeOf } from 'vitest';
import { Probe } from './probe';
import type { ProbedContainerProps, ProbedPodSpecProps } from './probed-deployment';

const live = Probe.tcpSocket({ port: 8080 }, { initialDelaySeconds: 15, periodSeconds: 20 });
const ready = Probe.tcpSocket({ port: 8080 }, { initialDelaySeconds: 5, periodSeconds: 10 });

const both: ProbedContainerProps = { name: 'a', image: 'b', livenessProbe: live, readinessProbe: ready };
const withStartup: ProbedContainerProps = { name: 'a', image: 'b', livenessProbe: live, readinessProbe: ready, startupProbe: Probe.exec(['true']).toleratingStartup(300) };
// @ts-expect-error a probed container needs a readinessProbe
const noReadiness: ProbedContainerProps = { name: 'a', image: 'b', livenessProbe: live };
// @ts-expect-error a probed container needs a livenessProbe
const noLiveness: ProbedContainerProps = { name: 'a', image: 'b', readinessProbe: ready };
// @ts-expect-error the liveness probe of a probed container still needs successThreshold 1
const badLive: ProbedContainerProps = { name: 'a', image: 'b', livenessProbe: Probe.tcpSocket({ port: 8080 }, { successThreshold: 2 }), readinessProbe: ready };

// Init containers run to completion and are not required to be probed.
const spec: ProbedPodSpecProps = { containers: [both], initContainers: [{ name: 'init', image: 'busybox' }] };
expectTypeOf(spec.containers[0]!.livenessProbe).not.toBeUndefined();

export { both, withStartup, noReadiness, noLiveness, badLive, spec };
