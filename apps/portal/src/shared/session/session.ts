/**
 * The browser session. The refresh token lives in an HttpOnly cookie scoped to /api/auth that script
 * cannot read; the access token lives only here, in memory, so a reload starts with a silent refresh.
 * Each refresh token works once: concurrent refreshes share one request.
 */
type Listener = () => void;

export type LoginOutcome =
  | { kind: 'signedIn' }
  | { kind: 'twoFactor'; challenge: string; enrolmentRequired: boolean }
  | { kind: 'chooseOrganisation'; organisations: { id: string; name: string }[] };

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

const COOKIE_SESSION = { 'content-type': 'application/json', 'x-session': 'cookie' };

class Session {
  private token: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();

  accessToken(): string | null {
    return this.token;
  }

  /**
   * The role the access token names, read without verifying it: only a hint for what to fetch early.
   * What a user may see is decided by the API on every call.
   */
  role(): string | null {
    try {
      const payload = this.token?.split('.')[1];
      return payload ? (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: string }).role ?? null : null;
    } catch {
      return null;
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes the tokens of a login, a second factor or a password change answered in cookie mode. */
  accept(answer: TokenAnswer): void {
    this.token = answer.accessToken;
    clearTimeout(this.timer);
    // Renew a minute before the access token lapses, so a long-open page never meets a 401.
    this.timer = setTimeout(() => void this.refresh(), Math.max(10, answer.expiresIn - 60) * 1000);
    this.emit();
  }

  refresh(): Promise<boolean> {
    this.refreshing ??= this.renew().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  async login(email: string, password: string, organisationId?: string): Promise<LoginOutcome> {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { ...COOKIE_SESSION, 'accept-language': document.documentElement.lang },
      body: JSON.stringify(organisationId ? { email, password, organisationId } : { email, password }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 409 && body.error === 'organisation_required') {
      return { kind: 'chooseOrganisation', organisations: body.details?.organisations ?? [] };
    }
    if (!response.ok) throw new LoginError(response.status, body.message, body.error, Number(response.headers.get('retry-after')) || undefined);
    if (body.twoFactorRequired) return { kind: 'twoFactor', challenge: body.challenge, enrolmentRequired: body.enrolmentRequired };
    this.accept(body);
    return { kind: 'signedIn' };
  }

  async logout(everywhere = false): Promise<void> {
    await fetch('/api/auth/logout', { method: 'POST', headers: COOKIE_SESSION, body: JSON.stringify(everywhere ? { everywhere } : {}) }).catch(() => undefined);
    this.end();
  }

  /** Forgets the access token (the cookie is gone or refused): the app shows the login page. */
  end(): void {
    clearTimeout(this.timer);
    this.token = null;
    this.emit();
  }

  private async renew(): Promise<boolean> {
    // Tabs share the cookie: one refresh at a time across them, so the next one sends the new cookie.
    if ('locks' in navigator) return navigator.locks.request('vm-refresh', () => this.renewNow());
    return this.renewNow();
  }

  private async renewNow(): Promise<boolean> {
    try {
      const response = await fetch('/api/auth/refresh', { method: 'POST', headers: COOKIE_SESSION, body: '{}' });
      if (response.status === 401) {
        this.end(); // the cookie is gone or refused: log in again
        return false;
      }
      if (!response.ok) return false; // the server is busy or down: keep what we have, try again later
      this.accept(await response.json());
      return true;
    } catch {
      return false; // offline: keep what we have and try again on the next call
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export class LoginError extends Error {
  constructor(
    readonly status: number,
    message: string | undefined,
    readonly code: string | undefined,
    readonly retryAfterSeconds?: number,
  ) {
    super(message ?? code ?? String(status));
  }
}

export const session = new Session();
export { COOKIE_SESSION };
