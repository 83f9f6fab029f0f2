/**
 * Container ports.
 *
 * "HTTPまたはTCPによるProbeにおいて、ContainerPortで定義した名前付きポートを使用することができます": a container port is a
 * number from 1 to 65535 and may carry a name, an IANA_SVC_NAME unique within the container, which probes and
 * lifecycle handlers can refer to. The API server's checks are `validateContainerPorts`, `IsValidPortNum`,
 * `IsValidPortName`, `AccumulateUniqueHostPorts` and `validatePodHostNetworkDeps`
 * (k8s-validation-rules.md §2).
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container
 */
import { REFERENCE } from '../docs';
import { containersOf, type Container, type ContainerAt, type ContainerPort, type PodLike } from '../k8s';
import { defineRule, goQuote, type Violation } from '../violation';
import { listedObjects } from './listed';

// The API server's validation of `Container.ports`: no page of the section states it.
const PORTS = REFERENCE.container;

/** apimachinery `InclusiveRangeError(1, 65535)`. */
export const PORT_RANGE_MESSAGE = 'must be between 1 and 65535, inclusive';

const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

/** The container-port rules, with the API server's messages. */
export const portRules = {
  containerPortRequired: defineRule('ports/container-port-required', PORTS, () => 'Required value'),
  containerPortRange: defineRule('ports/container-port-range', PORTS, (port: number) => `Invalid value: ${port}: ${PORT_RANGE_MESSAGE}`),
  hostPortRange: defineRule('ports/host-port-range', PORTS, (port: number) => `Invalid value: ${port}: ${PORT_RANGE_MESSAGE}`),
  nameInvalid: defineRule('ports/name-invalid', PORTS, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  nameDuplicate: defineRule('ports/name-duplicate', PORTS, (name: string) => `Duplicate value: ${goQuote(name)}`),
  protocolUnsupported: defineRule(
    'ports/protocol-unsupported',
    PORTS,
    (protocol: string) => `Unsupported value: ${goQuote(protocol)}: supported values: ${SUPPORTED_PROTOCOLS.map(goQuote).join(', ')}`,
  ),
  hostPortConflict: defineRule('ports/host-port-conflict', PORTS, (key: string) => `Duplicate value: ${goQuote(key)}`),
  hostNetworkHostPort: defineRule(
    'ports/host-network-host-port',
    PORTS,
    (hostPort: number) => `Invalid value: ${hostPort}: must match \`containerPort\` when \`hostNetwork\` is true`,
  ),
};

/** apimachinery `IsValidPortNum`: the messages it returns, empty when valid. */
export function portNumErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [PORT_RANGE_MESSAGE];
}

/** apimachinery `IsValidPortName` (IANA_SVC_NAME, RFC 6335): the messages it returns, empty when valid. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** The names a container declares in `ports[].name`, which probes and handlers may use instead of a number. */
export function declaredPortNames(container: Container): Set<string> {
  const names = new Set<string>();
  for (const port of listedObjects(container.ports)) if (typeof port.name === 'string' && port.name !== '') names.add(port.name);
  return names;
}

/** `hostPort` as Kubernetes stores it: with `hostNetwork`, an unset hostPort is defaulted to containerPort. */
function effectiveHostPort(port: ContainerPort, hostNetwork: boolean): number {
  const host = typeof port.hostPort === 'number' ? port.hostPort : 0;
  return host === 0 && hostNetwork ? port.containerPort : host;
}

/** Whether apimachinery's `IsValidPortNum` accepts `port` (`portNumErrors(port)` is empty). */
function validPortNum(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** `validateContainerPorts` for one container's `ports`, at `at` (the path of the list). */
export function checkContainerPorts(ports: readonly ContainerPort[], at: string): Violation[] {
  const out: Violation[] = [];
  // paths are built only for a finding, the set of names only for a named port: this runs for every container
  let names: Set<string> | undefined;
  for (let i = 0; i < ports.length; i++) {
    if (!(i in ports)) continue; // a hole, as forEach skips it
    const port = ports[i]!;
    if (typeof port.name === 'string' && port.name.length > 0) {
      const errs = portNameErrors(port.name);
      for (const detail of errs) out.push(portRules.nameInvalid.at(`${at}[${i}].name`, port.name, detail));
      if (errs.length === 0) {
        names ??= new Set();
        if (names.has(port.name)) out.push(portRules.nameDuplicate.at(`${at}[${i}].name`, port.name));
        else names.add(port.name);
      }
    }
    if (port.containerPort === undefined || port.containerPort === 0) out.push(portRules.containerPortRequired.at(`${at}[${i}].containerPort`));
    else if (!validPortNum(port.containerPort)) out.push(portRules.containerPortRange.at(`${at}[${i}].containerPort`, port.containerPort));
    if (typeof port.hostPort === 'number' && port.hostPort !== 0 && !validPortNum(port.hostPort)) out.push(portRules.hostPortRange.at(`${at}[${i}].hostPort`, port.hostPort));
    // An empty protocol is defaulted to TCP before validation.
    if (typeof port.protocol === 'string' && port.protocol !== '' && !(SUPPORTED_PROTOCOLS as readonly string[]).includes(port.protocol))
      out.push(portRules.protocolUnsupported.at(`${at}[${i}].protocol`, port.protocol));
  }
  return out;
}

/**
 * `AccumulateUniqueHostPorts`: `protocol/hostIP/hostPort` must be unique across the containers of `containers` in
 * the list `list` (`only`: just that one, at its index), findings added to `out`.
 */
function checkHostPortConflicts(out: Violation[], containers: readonly ContainerAt[], list: ContainerAt['list'], base: string, hostNetwork: boolean, only?: ContainerAt): void {
  let seen: Set<string> | undefined;
  for (const c of only ? [only] : containers) {
    if (c.list !== list) continue;
    const ports = listedObjects(c.container.ports);
    for (let i = 0; i < ports.length; i++) {
      if (!(i in ports)) continue; // a hole, as forEach skips it
      const port = ports[i]!;
      const hostPort = effectiveHostPort(port, hostNetwork);
      if (hostPort === 0) continue;
      const key = `${port.protocol || 'TCP'}/${port.hostIP ?? ''}/${hostPort}`;
      seen ??= new Set();
      if (seen.has(key)) out.push(portRules.hostPortConflict.at(`${base}.${c.rel}.ports[${i}].hostPort`, key));
      else seen.add(key);
    }
  }
}

/**
 * Checks every container's ports, host-port conflicts (across app containers; each init container on its own,
 * since they run one at a time) and the `hostNetwork` rule that a set hostPort equals its containerPort.
 */
export function checkPorts(pod: PodLike, base = 'spec'): Violation[] {
  const spec = pod.spec;
  const hostNetwork = spec.hostNetwork === true;
  const all = containersOf(spec);
  const out: Violation[] = [];
  for (const { container, rel } of all) {
    if (Array.isArray(container.ports) && container.ports.length > 0) {
      for (const v of checkContainerPorts(listedObjects(container.ports), `${base}.${rel}.ports`)) out.push(v);
    }
  }
  for (const c of all) if (c.list === 'initContainers') checkHostPortConflicts(out, all, 'initContainers', base, hostNetwork, c);
  checkHostPortConflicts(out, all, 'containers', base, hostNetwork);
  if (hostNetwork) {
    for (const { container, rel, list } of all) {
      if (list !== 'containers') continue;
      listedObjects(container.ports).forEach((port, i) => {
        const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
        if (hostPort !== 0 && hostPort !== port.containerPort) out.push(portRules.hostNetworkHostPort.at(`${base}.${rel}.ports[${i}].hostPort`, hostPort));
      });
    }
  }
  return out;
}
