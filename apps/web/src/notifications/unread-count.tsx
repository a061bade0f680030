import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, unwrap } from '../api/client';

const POLL_MS = 60_000;

interface UnreadCount {
  unread: number;
  refresh: () => void;
}

const UnreadContext = createContext<UnreadCount>({ unread: 0, refresh: () => undefined });

/** The unread count behind the bell: polled, and refreshed at once when the inbox changes it. */
export function UnreadCountProvider({ children }: { children: ReactNode }) {
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(() => {
    unwrap(api.GET('/api/inbox/unread-count')).then(
      (result) => setUnread(result.unread),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const value = useMemo(() => ({ unread, refresh }), [unread, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnreadCount(): UnreadCount {
  return useContext(UnreadContext);
}
