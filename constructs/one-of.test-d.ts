/** Type tests: the handler unions written out in probe.ts and lifecycle-handler.ts are exactly `OneOf<…>` of the handlers. */
import { expectTypeOf } from 'vitest';
import type * as k8s from '../lib/k8s';
import type { LifecycleHandlerWire } from './lifecycle-handler';
import type { OneOf } from './one-of';
import type { ProbeHandlerWire } from './probe';

type ProbeHandlers = OneOf<{ exec: k8s.ExecAction; httpGet: k8s.HTTPGetAction; tcpSocket: k8s.TCPSocketAction; grpc: k8s.GRPCAction }>;
type LifecycleHandlers = OneOf<{ exec: k8s.ExecAction; httpGet: k8s.HTTPGetAction; tcpSocket: k8s.TCPSocketAction; sleep: k8s.SleepAction }>;

/** Each member of a union as one flat object type, so members compare field by field, modifiers included. */
type Flat<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;

expectTypeOf<ProbeHandlerWire>().toEqualTypeOf<Flat<ProbeHandlers>>();
expectTypeOf<LifecycleHandlerWire>().toEqualTypeOf<Flat<LifecycleHandlers>>();
