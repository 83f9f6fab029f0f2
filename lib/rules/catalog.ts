/**
 * The catalog of rules: every rule of every area, and the `RuleId` union they make. A rule that is not
 * listed here cannot be reported (its violations do not type-check as `Violation`).
 */
import type { Rule } from '../violation';
import { extendedResourceRules } from './extended-resources';
import { gmsaRules } from './gmsa';
import { configMapRules } from './config-map';
import { objectRules } from './objects';
import { podSecurityRules } from './pod-security';
import { qosRules } from './qos';
import { resourceRules } from './resources';
import { schedulabilityRules } from './schedulability';
import { schedulingRules } from './scheduling';
import { staticPodRules } from './static-pod';
import { portRules } from './ports';
import { probePromiseRules, probeRules } from './probes';
import { lifecycleRules } from './lifecycle';
import { initContainerRules } from './init-containers';
import { podPolicyRules } from './pod-policies';
import { deploymentRules } from './deployments';
import { securityContextRules } from './security-context';
import { volumeRules } from './volumes';
import { yamlRules } from './yaml';
import { yamlStringRules } from './yaml-strings';

type IdsOf<Table> = { [K in keyof Table]: Table[K] extends Rule<infer Id, never> ? Id : never }[keyof Table];

/** Every rule id this library can report. */
export type RuleId = IdsOf<typeof objectRules> | IdsOf<typeof resourceRules> | IdsOf<typeof qosRules>
  | IdsOf<typeof schedulingRules>
  | IdsOf<typeof extendedResourceRules>
  | IdsOf<typeof schedulabilityRules>
  | IdsOf<typeof staticPodRules>
  | IdsOf<typeof portRules>
  | IdsOf<typeof probeRules>
  | IdsOf<typeof probePromiseRules>
  | IdsOf<typeof lifecycleRules>
  | IdsOf<typeof initContainerRules>
  | IdsOf<typeof podPolicyRules>
  | IdsOf<typeof deploymentRules>
  | IdsOf<typeof securityContextRules>
  | IdsOf<typeof podSecurityRules>
  | IdsOf<typeof gmsaRules>
  | IdsOf<typeof configMapRules>
  | IdsOf<typeof volumeRules>
  | IdsOf<typeof yamlRules>
  | IdsOf<typeof yamlStringRules>;

/** Every rule, by area, for documentation and listing (`podkit rules`). */
export const RULE_AREAS = {
  objects: objectRules,
  resources: resourceRules,
  qos: qosRules,
  scheduling: schedulingRules,
  'extended-resources': extendedResourceRules,
  schedulability: schedulabilityRules,
  'static-pod': staticPodRules,
  ports: portRules,
  probes: { ...probeRules, ...probePromiseRules },
  lifecycle: lifecycleRules,
  'init-containers': initContainerRules,
  pod: podPolicyRules,
  deployments: deploymentRules,
  securityContext: securityContextRules,
  podSecurity: podSecurityRules,
  gmsa: gmsaRules,
  configMap: configMapRules,
  volumes: volumeRules,
  yaml: { ...yamlRules, ...yamlStringRules },
} as const;
