/**
 * The catalog of rules: every rule of every area, and the `RuleId` union they make. A rule that is not
 * listed here cannot be reported (its violations do not type-check as `Violation`). The same tables by area,
 * as values, are `RULE_AREAS` (areas.ts).
 *
 * Only types here: lib/violation.ts, which every construct's declarations import, imports this file, so what
 * its declaration file references is loaded by every user's type check (a value whose type is printed in full,
 * as `RULE_AREAS`'s is, drew in lib/index and with it the linter and the yaml package).
 */
import type { Rule } from '../violation';
import type { extendedResourceRules } from './extended-resources';
import type { gmsaRules } from './gmsa';
import type { configMapRules } from './config-map';
import type { objectRules } from './objects';
import type { podSecurityRules } from './pod-security';
import type { qosRules } from './qos';
import type { resourceRules } from './resources';
import type { schedulabilityRules } from './schedulability';
import type { schedulingRules } from './scheduling';
import type { staticPodRules } from './static-pod';
import type { portRules } from './ports';
import type { probePromiseRules, probeRules } from './probes';
import type { lifecycleRules } from './lifecycle';
import type { initContainerRules } from './init-containers';
import type { podPolicyRules } from './pod-policies';
import type { deploymentRules } from './deployments';
import type { securityContextRules } from './security-context';
import type { volumeRules } from './volumes';
import type { yamlRules } from './yaml';
import type { yamlStringRules } from './yaml-strings';
import type { secretRules } from './secrets';
import type { workloadRules } from './workloads';
import type { statefulSetRules } from './workloads-statefulset';
import type { cronJobRules, jobRules } from './workloads-jobs';
import type { serviceRules } from './service';
import type { envRules } from './env';
import type { metadataRules } from './metadata';
import type { podFieldRules } from './pod-fields';
import type { fieldRules } from './fields';
import type { enumRules } from './enums';
import type { featureGateRules } from './feature-gates';

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
  | IdsOf<typeof yamlStringRules>
  | IdsOf<typeof secretRules>
  | IdsOf<typeof workloadRules>
  | IdsOf<typeof statefulSetRules>
  | IdsOf<typeof jobRules>
  | IdsOf<typeof cronJobRules>
  | IdsOf<typeof serviceRules>
  | IdsOf<typeof envRules>
  | IdsOf<typeof metadataRules>
  | IdsOf<typeof podFieldRules>
  | IdsOf<typeof fieldRules>
  | IdsOf<typeof enumRules>
  | IdsOf<typeof featureGateRules>;
