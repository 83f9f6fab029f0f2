/**
 * Differential test: the RoleBindings ServiceAccountRoleBinding and GmsaCredentialSpec write equal what the
 * real `kubectl create rolebinding --dry-run=client` writes for the same names (offline; server fields ignored).
 * `kubectl create clusterrole` cannot serve as an oracle here: it needs API discovery to accept the `use` verb
 * on a custom resource.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GmsaCredentialSpec, ServiceAccountRoleBinding } from './gmsa-credential-spec';

const onPath = (command: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

function kubectlRoleBinding(name: string, namespace: string, clusterRole: string, serviceAccount: string): unknown {
  const out = execFileSync(
    'kubectl',
    ['create', 'rolebinding', name, `--clusterrole=${clusterRole}`, `--serviceaccount=${serviceAccount}`, `--namespace=${namespace}`, '--dry-run=client', '-o', 'yaml'],
    { env: { ...process.env, KUBECONFIG: '/dev/null' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const obj = parse(out) as { metadata: Record<string, unknown> };
  delete obj.metadata.creationTimestamp;
  return obj;
}

describe.skipIf(!onPath('kubectl'))('RoleBindings against kubectl create rolebinding', () => {
  it.each([
    ['the page’s binding (upper-case name, valid for RBAC)', 'allow-default-svc-account-read-on-gmsa-WebApp1', 'default', 'webapp1-role', { name: 'default', namespace: 'default' }],
    ['a binding in another namespace', 'allow-iis-svc-account-read-on-gmsa-webapp1', 'web', 'webapp1-role', { name: 'iis', namespace: 'web' }],
  ])('%s', (_name, name, namespace, role, sa) => {
    const chart = Testing.chart();
    new ServiceAccountRoleBinding(chart, 'b', { metadata: { name, namespace }, serviceAccount: sa, role: { kind: 'ClusterRole', name: role } });
    expect(Testing.synth(chart)[0]).toEqual(kubectlRoleBinding(name, namespace, role, `${sa.namespace}:${sa.name}`));
  });

  it('the binding GmsaCredentialSpec derives from one object', () => {
    const chart = Testing.chart();
    const spec = new GmsaCredentialSpec(chart, 'webapp1', { name: 'gmsa-webapp1', credspec: {}, roleName: 'webapp1-role', serviceAccounts: [{ name: 'default', namespace: 'default' }] });
    expect(spec.roleBindings[0]!.toJson()).toEqual(kubectlRoleBinding('allow-default-svc-account-read-on-gmsa-webapp1', 'default', 'webapp1-role', 'default:default'));
  });
});
