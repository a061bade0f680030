import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, setUnauthenticatedHandler, unwrap } from '../api/client';
import type { User } from '../api/types';

type SessionState =
  { status: 'loading' } | { status: 'anonymous'; expired: boolean } | { status: 'signed-in'; user: User };

interface Session {
  state: SessionState;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in. The httpOnly cookie is the session; this only mirrors `GET /api/auth/me`. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'anonymous', expired: true }));
    unwrap(api.GET('/api/auth/me')).then(
      (user) => setState({ status: 'signed-in', user }),
      () => setState({ status: 'anonymous', expired: false }),
    );
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const session = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
    setState({ status: 'signed-in', user: session.user });
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    await unwrap(api.POST('/api/auth/logout')).catch(() => undefined);
    setState({ status: 'anonymous', expired: false });
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside SessionProvider');
  }
  return session;
}

/** The signed-in user; only for components rendered behind the login gate. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') {
    throw new Error('useUser without a signed-in user');
  }
  return state.user;
}
