import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
];

@Global()
@Module({ providers: SERVICES, exports: SERVICES })
export class AssessmentModule implements OnModuleInit {
  constructor(
    private readonly registry: ResourceScopeRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
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
