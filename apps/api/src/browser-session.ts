import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, AppError, UnauthorizedError } from '@app/core';

/** A browser asks for its refresh token in a cookie with this request header (`X-Session: cookie`). */
export const SESSION_HEADER = 'x-session';
export const REFRESH_COOKIE = 'vm_refresh';
/** Sent to the refresh and logout routes only, never to the rest of the API. */
const COOKIE_PATH = '/api/auth';

/** Refresh tokens (`<uuid>.<base64url>`) need no encoding in a cookie; anything else in one is ignored. */
const COOKIE_SAFE = /^[A-Za-z0-9._-]{1,200}$/;

/*
 * Written here rather than with @fastify/cookie: its ESM-only `cookie` dependency is loaded with a
 * dynamic import(), which Jest's CommonJS runtime refuses, and one cookie needs little code.
 */
const setCookie = (value: string, maxAgeSeconds: number) =>
  `${REFRESH_COOKIE}=${value}; Path=${COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      const value = pair.slice(at + 1).trim();
      return COOKIE_SAFE.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** An answer without its refresh token (per member of a union: a login answers tokens or a challenge). */
type WithoutRefreshToken<T> = T extends unknown ? Omit<T, 'refreshToken'> : never;

const originOf = (url: string): string | null => {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/**
 * The portal's session: the refresh token lives in an HttpOnly cookie that page scripts cannot
 * read, and only the short-lived access token is handed to them. Routes that use the cookie
 * require the caller's `Origin` to be the service's own, so another site cannot make a browser
 * spend it (SameSite=Strict already keeps it off cross-site requests; this also covers old browsers
 * and sibling subdomains).
 */
@Injectable()
export class BrowserSessions {
  constructor(private readonly config: AppConfig) {}

  /** The answer of a login, second factor or password change: with `X-Session: cookie` its refresh token moves into the cookie. */
  deliver<T extends object>(request: FastifyRequest, reply: FastifyReply, answer: T): T | WithoutRefreshToken<T> {
    if (!this.wantsCookie(request) || !('refreshToken' in answer) || typeof answer.refreshToken !== 'string') return answer;
    return this.moveToCookie(reply, answer as T & { refreshToken: string }) as WithoutRefreshToken<T>;
  }

  /**
   * A refresh with the cookie: rotates it, sets the new one and answers the access token. A missing
   * or refused cookie is cleared, so the browser stops sending it.
   */
  async refresh<T extends { refreshToken: string }>(request: FastifyRequest, reply: FastifyReply, rotate: (refreshToken: string) => Promise<T>): Promise<Omit<T, 'refreshToken'>> {
    const token = this.cookieOf(request);
    try {
      if (token === undefined) throw new UnauthorizedError('invalid_refresh_token');
      return this.moveToCookie(reply, await rotate(token));
    } catch (error) {
      // Only a refused token goes; a database hiccup (5xx) must not log everyone out.
      if (error instanceof UnauthorizedError) this.clear(reply);
      throw error;
    }
  }

  /** A logout with the cookie: ends its login (or with `everywhere` every login of its user) and clears it. */
  async logout(request: FastifyRequest, reply: FastifyReply, end: (refreshToken: string) => Promise<void>): Promise<void> {
    const token = this.cookieOf(request);
    if (token !== undefined) await end(token);
    this.clear(reply);
  }

  private wantsCookie(request: FastifyRequest): boolean {
    const header = request.headers[SESSION_HEADER];
    return typeof header === 'string' && header.trim().toLowerCase() === 'cookie';
  }

  /** The cookie's token, after the origin check; undefined when there is none. */
  private cookieOf(request: FastifyRequest): string | undefined {
    this.checkOrigin(request);
    return cookieValue(request.headers.cookie, REFRESH_COOKIE);
  }

  /** The origin of PUBLIC_URL or the request's own (proxy headers count only with TRUST_PROXY). */
  private checkOrigin(request: FastifyRequest): void {
    const header = request.headers.origin;
    const origin = typeof header === 'string' ? originOf(header) : null;
    const own = [originOf(this.config.http.publicUrl), originOf(`${request.protocol}://${request.host}`)];
    if (origin === null || !own.includes(origin)) throw new AppError(HttpStatus.FORBIDDEN, 'origin_refused');
  }

  private moveToCookie<T extends { refreshToken: string }>(reply: FastifyReply, answer: T): Omit<T, 'refreshToken'> {
    const { refreshToken, ...rest } = answer;
    void reply.header('set-cookie', setCookie(refreshToken, this.config.auth.refreshTtlDays * 24 * 3600));
    return rest;
  }

  private clear(reply: FastifyReply): void {
    void reply.header('set-cookie', setCookie('', 0));
  }
}

/** OpenAPI: the optional header that asks for the cookie. */
export const ApiSessionHeader = () =>
  ApiHeader({
    name: 'X-Session',
    required: false,
    enum: ['cookie'],
    description:
      'Browsers: `cookie` puts the refresh token in an HttpOnly cookie `vm_refresh` (Path=/api/auth, Secure, SameSite=Strict) instead of the body; refresh and log out then without a token in the body',
  });
