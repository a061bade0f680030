import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainModule } from '@app/domain';
import {
  ASSESSMENT_ACTIVITY_DEPS,
  AssessmentActivityDeps,
  ESCALATION_ACTIVITY_DEPS,
  EscalationActivityDeps,
} from './activity-deps';
import { TemporalWorkerService } from './temporal-worker.service';
import { NOTICE_ACTIVITY_DEPS, WorkflowNotices } from './workflow-notices';

/**
 * Composition root of the Temporal worker: the domain (same modules and database as the API, whose services the
 * activities call) and the worker that polls the escalation task queue.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DomainModule.forRoot(config)],
      providers: [
        EscalationActivityDeps,
        AssessmentActivityDeps,
        WorkflowNotices,
        { provide: ESCALATION_ACTIVITY_DEPS, useExisting: EscalationActivityDeps },
        { provide: ASSESSMENT_ACTIVITY_DEPS, useExisting: AssessmentActivityDeps },
        { provide: NOTICE_ACTIVITY_DEPS, useExisting: WorkflowNotices },
        TemporalWorkerService,
      ],
    };
  }
}
