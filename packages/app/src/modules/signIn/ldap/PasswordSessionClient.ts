import {
  AuthRequestOptions,
  BackstageIdentityResponse,
  DiscoveryApi,
  ProfileInfo,
  SessionApi,
  SessionState,
} from '@backstage/frontend-plugin-api';

/** What the backend's `/handler/frame` and `/refresh` routes answer with. */
type WireSession = {
  profile?: ProfileInfo;
  backstageIdentity?: {
    token?: string;
    expiresInSeconds?: number;
    identity?: BackstageIdentityResponse['identity'];
  };
};

/** A signed-in session kept in memory only: the browser holds nothing but the backend's httpOnly cookie. */
export type PortalSession = {
  profile: ProfileInfo;
  backstageIdentity: BackstageIdentityResponse;
};

/**
 * A failed sign-in. `status` is the HTTP status (0 when the backend could not be reached);
 * `retryAfterSeconds` is set when the backend throttles (429).
 */
export class SignInError extends Error {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** The `error.message` of the backend's JSON answer, if it had one. */
  readonly serverMessage?: string;

  constructor(
    status: number,
    message: string,
    retryAfterSeconds?: number,
    serverMessage?: string,
  ) {
    super(message);
    this.name = 'SignInError';
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.serverMessage = serverMessage;
  }
}

export type PasswordSessionClientOptions = {
  /** The backend auth provider id: `ldap` or `guest`. */
  providerId: string;
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  /** `auth.environment`, passed as `?env=` the way the default auth APIs do. */
  environment: string;
  /** Whether the provider has a `/logout` route (LDAP yes, guest no). */
  hasLogout: boolean;
  /** For tests. */
  fetch?: typeof fetch;
  /** For tests. */
  now?: () => number;
};

/** Refresh the Backstage token this long before it expires (at most half its lifetime). */
const REFRESH_MARGIN_MS = 5 * 60_000;

type Observer = {
  next?: (value: SessionState) => void;
  error?: (error: Error) => void;
  complete?: () => void;
};

function parseRetryAfter(
  body: { retryAfterSeconds?: unknown } | undefined,
  header: string | null,
): number | undefined {
  const fromBody = Number(body?.retryAfterSeconds);
  if (body?.retryAfterSeconds !== undefined && Number.isFinite(fromBody)) {
    return Math.max(0, Math.ceil(fromBody));
  }
  if (header && /^\d+$/.test(header.trim())) {
    return Number(header.trim());
  }
  return undefined;
}

/**
 * The frontend side of a cookie-session auth provider in the portal backend (`/api/auth/<providerId>`):
 * password login (`POST /handler/frame`), restore and token renewal (`POST /refresh`), sign-out
 * (`POST /logout`). It is the `authApi` behind `UserIdentity.create`, which asks it for the Backstage
 * token on every request: the token is cached and renewed through `/refresh` shortly before it expires.
 *
 * It uses the browser's `fetch`, not the `fetchApi`: before sign-in the fetch API waits for an identity
 * that does not exist yet.
 */
export class PasswordSessionClient implements SessionApi {
  private session?: PortalSession;
  /** When to renew the cached token: before it expires by 5 minutes, or half its lifetime if shorter. */
  private renewAt?: number;
  private inflight?: Promise<PortalSession | undefined>;
  private readonly observers = new Set<Observer>();
  private lastState: SessionState = SessionState.SignedOut;

  constructor(private readonly options: PasswordSessionClientOptions) {}

  private now() {
    return this.options.now ? this.options.now() : Date.now();
  }

  private async post(path: string, init: RequestInit = {}) {
    const base = await this.options.discoveryApi.getBaseUrl('auth');
    const headers = new Headers(init.headers);
    headers.set('X-Requested-With', 'XMLHttpRequest');
    const url = `${base}/${
      this.options.providerId
    }${path}?env=${encodeURIComponent(this.options.environment)}`;
    const doFetch = this.options.fetch ?? fetch;
    try {
      return await doFetch(url, {
        ...init,
        method: 'POST',
        headers,
        credentials: 'include',
      });
    } catch (error) {
      throw new SignInError(
        0,
        `Cannot reach the portal backend: ${(error as Error).message}`,
      );
    }
  }

  private async failure(response: Response): Promise<SignInError> {
    const body = await response.json().catch(() => undefined);
    const serverMessage =
      typeof body?.error?.message === 'string' ? body.error.message : undefined;
    return new SignInError(
      response.status,
      serverMessage ?? `HTTP ${response.status} ${response.statusText}`.trim(),
      parseRetryAfter(body, response.headers.get('Retry-After')),
      serverMessage,
    );
  }

  private async accept(response: Response): Promise<PortalSession> {
    const wire = (await response.json().catch(() => undefined)) as
      | WireSession
      | undefined;
    const identity = wire?.backstageIdentity;
    if (!identity?.token || !identity.identity?.userEntityRef) {
      throw new SignInError(
        response.status,
        'The portal backend answered without a Backstage identity',
      );
    }
    const lifetimeMs = (identity.expiresInSeconds ?? 600) * 1000;
    this.renewAt =
      this.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    const session: PortalSession = {
      profile: wire?.profile ?? {},
      backstageIdentity: {
        token: identity.token,
        identity: identity.identity,
        expiresAt: new Date(this.now() + lifetimeMs),
      },
    };
    this.session = session;
    this.setState(SessionState.SignedIn);
    return session;
  }

  private setState(state: SessionState) {
    if (state === this.lastState) return;
    this.lastState = state;
    for (const observer of this.observers) observer.next?.(state);
  }

  private forget() {
    this.session = undefined;
    this.renewAt = undefined;
    this.setState(SessionState.SignedOut);
  }

  private isFresh() {
    return this.renewAt !== undefined && this.now() < this.renewAt;
  }

  /** Password login. Throws {@link SignInError} (401 wrong credentials, 429 throttled, 503 directory down). */
  async signInWithPassword(
    username: string,
    password: string,
  ): Promise<PortalSession> {
    const response = await this.post('/handler/frame', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) {
      throw await this.failure(response);
    }
    return this.accept(response);
  }

  /**
   * The current session: the cached one while its token is fresh, else a new one from `/refresh`
   * (one request at a time). `undefined` when the backend has no valid session (401).
   */
  async restore(): Promise<PortalSession | undefined> {
    const cached = this.session;
    if (cached && this.isFresh()) return cached;
    if (!this.inflight) {
      this.inflight = (async () => {
        const response = await this.post('/refresh');
        if (response.ok) return this.accept(response);
        if (response.status === 401) {
          this.forget();
          return undefined;
        }
        throw await this.failure(response);
      })().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  private async current(options?: AuthRequestOptions) {
    const session = await this.restore();
    if (!session && !options?.optional) {
      throw new SignInError(
        401,
        'Your session has ended; reload the page to sign in again',
      );
    }
    return session;
  }

  async getBackstageIdentity(
    options?: AuthRequestOptions,
  ): Promise<BackstageIdentityResponse | undefined> {
    return (await this.current(options))?.backstageIdentity;
  }

  async getProfile(
    options?: AuthRequestOptions,
  ): Promise<ProfileInfo | undefined> {
    return (await this.current(options))?.profile;
  }

  async signIn(): Promise<void> {
    await this.current();
  }

  async signOut(): Promise<void> {
    if (this.options.hasLogout) {
      // Best effort: the session is forgotten here whatever the backend answers.
      await this.post('/logout').catch(() => undefined);
    }
    this.forget();
  }

  sessionState$(): ReturnType<SessionApi['sessionState$']> {
    const observers = this.observers;
    const current = () => this.lastState;
    const observable = {
      [Symbol.observable]() {
        return observable;
      },
      subscribe(
        observerOrNext?: Observer | ((value: SessionState) => void),
        onError?: (error: Error) => void,
        onComplete?: () => void,
      ) {
        const observer: Observer =
          typeof observerOrNext === 'function'
            ? { next: observerOrNext, error: onError, complete: onComplete }
            : observerOrNext ?? {};
        observers.add(observer);
        observer.next?.(current());
        let closed = false;
        return {
          get closed() {
            return closed;
          },
          unsubscribe() {
            closed = true;
            observers.delete(observer);
          },
        };
      },
    };
    return observable as ReturnType<SessionApi['sessionState$']>;
  }
}
