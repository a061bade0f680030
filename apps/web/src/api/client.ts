import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { paths } from './schema';

let onUnauthenticated: () => void = () => undefined;

/** The session provider learns here that the cookie expired, so any page can send the user back to login. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Called for any 401 outside `/api/auth/` (also by requests that bypass the typed client, like uploads). */
export function reportUnauthorized(status: number, url: string): void {
  if (status === 401 && !new URL(url, window.location.origin).pathname.startsWith('/api/auth/')) {
    onUnauthenticated();
  }
}

const sessionWatch: Middleware = {
  onResponse({ request, response }) {
    reportUnauthorized(response.status, request.url);
    return undefined;
  },
};

/** Typed client for the API; the browser sends the httpOnly session cookie. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(sessionWatch);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves to the response data, or throws an `ApiError` carrying the API's message and field reasons. */
export async function unwrap<T>(request: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!outcome.response.ok) {
    throw ApiError.fromBody(outcome.response.status, outcome.error);
  }
  return outcome.data as T;
}
