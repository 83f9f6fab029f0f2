/**
 * The workload examples: one chart per workload kind, with guarantees, as a team would write it. Not from the
 * docs: they reproduce no reference manifest, and the reference harness does not see them (examples/app.ts keeps
 * them apart); `podkit lint` passes each clean (workloads.test.ts).
 */
import type { WorkloadExample } from '../registry';
import { cronJobExample } from './cron-job';
import { daemonSetExample } from './daemon-set';
import { deploymentExample } from './deployment';
import { jobExample } from './job';
import { podExample } from './pod';
import { podTemplateExample } from './pod-template';
import { readmeSnippetExample } from './README-snippet';
import { replicaSetExample } from './replica-set';
import { statefulSetExample } from './stateful-set';
import { windowsDeploymentExample } from './windows-deployment';

export const WORKLOAD_EXAMPLES: readonly WorkloadExample[] = [
  podExample,
  deploymentExample,
  replicaSetExample,
  statefulSetExample,
  daemonSetExample,
  jobExample,
  cronJobExample,
  podTemplateExample,
  windowsDeploymentExample,
  readmeSnippetExample,
];
