import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/access-scope';

/** How long a signed-in user is taken from memory before the session and user rows are read again. */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

interface CachedSession {
  user: AuthUser;
  expiresAt: Date;
  /** performance.now() when read from the database: the app clock may be moved by tests and the dev clock. */
  readAt: number;
}

/**
 * Who is behind a session token, kept for a few seconds, so a burst of requests reads the session, the user and
 * the unit once instead of on every request. Keyed by the token's SHA-256, like the table. This process forgets a
 * session the moment it logs out, and every session of a user whose password, role or status changes here; another
 * instance notices such a change within SESSION_CACHE_TTL_MS. Session expiry is checked on every use.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  private forgets = 0;

  /** Taken before reading the database; `put` ignores a read that a logout or user change overtook meanwhile. */
  stamp(): number {
    return this.forgets;
  }

  get(tokenHash: string, now: Date): AuthUser | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) {
      return null;
    }
    if (performance.now() - entry.readAt > SESSION_CACHE_TTL_MS || entry.expiresAt <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.user;
  }

  put(tokenHash: string, user: AuthUser, expiresAt: Date, stamp: number): void {
    if (stamp !== this.forgets) {
      return;
    }
    if (this.entries.size >= MAX_ENTRIES) {
      // Oldest first: a Map iterates in insertion order.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(tokenHash, { user, expiresAt, readAt: performance.now() });
  }

  forgetSession(tokenHash: string): void {
    this.forgets++;
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: number): void {
    this.forgets++;
    for (const [tokenHash, entry] of this.entries) {
      if (entry.user.id === userId) {
        this.entries.delete(tokenHash);
      }
    }
  }
}
