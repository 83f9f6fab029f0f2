/**
 * Label selectors as workload controllers and Services use them: whether a selector selects a set of labels, and
 * how the API server prints a label map in its messages.
 * https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
import type { LabelSelector } from '../k8s';
import { goQuote } from '../violation';
import { listedObjects } from './listed';

/** Go's `%#v` of a `map[string]string` (keys sorted, as fmt does). */
export function goStringMap(map: Record<string, string>): string {
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(map[k]!)}`).join(', ')}}`;
}

/** Whether `selector` selects a pod with `labels` (matchLabels and the set-based operators). */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const { key, operator, values = [] } of listedObjects(selector.matchExpressions)) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]!))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key]!)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
