import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { paths } from './schema';

let onUnauthenticated: () => void = () => undefined;

/** The session provider learns here that the cookie expired, so any page can send the user back to login. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const sessionWatch: Middleware = {
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status === 401 && !path.startsWith('/api/auth/')) {
      onUnauthenticated();
    }
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
