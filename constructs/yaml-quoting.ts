/**
 * Makes cdk8s's YAML writer quote the strings that Kubernetes would read back as something else.
 *
 * cdk8s writes YAML with the `yaml` package's YAML 1.1 schema, which quotes `on`, `yes`, `0777` and the like,
 * but writes plain: Go-style numbers (`0o17`, `0x1F`, `0b1`), which Kubernetes' go-yaml reads back as integers;
 * and `=` and `<<`, which a YAML 1.1 reader such as PyYAML cannot load as strings. This module adds, to the
 * schema instance cdk8s uses, a tag that matches exactly those strings and is used only for that test (and
 * one that writes the string `<<` quoted): the writer then quotes them; reading them resolves to the same
 * string as before. Nothing else changes.
 *
 * Opt-in only: importing this library changes nothing in how cdk8s writes YAML. Call {@link installYamlQuoting}
 * once, at the start of an app, to have it for the whole process (every chart of every app, podkit's or not).
 */
import * as path from 'node:path';

interface YamlTag {
  identify: (value: unknown) => boolean;
  default: boolean;
  tag: string;
  test?: RegExp;
  resolve: (source: string) => string;
  stringify?: () => string;
}

/** Strings a YAML 1.1 writer may leave plain but Kubernetes or a YAML 1.1 reader would not read as strings. */
export const MISREAD_PLAIN_STRINGS = /^(?:[-+]?0[oObBxX][0-9a-fA-F_]+|=|<<)$/;

const QUOTE_TAG: YamlTag = {
  identify: () => false,
  default: true,
  tag: 'tag:cdk8s-podkit,2026:quote',
  test: MISREAD_PLAIN_STRINGS,
  resolve: (source) => source,
};

/**
 * The string `<<` is identified by the schema's merge-key tag before any string test runs, and written plain;
 * this tag, placed before it, writes the string quoted instead.
 */
const MERGE_KEY_STRING_TAG: YamlTag = {
  identify: (value) => value === '<<',
  default: true,
  tag: 'tag:cdk8s-podkit,2026:merge-key-string',
  // a test is what makes the writer prefer this tag over the merge tag; one that never matches keeps
  // reading unchanged (a plain `<<` key still merges)
  test: /(?!)/,
  resolve: (source) => source,
  stringify: () => '"<<"',
};

/**
 * Makes cdk8s quote, in the YAML it writes from now on in this process, the strings that a YAML 1.1 writer
 * leaves plain but Kubernetes (go-yaml) or a YAML 1.1 reader would not read back as strings: Go-style
 * numbers (`0o17`, `0x1F`, `0b1`), `=` and `<<`. (cdk8s already quotes `on`, `yes`, `0777` and the like.)
 *
 * It adds two tags to the YAML 1.1 schema of the copy of the `yaml` package cdk8s loads, so it affects every
 * chart of every app in the process, and depends on that package's file layout: returns false, changing
 * nothing, where the layout is not the one expected. Idempotent.
 *
 * @example
 * import { installYamlQuoting } from 'cdk8s-podkit';
 * installYamlQuoting();
 * const app = new App();
 */
export function installYamlQuoting(): boolean {
  const yamlMain = require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] });
  const schemaFile = path.join(path.dirname(yamlMain), 'schema', 'yaml-1.1', 'schema.js');
  let schema: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    schema = (require(schemaFile) as { schema?: unknown }).schema;
  } catch {
    return false;
  }
  if (!Array.isArray(schema)) return false;
  if (!schema.includes(QUOTE_TAG)) schema.push(QUOTE_TAG);
  if (!schema.includes(MERGE_KEY_STRING_TAG)) {
    const merge = schema.findIndex((t) => t.tag === 'tag:yaml.org,2002:merge');
    schema.splice(merge < 0 ? 0 : merge, 0, MERGE_KEY_STRING_TAG);
  }
  return true;
}
