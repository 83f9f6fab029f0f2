/**
 * `PodTemplate` (v1): a named pod template stored in the API, for controllers and tools that read one. It has no
 * `spec`: the template is the top-level `template` field, checked by every pod rule at `template.spec`.
 * https://kubernetes.io/ja/docs/concepts/workloads/pods/#pod-templates
 */
import type { Construct } from 'constructs';
import { applyGuarantees } from './guarantees';
import type { PodSecurityFlag, PodSpecOf, QosFlag } from './pod-spec';
import { PodWorkload, type WorkloadProps } from './workload';

/** Props of a {@link PodTemplate}. */
export interface PodTemplateObjectProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  /** The stored pod template: labels and spec. */
  readonly template: {
    /** @default - none */
    readonly metadata?: { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
    readonly spec: PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'pod'>;
  };
}

/** A PodTemplate manifest. */
export class PodTemplate<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: PodTemplateObjectProps<Qos, Level, Probed, Windows, SharedPid>) {
    const template = { metadata: props.template.metadata, spec: applyGuarantees(props.template.spec, props.guarantees) };
    super(scope, id, { apiVersion: 'v1', kind: 'PodTemplate', metadata: props.metadata, template }, props, props.template.metadata?.labels);
    this.checkNow();
  }
}
