/**
 * Every rule, by area, as values: what `podkit rules` lists and what the catalog test walks. The same tables
 * make the `RuleId` union (catalog.ts); catalog.test-d.ts checks the two lists agree.
 */
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
import { secretRules } from './secrets';
import { workloadRules } from './workloads';
import { statefulSetRules } from './workloads-statefulset';
import { cronJobRules, jobRules } from './workloads-jobs';
import { serviceRules } from './service';
import { envRules } from './env';
import { metadataRules } from './metadata';
import { podFieldRules } from './pod-fields';
import { fieldRules } from './fields';
import { enumRules } from './enums';
import { featureGateRules } from './feature-gates';

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
  secrets: secretRules,
  workloads: workloadRules,
  statefulsets: statefulSetRules,
  jobs: jobRules,
  cronjobs: cronJobRules,
  service: serviceRules,
  env: envRules,
  metadata: metadataRules,
  podFields: podFieldRules,
  fields: fieldRules,
  enums: enumRules,
  'feature-gates': featureGateRules,
} as const;
