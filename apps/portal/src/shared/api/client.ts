import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { currentLanguage } from '../i18n/i18n';
import { session } from '../session/session';

/** The error shape of every API answer that is not 2xx; `message` is already in the asker's language. */
export interface ApiProblem {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
  ) {
    super(problem.message);
  }
  get code(): string {
    return this.problem.error;
  }
}

/**
 * Every call carries the in-memory access token and the page's language. A 401 means the access token
 * lapsed (or the tab slept): the session refreshes once through its cookie and the call is repeated.
 */
async function authorisedFetch(request: Request): Promise<Response> {
  const send = (token: string | null) => {
    const attempt = request.clone();
    attempt.headers.set('accept-language', currentLanguage());
    if (token) attempt.headers.set('authorization', `Bearer ${token}`);
    return fetch(attempt);
  };
  const response = await send(session.accessToken());
  if (response.status !== 401 || !session.accessToken()) return response;
  const renewed = await session.refresh();
  return renewed ? send(session.accessToken()) : response;
}

export const api = createClient<paths>({ baseUrl: '', fetch: authorisedFetch });

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call, else an ApiError with the server's words. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = isProblem(error) ? error : { statusCode: response.status, error: 'http_error', message: response.statusText };
  throw new ApiError(response.status, problem);
}

function isProblem(value: unknown): value is ApiProblem {
  return typeof value === 'object' && value !== null && 'error' in value && 'message' in value;
}
