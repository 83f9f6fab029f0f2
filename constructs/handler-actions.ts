/**
 * The actions a probe or lifecycle handler performs, by wire names, as the typed factories take them.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
 */
import type * as k8s from '../lib/k8s';

/** `httpGet`: a GET to the pod IP (or `host`) at `port` and `path`. */
export interface HttpGetOptions {
  /**
   * Path of the HTTP request.
   * @default "/" - Kubernetes' default
   */
  readonly path?: string;
  /** A number from 1 to 65535, or the name of a port the container declares in `ports`. */
  readonly port: number | string;
  /** Host name to connect to; use the `Host` header for virtual hosts instead. @default - the pod IP */
  readonly host?: string;
  /** `HTTPS` skips certificate verification. @default "HTTP" - Kubernetes' default */
  readonly scheme?: 'HTTP' | 'HTTPS';
  /**
   * Extra request headers; repeated names are allowed.
   * @default - none besides the kubelet's `User-Agent` and `Accept`
   */
  readonly httpHeaders?: readonly k8s.HTTPHeader[];
}

/** `tcpSocket`: a TCP connection to `port`. */
export interface TcpSocketOptions {
  /** A number from 1 to 65535, or the name of a port the container declares in `ports`. */
  readonly port: number | string;
  /** Host name to connect to. @default - the pod IP */
  readonly host?: string;
}

/** `grpc`: the gRPC health-checking protocol on a numbered port. */
export interface GrpcOptions {
  /** A number from 1 to 65535 (gRPC probes take no port names). */
  readonly port: number;
  /** The service name sent in the gRPC `HealthCheckRequest`. @default - the server's overall health */
  readonly service?: string;
}

/** The wire form of an httpGet action, keys in the order the docs write them. */
export function httpGetWire(o: HttpGetOptions): k8s.HTTPGetAction {
  return { path: o.path, port: o.port, host: o.host, scheme: o.scheme, httpHeaders: o.httpHeaders?.map((h) => ({ name: h.name, value: h.value })) };
}

/** The wire form of a tcpSocket action. */
export function tcpSocketWire(o: TcpSocketOptions): k8s.TCPSocketAction {
  return { port: o.port, host: o.host };
}
