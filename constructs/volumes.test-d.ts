import { expectTypeOf } from 'vitest';
import type { VolumeMount } from '../lib/k8s';
import { ConfigMapFromEnvFile, ConfigMapFromLiterals } from './config-map';
import { configMapKeyRef, ExternalSecret, secretProjection } from './config-map-references';
import { emptyDirVolume, projectedVolume, volumeMount, type VolumeMountOptions } from './volumes';
import { Chart } from 'cdk8s';

declare const chart: Chart;

const data = emptyDirVolume('data');
expectTypeOf(volumeMount(data, '/data')).toEqualTypeOf<VolumeMount>();
// @ts-expect-error a mount takes the volume object, not a bare name
volumeMount('data', '/data');
// The options are the other fields of a VolumeMount, with its types.
expectTypeOf<{ -readonly [K in keyof VolumeMountOptions]: VolumeMountOptions[K] }>().toEqualTypeOf<Omit<VolumeMount, 'name' | 'mountPath'>>();

// @ts-expect-error a projected volume needs at least one source
projectedVolume('all-in-one', []);
projectedVolume('all-in-one', [secretProjection(new ExternalSecret(chart, 'user', { name: 'user' }))]);

// @ts-expect-error at least one env file
new ConfigMapFromEnvFile(chart, 'a', { name: 'a', envFiles: [] });
new ConfigMapFromEnvFile(chart, 'b', { name: 'b', envFiles: ['game.env'] });

// @ts-expect-error at least one literal
new ConfigMapFromLiterals(chart, 'c', { name: 'c', literals: [] });
const cm = new ConfigMapFromLiterals(chart, 'd', { name: 'd', literals: ['k=v'] });

configMapKeyRef(cm, 'k');
// @ts-expect-error a ConfigMap is referenced by object, never by a retyped name
configMapKeyRef('d', 'k');

// @ts-expect-error emptyDir medium is '' or 'Memory'
emptyDirVolume('m', { medium: 'memory' });
emptyDirVolume('m', { medium: 'Memory', sizeLimit: '64Mi' });
