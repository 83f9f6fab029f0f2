/** Type tests of StaticPod props: no API object can be referenced. Each `@ts-expect-error` next to a compiling twin. */
import type { StaticContainerProps, StaticPodSpecProps, StaticVolume } from './static-pod';

const c = { name: 'web', image: 'nginx' } as const;

const literalEnv: StaticContainerProps = { ...c, env: [{ name: 'A', value: '1' }] };
const downwardEnv: StaticContainerProps = { ...c, env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] };
// @ts-expect-error a ConfigMap key as an env var
const configMapEnv: StaticContainerProps = { ...c, env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } }] };
// @ts-expect-error a Secret key as an env var
const secretEnv: StaticContainerProps = { ...c, env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] };
// @ts-expect-error envFrom a ConfigMap
const envFrom: StaticContainerProps = { ...c, envFrom: [{ configMapRef: { name: 'cm' } }] };

const hostPath: StaticVolume = { name: 'v', hostPath: { path: '/etc' } };
// @ts-expect-error a ConfigMap volume
const configMapVolume: StaticVolume = { name: 'v', configMap: { name: 'cm' } };
// @ts-expect-error a Secret volume
const secretVolume: StaticVolume = { name: 'v', secret: { secretName: 's' } };
const projectedDownward: StaticVolume = { name: 'v', projected: { sources: [{ downwardAPI: { items: [] } }] } };
// @ts-expect-error a projected ConfigMap
const projectedConfigMap: StaticVolume = { name: 'v', projected: { sources: [{ configMap: { name: 'cm' } }] } };

const spec: StaticPodSpecProps = { containers: [c], hostNetwork: true };
// @ts-expect-error a ServiceAccount
const withServiceAccount: StaticPodSpecProps = { containers: [c], serviceAccountName: 'build-robot' };
// @ts-expect-error nodeName: the kubelet sets it; the node is the `node` prop
const withNodeName: StaticPodSpecProps = { containers: [c], nodeName: 'my-node1' };

export const cases = [literalEnv, downwardEnv, configMapEnv, secretEnv, envFrom, hostPath, configMapVolume, secretVolume, projectedDownward, projectedConfigMap, spec, withServiceAccount, withNodeName];
