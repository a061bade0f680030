import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { ASSIGNMENT_STATUSES, AssignmentsService } from '@app/plans';
import type { Assignment, AssignmentRow, AssignmentStatus } from '@app/plans';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';

export class ListAssignmentsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  planId?: number;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;
}

export class AcknowledgedView {
  @ApiProperty() id!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() taskId!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty({ enum: ['lead', 'participant', 'local'] }) role!: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: string;
  @ApiProperty() acknowledgeDueAt!: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt!: string | null;

  static of(a: Assignment): AcknowledgedView {
    return {
      id: a.id,
      planId: a.planId,
      taskId: a.taskId,
      unitId: a.unitId,
      role: a.role,
      status: a.status,
      acknowledgeDueAt: a.acknowledgeDueAt.toISOString(),
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    };
  }
}

export class AssignmentView extends AcknowledgedView {
  @ApiProperty() planTitle!: string;
  @ApiProperty() taskRef!: string;
  @ApiProperty() taskTitle!: string;
  @ApiProperty() unitName!: string;

  static ofRow(row: AssignmentRow): AssignmentView {
    return {
      ...AcknowledgedView.of(row.assignment),
      planTitle: row.planTitle,
      taskRef: row.task.ref,
      taskTitle: row.task.title,
      unitName: row.unitName,
    };
  }
}

@ApiTags('assignments 任务签收')
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '分派给本单位（或本辖区）的任务' })
  @ApiOkResponse({ type: [AssignmentView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListAssignmentsQuery): Promise<AssignmentView[]> {
    return (await this.assignments.list(user.scope, query)).map((row) => AssignmentView.ofRow(row));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Access(['unit_liaison', 'unit_head'], { resource: 'assignment', id: 'param:id' })
  @ApiOperation({ summary: '签收任务（重复签收不改变首次签收记录）' })
  @ApiOkResponse({ type: AcknowledgedView })
  async acknowledge(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<AcknowledgedView> {
    return AcknowledgedView.of(
      await this.assignments.acknowledge({ kind: 'user', userId: user.id, username: user.username }, id),
    );
  }
}
