import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isId, ResourceScopeRegistry } from '@app/org';
import { PublishHooks } from '@app/plans';
import { AttachmentStore } from './attachments/attachment-store';
import { ObligationDeadlinesService } from './deadlines/obligation-deadlines.service';
import { ReportingNotices } from './notices/reporting-notices';
import { ObligationAccess } from './obligations/obligation-access';
import { ObligationOpener } from './obligations/obligation-opener';
import { ObligationQueries } from './obligations/obligation-queries';
import { ObligationsService } from './obligations/obligations.service';
import { ReportingHooks } from './reporting-hooks';
import { ReviewsService } from './reviews/reviews.service';
import { ReportingSettingsService } from './settings/reporting-settings.service';
import { SubmissionsService } from './submissions/submissions.service';
import { TaskCancellationService } from './tasks/task-cancellation.service';

const EXPORTED = [
  ObligationsService,
  ObligationQueries,
  ObligationAccess,
  SubmissionsService,
  ReviewsService,
  ObligationDeadlinesService,
  TaskCancellationService,
  ReportingSettingsService,
  ReportingHooks,
  AttachmentStore,
];

@Global()
@Module({ providers: [...EXPORTED, ObligationOpener, ReportingNotices], exports: EXPORTED })
export class ReportingModule implements OnModuleInit {
  constructor(
    private readonly registry: ResourceScopeRegistry,
    private readonly dataSource: DataSource,
    private readonly publishHooks: PublishHooks,
    private readonly obligations: ObligationsService,
  ) {}

  onModuleInit(): void {
    // An obligation belongs to the unit that reports it (one statement: every report passes this check).
    this.registry.register('obligation', async (id) => {
      if (!isId(id)) {
        return null;
      }
      const [unit] = await this.dataSource.query<Array<{ id: number; path: string }>>(
        'SELECT u.id, u.path FROM reporting_obligation o JOIN unit u ON u.id = o.unit_id WHERE o.id = ?',
        [Number(id)],
      );
      return unit ? { id: Number(unit.id), path: unit.path } : null;
    });
    this.publishHooks.register((em, plan, assignments, now) =>
      this.obligations.openOnPublish(em, plan, assignments, now),
    );
  }
}
