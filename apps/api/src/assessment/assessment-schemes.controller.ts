import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentSchemes } from '@app/assessment';
import { Access } from '@app/org';
import type { AuthUser } from '@app/org';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { OFFICE_ROLES, RUN_READER_ROLES } from './access';
import { PlanYearQuery, UpdateSchemeDto } from './dto/assessment.dto';
import { SchemeView } from './dto/assessment.view';

@ApiTags('assessment 年度考核')
@Controller('assessment/schemes')
export class AssessmentSchemesController {
  constructor(private readonly schemes: AssessmentSchemes) {}

  @Get()
  @Access(RUN_READER_ROLES, { resource: 'plan', id: 'query:planId' })
  @ApiOperation({ summary: '计划某年度现行的评分方案（未保存过则为默认方案，version 为 null）' })
  @ApiOkResponse({ type: SchemeView })
  async current(@Query() query: PlanYearQuery): Promise<SchemeView> {
    return SchemeView.of(await this.schemes.current(query.planId, query.year));
  }

  @Get('versions')
  @Access(RUN_READER_ROLES, { resource: 'plan', id: 'query:planId' })
  @ApiOperation({ summary: '评分方案的全部版本，新的在前' })
  @ApiOkResponse({ type: [SchemeView] })
  async versions(@Query() query: PlanYearQuery): Promise<SchemeView[]> {
    return (await this.schemes.versions(query.planId, query.year)).map((v) => SchemeView.of(v));
  }

  @Put()
  @HttpCode(200)
  @Access(OFFICE_ROLES, { resource: 'plan', id: 'body:planId' })
  @ApiOperation({
    summary: '保存评分方案（生成新版本）：权重合计 100，扣分与上限不为负，等次分数线 合格 < 良好 < 优秀',
    description: '已开始的考核在下次计算时采用最新版本；每次计算记录所用的版本。',
  })
  @ApiOkResponse({ type: SchemeView })
  async update(@CurrentUser() user: AuthUser, @Body() dto: UpdateSchemeDto): Promise<SchemeView> {
    const { planId, year, ...scheme } = dto;
    return SchemeView.of(
      await this.schemes.update(actorOf(user), planId, year, {
        ...scheme,
        deductions: { ...scheme.deductions, cap: scheme.deductions.cap ?? null },
      }),
    );
  }
}
