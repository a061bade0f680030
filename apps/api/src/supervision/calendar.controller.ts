import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@app/core';
import { Access, ADMIN_ROLES, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { CalendarCorrectionsService, WorkingCalendarProvider } from '@app/workflows';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { CorrectionDto, CorrectionListQuery, NoticeYearDto } from './dto/supervision.dto';
import { CalendarCorrectionView, CalendarYearView, NoticeYearView } from './dto/supervision.view';

const yearPipe = new ParseIntPipe({
  exceptionFactory: () => DomainError.invalid('year', '必须是四位年份'),
});

/**
 * The working-day calendar is one per installation, so its routes are not tied to a unit ('scope-filtered' with
 * nothing to filter): everyone reads it, the office (and the system admin) corrects it.
 */
@ApiTags('calendar 工作日历')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly corrections: CalendarCorrectionsService,
    private readonly calendars: WorkingCalendarProvider,
  ) {}

  @Get('years')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({
    summary: '各年节假日数据来源；provisional 为暂定（按法定节日推算），请办公室录入国务院放假通知后标记已录入',
  })
  @ApiOkResponse({ type: [CalendarYearView] })
  async years(): Promise<CalendarYearView[]> {
    const [rows, noticeYears] = await Promise.all([this.corrections.list(), this.corrections.noticeYears()]);
    const entered = new Set(noticeYears.map((row) => row.year));
    return this.calendars.years().map((info) => ({
      year: info.year,
      source: info.source,
      provisional: info.provisional,
      officeNoticeEntered: entered.has(info.year),
      corrections: rows.filter((row) => row.date.startsWith(`${info.year}-`)).length,
    }));
  }

  @Get('corrections')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: [CalendarCorrectionView] })
  async list(@Query() query: CorrectionListQuery): Promise<CalendarCorrectionView[]> {
    return (await this.corrections.list(query.year)).map((row) => CalendarCorrectionView.of(row));
  }

  @Post('corrections')
  @Access(ADMIN_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '添加日历更正（放假或调休上班），立即生效' })
  @ApiCreatedResponse({ type: CalendarCorrectionView })
  async add(@CurrentUser() user: AuthUser, @Body() dto: CorrectionDto): Promise<CalendarCorrectionView> {
    return CalendarCorrectionView.of(await this.corrections.add(actorOf(user), dto));
  }

  @Delete('corrections/:date')
  @HttpCode(204)
  @Access(ADMIN_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '删除某日的更正' })
  async remove(@CurrentUser() user: AuthUser, @Param('date') date: string): Promise<void> {
    await this.corrections.remove(actorOf(user), date);
  }

  @Get('notice-years')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: [NoticeYearView] })
  async noticeYears(): Promise<NoticeYearView[]> {
    return (await this.corrections.noticeYears()).map((row) => NoticeYearView.of(row));
  }

  @Put('notice-years/:year')
  @Access(ADMIN_ROLES, 'scope-filtered')
  @ApiOperation({
    summary: '标记已录入该年国务院放假通知：此后该年只按办公室录入的更正计算，不再使用数据包或法定节日推算',
  })
  @ApiOkResponse({ type: NoticeYearView })
  async markNoticeEntered(
    @CurrentUser() user: AuthUser,
    @Param('year', yearPipe) year: number,
    @Body() dto: NoticeYearDto,
  ): Promise<NoticeYearView> {
    return NoticeYearView.of(await this.corrections.markNoticeEntered(actorOf(user), year, dto.note));
  }

  @Delete('notice-years/:year')
  @HttpCode(204)
  @Access(ADMIN_ROLES, 'scope-filtered')
  async unmarkNoticeEntered(@CurrentUser() user: AuthUser, @Param('year', yearPipe) year: number): Promise<void> {
    await this.corrections.unmarkNoticeEntered(actorOf(user), year);
  }
}
