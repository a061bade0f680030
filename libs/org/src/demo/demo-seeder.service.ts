import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemActor, UnitOfWork } from '@app/core';
import { UnitsService } from '../units/units.service';
import { Unit } from '../units/unit.entity';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, DemoUser } from './demo-organisation';

export interface DemoLogin extends DemoUser {
  password: string;
}

/** Creates the demo organisation on an empty database; does nothing when any unit exists. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  /** Returns true when it created the organisation. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataSource.getRepository(Unit).count()) > 0) {
      return false;
    }
    const actor = systemActor('demo-seed');
    await this.unitOfWork.run(async (em) => {
      const ids = new Map<string, number>();
      for (const demo of DEMO_UNITS) {
        const parentId = demo.parent === null ? null : (ids.get(demo.parent) ?? null);
        const unit = await this.units.create(
          actor,
          { kind: 'all' },
          {
            parentId,
            kind: demo.kind,
            level: demo.level,
            name: demo.name,
            shortName: demo.shortName,
            headName: demo.headName ?? null,
            headTitle: demo.headTitle ?? null,
            emails: [],
          },
          em,
        );
        ids.set(demo.key, unit.id);
        for (const alias of demo.aliases ?? []) {
          await this.units.addAlias(actor, unit.id, alias, 'seed', em);
        }
      }
      for (const demo of DEMO_USERS) {
        const unitId = ids.get(demo.unit);
        if (unitId === undefined) {
          throw new Error(`Demo user ${demo.username} names unknown unit ${demo.unit}`);
        }
        await this.users.create(
          actor,
          'system_admin',
          { kind: 'all' },
          {
            username: demo.username,
            displayName: demo.displayName,
            role: demo.role,
            unitId,
            password: DEMO_PASSWORD,
            email: `${demo.username}@demo.local`,
          },
          em,
        );
      }
    });
    return true;
  }

  logins(): DemoLogin[] {
    return DEMO_USERS.map((user) => ({ ...user, password: DEMO_PASSWORD }));
  }
}
