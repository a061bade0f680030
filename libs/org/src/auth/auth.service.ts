import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, DomainError, UnitOfWork } from '@app/core';
import { AuthUser, scopeFor } from '../access/access-scope';
import { UnitsService } from '../units/units.service';
import { passwordProblems } from '../users/password-policy';
import { PasswordHasher } from '../users/password-hasher';
import { User } from '../users/user.entity';
import { SessionCache } from './session-cache';
import { UserSession } from './session.entity';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: AuthUser;
}

/** Failures before answers are slowed down; from `login.maxFailures` on, the account is locked for a while. */
const SLOW_AFTER_FAILURES = 2;
const SLOWDOWN_STEP_MS = 250;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  /** Verifies against this when the username is unknown, so timing does not reveal which usernames exist. */
  private dummyHash: Promise<string> | null = null;
  /** Session reads in flight, by token hash. */
  private readonly reading = new Map<string, { stamp: number; result: Promise<AuthUser | null> }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly units: UnitsService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly sessions: SessionCache,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.dataSource.getRepository(User).findOneBy({ username });
    const now = this.clock.now();
    if (!user || !user.active) {
      this.dummyHash ??= this.hasher.hash('not-a-real-password-1');
      await this.hasher.verify(await this.dummyHash, password);
      throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new DomainError('LOCKED', `连续登录失败次数过多，账户已锁定至 ${formatShanghai(user.lockedUntil)}`);
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      await this.recordFailure(user, now);
      throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3600_000);
    await this.unitOfWork.run(async (em) => {
      await em.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null });
      await em.save(
        em.create(UserSession, {
          tokenHash: sha256(token),
          userId: user.id,
          createdAt: now,
          expiresAt,
          revokedAt: null,
        }),
      );
      await this.audit.record(em, {
        actor: { kind: 'user', userId: user.id, username: user.username },
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
      });
    });
    return { token, expiresAt, user: await this.toAuthUser(user) };
  }

  /**
   * The user behind a token, or null when the token is unknown, revoked or expired. Answered from `SessionCache`
   * for a few seconds after a database read (a token is a random 256-bit value, hashed with SHA-256, never argon2).
   */
  async authenticate(token: string): Promise<AuthUser | null> {
    const tokenHash = sha256(token);
    const now = this.clock.now();
    const cached = this.sessions.get(tokenHash, now);
    if (cached) {
      return cached;
    }
    // Requests that arrive together with the same token share one read, instead of each reading the same rows;
    // not a read begun before a logout or user change that has happened since.
    const stamp = this.sessions.stamp();
    const inFlight = this.reading.get(tokenHash);
    if (inFlight?.stamp === stamp) {
      return inFlight.result;
    }
    const result = this.readSession(tokenHash, now, stamp).finally(() => {
      if (this.reading.get(tokenHash)?.result === result) {
        this.reading.delete(tokenHash);
      }
    });
    this.reading.set(tokenHash, { stamp, result });
    return result;
  }

  private async readSession(tokenHash: string, now: Date, stamp: number): Promise<AuthUser | null> {
    const session = await this.dataSource.getRepository(UserSession).findOneBy({ tokenHash });
    if (!session || session.revokedAt || session.expiresAt <= now) {
      return null;
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ id: session.userId });
    if (!user || !user.active) {
      return null;
    }
    const authUser = await this.toAuthUser(user);
    this.sessions.put(tokenHash, authUser, session.expiresAt, stamp);
    return authUser;
  }

  async logout(user: AuthUser, token: string): Promise<void> {
    await this.unitOfWork.run(async (em) => {
      await em.update(UserSession, { tokenHash: sha256(token) }, { revokedAt: this.clock.now() });
      await this.audit.record(em, {
        actor: { kind: 'user', userId: user.id, username: user.username },
        action: 'auth.logout',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
      });
    });
    this.sessions.forgetSession(sha256(token));
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(user: AuthUser, currentToken: string, oldPassword: string, newPassword: string): Promise<void> {
    const stored = await this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
    if (!(await this.hasher.verify(stored.passwordHash, oldPassword))) {
      throw new DomainError('VALIDATION', '原密码不正确', { oldPassword: ['原密码不正确'] });
    }
    const problems = passwordProblems(newPassword, user.username);
    if (oldPassword === newPassword) {
      problems.push('新密码不能与原密码相同');
    }
    if (problems.length > 0) {
      throw new DomainError('VALIDATION', problems.join('；'), { newPassword: problems });
    }
    const passwordHash = await this.hasher.hash(newPassword);
    const now = this.clock.now();
    await this.unitOfWork.run(async (em) => {
      await em.update(User, { id: user.id }, { passwordHash, passwordChangedAt: now });
      await em
        .createQueryBuilder()
        .update(UserSession)
        .set({ revokedAt: now })
        .where('user_id = :userId AND token_hash <> :current AND revoked_at IS NULL', {
          userId: user.id,
          current: sha256(currentToken),
        })
        .execute();
      await this.audit.record(em, {
        actor: { kind: 'user', userId: user.id, username: user.username },
        action: 'auth.password.change',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
      });
    });
    this.sessions.forgetUser(user.id);
  }

  async toAuthUser(user: User): Promise<AuthUser> {
    const unit = await this.units.get(user.unitId);
    const government = await this.units.governmentOf(unit);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: user.unitId,
      scope: scopeFor(user.role, unit, government),
    };
  }

  private async recordFailure(user: User, now: Date): Promise<void> {
    const failures = user.failedLogins + 1;
    const lock = failures >= this.config.login.maxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + this.config.login.lockMinutes * 60_000) : null;
    await this.unitOfWork.run(async (em) => {
      await em.update(User, { id: user.id }, { failedLogins: lock ? 0 : failures, lockedUntil });
      await this.audit.record(em, {
        actor: { kind: 'system', component: 'auth' },
        action: lock ? 'auth.locked' : 'auth.login.failed',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
        after: { failures, lockedUntil },
      });
    });
    if (failures > SLOW_AFTER_FAILURES) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(failures * SLOWDOWN_STEP_MS, 2000)));
    }
    if (lock) {
      throw new DomainError('LOCKED', `连续登录失败 ${failures} 次，账户已锁定 ${this.config.login.lockMinutes} 分钟`);
    }
  }
}

function formatShanghai(date: Date): string {
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
