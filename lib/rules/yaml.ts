/**
 * Manifest text, before any object rule: what the YAML reader sees that the objects no longer show.
 *
 * kubectl turns YAML into JSON on the client (sigs.k8s.io/yaml), keeping the last of two equal keys without a
 * word, so the API server's strict field validation ("duplicate fields") never sees the first one. This is our
 * warning, not a Kubernetes rule.
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
import { REFERENCE } from '../docs';
import { defineRule } from '../violation';

const FIELD_VALIDATION = REFERENCE.fieldValidation;

export const yamlRules = {
  duplicateKey: defineRule(
    'yaml/duplicate-key',
    FIELD_VALIDATION,
    (key: string) => `duplicate key ${JSON.stringify(key)}: kubectl keeps only the last value and silently drops the earlier ones (podkit warning)`,
    'warning',
  ),
};
