import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isId, ResourceScopeRegistry, Unit } from '@app/org';
import { PublishHooks } from '@app/plans';
import { AttachmentStore } from './attachments/attachment-store';
import { ReportingNotices } from './notices/reporting-notices';
import { ObligationAccess } from './obligations/obligation-access';
import { ObligationOpener } from './obligations/obligation-opener';
import { ObligationQueries } from './obligations/obligation-queries';
import { Obligation } from './obligations/obligation.entity';
import { ObligationsService } from './obligations/obligations.service';
import { ReportingHooks } from './reporting-hooks';
import { ReviewsService } from './reviews/reviews.service';
import { ReportingSettingsService } from './settings/reporting-settings.service';
import { SubmissionsService } from './submissions/submissions.service';

const EXPORTED = [
  ObligationsService,
  ObligationQueries,
  ObligationAccess,
  SubmissionsService,
  ReviewsService,
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
    // An obligation belongs to the unit that reports it.
    this.registry.register('obligation', async (id) => {
      const obligation = isId(id)
        ? await this.dataSource.getRepository(Obligation).findOneBy({ id: Number(id) })
        : null;
      return obligation ? this.dataSource.getRepository(Unit).findOneBy({ id: obligation.unitId }) : null;
    });
    this.publishHooks.register((em, plan, assignments, now) =>
      this.obligations.openOnPublish(em, plan, assignments, now),
    );
  }
}
