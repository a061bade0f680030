import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AdjustableClock, Clock, DomainError } from '@app/core';
import { PeriodCycle } from '@app/escalation';
import { OutboxDispatcher } from '@app/notify';
import { Access, ADMIN_ROLES, Public } from '@app/org';
import { EmbeddedEngine } from '@app/workflows';

export class SetClockDto {
  @ApiProperty({ example: '2026-12-04T09:30:00+08:00', description: '模拟的当前时间（ISO 8601，含时区）' })
  @IsISO8601({ strict: true })
  now!: string;
}

export class ClockView {
  @ApiProperty({ description: '是否允许调整时钟（ALLOW_CLOCK_CONTROL=1 且非生产环境）' }) enabled!: boolean;
  @ApiProperty() now!: string;
  @ApiProperty({ description: '时钟是否已被调整（处于模拟时间）' }) simulated!: boolean;
}

export class ClockRunView extends ClockView {
  @ApiProperty({ description: '本次执行的到期步骤数' }) stepsRun!: number;
  @ApiProperty({ description: '失败并将重试的步骤数' }) stepsFailed!: number;
  @ApiProperty({ description: '发出的邮件数' }) emailsSent!: number;
}

/** The dev clock: lets a demo walk the whole ladder in minutes. Refused unless ALLOW_CLOCK_CONTROL=1 outside production. */
@ApiTags('dev 演示时钟')
@Controller('dev/clock')
export class DevClockController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly engine: EmbeddedEngine,
    private readonly outbox: OutboxDispatcher,
    private readonly periods: PeriodCycle,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: ClockView })
  get(): ClockView {
    return this.view();
  }

  @Post()
  @HttpCode(200)
  @Access(ADMIN_ROLES, 'installation')
  @ApiOperation({ summary: '设置模拟时间，并立即执行截至该时间到期的全部步骤和邮件' })
  @ApiOkResponse({ type: ClockRunView })
  async set(@Body() dto: SetClockDto): Promise<ClockRunView> {
    if (!this.config.allowClockControl || !(this.clock instanceof AdjustableClock)) {
      throw new DomainError('FORBIDDEN', '未启用演示时钟（需 ALLOW_CLOCK_CONTROL=1，且不能在生产环境）');
    }
    this.clock.set(new Date(dto.now));
    // In Temporal mode the months are opened by the Schedule's cycle on the server's clock, which this one cannot move.
    if (this.config.workflowEngine === 'embedded') {
      await this.periods.catchUp();
    }
    const steps = await this.engine.drain();
    let emailsSent = 0;
    for (let round = 0; round < 20; round++) {
      const result = await this.outbox.dispatchDue(200);
      emailsSent += result.sent;
      if (result.sent + result.failed + result.retried === 0) {
        break;
      }
    }
    return { ...this.view(), stepsRun: steps.ran, stepsFailed: steps.failed, emailsSent };
  }

  private view(): ClockView {
    const enabled = this.config.allowClockControl && this.clock instanceof AdjustableClock;
    return {
      enabled,
      now: this.clock.now().toISOString(),
      simulated: this.clock instanceof AdjustableClock && this.clock.isShifted(),
    };
  }
}
