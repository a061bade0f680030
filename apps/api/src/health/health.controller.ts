import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Public } from '@app/org';
import { WorkflowEngine } from '@app/workflows';

class ComponentHealth {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty() detail!: string;
}

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: ComponentHealth }) database!: ComponentHealth;
  @ApiProperty({ type: ComponentHealth }) workflowEngine!: ComponentHealth;
}

@ApiTags('health 运行状态')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: WorkflowEngine,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView })
  async health(): Promise<HealthView> {
    const [database, engine] = await Promise.all([this.databaseHealth(), this.engine.health()]);
    // The embedded engine runs inside this process: it is up whenever the API answers and the database does.
    const workflowEngine: ComponentHealth =
      this.engine.kind === 'embedded' ? { status: database.status, detail: engine.detail } : { ...engine };
    const status = database.status === 'up' && workflowEngine.status === 'up' ? 'ok' : 'degraded';
    return { status, database, workflowEngine };
  }

  private async databaseHealth(): Promise<ComponentHealth> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up', detail: this.config.database.type };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
