import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { isId, ResourceScopeRegistry, Unit } from '@app/org';
import { Plan } from '@app/plans';
import { AssessmentAdjustments } from './adjustments/assessment-adjustments.service';
import { AssessmentAppeal } from './appeals/assessment-appeal.entity';
import { AssessmentAppeals } from './appeals/assessment-appeals.service';
import { AssessmentBonus } from './bonuses/assessment-bonus.entity';
import { AssessmentBonuses } from './bonuses/assessment-bonuses.service';
import { AssessmentAccess } from './common/assessment-access';
import { AssessmentNotices } from './common/assessment-notices';
import { AssessmentFactsReader } from './facts/assessment-facts.reader';
import { AssessmentQueries } from './queries/assessment-queries';
import { AssessmentResult } from './runs/assessment-result.entity';
import { AssessmentRun } from './runs/assessment-run.entity';
import { AssessmentRuns } from './runs/assessment-runs.service';
import { AssessmentSchemes } from './scheme/assessment-schemes.service';
import { AssessmentHooks } from './workflow/assessment-hooks';
import { TemporalAssessmentCommands } from './workflow/temporal-assessment-commands';

const SERVICES = [
  AssessmentSchemes,
  AssessmentRuns,
  AssessmentAdjustments,
  AssessmentAppeals,
  AssessmentBonuses,
  AssessmentQueries,
  AssessmentAccess,
  AssessmentNotices,
  AssessmentFactsReader,
  AssessmentHooks,
  TemporalAssessmentCommands,
];

@Global()
@Module({ providers: SERVICES, exports: SERVICES })
export class AssessmentModule implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ResourceScopeRegistry,
    private readonly dataSource: DataSource,
    private readonly hooks: AssessmentHooks,
    private readonly temporalCommands: TemporalAssessmentCommands,
  ) {}

  onModuleInit(): void {
    // On the embedded engine a run needs no timer (README: for the workflow engine); in Temporal mode its workflow
    // follows the run's steps.
    if (this.config.workflowEngine === 'temporal') {
      this.hooks.register((em, change) => this.temporalCommands.onAssessmentChange(em, change));
    }
    // A run belongs to its plan's government; a result, an appeal, a bonus to the unit concerned.
    const units = this.dataSource.getRepository(Unit);
    this.registry.register('assessment_run', async (id) => {
      const run = isId(id) ? await this.dataSource.getRepository(AssessmentRun).findOneBy({ id: Number(id) }) : null;
      const plan = run ? await this.dataSource.getRepository(Plan).findOneBy({ id: run.planId }) : null;
      return plan ? units.findOneBy({ id: plan.governmentId }) : null;
    });
    const byUnitOf =
      (entity: typeof AssessmentResult | typeof AssessmentAppeal | typeof AssessmentBonus) =>
      async (id: string): Promise<Unit | null> => {
        const row = isId(id) ? await this.dataSource.getRepository(entity).findOneBy({ id: Number(id) }) : null;
        return row ? units.findOneBy({ id: row.unitId }) : null;
      };
    this.registry.register('assessment_result', byUnitOf(AssessmentResult));
    this.registry.register('assessment_appeal', byUnitOf(AssessmentAppeal));
    this.registry.register('assessment_bonus', byUnitOf(AssessmentBonus));
  }
}
