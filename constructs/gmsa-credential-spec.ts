/**
 * Windows GMSA: the GMSACredentialSpec custom resource, the ClusterRole that grants `use` on it, and the
 * RoleBinding that gives that role to a service account — wired from one object, so the three names cannot drift.
 *
 * "各GMSA資格情報仕様リソースに対して、クラスターロールを定義する必要があります。これは特定のGMSAリソース上の`use` verbを、
 * 通常はサービスアカウントであるsubjectに対して認可します。" The credential spec's schema comes from the CRD, imported
 * offline with `cdk8s import` (imports/windows.k8s.io.ts); the objects are emitted as plain JSON.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-gmsa/
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { toJson_GmsaCredentialSpecV1Credspec, type GmsaCredentialSpecV1Credspec } from '../imports/windows.k8s.io';
import { GMSA_GROUP, GMSA_KIND, checkRbacName } from '../lib/rules/gmsa';
import { assertNoViolations } from '../lib/violation';
import { CheckedApiObject, type CheckOptions } from './checked-api-object';
import { toWire } from './wire';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Anything that names a GMSACredentialSpec: one defined in this app, or one managed elsewhere. */
export interface IGmsaCredentialSpec {
  /** The `metadata.name` of the GMSACredentialSpec; what `windowsOptions.gmsaCredentialSpecName` must say. */
  readonly credentialSpecName: string;
}

/**
 * A service account to bind: `{ name, namespace }`, or a cdk8s-plus-28 `ServiceAccount` (its `name` and
 * `metadata.namespace` are read).
 */
export type ServiceAccountRef =
  | { readonly name: string; readonly namespace: string }
  | { readonly name: string; readonly metadata: { readonly namespace?: string } };

function namespaceOf(sa: ServiceAccountRef): string {
  const ns = 'namespace' in sa ? sa.namespace : sa.metadata.namespace;
  if (!ns) throw new Error(`service account ${JSON.stringify(sa.name)} has no namespace; a RoleBinding subject needs one`);
  return ns;
}

/** Object metadata for the cluster-scoped objects here. */
export interface ClusterObjectMetadata {
  /** `metadata.name`. */
  readonly name: string;
  /** Labels written to `metadata.labels`. @default - none */
  readonly labels?: Record<string, string>;
  /** Annotations written to `metadata.annotations`. @default - none */
  readonly annotations?: Record<string, string>;
}

/** Props of a {@link GmsaCredentialSpecResource}: a GMSACredentialSpec object alone. */
export interface GmsaCredentialSpecResourceProps extends CheckOptions {
  /** `name` must be a lowercase DNS subdomain: the API server validates custom resource names that way. */
  readonly metadata: ClusterObjectMetadata;
  /** The credential spec, as `New-CredentialSpec` produces it (field names per the CRD schema). */
  readonly credspec: GmsaCredentialSpecV1Credspec;
}

/** The GMSACredentialSpec custom resource alone (`windows.k8s.io/v1`, cluster-scoped). */
export class GmsaCredentialSpecResource extends CheckedApiObject implements IGmsaCredentialSpec {
  readonly credentialSpecName: string;

  constructor(scope: Construct, id: string, props: GmsaCredentialSpecResourceProps) {
    super(scope, id, { apiVersion: `${GMSA_GROUP}/v1`, kind: GMSA_KIND, metadata: toWire(props.metadata), credspec: toJson_GmsaCredentialSpecV1Credspec(props.credspec) }, props);
    this.credentialSpecName = props.metadata.name;
    this.checkNow();
  }
}

/** Props of a {@link GmsaUseClusterRole}: a ClusterRole granting `use` on one credential spec. */
export interface GmsaUseClusterRoleProps {
  /** The ClusterRole's metadata; its name is a path segment (no `/` or `%`). */
  readonly metadata: ClusterObjectMetadata;
  /** The one credential spec the role may `use`. */
  readonly credentialSpec: IGmsaCredentialSpec;
}

/** A ClusterRole granting the verb `use` on one GMSACredentialSpec, by name. */
export class GmsaUseClusterRole extends ApiObject {
  readonly roleName: string;
  readonly credentialSpecName: string;

  constructor(scope: Construct, id: string, props: GmsaUseClusterRoleProps) {
    assertNoViolations(checkRbacName(props.metadata.name), `${scope.node.path}/${id}`);
    super(scope, id, {
      apiVersion: `${RBAC_GROUP}/v1`,
      kind: 'ClusterRole',
      metadata: toWire(props.metadata),
      rules: [{ apiGroups: [GMSA_GROUP], resources: ['gmsacredentialspecs'], verbs: ['use'], resourceNames: [props.credentialSpec.credentialSpecName] }],
    });
    this.roleName = props.metadata.name;
    this.credentialSpecName = props.credentialSpec.credentialSpecName;
  }

  /** Binds this role to a service account, in the service account's namespace. */
  bindServiceAccount(scope: Construct, id: string, serviceAccount: ServiceAccountRef, options: { readonly name?: string } = {}): ServiceAccountRoleBinding {
    return new ServiceAccountRoleBinding(scope, id, {
      metadata: { name: options.name ?? defaultBindingName(serviceAccount.name, this.credentialSpecName) },
      serviceAccount,
      role: { kind: 'ClusterRole', name: this.roleName },
    });
  }
}

/** The name the docs give a binding: `allow-<service account>-svc-account-read-on-<credential spec>`. */
export function defaultBindingName(serviceAccount: string, credentialSpecName: string): string {
  return `allow-${serviceAccount}-svc-account-read-on-${credentialSpecName}`;
}

/** Props of a {@link ServiceAccountRoleBinding}: the binding's metadata, the service account and the role. */
export interface ServiceAccountRoleBindingProps {
  /**
   * The RoleBinding's metadata: a name, and optionally namespace and labels.
   * @default - `namespace` is the service account's
   */
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  /** The service account the role is given to. */
  readonly serviceAccount: ServiceAccountRef;
  /** The role given: a ClusterRole, or a Role of the binding's namespace. */
  readonly role: { readonly kind: 'ClusterRole' | 'Role'; readonly name: string };
}

/** A RoleBinding giving one role to one service account. */
export class ServiceAccountRoleBinding extends ApiObject {
  constructor(scope: Construct, id: string, props: ServiceAccountRoleBindingProps) {
    assertNoViolations(checkRbacName(props.metadata.name), `${scope.node.path}/${id}`);
    const namespace = namespaceOf(props.serviceAccount);
    super(scope, id, {
      apiVersion: `${RBAC_GROUP}/v1`,
      kind: 'RoleBinding',
      metadata: toWire({ ...props.metadata, namespace: props.metadata.namespace ?? namespace }),
      subjects: [{ kind: 'ServiceAccount', name: props.serviceAccount.name, namespace }],
      roleRef: { kind: props.role.kind, name: props.role.name, apiGroup: RBAC_GROUP },
    });
  }
}

/** Props of a {@link GmsaCredentialSpec}: the credential spec, the ClusterRole that may use it and the service accounts bound to it. */
export interface GmsaCredentialSpecProps extends CheckOptions {
  /** Name of the GMSACredentialSpec: a lowercase DNS subdomain, referenced by pods' `gmsaCredentialSpecName`. */
  readonly name: string;
  /** The credential spec itself, as `New-CredentialSpec` (PowerShell) generates it. */
  readonly credspec: GmsaCredentialSpecV1Credspec;
  /** Name of the ClusterRole granting `use` on this credential spec. */
  readonly roleName: string;
  /**
   * Service accounts whose pods may use the credential spec; one RoleBinding each, named
   * `allow-<service account>-svc-account-read-on-<name>`.
   * @default - none; add them with `grant()`
   */
  readonly serviceAccounts?: readonly ServiceAccountRef[];
  /** Labels for every object written. @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * A GMSA credential spec with its RBAC: the GMSACredentialSpec, a ClusterRole granting `use` on exactly that
 * spec, and a RoleBinding per service account. Pods reference it with
 * `windowsOptions: { gmsaCredentialSpecName: spec.credentialSpecName }`.
 */
export class GmsaCredentialSpec extends Construct implements IGmsaCredentialSpec {
  /**
   * A credential spec applied to the cluster by other means (not part of this app). Workloads that reference
   * it must declare it in `externalReferences`, so the app's cross-reference check does not look for it.
   */
  static fromCredentialSpecName(name: string): IGmsaCredentialSpec {
    return { credentialSpecName: name };
  }

  readonly credentialSpecName: string;
  readonly resource: GmsaCredentialSpecResource;
  readonly role: GmsaUseClusterRole;
  private readonly bindings: ServiceAccountRoleBinding[] = [];

  constructor(scope: Construct, id: string, props: GmsaCredentialSpecProps) {
    super(scope, id);
    this.resource = new GmsaCredentialSpecResource(this, 'CredentialSpec', { metadata: { name: props.name, labels: props.labels }, credspec: props.credspec, strict: props.strict });
    this.credentialSpecName = this.resource.credentialSpecName;
    this.role = new GmsaUseClusterRole(this, 'UseRole', { metadata: { name: props.roleName, labels: props.labels }, credentialSpec: this.resource });
    for (const sa of props.serviceAccounts ?? []) this.grant(sa);
  }

  /** Lets pods running as `serviceAccount` use this credential spec (one RoleBinding). */
  grant(serviceAccount: ServiceAccountRef, options: { readonly name?: string } = {}): ServiceAccountRoleBinding {
    const binding = this.role.bindServiceAccount(this, `Binding${this.bindings.length}`, serviceAccount, options);
    this.bindings.push(binding);
    return binding;
  }

  /** The RoleBindings made so far. */
  get roleBindings(): readonly ServiceAccountRoleBinding[] {
    return [...this.bindings];
  }
}
