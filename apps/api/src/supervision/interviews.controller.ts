import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitOfWork } from '@app/core';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { InterviewsService, SupervisionNotices } from '@app/supervision';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { SUPERVISING_ROLES, UNIT_ROLES } from './access';
import {
  CancelInterviewDto,
  CloseInterviewDto,
  FollowUpDto,
  InterviewListQuery,
  MinutesDto,
  RescheduleInterviewDto,
  ScheduleInterviewDto,
} from './dto/supervision.dto';
import { InterviewDetailView, InterviewView } from './dto/supervision.view';

const INTERVIEW = { resource: 'interview', id: 'param:id' } as const;

@ApiTags('interviews 约谈')
@Controller('interviews')
export class InterviewsController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly interviews: InterviewsService,
    private readonly notices: SupervisionNotices,
  ) {}

  @Get()
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: [InterviewView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: InterviewListQuery): Promise<InterviewView[]> {
    return (await this.interviews.list(user.scope, query)).map((summary) => InterviewView.of(summary));
  }

  @Post()
  @Access(SUPERVISING_ROLES, { resource: 'unit', id: 'body:unitId' })
  @ApiOperation({ summary: '安排约谈（手动）：通知单位负责人、办公室和督查，邮件附日程邀请 invite.ics' })
  @ApiCreatedResponse({ type: InterviewDetailView })
  async schedule(@CurrentUser() user: AuthUser, @Body() dto: ScheduleInterviewDto): Promise<InterviewDetailView> {
    const scheduled = await this.unitOfWork.run(async (em) => {
      const interview = await this.interviews.schedule(em, {
        unitId: dto.unitId,
        caseId: dto.caseId,
        reason: dto.reason,
        principalHead: dto.principalHead,
        time: new Date(dto.time),
        endsAt: dto.endsAt ? new Date(dto.endsAt) : undefined,
        place: dto.place,
        attendees: dto.attendees,
        followUpDueAt: new Date(dto.followUpDueAt),
        scheduledBy: actorOf(user),
        governmentId: user.scope.kind === 'subtree' ? user.scope.rootId : undefined,
        scope: user.scope,
      });
      await this.notices.interviewScheduled(em, interview);
      return interview;
    });
    return InterviewDetailView.ofDetail(await this.interviews.detail(scheduled.id));
  }

  @Get(':id')
  @Access(READ_ROLES, INTERVIEW)
  @ApiOkResponse({ type: InterviewDetailView })
  async get(@Param('id', IdPipe) id: number): Promise<InterviewDetailView> {
    return InterviewDetailView.ofDetail(await this.interviews.detail(id));
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @Access(SUPERVISING_ROLES, INTERVIEW)
  @ApiOperation({
    summary: '调整约谈时间地点（尚未举行的约谈）：重新发出通知和日程邀请 invite.ics，前一工作日提醒随之调整',
  })
  @ApiOkResponse({ type: InterviewDetailView })
  async reschedule(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: RescheduleInterviewDto,
  ): Promise<InterviewDetailView> {
    // The engine hears of the move in this transaction (`SupervisionHooks`) and sends the invitation and the reminder.
    await this.unitOfWork.run((em) =>
      this.interviews.reschedule(em, id, {
        time: new Date(dto.time),
        endsAt: dto.endsAt ? new Date(dto.endsAt) : undefined,
        place: dto.place,
        followUpDueAt: dto.followUpDueAt ? new Date(dto.followUpDueAt) : undefined,
        reason: dto.reason,
        actor: actorOf(user),
      }),
    );
    return this.get(id);
  }

  @Post(':id/minutes')
  @HttpCode(200)
  @Access(SUPERVISING_ROLES, INTERVIEW)
  @ApiOperation({ summary: '记录约谈纪要（scheduled → held）' })
  @ApiOkResponse({ type: InterviewDetailView })
  async recordMinutes(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: MinutesDto,
  ): Promise<InterviewDetailView> {
    await this.unitOfWork.run((em) => this.interviews.recordMinutes(em, actorOf(user), id, dto.minutes));
    return this.get(id);
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @Access(UNIT_ROLES, INTERVIEW)
  @ApiOperation({ summary: '报送约谈后的整改落实情况（→ followed_up）' })
  @ApiOkResponse({ type: InterviewDetailView })
  async reportFollowUp(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: FollowUpDto,
  ): Promise<InterviewDetailView> {
    await this.unitOfWork.run((em) => this.interviews.reportFollowUp(em, actorOf(user), id, dto));
    return this.get(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Access(SUPERVISING_ROLES, INTERVIEW)
  @ApiOperation({ summary: '办结约谈（held / followed_up → closed）' })
  @ApiOkResponse({ type: InterviewDetailView })
  async close(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: CloseInterviewDto,
  ): Promise<InterviewDetailView> {
    await this.unitOfWork.run((em) => this.interviews.close(em, actorOf(user), id, dto.comment));
    return this.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access(SUPERVISING_ROLES, INTERVIEW)
  @ApiOperation({ summary: '取消尚未举行的约谈（须说明理由）' })
  @ApiOkResponse({ type: InterviewDetailView })
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: CancelInterviewDto,
  ): Promise<InterviewDetailView> {
    await this.unitOfWork.run((em) => this.interviews.cancel(em, actorOf(user), id, dto.reason));
    return this.get(id);
  }
}
