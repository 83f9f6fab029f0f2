/**
 * `kubectl create secret docker-registry` (kubectl 1.32), reproduced. The Secret has type
 * `kubernetes.io/dockerconfigjson` and one key, `.dockerconfigjson`, holding
 * `{"auths":{"<server>":{"username":…,"password":…,"email":…,"auth":…}}}` exactly as kubectl's
 * `encoding/json` writes it: fields in that order, empty ones left out (`--docker-email` is optional), `auth`
 * the base64 of `username:password`, `<`, `>`, `&` escaped. With `--from-file` the files are the data instead
 * (a source without a key gets the key `.dockerconfigjson`) and the credentials are ignored.
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_secret_docker-registry/
 */
import type { ReadPath } from '../configmap/files';
import { goJsonString } from '../configmap/go';
import { fail, ok, type Result } from '../configmap/result';
import { addFileSources, kubectlSecret, SecretContent, type GeneratedSecret } from './kubectl';

/** `kubernetes.io/dockerconfigjson`. */
export const DOCKER_CONFIG_JSON_TYPE = 'kubernetes.io/dockerconfigjson';
/** The one key of a docker-registry Secret. */
export const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
/** kubectl's `--docker-server` default. */
export const DEFAULT_DOCKER_SERVER = 'https://index.docker.io/v1/';

/** The arguments of `kubectl create secret docker-registry`. */
export interface KubectlDockerRegistryArgs {
  readonly name: string;
  readonly dockerUsername?: string;
  readonly dockerPassword?: string;
  /** @default - none: left out of the JSON */
  readonly dockerEmail?: string;
  /** @default 'https://index.docker.io/v1/' */
  readonly dockerServer?: string;
  /** `--from-file`: `path` (key `.dockerconfigjson`) or `key=path`. */
  readonly fromFile?: readonly string[];
  readonly appendHash?: boolean;
}

/** kubectl's `handleDockerCfgJSONContent`: the `.dockerconfigjson` text. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  const fields = ([['username', username], ['password', password], ['email', email], ['auth', auth]] as const).filter(([, v]) => v !== '');
  const entry = `{${fields.map(([k, v]) => `"${k}":${goJsonString(v)}`).join(',')}}`;
  return `{"auths":{${goJsonString(server)}:${entry}}}`;
}

/** Runs `kubectl create secret docker-registry` on `args`. */
export function kubectlCreateSecretDockerRegistry(args: KubectlDockerRegistryArgs, read: ReadPath): Result<GeneratedSecret> {
  const sources = (args.fromFile ?? []).map((s) => (s.includes('=') ? s : `${DOCKER_CONFIG_JSON_KEY}=${s}`));
  const username = args.dockerUsername ?? '';
  const password = args.dockerPassword ?? '';
  const server = args.dockerServer ?? DEFAULT_DOCKER_SERVER;
  if (args.name === '') return fail('name must be specified');
  if (sources.length === 0 && (username === '' || password === '' || server === ''))
    return fail('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  const content = new SecretContent();
  if (sources.length > 0) {
    const error = addFileSources(content, sources, read);
    if (error) return fail(error);
  } else {
    content.add(DOCKER_CONFIG_JSON_KEY, new TextEncoder().encode(dockerConfigJson(username, password, args.dockerEmail ?? '', server)));
  }
  return ok(kubectlSecret(args.name, DOCKER_CONFIG_JSON_TYPE, content.base64, args.appendHash));
}
