/**
 * The one list of rule areas. Everything else is derived from it: the pod, object and app checks (in this order
 * their findings are listed), `RULE_AREAS` (what `podkit rules` lists and what the catalog test walks) and, by type,
 * the `RuleId` union (catalog.ts). Adding an area is one entry here.
 *
 * The entries are plain object literals, not checked against `Area` where they are written: `RuleId` is computed
 * from this list's type, the checks return `Violation`s of `RuleId`, and checking them here would make the list's
 * type depend on itself. `LIST` below checks every entry against `Area` instead.
 */
import type { Area, ObjectCheck, PodCheck } from './area';
import type { StreamingAppCheck } from './app-check';
import { configMapRules, checkConfigMap, checkConfigMapUse, configMapAppCheck } from './config-map';
import { deploymentRules, checkDeployment } from './deployments';
import { enumRules, checkEnums } from './enums';
import { envRules, checkEnv } from './env';
import { extendedResourceRules, checkExtendedResourceNames } from './extended-resources';
import { featureGateRules, checkFeatureGates } from './feature-gates';
import { fieldRules, checkFields } from './fields';
import { gmsaRules, checkGmsaPod, gmsaAppCheck } from './gmsa';
import { initContainerRules, checkInitContainers } from './init-containers';
import { lifecycleRules, checkLifecycle } from './lifecycle';
import { metadataRules, checkMetadata } from './metadata';
import { objectRules, checkContainers, checkObjectMeta } from './objects';
import { podFieldRules, checkPodFields } from './pod-fields';
import { podPolicyRules, checkPodPolicies } from './pod-policies';
import { podSecurityRules } from './pod-security';
import { portRules, checkPorts } from './ports';
import { probePromiseRules, probeRules, checkProbes } from './probes';
import { qosRules } from './qos';
import { resourceRules, checkResources } from './resources';
import { schedulabilityRules } from './schedulability';
import { schedulingRules, checkNodeSelection } from './scheduling';
import { secretRules, checkSecret, secretAppCheck } from './secrets';
import { securityContextRules, checkSecurityContext } from './security-context';
import { serviceRules, checkService, serviceAppCheck } from './service';
import { staticPodRules } from './static-pod';
import { volumeRules, checkVolumes } from './volumes';
import { cronJobRules, jobRules, checkBatchWorkload } from './workloads-jobs';
import { statefulSetRules, checkStatefulSet } from './workloads-statefulset';
import { workloadRules, checkWorkload } from './workloads';
import { yamlRules } from './yaml';
import { yamlStringRules, checkYamlStrings } from './yaml-strings';

// The checks whose own signature is not a check's. Typed here, not in the list: a signature written inside the list
// would be resolved with it, and it names `Violation`, whose `RuleId` is computed from the list.
const checkObjectMetadata: ObjectCheck = (obj) => checkObjectMeta(obj);

/**
 * Every area. The checks of each kind (pod, object, app) run, and list their findings, in this order. qos, static-pod, pod-security and schedulability have no check here: their rules run where a guarantee or
 * a cluster profile asks for them.
 */
export const AREAS = [
  { name: 'objects', rules: objectRules, pod: checkContainers, object: checkObjectMetadata },
  { name: 'resources', rules: resourceRules, pod: checkResources },
  { name: 'qos', rules: qosRules },
  { name: 'ports', rules: portRules, pod: checkPorts },
  { name: 'probes', rules: { ...probeRules, ...probePromiseRules }, pod: checkProbes },
  { name: 'lifecycle', rules: lifecycleRules, pod: checkLifecycle },
  { name: 'init-containers', rules: initContainerRules, pod: checkInitContainers },
  { name: 'pod', rules: podPolicyRules, pod: checkPodPolicies },
  { name: 'scheduling', rules: schedulingRules, pod: checkNodeSelection },
  { name: 'extended-resources', rules: extendedResourceRules, pod: checkExtendedResourceNames },
  { name: 'schedulability', rules: schedulabilityRules },
  { name: 'static-pod', rules: staticPodRules },
  { name: 'deployments', rules: deploymentRules, object: checkDeployment },
  { name: 'securityContext', rules: securityContextRules, pod: checkSecurityContext },
  { name: 'podSecurity', rules: podSecurityRules },
  { name: 'gmsa', rules: gmsaRules, pod: checkGmsaPod, app: gmsaAppCheck },
  {
    name: 'configMap',
    rules: configMapRules,
    pod: checkConfigMapUse,
    object: checkConfigMap,
    app: configMapAppCheck,
  },
  { name: 'volumes', rules: volumeRules, pod: checkVolumes },
  { name: 'yaml', rules: { ...yamlRules, ...yamlStringRules }, object: checkYamlStrings },
  {
    name: 'secrets',
    rules: secretRules,
    object: checkSecret,
    app: secretAppCheck,
  },
  { name: 'workloads', rules: workloadRules, object: checkWorkload },
  { name: 'statefulsets', rules: statefulSetRules, object: checkStatefulSet },
  // one check for both batch kinds: it reads the Job template a CronJob holds
  { name: 'jobs', rules: jobRules, object: checkBatchWorkload },
  { name: 'cronjobs', rules: cronJobRules },
  { name: 'service', rules: serviceRules, object: checkService, app: serviceAppCheck },
  { name: 'env', rules: envRules, pod: checkEnv },
  { name: 'metadata', rules: metadataRules, object: checkMetadata },
  { name: 'podFields', rules: podFieldRules, pod: checkPodFields },
  { name: 'fields', rules: fieldRules, object: checkFields },
  { name: 'enums', rules: enumRules, pod: checkEnums },
  { name: 'feature-gates', rules: featureGateRules, pod: checkFeatureGates },
] as const;

/** The list as `Area`s: the compiler checks every entry's rule table and check signatures here. */
const LIST: readonly Area[] = AREAS;

/** The pod-spec checks of every area, in list order. */
export const POD_CHECKS: readonly PodCheck[] = LIST.flatMap((area) => (area.pod ? [area.pod] : []));

/** The whole-object checks of every area, in list order. */
export const OBJECT_CHECKS: readonly ObjectCheck[] = LIST.flatMap((area) => (area.object ? [area.object] : []));

/** The cross-object checks of every area, in list order. */
export const APP_CHECKS: readonly StreamingAppCheck[] = LIST.flatMap((area) => (area.app ? [area.app] : []));

type AreaEntry = (typeof AREAS)[number];

/** Every area's rule table, by area name. */
export type RuleAreas = { readonly [A in AreaEntry as A['name']]: A['rules'] };

/** Every rule, by area, for documentation and listing (`podkit rules`), in list order. */
export const RULE_AREAS: RuleAreas = Object.fromEntries(LIST.map((area) => [area.name, area.rules])) as RuleAreas;
