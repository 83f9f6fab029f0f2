/**
 * Handlers shared by probes and lifecycle hooks: exactly one of exec, httpGet, tcpSocket, grpc (probes) or
 * sleep (lifecycle), each checked as the API server's `validateHandler` does (k8s-validation-rules.md §1, §9).
 *
 * Each area gets its own rule ids (`probes/port-invalid`, `lifecycle/port-invalid`) from one definition, so the
 * wording lives in one place and a finding names the field the user wrote.
 */
import type { Container, HTTPGetAction, IntOrString } from '../k8s';
import { defineRule, goQuote, type Violation } from '../violation';
import { declaredPortNames, portNameErrors, portNumErrors } from './ports';
import { listedObjects } from './listed';

/** Handler kinds in the order `validateHandler` visits them: the first one set wins, later ones are "more than 1". */
export const HANDLER_ORDER = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;
/** A handler field name. */
export type HandlerKind = (typeof HANDLER_ORDER)[number];

const SUPPORTED_SCHEMES = ['HTTP', 'HTTPS'] as const;

/** apimachinery `IsHTTPHeaderName`. */
export function httpHeaderNameErrors(name: string): string[] {
  return /^[-A-Za-z0-9]+$/.test(name)
    ? []
    : ["a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"];
}

/** The value as Go's field errors print it: `%q` for strings, `%v` for numbers. */
export function goValue(value: unknown): string {
  return typeof value === 'string' ? goQuote(value) : String(value);
}

/** The rules every handler area has, with ids under `area/`; port rules link `portDocs` (the named-port section). */
export function handlerRules<const Area extends string>(area: Area, docs: string, portDocs: string = docs) {
  return {
    multipleHandlers: defineRule(`${area}/multiple-handlers`, docs, () => 'Forbidden: may not specify more than 1 handler type'),
    handlerRequired: defineRule(`${area}/handler-required`, docs, () => 'Required value: must specify a handler type'),
    execCommandRequired: defineRule(`${area}/exec-command-required`, docs, () => 'Required value'),
    httpSchemeUnsupported: defineRule(
      `${area}/http-scheme-unsupported`,
      docs,
      (scheme: string) => `Unsupported value: ${goQuote(scheme)}: supported values: ${SUPPORTED_SCHEMES.map(goQuote).join(', ')}`,
    ),
    httpHeaderNameInvalid: defineRule(`${area}/http-header-name-invalid`, docs, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
    portInvalid: defineRule(`${area}/port-invalid`, portDocs, (port: IntOrString, detail: string) => `Invalid value: ${goValue(port)}: ${detail}`),
    /** Ours, not the API server's: it accepts any valid name, but the kubelet cannot resolve an undeclared one. */
    namedPortUndeclared: defineRule(
      `${area}/named-port-undeclared`,
      portDocs,
      (name: string, declared: readonly string[]) =>
        `named port ${goQuote(name)} is not declared in the container's ports (declared: ${declared.length ? declared.map(goQuote).join(', ') : 'none'}); ` +
        'Kubernetes accepts it, but the kubelet cannot resolve it and the check can never succeed (podkit rule)',
    ),
  };
}

/** The areas that have handlers. */
export type HandlerArea = 'probes' | 'lifecycle';
type AreaRules = { [A in HandlerArea]: ReturnType<typeof handlerRules<A>> }[HandlerArea];

/** A handler as written: any subset of the handler fields (plain JSON may set several). */
export type AnyHandler = { [K in HandlerKind]?: unknown };

const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);

/**
 * `ValidatePortNumOrName` plus our named-port check: a name must be one the container declares. `at` is the path of
 * the action; the port's is built for a finding only.
 */
function checkPort(rules: AreaRules, raw: unknown, action: string, container: Container): readonly Violation[] {
  // A missing port decodes as the IntOrString zero value, the integer 0.
  const port = raw === undefined || raw === null ? 0 : raw;
  if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535) return NO_VIOLATIONS;
  const at = `${action}.port`;
  if (typeof port === 'number') return portNumErrors(port).map((d) => rules.portInvalid.at(at, port, d));
  if (typeof port === 'string') {
    const errs = portNameErrors(port);
    if (errs.length > 0) return errs.map((d) => rules.portInvalid.at(at, port, d));
    const declared = declaredPortNames(container);
    return declared.has(port) ? [] : [rules.namedPortUndeclared.at(at, port, [...declared])];
  }
  return [rules.portInvalid.at(at, String(port), 'must be an integer or a port name')];
}

function checkHttpGet(rules: AreaRules, action: HTTPGetAction, at: string, container: Container): Violation[] {
  const out: Violation[] = [];
  // An empty path is defaulted to "/" and an empty scheme to "HTTP" before validation.
  for (const v of checkPort(rules, action.port, at, container)) out.push(v);
  if (typeof action.scheme === 'string' && action.scheme !== '' && !(SUPPORTED_SCHEMES as readonly string[]).includes(action.scheme))
    out.push(rules.httpSchemeUnsupported.at(`${at}.scheme`, action.scheme));
  for (const header of listedObjects(action.httpHeaders)) {
    // an unset name (`{}`, or a `null` entry) is the empty string the API server decodes, and invalid as one
    // (a name of another type is a type mismatch, reported by the field checks)
    if (header.name !== undefined && header.name !== null && typeof header.name !== 'string') continue;
    const name = header.name ?? '';
    for (const detail of httpHeaderNameErrors(name)) out.push(rules.httpHeaderNameInvalid.at(`${at}.httpHeaders`, name, detail));
  }
  return out;
}

/**
 * `validateHandler`: exactly one of the `allowed` handler kinds, and that one valid. Kinds not in `allowed`
 * (sleep on a probe, grpc on a hook) are not handlers there and are ignored, as the API server's conversion does.
 * `checkSleep` validates the sleep action where it is allowed.
 */
export function checkHandler(
  rules: AreaRules,
  handler: AnyHandler,
  at: string,
  container: Container,
  allowed: readonly HandlerKind[],
  checkSleep?: (seconds: number, at: string) => Violation[],
): Violation[] {
  const out: Violation[] = [];
  let count = 0;
  for (const kind of HANDLER_ORDER) {
    const action = handler[kind];
    if (!allowed.includes(kind) || action === undefined || action === null) continue;
    const path = `${at}.${kind}`;
    if (count > 0) {
      out.push(rules.multipleHandlers.at(path));
      continue;
    }
    count++;
    const a = action as Record<string, unknown>;
    switch (kind) {
      case 'exec':
        if (!Array.isArray(a.command) || a.command.length === 0) out.push(rules.execCommandRequired.at(`${path}.command`));
        break;
      case 'httpGet':
        for (const v of checkHttpGet(rules, a as unknown as HTTPGetAction, path, container)) out.push(v);
        break;
      case 'tcpSocket':
        for (const v of checkPort(rules, a.port, path, container)) out.push(v);
        break;
      case 'grpc':
        // gRPC ports are numbers only (`intstr.FromInt32`): a name is not possible here.
        {
          const port = a.port === undefined || a.port === null ? 0 : a.port;
          if (typeof port === 'number') out.push(...portNumErrors(port).map((d) => rules.portInvalid.at(`${path}.port`, port, d)));
          else out.push(rules.portInvalid.at(`${path}.port`, String(port), 'must be an integer'));
        }
        break;
      case 'sleep':
        if (checkSleep) out.push(...checkSleep(Number(a.seconds), path));
        break;
    }
  }
  if (count === 0) out.push(rules.handlerRequired.at(at));
  return out;
}
