import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import type { Clock } from '../api/types';

const POLL_MS = 60_000;

interface ServerClock {
  /** `GET /api/dev/clock`: whether the demo clock is on, and the server's time. */
  clock: Clock | undefined;
  /** The server's current time (simulated when the demo clock was moved), advancing with the browser's clock. */
  now: () => Date;
  /** Changes whenever the clock is moved, so the pages on screen reload their data. */
  generation: number;
  move: (iso: string) => Promise<{ stepsRun: number; emailsSent: number }>;
}

const ServerClockContext = createContext<ServerClock | null>(null);

/**
 * The server's clock, not the browser's: countdowns to a due date must agree with the server that decides whether
 * a report is late, and with the demo clock they are weeks apart.
 */
export function ServerClockProvider({ children }: { children: ReactNode }) {
  const [clock, setClock] = useState<Clock>();
  const [offsetMs, setOffsetMs] = useState(0);
  const [generation, setGeneration] = useState(0);

  const adopt = useCallback((next: Clock) => {
    setClock(next);
    setOffsetMs(Date.parse(next.now) - Date.now());
  }, []);

  useEffect(() => {
    const read = () => {
      unwrap(api.GET('/api/dev/clock')).then(adopt, () => undefined);
    };
    read();
    const timer = window.setInterval(read, POLL_MS);
    return () => window.clearInterval(timer);
  }, [adopt]);

  const now = useCallback(() => new Date(Date.now() + offsetMs), [offsetMs]);

  const move = useCallback(
    async (iso: string) => {
      const run = await unwrap(api.POST('/api/dev/clock', { body: { now: iso } }));
      adopt(run);
      setGeneration((g) => g + 1);
      return run;
    },
    [adopt],
  );

  const value = useMemo(() => ({ clock, now, generation, move }), [clock, now, generation, move]);
  return <ServerClockContext.Provider value={value}>{children}</ServerClockContext.Provider>;
}

export function useServerClock(): ServerClock {
  const context = useContext(ServerClockContext);
  if (!context) {
    throw new Error('useServerClock outside ServerClockProvider');
  }
  return context;
}

/** The server's time now; re-read on every render. */
export function useNow(): Date {
  return useServerClock().now();
}
