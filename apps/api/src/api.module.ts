import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule } from '@app/config';
import { CoreModule } from '@app/core';
import { AccessGuard, OrgModule } from '@app/org';
import { dataSourceOptions } from '@app/config/database';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthController } from './health/health.controller';
import { UnitsController } from './units/units.controller';
import { UsersController } from './users/users.controller';

/** Composition root of the HTTP API. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        CoreModule,
        AuditModule,
        OrgModule,
        DiscoveryModule,
      ],
      controllers: [AuthController, UnitsController, UsersController, AuditController, HealthController],
      providers: [
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
