import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isId, ResourceScopeRegistry, Unit } from '@app/org';
import { Assignment } from './assignments/assignment.entity';
import { AssignmentsService } from './assignments/assignments.service';
import { PlanImportService } from './import/plan-import.service';
import { Plan } from './plans/plan.entity';
import { PlanPublisher } from './plans/plan-publisher.service';
import { PlansService } from './plans/plans.service';
import { PublishHooks } from './plans/publish-hooks';

@Global()
@Module({
  providers: [PlansService, PlanImportService, PlanPublisher, AssignmentsService, PublishHooks],
  exports: [PlansService, PlanImportService, PlanPublisher, AssignmentsService, PublishHooks],
})
export class PlansModule implements OnModuleInit {
  constructor(
    private readonly registry: ResourceScopeRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // A plan belongs to its government; an assignment to the unit it was given to.
    this.registry.register('plan', async (id) => {
      const plan = isId(id) ? await this.dataSource.getRepository(Plan).findOneBy({ id: Number(id) }) : null;
      return plan ? this.dataSource.getRepository(Unit).findOneBy({ id: plan.governmentId }) : null;
    });
    this.registry.register('assignment', async (id) => {
      const assignment = isId(id)
        ? await this.dataSource.getRepository(Assignment).findOneBy({ id: Number(id) })
        : null;
      return assignment ? this.dataSource.getRepository(Unit).findOneBy({ id: assignment.unitId }) : null;
    });
  }
}
