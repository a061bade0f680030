import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentModule } from '@app/assessment';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule } from '@app/config';
import { dataSourceOptions } from '@app/config/database';
import { CoreModule } from '@app/core';
import { EscalationModule } from '@app/escalation';
import { NotifyModule } from '@app/notify';
import { OrgModule } from '@app/org';
import { PlansModule } from '@app/plans';
import { ReportingModule } from '@app/reporting';
import { SupervisionModule } from '@app/supervision';
import { WorkflowsModule } from '@app/workflows';

const DOMAIN_MODULES = [
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
];

/**
 * The configured domain: the configuration, the database and every domain lib. The API, the worker and the CLI
 * each import it once, so the three processes always run the same services on the same schema.
 */
@Module({})
export class DomainModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DomainModule,
      // The configuration and the connection are global modules: everything that imports the domain sees them.
      imports: [AppConfigModule.forRoot(config), TypeOrmModule.forRoot(dataSourceOptions(config)), ...DOMAIN_MODULES],
      exports: DOMAIN_MODULES,
    };
  }
}
