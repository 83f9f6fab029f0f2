/** Type tests of `extendedResources`: each `@ts-expect-error` next to a near-identical case that compiles. */
import { expectTypeOf } from 'vitest';
import { extendedResources } from './extended-resources';

const ok = extendedResources({ 'example.com/dongle': 3 });
expectTypeOf(ok.requests).not.toBeAny();
// @ts-expect-error a name in kubernetes.io is not an extended resource
const reserved = extendedResources({ 'kubernetes.io/dongle': 3 });
// @ts-expect-error a name in a kubernetes.io subdomain is not an extended resource either
const reservedSub = extendedResources({ 'devices.kubernetes.io/dongle': 3 });
// @ts-expect-error a name without a domain is not fully qualified
const bare = extendedResources({ dongle: 3 });
// @ts-expect-error the count is a number, not a quantity string
const asString = extendedResources({ 'example.com/dongle': '3' });
const two = extendedResources({ 'example.com/dongle': 2, 'example.com/foo': 1 }, { requests: { cpu: '250m' }, limits: { cpu: '500m' } });

export const cases = [ok, reserved, reservedSub, bare, asString, two];
