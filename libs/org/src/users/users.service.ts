import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork } from '@app/core';
import { AccessScope, scopeCovers } from '../access/access-scope';
import { SessionCache } from '../auth/session-cache';
import { Unit } from '../units/unit.entity';
import { passwordProblems } from './password-policy';
import { PasswordHasher } from './password-hasher';
import { Role } from './role';
import { User } from './user.entity';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: number;
  email?: string | null;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  email?: string | null;
  active?: boolean;
}

/** Roles an office admin may hand out; creating admins of the installation is the system admin's. */
const OFFICE_GRANTABLE: readonly Role[] = ['office_admin', 'supervisor', 'unit_liaison', 'unit_head', 'leader'];

/** What an audit row keeps of a user: never the password hash. */
function auditView(user: User) {
  return Object.fromEntries(Object.entries(user).filter(([key]) => key !== 'passwordHash'));
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly sessions: SessionCache,
  ) {}

  async list(scope: AccessScope): Promise<User[]> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .innerJoin(Unit, 'unit', 'unit.id = user.unit_id')
      .orderBy('user.id', 'ASC');
    if (scope.kind === 'subtree') {
      qb.andWhere('unit.path LIKE :prefix', { prefix: `${scope.rootPath}%` });
    } else if (scope.kind === 'unit') {
      qb.andWhere('unit.id = :id', { id: scope.unitId });
    }
    return qb.getMany();
  }

  async get(id: number): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) {
      throw DomainError.notFound('用户', id);
    }
    return user;
  }

  findByUsername(username: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ username });
  }

  async create(
    actor: Actor,
    grantorRole: Role,
    scope: AccessScope,
    input: UserInput,
    manager?: EntityManager,
  ): Promise<User> {
    if (grantorRole !== 'system_admin' && !OFFICE_GRANTABLE.includes(input.role)) {
      throw new DomainError('FORBIDDEN', '无权授予该角色', { role: ['无权授予该角色'] });
    }
    const problems = passwordProblems(input.password, input.username);
    if (problems.length > 0) {
      throw new DomainError('VALIDATION', problems.join('；'), { password: problems });
    }
    const passwordHash = await this.hasher.hash(input.password);
    const work = async (em: EntityManager) => {
      const unit = await em.findOneBy(Unit, { id: input.unitId });
      if (!unit) {
        throw new DomainError('VALIDATION', `单位不存在：${input.unitId}`, { unitId: ['单位不存在'] });
      }
      if (!scopeCovers(scope, unit)) {
        throw new DomainError('FORBIDDEN', '无权在该单位创建用户', { unitId: ['不在您的管辖范围内'] });
      }
      if (await em.findOneBy(User, { username: input.username })) {
        throw new DomainError('CONFLICT', `用户名已存在：${input.username}`, { username: ['用户名已存在'] });
      }
      const now = this.clock.now();
      const user = await em.save(
        em.create(User, {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          unitId: input.unitId,
          email: input.email ?? null,
          active: true,
          failedLogins: 0,
          lockedUntil: null,
          passwordChangedAt: now,
          createdAt: now,
        }),
      );
      await this.audit.record(em, {
        actor,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        unitId: unit.id,
        after: auditView(user),
      });
      return user;
    };
    return manager ? work(manager) : this.unitOfWork.run(work);
  }

  async update(actor: Actor, grantorRole: Role, id: number, patch: UserPatch): Promise<User> {
    if (patch.role && grantorRole !== 'system_admin' && !OFFICE_GRANTABLE.includes(patch.role)) {
      throw new DomainError('FORBIDDEN', '无权授予该角色', { role: ['无权授予该角色'] });
    }
    const updated = await this.unitOfWork.run(async (em) => {
      const before = await em.findOneBy(User, { id });
      if (!before) {
        throw DomainError.notFound('用户', id);
      }
      const after: User = { ...before };
      if (patch.displayName !== undefined) {
        after.displayName = patch.displayName;
      }
      if (patch.role !== undefined) {
        after.role = patch.role;
      }
      if (patch.email !== undefined) {
        after.email = patch.email;
      }
      if (patch.active !== undefined) {
        after.active = patch.active;
      }
      await em.save(User, after);
      await this.audit.record(em, {
        actor,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        unitId: before.unitId,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
    // A new role or a deactivation applies to the user's signed-in sessions on the next request (here at once).
    this.sessions.forgetUser(id);
    return updated;
  }
}
