import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentModule } from '@app/assessment';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule } from '@app/config';
import { CoreModule } from '@app/core';
import { EscalationModule, PeriodCyclePoller } from '@app/escalation';
import { ExportsModule } from '@app/exports';
import { NotifyModule, OutboxPoller } from '@app/notify';
import { AccessGuard, OrgModule } from '@app/org';
import { PlansModule } from '@app/plans';
import { ReportingModule } from '@app/reporting';
import { SupervisionModule } from '@app/supervision';
import { EmbeddedPoller, WorkflowCommandPoller, WorkflowsModule } from '@app/workflows';
import { dataSourceOptions } from '@app/config/database';
import { AssessmentApiModule } from './assessment/assessment-api.module';
import { AssignmentsController } from './assignments/assignments.controller';
import { DashboardApiModule } from './dashboard/dashboard-api.module';
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
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        CoreModule,
        AuditModule,
        OrgModule,
        NotifyModule,
        WorkflowsModule,
        PlansModule,
        ReportingModule,
        SupervisionModule,
        EscalationModule,
        AssessmentModule,
        ExportsModule,
        ReportingApiModule,
        AssessmentApiModule,
        DashboardApiModule,
        ExportsApiModule,
        SupervisionApiModule,
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
        ...(config.backgroundJobs ? [EmbeddedPoller, OutboxPoller, PeriodCyclePoller] : []),
        ...(config.backgroundJobs && config.workflowEngine === 'temporal' ? [WorkflowCommandPoller] : []),
      ],
    };
  }
}
