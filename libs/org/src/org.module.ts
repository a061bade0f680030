import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessGuard } from './access/access.guard';
import { ResourceScopeRegistry } from './access/resource-scope.registry';
import { AuthService } from './auth/auth.service';
import { SessionCache } from './auth/session-cache';
import { OrgBootstrap } from './bootstrap/org-bootstrap.service';
import { DemoSeeder } from './demo/demo-seeder.service';
import { Unit } from './units/unit.entity';
import { UnitsService } from './units/units.service';
import { PasswordHasher } from './users/password-hasher';
import { User } from './users/user.entity';
import { UsersService } from './users/users.service';

@Global()
@Module({
  providers: [
    UnitsService,
    UsersService,
    AuthService,
    SessionCache,
    PasswordHasher,
    AccessGuard,
    ResourceScopeRegistry,
    DemoSeeder,
    OrgBootstrap,
  ],
  exports: [UnitsService, UsersService, AuthService, AccessGuard, ResourceScopeRegistry, DemoSeeder, OrgBootstrap],
})
export class OrgModule implements OnModuleInit {
  constructor(
    private readonly registry: ResourceScopeRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register('unit', async (id) =>
      isId(id) ? this.dataSource.getRepository(Unit).findOneBy({ id: Number(id) }) : null,
    );
    this.registry.register('user', async (id) => {
      if (!isId(id)) {
        return null;
      }
      const user = await this.dataSource.getRepository(User).findOneBy({ id: Number(id) });
      return user ? this.dataSource.getRepository(Unit).findOneBy({ id: user.unitId }) : null;
    });
  }
}

/** Route ids are user input: anything but a positive integer is simply "not found". */
export function isId(value: string): boolean {
  return /^[1-9]\d{0,9}$/.test(value);
}
