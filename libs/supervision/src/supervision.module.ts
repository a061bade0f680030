import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isId, ResourceScopeRegistry, Unit } from '@app/org';
import { SupervisionCasesService } from './cases/supervision-cases.service';
import { SupervisionCase } from './cases/supervision-case.entity';
import { CircularsService } from './circulars/circulars.service';
import { InterviewsService } from './interviews/interviews.service';
import { Interview } from './interviews/interview.entity';
import { SupervisionNotices } from './notices/supervision-notices';
import { RecipientDirectory } from './recipients/recipient-directory';
import { SupervisionHooks } from './supervision-hooks';
import { WarningsService } from './warnings/warnings.service';
import { Warning } from './warnings/warning.entity';

const SERVICES = [
  WarningsService,
  SupervisionCasesService,
  InterviewsService,
  CircularsService,
  RecipientDirectory,
  SupervisionNotices,
  SupervisionHooks,
];

@Global()
@Module({ providers: SERVICES, exports: SERVICES })
export class SupervisionModule implements OnModuleInit {
  constructor(
    private readonly registry: ResourceScopeRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // Warnings, cases and interviews belong to the unit they concern.
    const byUnitOf =
      (entity: typeof Warning | typeof SupervisionCase | typeof Interview) =>
      async (id: string): Promise<Unit | null> => {
        const row = isId(id) ? await this.dataSource.getRepository(entity).findOneBy({ id: Number(id) }) : null;
        return row ? this.dataSource.getRepository(Unit).findOneBy({ id: row.unitId }) : null;
      };
    this.registry.register('warning', byUnitOf(Warning));
    this.registry.register('supervision_case', byUnitOf(SupervisionCase));
    this.registry.register('interview', byUnitOf(Interview));
  }
}
