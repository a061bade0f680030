import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule } from '@app/config';
import { AssessmentModule } from '@app/assessment';
import { dataSourceOptions } from '@app/config/database';
import { CoreModule } from '@app/core';
import { EscalationModule } from '@app/escalation';
import { NotifyModule } from '@app/notify';
import { OrgModule } from '@app/org';
import { PlansModule } from '@app/plans';
import { ReportingModule } from '@app/reporting';
import { SupervisionModule } from '@app/supervision';
import { WorkflowsModule } from '@app/workflows';
import {
  ASSESSMENT_ACTIVITY_DEPS,
  AssessmentActivityDeps,
  ESCALATION_ACTIVITY_DEPS,
  EscalationActivityDeps,
} from './activity-deps';
import { TemporalWorkerService } from './temporal-worker.service';

/**
 * Composition root of the Temporal worker: the domain (same modules and database as the API, whose services the
 * activities call) and the worker that polls the escalation task queue.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
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
      providers: [
        EscalationActivityDeps,
        AssessmentActivityDeps,
        { provide: ESCALATION_ACTIVITY_DEPS, useExisting: EscalationActivityDeps },
        { provide: ASSESSMENT_ACTIVITY_DEPS, useExisting: AssessmentActivityDeps },
        TemporalWorkerService,
      ],
    };
  }
}
