/**
 * Typed lifecycle hooks: `LifecycleHandler.exec / httpGet / tcpSocket / sleep` build a postStart or preStop
 * handler with exactly one action (grpc is not a lifecycle handler). Serializes (`toJSON`) to the wire handler.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/attach-handler-lifecycle-event/
 */
import type * as k8s from '../lib/k8s';
import { httpGetWire, tcpSocketWire, type HttpGetOptions, type TcpSocketOptions } from './handler-actions';

/** A lifecycle handler as plain JSON: exactly one of exec, httpGet, tcpSocket, sleep (written out, as `ProbeHandlerWire`). */
export type LifecycleHandlerWire =
  | { readonly exec: k8s.ExecAction; readonly httpGet?: never; readonly tcpSocket?: never; readonly sleep?: never }
  | { readonly exec?: never; readonly httpGet: k8s.HTTPGetAction; readonly tcpSocket?: never; readonly sleep?: never }
  | { readonly exec?: never; readonly httpGet?: never; readonly tcpSocket: k8s.TCPSocketAction; readonly sleep?: never }
  | { readonly exec?: never; readonly httpGet?: never; readonly tcpSocket?: never; readonly sleep: k8s.SleepAction };

/** One postStart or preStop handler with exactly one action. */
export class LifecycleHandler {
  /** Runs `command` in the container. */
  static exec(command: readonly string[]): LifecycleHandler {
    return new LifecycleHandler({ exec: { command: [...command] } });
  }

  /** An HTTP GET against the container. */
  static httpGet(action: HttpGetOptions): LifecycleHandler {
    return new LifecycleHandler({ httpGet: httpGetWire(action) });
  }

  /** A TCP connection to the container (deprecated upstream, still accepted). */
  static tcpSocket(action: TcpSocketOptions): LifecycleHandler {
    return new LifecycleHandler({ tcpSocket: tcpSocketWire(action) });
  }

  /**
   * Pauses for `seconds` (more than 0, at most the pod's terminationGracePeriodSeconds, checked at synth).
   */
  static sleep(seconds: number): LifecycleHandler {
    return new LifecycleHandler({ sleep: { seconds } });
  }

  private constructor(private readonly handler: LifecycleHandlerWire) {}

  /** The wire handler. */
  toJSON(): k8s.LifecycleHandler {
    return { ...(this.handler as k8s.LifecycleHandler) };
  }
}

/** A container's `lifecycle`: typed handlers or their plain JSON. */
export interface LifecycleProps {
  /** Runs right after the container is created (not necessarily before its entrypoint). @default - none */
  readonly postStart?: LifecycleHandler | LifecycleHandlerWire;
  /** Runs right before the container is terminated, within the grace period. @default - none */
  readonly preStop?: LifecycleHandler | LifecycleHandlerWire;
}
