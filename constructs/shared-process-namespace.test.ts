import { JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { securityContextRules } from '../lib/rules/security-context';
import { ViolationError } from '../lib/violation';
import type { ContainerProps } from './container';
import { SharedProcessNamespacePod, withSysPtrace, type SharedProcessNamespacePodProps } from './shared-process-namespace';

const shell: ContainerProps = { name: 'shell', image: 'busybox:1.28', stdin: true, tty: true };

describe('withSysPtrace', () => {
  it('adds SYS_PTRACE once, after the capabilities already added', () => {
    const c = withSysPtrace({ ...shell, securityContext: { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } } });
    expect(c.securityContext?.capabilities).toEqual({ add: ['NET_ADMIN', 'SYS_PTRACE'], drop: ['ALL'] });
    expect(withSysPtrace(c)).toBe(c);
    expect(withSysPtrace(shell).securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
  });
});

describe('SharedProcessNamespacePod', () => {
  it('emits shareProcessNamespace: true and nothing else', () => {
    const chart = Testing.chart();
    new SharedProcessNamespacePod(chart, 'nginx', { metadata: { name: 'nginx' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }, withSysPtrace(shell)] } });
    expect(Testing.synth(chart)[0].spec).toEqual({
      shareProcessNamespace: true,
      containers: [{ name: 'nginx', image: 'nginx' }, { ...shell, securityContext: { capabilities: { add: ['SYS_PTRACE'] } } }],
    });
  });

  it('fails when hostPID gets past the type', () => {
    const chart = Testing.chart();
    const props = { spec: { hostPID: true, containers: [shell] } } as unknown as SharedProcessNamespacePodProps;
    let error: unknown;
    try {
      new SharedProcessNamespacePod(chart, 'p', props);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ViolationError);
    expect((error as ViolationError).violations.map((v) => ({ rule: v.rule, path: v.path }))).toEqual([
      { rule: securityContextRules.shareProcessNamespaceWithHostPid.id, path: 'spec.securityContext.shareProcessNamespace' },
    ]);
  });

  it('fails at synth when an escape hatch turns the sharing off', () => {
    const chart = Testing.chart();
    const pod = new SharedProcessNamespacePod(chart, 'p', { spec: { containers: [shell] } });
    expect(pod.node.validate()).toEqual([]);
    pod.addJsonPatch(JsonPatch.replace('/spec/shareProcessNamespace', false));
    expect(pod.node.validate().join('\n')).toContain(`spec.shareProcessNamespace: ${securityContextRules.shareProcessNamespaceRequired.message()} [${securityContextRules.shareProcessNamespaceRequired.id}]`);
  });
});
