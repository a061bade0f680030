import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, systemActor, UnitOfWork } from '@app/core';
import { GOV_LEVELS, GovLevel, Unit } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;

export interface OrgInitInput {
  /** 人民政府 whose plans the installation runs, e.g. 阳江市人民政府. */
  governmentName: string;
  level: string;
  /** The leading-group office (领导小组办公室) under it. */
  officeName: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
}

export interface OrgInitResult {
  government: Unit;
  office: Unit;
  admin: User;
}

/**
 * The first start of a real installation (`DEMO_DATA=0`): an empty database gets its government, the leading-group
 * office under it and the first system administrator, who then adds departments, lower governments and users. Only
 * on an empty database: an installation in use is never re-initialised.
 */
@Injectable()
export class OrgBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  async init(input: OrgInitInput): Promise<OrgInitResult> {
    checkInput(input);
    const actor = systemActor('org-init');
    return this.unitOfWork.run(async (em) => {
      const existing = await em.find(Unit, { order: { id: 'ASC' }, take: 1 });
      if (existing.length > 0) {
        throw new DomainError('CONFLICT', `数据库中已有组织机构（${existing[0].name}），初始化只用于空数据库`);
      }
      const government = await this.units.create(
        actor,
        { kind: 'all' },
        { parentId: null, kind: 'government', level: input.level as GovLevel, name: input.governmentName },
        em,
      );
      const office = await this.units.create(
        actor,
        { kind: 'all' },
        { parentId: government.id, kind: 'office', level: government.level, name: input.officeName },
        em,
      );
      const admin = await this.users.create(
        actor,
        'system_admin',
        { kind: 'all' },
        {
          username: input.adminUsername,
          displayName: input.adminDisplayName,
          password: input.adminPassword,
          role: 'system_admin',
          unitId: office.id,
        },
        em,
      );
      return { government, office, admin };
    });
  }

  /** Whether the database has no organisation yet (the API's start-up says how to create one). */
  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(Unit).count()) === 0;
  }
}

/** The same rules as the API's forms (`CreateUserDto`, `CreateUnitDto`): every bad field named at once. */
function checkInput(input: OrgInitInput): void {
  const problems: Record<string, string[]> = {};
  const problem = (field: string, reason: string) => (problems[field] = [...(problems[field] ?? []), reason]);
  if (!(GOV_LEVELS as readonly string[]).includes(input.level)) {
    problem('level', `须为 ${GOV_LEVELS.join(' / ')} 之一`);
  }
  for (const [field, value] of [
    ['governmentName', input.governmentName],
    ['officeName', input.officeName],
    ['adminDisplayName', input.adminDisplayName],
  ] as const) {
    if (value.trim().length === 0 || value.length > 100) {
      problem(field, '须为 1–100 个字符');
    }
  }
  if (!USERNAME.test(input.adminUsername)) {
    problem('adminUsername', '字母、数字、点、横线、下划线，3–64 位');
  }
  const fields = Object.keys(problems);
  if (fields.length > 0) {
    throw new DomainError('VALIDATION', fields.map((f) => `${f}：${problems[f].join('，')}`).join('；'), problems);
  }
}
