/**
 * Typed probes: `Probe.exec / httpGet / tcpSocket / grpc` build a probe with exactly one handler, and the probe
 * kinds' option types encode the rules a type can say cheaply: liveness and startup probes take only
 * `successThreshold: 1`; readiness probes take no `terminationGracePeriodSeconds`. A `Probe` serializes
 * (`toJSON`) to exactly the wire probe; the rules of `lib/rules/probes.ts` still run on the manifest.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import type * as k8s from '../lib/k8s';
import { checkStartupBudget, failureThresholdFor, startupBudgetSeconds } from '../lib/rules/probes';
import { ViolationError } from '../lib/violation';
import { httpGetWire, tcpSocketWire, type GrpcOptions, type HttpGetOptions, type TcpSocketOptions } from './handler-actions';

/** The fields every probe has besides its handler. Zero values are Kubernetes' defaults, not errors. */
export interface ProbeTiming {
  /** Seconds after the container starts before the first probe. @default 0 */
  readonly initialDelaySeconds?: number;
  /** Seconds after which a probe attempt times out. @default 1 */
  readonly timeoutSeconds?: number;
  /** Seconds between probe attempts. @default 10 */
  readonly periodSeconds?: number;
  /** Consecutive successes after a failure for the probe to count as successful. @default 1 */
  readonly successThreshold?: number;
  /**
   * Consecutive failures for the probe to count as failed (for liveness and startup probes: the container is restarted).
   * @default 3
   */
  readonly failureThreshold?: number;
  /**
   * Seconds between the kill signal and the forced stop when this probe fails; overrides the pod's, 1 or more.
   * @default - the pod's terminationGracePeriodSeconds
   */
  readonly terminationGracePeriodSeconds?: number;
}

/**
 * Timing of a liveness or startup probe: `successThreshold` can only be 1.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
 */
export interface LivenessProbeTiming extends ProbeTiming {
  /**
   * Must be 1 for liveness and startup probes. A widened `number` (a timing object declared without `as const`) is
   * not known to be 1: the type error then shows the object member below, which says how to fix it.
   * @default 1
   */
  readonly successThreshold?: 1 | (number & { readonly 'successThreshold must be the literal 1 here: write `successThreshold: 1 as const`, or leave it out': never });
}

/** Timing of a startup probe: as a liveness probe's. */
export type StartupProbeTiming = LivenessProbeTiming;

/**
 * Timing of a readiness probe: no `terminationGracePeriodSeconds` (a failing readiness probe never kills).
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
 */
export interface ReadinessProbeTiming extends ProbeTiming {
  readonly terminationGracePeriodSeconds?: never;
}

/**
 * A probe handler as plain JSON: exactly one of exec, httpGet, tcpSocket, grpc. Written out rather than as
 * `OneOf<…>`: the mapped type would be instantiated again in every user's type check.
 */
export type ProbeHandlerWire =
  | { readonly exec: k8s.ExecAction; readonly httpGet?: never; readonly tcpSocket?: never; readonly grpc?: never }
  | { readonly exec?: never; readonly httpGet: k8s.HTTPGetAction; readonly tcpSocket?: never; readonly grpc?: never }
  | { readonly exec?: never; readonly httpGet?: never; readonly tcpSocket: k8s.TCPSocketAction; readonly grpc?: never }
  | { readonly exec?: never; readonly httpGet?: never; readonly tcpSocket?: never; readonly grpc: k8s.GRPCAction };

/** A plain-JSON liveness probe: one handler, successThreshold 1. */
export type LivenessProbeWire = ProbeHandlerWire & LivenessProbeTiming;
/** A plain-JSON startup probe: one handler, successThreshold 1. */
export type StartupProbeWire = ProbeHandlerWire & StartupProbeTiming;
/** A plain-JSON readiness probe: one handler, no terminationGracePeriodSeconds. */
export type ReadinessProbeWire = ProbeHandlerWire & ReadinessProbeTiming;

/** What `livenessProbe` accepts: a `Probe` from the factories, or the plain JSON. */
export type LivenessProbeInput = Probe<LivenessProbeTiming> | LivenessProbeWire;
/** What `readinessProbe` accepts. */
export type ReadinessProbeInput = Probe<ReadinessProbeTiming> | ReadinessProbeWire;
/** What `startupProbe` accepts. */
export type StartupProbeInput = Probe<StartupProbeTiming> | StartupProbeWire;

/** A probe with exactly one handler. `Timing` records the timing it was built with, so the probe kind can be checked. */
export class Probe<Timing extends ProbeTiming = ProbeTiming> {
  /** Runs `command` in the container; exit status 0 is success. */
  static exec<const T extends ProbeTiming = {}>(command: readonly string[], timing?: T): Probe<T> {
    return new Probe({ exec: { command: [...command] } }, timing ?? ({} as T));
  }

  /** An HTTP GET; a status from 200 to 399 is success. */
  static httpGet<const T extends ProbeTiming = {}>(action: HttpGetOptions, timing?: T): Probe<T> {
    return new Probe({ httpGet: httpGetWire(action) }, timing ?? ({} as T));
  }

  /** A TCP connection; success if it opens. */
  static tcpSocket<const T extends ProbeTiming = {}>(action: TcpSocketOptions, timing?: T): Probe<T> {
    return new Probe({ tcpSocket: tcpSocketWire(action) }, timing ?? ({} as T));
  }

  /** A gRPC health check. */
  static grpc<const T extends ProbeTiming = {}>(action: GrpcOptions, timing?: T): Probe<T> {
    return new Probe({ grpc: { port: action.port, service: action.service } }, timing ?? ({} as T));
  }

  private constructor(
    private readonly handler: ProbeHandlerWire,
    /** The timing fields as given. */
    readonly timing: Timing,
  ) {}

  /**
   * This probe as a startup probe that tolerates `seconds` of start-up ("failureThreshold * periodSeconds で計算される
   * 時間を、起動時間として想定される最も遅いケースをカバーできる十分な長さに設定します"): failureThreshold becomes
   * ⌈seconds / periodSeconds⌉ (periodSeconds defaults to 10). If failureThreshold was given, it is kept and must
   * already cover `seconds`; otherwise this throws a `ViolationError` (`probes/startup-budget-too-short`).
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
   */
  toleratingStartup(seconds: number): Probe<Timing> {
    if (this.timing.failureThreshold !== undefined) {
      const bad = checkStartupBudget(this.toJSON(), seconds, 'startupProbe');
      if (bad.length > 0) throw new ViolationError(bad, 'Probe.toleratingStartup');
      return this;
    }
    const failureThreshold = failureThresholdFor(seconds, this.timing.periodSeconds || 10);
    return new Probe(this.handler, { ...this.timing, failureThreshold });
  }

  /** The start-up time this probe tolerates as a startup probe: failureThreshold × periodSeconds, with defaults. */
  get startupBudgetSeconds(): number {
    return startupBudgetSeconds(this.toJSON());
  }

  /** The wire probe: the handler, then the timing fields given (nothing else). */
  toJSON(): k8s.Probe {
    const t: ProbeTiming = this.timing;
    return {
      ...(this.handler as k8s.Probe),
      initialDelaySeconds: t.initialDelaySeconds,
      timeoutSeconds: t.timeoutSeconds,
      periodSeconds: t.periodSeconds,
      successThreshold: t.successThreshold,
      failureThreshold: t.failureThreshold,
      terminationGracePeriodSeconds: t.terminationGracePeriodSeconds,
    };
  }
}
