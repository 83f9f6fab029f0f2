/**
 * `PodTemplate` (v1): a named pod template stored in the API, for controllers and tools that read one. It has no
 * `spec`: the template is the top-level `template` field, checked by every pod rule at `template.spec`.
 * https://kubernetes.io/ja/docs/concepts/workloads/pods/#pod-templates
 */
import type { Construct } from 'constructs';
import { toWire } from '../wire';
import { applyGuarantees } from './guarantees';
import type { Guarantees, PodSpecFor } from './pod-spec';
import { PodWorkload, type WorkloadProps } from './workload';

/** Props of a {@link PodTemplate}. */
export interface PodTemplateObjectProps<G extends Guarantees = {}> extends WorkloadProps<G> {
  readonly template: {
    /** @default - none */
    readonly metadata?: { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
    readonly spec: PodSpecFor<G, 'pod'>;
  };
}

/** A PodTemplate manifest. */
export class PodTemplate<const G extends Guarantees = {}> extends PodWorkload<G> {
  constructor(scope: Construct, id: string, props: PodTemplateObjectProps<G>) {
    const template = { metadata: props.template.metadata, spec: applyGuarantees(props.template.spec, props.guarantees) };
    super(scope, id, { apiVersion: 'v1', kind: 'PodTemplate', metadata: toWire(props.metadata), template: toWire(template) }, props, props.template.metadata?.labels);
    this.checkNow();
  }
}
