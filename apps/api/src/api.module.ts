import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AppConfig } from '@app/config';
import { DomainModule } from '@app/domain';
import { ExportsModule } from '@app/exports';
import { AccessGuard } from '@app/org';
import { AssessmentApiModule } from './assessment/assessment-api.module';
import { AssignmentsController } from './assignments/assignments.controller';
import { backgroundJobs } from './background-jobs';
import { DashboardApiModule } from './dashboard/dashboard-api.module';
import { EscalationApiModule } from './escalation/escalation-api.module';
import { ExportsApiModule } from './exports/exports-api.module';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { DevClockController } from './dev/dev-clock.controller';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthController } from './health/health.controller';
import { InboxController } from './inbox/inbox.controller';
import { PlansController } from './plans/plans.controller';
import { ReportingApiModule } from './reporting/reporting-api.module';
import { SupervisionApiModule } from './supervision/supervision-api.module';
import { UnitsController } from './units/units.controller';
import { UsersController } from './users/users.controller';
import { WebModule } from './web/web.module';

/** Composition root of the HTTP API. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        DomainModule.forRoot(config),
        ExportsModule,
        ReportingApiModule,
        AssessmentApiModule,
        DashboardApiModule,
        ExportsApiModule,
        SupervisionApiModule,
        EscalationApiModule,
        DiscoveryModule,
        WebModule,
        ScheduleModule.forRoot(),
      ],
      controllers: [
        AuthController,
        UnitsController,
        UsersController,
        AuditController,
        HealthController,
        PlansController,
        AssignmentsController,
        InboxController,
        DevClockController,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        ...backgroundJobs(config),
      ],
    };
  }
}
