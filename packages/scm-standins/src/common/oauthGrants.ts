import { randomBytes } from 'node:crypto';

const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** What a one-time authorization code stands for. */
export interface AuthorizationGrant {
  clientId: string;
  redirectUri: string;
  /** The account that consented (login / username). */
  account: string;
  scopes: string[];
}

/** One-time authorization codes, valid for 10 minutes. */
export class AuthorizationCodes {
  private readonly codes = new Map<
    string,
    AuthorizationGrant & { expiresAt: number }
  >();

  issue(grant: AuthorizationGrant): string {
    const code = randomBytes(10).toString('hex');
    this.codes.set(code, {
      ...grant,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
    });
    return code;
  }

  /** Redeems a code once; undefined when unknown, used, expired or not for this client. */
  redeem(
    code: string,
    clientId: string,
    redirectUri: string | undefined,
  ): AuthorizationGrant | undefined {
    const grant = this.codes.get(code);
    if (!grant) {
      return undefined;
    }
    this.codes.delete(code);
    if (grant.expiresAt < Date.now() || grant.clientId !== clientId) {
      return undefined;
    }
    if (redirectUri !== undefined && redirectUri !== grant.redirectUri) {
      return undefined;
    }
    const { expiresAt, ...rest } = grant;
    return rest;
  }
}

/** A token the stand-in accepts, and whose it is. */
export interface IssuedToken {
  account: string;
  scopes: string[];
  /** Epoch milliseconds; undefined = never expires. */
  expiresAt?: number;
  createdAt: number;
}

export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(18).toString('base64url')}`;
}
