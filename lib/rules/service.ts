/**
 * Services (v1). "A Service ... selects a set of Pods": ports are required (except for a headless or ExternalName
 * Service), each port is 1–65535 with protocol TCP, UDP or SCTP, port names are DNS labels and, when there is
 * more than one port, required and unique; targetPort is a port number or an IANA_SVC_NAME naming a container
 * port; nodePort is not allowed on a ClusterIP Service; the type is ClusterIP, NodePort, LoadBalancer or
 * ExternalName. These are the API server's checks (`ValidateService`, `validateServicePort`), with its messages.
 *
 * Across objects: a Service's named targetPort must be a container port name (with the same protocol) in the
 * pods its selector selects, or the Service gets no endpoint for that port. The API server cannot see this; it
 * is checked only against workloads of the same set of objects (a Service that selects none of them may select
 * pods from elsewhere, and is not reported).
 * https://kubernetes.io/ja/docs/concepts/services-networking/service/
 */
import { containersOf, podSpecOf, type IntOrString, type KubeObject } from '../k8s';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from '../names';
import { defineRule, goQuote, type Violation } from '../violation';
import type { Finding, ObjectRef } from './finding';
import { runAppCheck, type StreamingAppCheck } from './app-check';
import { portNameErrors, portNumErrors } from './ports';
import { isPatchDirective } from './workloads';

const DOCS = 'https://kubernetes.io/ja/docs/concepts/services-networking/service/';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

/** The node port range of a cluster that does not set `--service-node-port-range`. */
export const DEFAULT_NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

/** How a port number or name prints in the API server's messages. */
function goValue(value: IntOrString): string {
  return typeof value === 'string' ? goQuote(value) : String(value);
}

/** The Service rules, with the API server's messages. */
export const serviceRules = {
  portsRequired: defineRule('service/ports-required', DOCS, () => 'Required value'),
  portNameRequired: defineRule('service/port-name-required', DOCS, () => 'Required value'),
  portNameInvalid: defineRule('service/port-name-invalid', DOCS, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  portNameDuplicate: defineRule('service/port-name-duplicate', DOCS, (name: string) => `Duplicate value: ${goQuote(name)}`),
  portInvalid: defineRule('service/port-invalid', DOCS, (port: unknown, detail: string) => `Invalid value: ${JSON.stringify(port)}: ${detail}`),
  /** The API server prints the (protocol, port) pair as a Go struct; it is printed as JSON here. */
  portDuplicate: defineRule('service/port-duplicate', DOCS, (protocol: string, port: number) => `Duplicate value: ${JSON.stringify({ port, protocol })}`),
  protocolUnsupported: defineRule(
    'service/protocol-unsupported',
    DOCS,
    (protocol: string) => `Unsupported value: ${goQuote(protocol)}: supported values: ${PROTOCOLS.map(goQuote).join(', ')}`,
  ),
  targetPortInvalid: defineRule('service/target-port-invalid', DOCS, (port: IntOrString, detail: string) => `Invalid value: ${goValue(port)}: ${detail}`),
  typeUnsupported: defineRule(
    'service/type-unsupported',
    DOCS,
    (type: string) => `Unsupported value: ${goQuote(type)}: supported values: ${SERVICE_TYPES.map(goQuote).join(', ')}`,
  ),
  nodePortWithClusterIP: defineRule('service/node-port-cluster-ip', DOCS, () => "Forbidden: may not be used when `type` is 'ClusterIP'"),
  /** Ours, not the API server's: the allowed range is the cluster's `--service-node-port-range`. */
  nodePortRange: defineRule(
    'service/node-port-range',
    DOCS,
    (port: number) =>
      `nodePort ${port} is outside the default node port range ${DEFAULT_NODE_PORT_RANGE.min}-${DEFAULT_NODE_PORT_RANGE.max}; ` +
      "the API server rejects it unless the cluster's --service-node-port-range includes it (podkit rule)",
    'warning',
  ),
  externalNameRequired: defineRule('service/external-name-required', DOCS, () => 'Required value'),
  externalNameInvalid: defineRule('service/external-name-invalid', DOCS, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  selectorInvalid: defineRule('service/selector-invalid', DOCS, (value: string, detail: string) => `Invalid value: ${goQuote(value)}: ${detail}`),
  /** Ours, not the API server's: it accepts any valid name, but no endpoint can be found for it. */
  targetPortNotFound: defineRule(
    'service/target-port-not-found',
    DOCS,
    (name: string, protocol: string, selected: string) =>
      `named targetPort ${goQuote(name)} (${protocol}) is not a container port of the pods this Service selects (${selected}); ` +
      'Kubernetes accepts it, but the Service gets no endpoint for this port (podkit rule)',
  ),
};

/** A Service port as written. */
export interface ServicePortLike {
  name?: unknown;
  protocol?: unknown;
  port?: unknown;
  targetPort?: unknown;
  nodePort?: unknown;
}

interface ServiceSpec {
  type?: unknown;
  clusterIP?: unknown;
  externalName?: unknown;
  selector?: unknown;
  ports?: unknown;
}

function checkPort(p: ServicePortLike, at: string, requireName: boolean, names: Set<string>, type: string, out: Violation[]): void {
  const name = p.name;
  if (typeof name !== 'string' || name === '') {
    if (requireName) out.push(serviceRules.portNameRequired.at(`${at}.name`));
  } else {
    for (const msg of dns1123LabelErrors(name)) out.push(serviceRules.portNameInvalid.at(`${at}.name`, name, msg));
    if (names.has(name)) out.push(serviceRules.portNameDuplicate.at(`${at}.name`, name));
    else names.add(name);
  }
  if (typeof p.port !== 'number') out.push(serviceRules.portInvalid.at(`${at}.port`, p.port ?? 0, 'must be between 1 and 65535, inclusive'));
  else for (const msg of portNumErrors(p.port)) out.push(serviceRules.portInvalid.at(`${at}.port`, p.port, msg));
  const protocol = p.protocol;
  if (typeof protocol === 'string' && protocol !== '' && !(PROTOCOLS as readonly string[]).includes(protocol)) {
    out.push(serviceRules.protocolUnsupported.at(`${at}.protocol`, protocol));
  }
  const target = p.targetPort;
  // an unset or zero targetPort is defaulted to the port
  if (typeof target === 'number' && target !== 0) for (const msg of portNumErrors(target)) out.push(serviceRules.targetPortInvalid.at(`${at}.targetPort`, target, msg));
  if (typeof target === 'string' && target !== '') for (const msg of portNameErrors(target)) out.push(serviceRules.targetPortInvalid.at(`${at}.targetPort`, target, msg));
  const nodePort = p.nodePort;
  if (typeof nodePort === 'number' && nodePort !== 0) {
    if (type === 'ClusterIP') out.push(serviceRules.nodePortWithClusterIP.at(`${at}.nodePort`));
    else if (nodePort < DEFAULT_NODE_PORT_RANGE.min || nodePort > DEFAULT_NODE_PORT_RANGE.max) out.push(serviceRules.nodePortRange.at(`${at}.nodePort`, nodePort));
  }
}

/** Checks a v1 Service. Other kinds: none. */
export function checkService(obj: KubeObject): Violation[] {
  if (obj.kind !== 'Service' || (obj.apiVersion !== undefined && obj.apiVersion !== 'v1') || isPatchDirective(obj)) return [];
  const spec = (obj.spec ?? {}) as ServiceSpec;
  if (typeof spec !== 'object') return [];
  const out: Violation[] = [];
  const type = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP';
  if (!(SERVICE_TYPES as readonly string[]).includes(type)) out.push(serviceRules.typeUnsupported.at('spec.type', type));
  const ports = Array.isArray(spec.ports) ? (spec.ports as unknown[]) : [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName') out.push(serviceRules.portsRequired.at('spec.ports'));
  if (type === 'ExternalName') {
    const name = spec.externalName;
    if (typeof name !== 'string' || name === '') out.push(serviceRules.externalNameRequired.at('spec.externalName'));
    else for (const msg of dns1123SubdomainErrors(name.endsWith('.') ? name.slice(0, -1) : name)) out.push(serviceRules.externalNameInvalid.at('spec.externalName', name, msg));
  }
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    if (!p || typeof p !== 'object') return;
    const port = p as ServicePortLike;
    checkPort(port, `spec.ports[${i}]`, ports.length > 1, names, type, out);
    if (typeof port.port === 'number') {
      const protocol = typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP';
      const key = `${protocol}/${port.port}`;
      if (seen.has(key)) out.push(serviceRules.portDuplicate.at(`spec.ports[${i}]`, protocol, port.port));
      seen.add(key);
    }
  });
  const selector = spec.selector;
  if (selector && typeof selector === 'object') {
    for (const [key, value] of Object.entries(selector as Record<string, unknown>)) {
      for (const msg of qualifiedNameErrors(key)) out.push(serviceRules.selectorInvalid.at('spec.selector', key, msg));
      if (typeof value === 'string') for (const msg of labelValueErrors(value)) out.push(serviceRules.selectorInvalid.at('spec.selector', value, msg));
    }
  }
  return out;
}

/** A workload's pods, as a Service may select them: their labels and the named container ports they declare. */
interface PodsOf {
  readonly namespace: string | undefined;
  readonly labels: Readonly<Record<string, unknown>>;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  /** `name/PROTOCOL` of every named port of the pod's containers (not init or ephemeral ones), each once. */
  readonly ports: readonly string[];
}

const NO_PORTS: string[] = [];

function podsOf(obj: KubeObject): PodsOf | undefined {
  const found = podSpecOf(obj);
  if (!found) return undefined;
  const labels = found.pod.metadata?.labels;
  if (!labels || typeof labels !== 'object') return undefined;
  let ports: string[] = NO_PORTS;
  for (const { container, list } of containersOf(found.pod.spec)) {
    if (list !== 'containers' || !Array.isArray(container.ports)) continue;
    for (const p of container.ports) {
      if (!p || typeof p.name !== 'string' || p.name === '') continue;
      const port = `${p.name}/${typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP'}`;
      if (ports === NO_PORTS) ports = [port];
      else if (!ports.includes(port)) ports = [...ports, port];
    }
  }
  return { namespace: obj.metadata?.namespace, labels, kind: obj.kind, name: obj.metadata?.name, ports };
}

/** A Service with a selector and named targetPorts, as much of it as the check needs (its object's ref flattened). */
interface SelectingService {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly index: number;
  readonly selector: Readonly<Record<string, unknown>>;
  readonly namedPorts: readonly { readonly i: number; readonly name: string; readonly protocol: string }[];
}

function selectingService(obj: KubeObject, index: number): SelectingService | undefined {
  const spec = (obj.spec ?? {}) as ServiceSpec;
  const selector = spec.selector;
  if (!selector || typeof selector !== 'object' || Array.isArray(selector)) return undefined;
  if (Object.keys(selector).length === 0 || !Array.isArray(spec.ports)) return undefined;
  const namedPorts: { i: number; name: string; protocol: string }[] = [];
  (spec.ports as ServicePortLike[]).forEach((p, i) => {
    if (!p || typeof p.targetPort !== 'string' || p.targetPort === '') return;
    namedPorts.push({ i, name: p.targetPort, protocol: typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP' });
  });
  if (namedPorts.length === 0) return undefined;
  return { kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace, index, selector: selector as Record<string, unknown>, namedPorts: namedPorts.slice() };
}

/** Whether the namespaces can be the same: an unset namespace is the one the objects are applied to, so it may match any. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === '' || b === '' || a === b;
}

/**
 * Cross-object check: each named targetPort of a Service must be a named container port (same protocol) of at
 * least one workload or Pod among `objects` that its selector selects. Services with no selector, or that select
 * none of the objects, are not reported (they may select pods from elsewhere). The pods are indexed once by label,
 * and each Service looks only at the pods that carry the rarest label of its selector.
 */
export function checkServiceTargetPorts(objects: readonly KubeObject[]): Finding[] {
  return runAppCheck(serviceAppCheck(), objects);
}

/** {@link checkServiceTargetPorts} fed one object at a time: the Services' selectors and named targetPorts, and each pod's labels and named ports, are kept. */
export const serviceAppCheck: StreamingAppCheck = () => {
  const services: SelectingService[] = [];
  const pods: PodsOf[] = [];
  return {
    add(obj, index) {
      if (isPatchDirective(obj)) return;
      if (obj.kind === 'Service' && (obj.apiVersion === undefined || obj.apiVersion === 'v1')) {
        const service = selectingService(obj, index);
        if (service) services.push(service);
      } else {
        const p = podsOf(obj);
        if (p) pods.push(p);
      }
    },
    finish: () => (services.length === 0 ? [] : resolveTargetPorts(services, pods)),
  };
};

function resolveTargetPorts(services: readonly SelectingService[], pods: readonly PodsOf[]): Finding[] {
  // pods indexed by each of their labels: a Service looks only at the pods carrying the rarest of its selector's labels
  const byLabel = new Map<string, PodsOf[]>();
  for (const pod of pods) {
    for (const [k, v] of Object.entries(pod.labels)) {
      if (typeof v !== 'string') continue;
      const key = `${k}\u0000${v}`;
      const list = byLabel.get(key);
      if (list) list.push(pod);
      else byLabel.set(key, [pod]);
    }
  }
  const out: Finding[] = [];
  for (const service of services) {
    const { namespace, namedPorts } = service;
    const selector = Object.entries(service.selector);
    let candidates: readonly PodsOf[] | undefined;
    for (const [k, v] of selector) {
      const bucket = byLabel.get(`${k}\u0000${String(v)}`) ?? [];
      if (!candidates || bucket.length < candidates.length) candidates = bucket;
    }
    const selected = (candidates ?? []).filter((pod) => sameNamespace(namespace, pod.namespace) && selector.every(([k, v]) => pod.labels[k] === v));
    if (selected.length === 0) continue;
    for (const { i, name, protocol } of namedPorts) {
      if (selected.some((pod) => pod.ports.includes(`${name}/${protocol}`))) continue;
      const described = selected.map((pod) => `${pod.kind}/${pod.name ?? '?'}: ${pod.ports.map((k) => goQuote(k.replace('/', ' '))).join(', ') || 'no named ports'}`).join('; ');
      const object: ObjectRef = { kind: service.kind, name: service.name, namespace, index: service.index };
      out.push({ object, violation: serviceRules.targetPortNotFound.at(`spec.ports[${i}].targetPort`, name, protocol, described) });
    }
  }
  return out;
}
