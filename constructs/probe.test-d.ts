/** Type tests: what the typed probe and lifecycle API lets compile, and what it must not. Checked by `tsc --noEmit`. */
import { expectTypeOf } from 'vitest';
import type * as k8s from '../lib/k8s';
import type { ContainerProps } from './container';
import { LifecycleHandler } from './lifecycle-handler';
import { Probe, type LivenessProbeInput, type ReadinessProbeInput, type StartupProbeInput } from './probe';

const healthz = { path: '/healthz', port: 'liveness-port' } as const;

// successThreshold on liveness and startup probes: only the literal 1.
const liveOne: ContainerProps = { name: 'a', image: 'b', livenessProbe: Probe.httpGet(healthz, { successThreshold: 1 }) };
// @ts-expect-error liveness probes must have successThreshold 1
const liveTwo: ContainerProps = { name: 'a', image: 'b', livenessProbe: Probe.httpGet(healthz, { successThreshold: 2 }) };
const startOne: ContainerProps = { name: 'a', image: 'b', startupProbe: Probe.exec(['true'], { successThreshold: 1, failureThreshold: 30 }) };
// @ts-expect-error startup probes must have successThreshold 1
const startThree: ContainerProps = { name: 'a', image: 'b', startupProbe: Probe.exec(['true'], { successThreshold: 3, failureThreshold: 30 }) };
// ...while a readiness probe may need several successes.
const readyTwo: ContainerProps = { name: 'a', image: 'b', readinessProbe: Probe.exec(['true'], { successThreshold: 2 }) };

// A widened number is not known to be 1: it does not pass as a liveness probe's successThreshold.
declare const n: number;
// @ts-expect-error a `number` successThreshold may not be 1
const liveWide: LivenessProbeInput = Probe.tcpSocket({ port: 8080 }, { successThreshold: n });
const readyWide: ReadinessProbeInput = Probe.tcpSocket({ port: 8080 }, { successThreshold: n });

// terminationGracePeriodSeconds: liveness yes, readiness no.
const liveGrace: LivenessProbeInput = Probe.exec(['true'], { terminationGracePeriodSeconds: 10 });
// @ts-expect-error readiness probes may not set terminationGracePeriodSeconds
const readyGrace: ReadinessProbeInput = Probe.exec(['true'], { terminationGracePeriodSeconds: 10 });

// Exactly one handler: a factory takes one action, and its options have no room for a second.
const oneHandler = Probe.httpGet({ path: '/healthz', port: 8080 });
// @ts-expect-error an httpGet probe cannot also carry exec
const twoHandlers = Probe.httpGet({ path: '/healthz', port: 8080, exec: { command: ['true'] } });

// The plain-JSON form is an exclusive union: one handler, and the same literal successThreshold.
const wireOne: LivenessProbeInput = { httpGet: { path: '/healthz', port: 8080 }, successThreshold: 1 };
// @ts-expect-error a plain probe with two handlers
const wireTwo: LivenessProbeInput = { httpGet: { path: '/healthz', port: 8080 }, exec: { command: ['true'] } };
// @ts-expect-error a plain startup probe with successThreshold 2
const wireSuccess: StartupProbeInput = { exec: { command: ['true'] }, successThreshold: 2 };
// @ts-expect-error a plain probe with no handler at all
const wireNone: ReadinessProbeInput = { periodSeconds: 5 };

// The scheme is HTTP or HTTPS.
const https = Probe.httpGet({ port: 443, scheme: 'HTTPS' });
// @ts-expect-error the scheme is upper case
const httpsLower = Probe.httpGet({ port: 443, scheme: 'https' });

// gRPC ports are numbers only.
const grpcNumber = Probe.grpc({ port: 2379 });
// @ts-expect-error gRPC probes take no port names
const grpcName = Probe.grpc({ port: 'etcd' });

// Lifecycle handlers: one action each, sleep takes seconds, and there is no grpc.
const hook: ContainerProps = { name: 'a', image: 'b', lifecycle: { preStop: LifecycleHandler.sleep(5), postStart: LifecycleHandler.exec(['true']) } };
const hookWire: ContainerProps = { name: 'a', image: 'b', lifecycle: { preStop: { sleep: { seconds: 5 } } } };
// @ts-expect-error a plain hook with two actions
const hookTwo: ContainerProps = { name: 'a', image: 'b', lifecycle: { preStop: { sleep: { seconds: 5 }, exec: { command: ['true'] } } } };
// @ts-expect-error grpc is not a lifecycle handler
const hookGrpc = LifecycleHandler.grpc({ port: 1 });

// toJSON gives the wire types.
expectTypeOf(oneHandler.toJSON()).toEqualTypeOf<k8s.Probe>();
expectTypeOf(hook.lifecycle!.preStop!).toEqualTypeOf<LifecycleHandler | import('./lifecycle-handler').LifecycleHandlerWire>();
expectTypeOf(Probe.exec(['x'], { successThreshold: 1 }).timing).toEqualTypeOf<{ readonly successThreshold: 1 }>();
expectTypeOf(Probe.exec(['x'], { periodSeconds: 10 }).toleratingStartup(300)).toEqualTypeOf<Probe<{ readonly periodSeconds: 10 }>>();

export {
  liveOne, liveTwo, startOne, startThree, readyTwo, liveWide, readyWide, liveGrace, readyGrace, oneHandler, twoHandlers,
  wireOne, wireTwo, wireSuccess, wireNone, https, httpsLower, grpcNumber, grpcName, hook, hookWire, hookTwo, hookGrpc,
};
