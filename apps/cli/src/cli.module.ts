import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule } from '@app/config';
import { dataSourceOptions } from '@app/config/database';
import { AssessmentModule } from '@app/assessment';
import { CoreModule } from '@app/core';
import { EscalationModule } from '@app/escalation';
import { NotifyModule } from '@app/notify';
import { OrgModule } from '@app/org';
import { PlansModule } from '@app/plans';
import { ReportingModule } from '@app/reporting';
import { SupervisionModule } from '@app/supervision';
import { WorkflowsModule } from '@app/workflows';

/** The domain without HTTP: what commands that touch the database run in. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
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
      ],
    };
  }
}
