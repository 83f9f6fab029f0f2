/**
 * Docs in the editor: every property of every interface the package root exports (and of its props, options and
 * field-group type aliases) has JSDoc (its own, or the one it inherits), and every optional one says with
 * `@default` what Kubernetes does when it is absent (types the library returns, such as `Violation`, excepted).
 * Properties typed `never` (fields an interface forbids) are exempt: the type error is their documentation. A
 * failure lists each property and where it is declared.
 */
import { describe, expect, it } from 'vitest';
import { PROPS_NAME, publicPropDocs, undocumentedPropsTypes } from '../test-support/prop-docs';

const props = publicPropDocs().filter((p) => !p.forbidden);
const listed = (list: readonly { name: string; declaredAt: string }[]) => [...new Set(list.map((p) => `${p.name} (${p.declaredAt})`))];

describe('docs of the public props', () => {
  it('finds the props of the constructs', () => {
    const names = new Set(props.map((p) => p.name));
    for (const name of ['PodProps.spec', 'PodSpecProps.containers', 'GuaranteedPodProps.metadata', 'ProbeTiming.periodSeconds', 'PodSpecProps.dnsPolicy', 'StaticEnvVar.value', 'SecureContainerPort.protocol', 'Violation.docsEn']) {
      expect(names).toContain(name);
    }
    expect(PROPS_NAME.test('ConfigMapFromEnvFileProps')).toBe(true);
  });

  it('documents every public prop', () => {
    expect(listed(props.filter((p) => !p.documented)), 'props without JSDoc').toEqual([]);
  });

  it('gives every optional public prop a @default', () => {
    expect(listed(props.filter((p) => p.optional && !p.output && !p.hasDefault)), 'optional props without @default').toEqual([]);
  });

  it('documents every exported props interface itself', () => {
    expect(undocumentedPropsTypes(), 'props interfaces without a doc comment').toEqual([]);
  });
});
