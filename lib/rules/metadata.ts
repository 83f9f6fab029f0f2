/**
 * Labels, annotations and label selectors of every object and every pod template, as apimachinery validates them
 * (`ValidateLabels`, `ValidateAnnotations`, `ValidateLabelSelector`).
 *
 * "ラベルキーは、2つのセグメントを持ちます: 任意のプレフィックスと名前で、スラッシュ(/)で区切られます。名前セグメントは必須で、63文字以下である必要があり…";
 * label values are at most 63 characters; annotation keys follow the label-key syntax (case-insensitively) and all
 * annotations of an object together hold at most 256 KiB. `nodeSelector` and node affinity terms are checked by the
 * scheduling rules; this file checks the other places labels and selectors appear.
 * https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/labels/#構文と文字セット
 */
import { podSpecOf, type KubeObject, type LabelSelector } from '../k8s';
import { labelValueErrors, qualifiedNameErrors } from '../names';
import { fieldPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import { listedObjects } from './listed';

const LABELS = 'https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/labels/#構文と文字セット';
const SELECTORS = 'https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/labels/#ラベルセレクター';
const ANNOTATIONS = 'https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/annotations/#構文と文字セット';

/** apimachinery `TotalAnnotationSizeLimitB`: 256 KiB for all keys and values of one object. */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;

export const metadataRules = {
  labelKeyInvalid: defineRule('metadata/label-key-invalid', LABELS, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  labelValueInvalid: defineRule('metadata/label-value-invalid', LABELS, (value: string, detail: string) => `Invalid value: ${goQuote(value)}: ${detail}`),
  annotationKeyInvalid: defineRule('metadata/annotation-key-invalid', ANNOTATIONS, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  annotationsTooLong: defineRule('metadata/annotations-too-long', ANNOTATIONS, (max: number) => `Too long: must have at most ${max} bytes`),
  selectorValuesRequired: defineRule('metadata/selector-values-required', SELECTORS, () => "Required value: must be specified when `operator` is 'In' or 'NotIn'"),
  selectorValuesForbidden: defineRule('metadata/selector-values-forbidden', SELECTORS, () => "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
  selectorOperatorInvalid: defineRule('metadata/selector-operator-invalid', SELECTORS, (operator: string) => `Invalid value: ${goQuote(operator)}: not a valid selector operator`),
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `ValidateLabels`: every key a qualified name, every value a label value; both reported at `at` (`metadata.labels`), as the API server does. */
export function checkLabels(labels: unknown, at: string): Violation[] {
  if (!isRecord(labels)) return [];
  const out: Violation[] = [];
  for (const key in labels) {
    for (const detail of qualifiedNameErrors(key)) out.push(metadataRules.labelKeyInvalid.at(at, key, detail));
    const value = labels[key];
    if (typeof value === 'string') for (const detail of labelValueErrors(value)) out.push(metadataRules.labelValueInvalid.at(at, value, detail));
  }
  return out;
}

/** `ValidateAnnotations`: keys are qualified names once lower-cased; keys and values together at most 256 KiB. */
export function checkAnnotations(annotations: unknown, at: string): Violation[] {
  if (!isRecord(annotations)) return [];
  const out: Violation[] = [];
  let size = 0;
  for (const key in annotations) {
    for (const detail of qualifiedNameErrors(key.toLowerCase())) out.push(metadataRules.annotationKeyInvalid.at(at, key, detail));
    const value = annotations[key];
    size += Buffer.byteLength(key, 'utf8') + (typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0);
  }
  if (size > MAX_ANNOTATIONS_BYTES) out.push(metadataRules.annotationsTooLong.at(at, MAX_ANNOTATIONS_BYTES));
  return out;
}

/** `ValidateLabelSelector` for a selector at `at`: matchLabels as labels, each matchExpressions entry's operator, key and values. */
export function checkLabelSelector(selector: LabelSelector | undefined | null, at: string): Violation[] {
  if (!isRecord(selector)) return [];
  const out = checkLabels(selector.matchLabels, `${at}.matchLabels`);
  const exprs = listedObjects(selector.matchExpressions);
  exprs.forEach((expr, i) => {
    if (!isRecord(expr)) return;
    const e = fieldPath(`${at}.matchExpressions`, i);
    const values = Array.isArray(expr.values) ? expr.values : [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) out.push(metadataRules.selectorValuesRequired.at(`${e}.values`));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) out.push(metadataRules.selectorValuesForbidden.at(`${e}.values`));
        break;
      default:
        out.push(metadataRules.selectorOperatorInvalid.at(`${e}.operator`, String(expr.operator ?? '')));
    }
    const key = typeof expr.key === 'string' ? expr.key : '';
    for (const detail of qualifiedNameErrors(key)) out.push(metadataRules.labelKeyInvalid.at(`${e}.key`, key, detail));
    values.forEach((value, j) => {
      if (typeof value === 'string') for (const detail of labelValueErrors(value)) out.push(metadataRules.labelValueInvalid.at(fieldPath(`${e}.values`, j), value, detail));
    });
  });
  return out;
}

/** Labels and annotations of the metadata at `at`. */
function checkMeta(meta: unknown, at: string): Violation[] {
  if (!isRecord(meta)) return [];
  return [...checkLabels(meta.labels, `${at}.labels`), ...checkAnnotations(meta.annotations, `${at}.annotations`)];
}

/** Kinds whose `spec.selector` is a label selector (a ReplicationController's is a plain map). */
const SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

/**
 * The object check: labels and annotations of the object, of its pod template (wherever it is nested) and of a
 * CronJob's job template, and the syntax of workload selectors.
 */
export function checkMetadata(obj: KubeObject): Violation[] {
  const out = checkMeta(obj.metadata, 'metadata');
  const spec = isRecord(obj.spec) ? obj.spec : undefined;
  if (!spec) return out;
  if (obj.kind === 'CronJob' && isRecord(spec.jobTemplate)) {
    out.push(...checkMeta(spec.jobTemplate.metadata, 'spec.jobTemplate.metadata'));
    const jobSpec = spec.jobTemplate.spec;
    if (isRecord(jobSpec)) out.push(...checkLabelSelector(jobSpec.selector as LabelSelector, 'spec.jobTemplate.spec.selector'));
  }
  if (SELECTOR_KINDS.has(obj.kind ?? '')) out.push(...checkLabelSelector(spec.selector as LabelSelector, 'spec.selector'));
  if (obj.kind === 'ReplicationController') out.push(...checkLabels(spec.selector, 'spec.selector'));
  const found = podSpecOf(obj);
  if (found && found.base !== 'spec' && found.base.endsWith('.spec')) out.push(...checkMeta(found.pod.metadata, `${found.base.slice(0, -'.spec'.length)}.metadata`));
  return out;
}
