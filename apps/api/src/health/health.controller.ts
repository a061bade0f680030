import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Public } from '@app/org';

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
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView })
  async health(): Promise<HealthView> {
    const database = await this.databaseHealth();
    // The embedded engine runs inside this process: it is up whenever the API answers and the database does.
    const workflowEngine: ComponentHealth = {
      status: database.status,
      detail: `${this.config.workflowEngine}（内置引擎，随 API 进程运行）`,
    };
    return { status: database.status === 'up' ? 'ok' : 'degraded', database, workflowEngine };
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
