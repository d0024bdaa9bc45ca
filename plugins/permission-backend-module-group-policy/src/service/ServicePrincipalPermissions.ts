import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
  type AuthorizePermissionResponse,
  type QueryPermissionRequest,
  type QueryPermissionResponse,
} from '@backstage/plugin-permission-common';
import type { PolicyEngine } from '../engine/PolicyEngine';
import { toPolicyDecision } from '../engine/GroupPolicy';
import { memberKey } from '../policy/compilePolicy';

/**
 * The permissions service of every plugin, with one addition: a service
 * principal (another plugin, a static or JWKS access token) that the policy
 * binds to a role is decided by the policy. Unbound services and all users
 * go to the upstream client unchanged.
 */
export class ServicePrincipalPermissions implements PermissionsService {
  constructor(
    private readonly upstream: PermissionsService,
    private readonly engine: PolicyEngine,
    private readonly auth: AuthService,
  ) {}

  /** The policy's name for a bound service principal, if it is one. */
  private boundService(options: PermissionsServiceRequestOptions) {
    const credentials = (options as { credentials?: BackstageCredentials })
      .credentials;
    if (!credentials || !this.auth.isPrincipal(credentials, 'service')) {
      return undefined;
    }
    const ref = memberKey(`service:${credentials.principal.subject}`);
    return this.engine.policy.rolesByMember.has(ref) ? ref : undefined;
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const ref = this.boundService(options);
    if (!ref) return this.upstream.authorize(requests, options);
    // A service has no owner or group claims; a conditional rule does not
    // grant a service a definitive answer on one resource.
    return requests.map(request => ({
      result:
        this.engine.decide(request.permission, ref, undefined).result ===
        'ALLOW'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  }

  async authorizeConditional(
    queries: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    const ref = this.boundService(options);
    if (!ref) return this.upstream.authorizeConditional(queries, options);
    return queries.map(
      query =>
        toPolicyDecision(
          this.engine.decide(query.permission, ref, undefined),
        ) as QueryPermissionResponse,
    );
  }
}
