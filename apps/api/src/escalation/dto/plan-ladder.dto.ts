import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Max, Min, ValidateIf } from 'class-validator';
import { DEFAULT_PLAN_LADDER, MAX_LADDER_WORKING_DAYS } from '@app/escalation';
import type { PlanLadder, PlanLadderState, PlanLadderUpdate } from '@app/escalation';

// Absent keeps the current value; null is refused (except for the reminder, where it means "none").
const present = (_: object, value: unknown) => value !== undefined;
const days = { type: Number, minimum: 1, maximum: MAX_LADDER_WORKING_DAYS };

/** A change of a plan's ladder: fields left out keep their value. Order and office hours are checked as a whole. */
export class PlanLadderDto {
  @ApiPropertyOptional({
    ...days,
    nullable: true,
    description: '截止日前几个工作日提醒；null 表示不提前提醒',
    example: DEFAULT_PLAN_LADDER.reminderWorkingDaysBeforeDue,
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_LADDER_WORKING_DAYS)
  reminderWorkingDaysBeforeDue?: number | null;

  @ApiPropertyOptional({ type: Boolean, description: '截止当日提醒' })
  @ValidateIf(present)
  @IsBoolean()
  remindOnDueDate?: boolean;

  @ApiPropertyOptional({ ...days, description: '逾期第几个工作日发黄色预警', example: 1 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(MAX_LADDER_WORKING_DAYS)
  yellowWarningAfterWorkingDays?: number;

  @ApiPropertyOptional({ ...days, description: '逾期第几个工作日发红色预警（须晚于黄色预警）', example: 5 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(MAX_LADDER_WORKING_DAYS)
  redWarningAfterWorkingDays?: number;

  @ApiPropertyOptional({ ...days, description: '逾期第几个工作日挂牌督办（须晚于红色预警）', example: 10 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(MAX_LADDER_WORKING_DAYS)
  supervisionAfterWorkingDays?: number;

  @ApiPropertyOptional({ type: Boolean, description: '连续两期逾期时在黄色预警时即挂牌督办' })
  @ValidateIf(present)
  @IsBoolean()
  supervisionOnConsecutiveOverdue?: boolean;

  @ApiPropertyOptional({ ...days, description: '督办整改期限（工作日）', example: 10 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(MAX_LADDER_WORKING_DAYS)
  rectificationWorkingDays?: number;

  @ApiPropertyOptional({
    type: String,
    example: '09:00',
    description: '上班时间 HH:mm：提醒、预警、督办在此时间后发出',
  })
  @ValidateIf(present)
  @IsString() // the format (HH:mm) and the order of the two times are checked with the ladder as a whole
  officeOpensAt?: string;

  @ApiPropertyOptional({ type: String, example: '18:00', description: '下班时间 HH:mm：整改期限截至此时' })
  @ValidateIf(present)
  @IsString()
  officeClosesAt?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: 100,
    example: DEFAULT_PLAN_LADDER.progressLagMarginPoints,
    description: '进度滞后容差（百分点）：报送的完成进度落后于任务期限已过比例超过此值时发进度滞后预警',
  })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(100)
  progressLagMarginPoints?: number;
}

export class PlanLadderValuesView {
  @ApiProperty({ type: Number, nullable: true }) reminderWorkingDaysBeforeDue!: number | null;
  @ApiProperty() remindOnDueDate!: boolean;
  @ApiProperty() yellowWarningAfterWorkingDays!: number;
  @ApiProperty() redWarningAfterWorkingDays!: number;
  @ApiProperty() supervisionAfterWorkingDays!: number;
  @ApiProperty() supervisionOnConsecutiveOverdue!: boolean;
  @ApiProperty() rectificationWorkingDays!: number;
  @ApiProperty({ example: '09:00' }) officeOpensAt!: string;
  @ApiProperty({ example: '18:00' }) officeClosesAt!: string;
  @ApiProperty({ description: '进度滞后容差（百分点）', example: 20 }) progressLagMarginPoints!: number;

  static of(ladder: PlanLadder): PlanLadderValuesView {
    return { ...ladder };
  }
}

export class PlanLadderView extends PlanLadderValuesView {
  @ApiProperty() planId!: number;
  @ApiProperty({ description: 'false：沿用默认督办规则' }) custom!: boolean;
  @ApiProperty({ type: PlanLadderValuesView, description: '默认督办规则' }) defaults!: PlanLadderValuesView;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;

  static ofState(state: PlanLadderState): PlanLadderView {
    return {
      ...PlanLadderValuesView.of(state.ladder),
      planId: state.planId,
      custom: state.custom,
      defaults: PlanLadderValuesView.of(DEFAULT_PLAN_LADDER),
      updatedBy: state.updatedBy,
      updatedAt: state.updatedAt?.toISOString() ?? null,
    };
  }
}

export class PlanLadderUpdateView extends PlanLadderView {
  @ApiProperty({ description: '按新规则重新安排下一步的待报送义务和未销号督办数' }) replanned!: number;

  static ofUpdate(update: PlanLadderUpdate): PlanLadderUpdateView {
    return { ...PlanLadderView.ofState(update), replanned: update.replanned };
  }
}
