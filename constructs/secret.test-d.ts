import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { expectTypeOf } from 'vitest';
import type { EnvVarSource } from '../lib/k8s';
import { DockerRegistrySecret, SecretFromEnvFile, SecretFromFiles, SecretFromLiterals } from './secret';
import { ConfigMapFromLiterals } from './config-map';
import { configMapKeyRef } from './config-map-references';
import { envFromSecret, ExternalSecret, secretKeyRef, secretProjection, secretVolume } from './secret-references';

declare const chart: Chart;
declare const widened: string;
declare const widenedList: string[];

// @ts-expect-error at least one literal
new SecretFromLiterals(chart, 'a', { name: 'a', literals: [] });
const s = new SecretFromLiterals(chart, 'b', { name: 'b', literals: ['k=v'] });
new SecretFromLiterals(chart, 'b2', { name: widened, type: widened, literals: [widened] });

// @ts-expect-error at least one file
new SecretFromFiles(chart, 'c', { name: 'c', files: [] });
new SecretFromFiles(chart, 'd', { name: 'd', files: ['./username.txt'] });
new SecretFromFiles(chart, 'd2', { name: 'd2', files: [widened, ...widenedList] });

// @ts-expect-error at least one env file
new SecretFromEnvFile(chart, 'e', { name: 'e', envFiles: [] });
new SecretFromEnvFile(chart, 'f', { name: 'f', envFiles: ['a.env'] });

// @ts-expect-error credentials and --from-file exclude each other (kubectl ignores the credentials)
new DockerRegistrySecret(chart, 'g', { name: 'g', dockerUsername: 'u', dockerPassword: 'p', files: ['config.json'] });
new DockerRegistrySecret(chart, 'h', { name: 'h', files: ['config.json'] });
new DockerRegistrySecret(chart, 'i', { name: 'i', dockerUsername: widened, dockerPassword: widened });
// @ts-expect-error a password goes with the username
new DockerRegistrySecret(chart, 'j', { name: 'j', dockerUsername: 'u' });

expectTypeOf(secretKeyRef(s, 'k')).toEqualTypeOf<EnvVarSource>();
// @ts-expect-error a Secret is referenced by object, never by a retyped name
secretKeyRef('b', 'k');

// A ConfigMap is not a Secret, nor a Secret a ConfigMap.
declare const cm: ConfigMapFromLiterals;
configMapKeyRef(cm, 'k');
// @ts-expect-error a Secret passed where a ConfigMap is referenced
configMapKeyRef(s, 'k');
secretVolume('v', s);
// @ts-expect-error a ConfigMap passed where a Secret is referenced
secretVolume('v', cm);
secretProjection(new ExternalSecret(chart, 'x', { name: 'x' }));
// cdk8s-plus-28 Secrets are accepted (imported by name: declared external, keys unknown)
secretKeyRef(kplus.Secret.fromSecretName(chart, 'plus', 'plus-secret'), 'k');
envFromSecret(new kplus.Secret(chart, 'plus2', { stringData: { k: 'v' } }));
