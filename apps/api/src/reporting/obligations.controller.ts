import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@app/core';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import {
  ALLOWED_EXTENSIONS,
  MAX_ATTACHMENTS,
  ObligationDeadlinesService,
  ObligationQueries,
  ReviewsService,
  SubmissionsService,
} from '@app/reporting';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { ATTACHMENTS_FIELD, AttachmentsInterceptor } from './attachments.interceptor';
import {
  AcceptReportDto,
  ChangeDeadlineDto,
  ListObligationsQuery,
  PageQuery,
  ReturnReportDto,
  SubmitReportDto,
  WaiveReportDto,
} from './dto/obligation.dto';
import {
  DeadlineReceiptView,
  ObligationDetailView,
  ObligationPageView,
  ParticipantPartView,
  ReviewReceiptView,
  SubmissionReceiptView,
} from './dto/obligation.view';

const UNIT_ROLES = ['unit_liaison', 'unit_head'] as const;
const REVIEWER_ROLES = ['system_admin', 'office_admin', 'unit_liaison', 'unit_head'] as const;
const OBLIGATION = { resource: 'obligation', id: 'param:id' } as const;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('obligations 报送')
@Controller('obligations')
export class ObligationsController {
  constructor(
    private readonly queries: ObligationQueries,
    private readonly submissions: SubmissionsService,
    private readonly reviews: ReviewsService,
    private readonly deadlines: ObligationDeadlinesService,
  ) {}

  @Get()
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '报送义务列表：责任单位看本单位的，办公室、督查、领导看本辖区的' })
  @ApiOkResponse({ type: ObligationPageView })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListObligationsQuery): Promise<ObligationPageView> {
    return ObligationPageView.of(await this.queries.list(user.scope, query));
  }

  @Get('review-queue')
  @Access(REVIEWER_ROLES, 'scope-filtered')
  @ApiOperation({
    summary: '待我审核：办公室看牵头单位和下级政府的报送，牵头单位看参与单位报来的部分',
  })
  @ApiOkResponse({ type: ObligationPageView })
  async reviewQueue(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<ObligationPageView> {
    return ObligationPageView.of(await this.queries.reviewQueue(user, query));
  }

  @Get(':id')
  // Scope-filtered: a lead unit may also read its participants' parts, which the unit lookup alone would refuse.
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '报送详情：历次版本与审核记录' })
  @ApiOkResponse({ type: ObligationDetailView })
  async detail(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<ObligationDetailView> {
    return ObligationDetailView.ofDetail(await this.queries.detail(user, id));
  }

  @Get(':id/participants')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '牵头单位汇总：同一任务、同一周期各参与单位报来的部分' })
  @ApiOkResponse({ type: [ParticipantPartView] })
  async participants(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<ParticipantPartView[]> {
    return (await this.queries.participantParts(user, id)).map((part) => ParticipantPartView.of(part));
  }

  @Post(':id/submissions')
  @Access(UNIT_ROLES, OBLIGATION)
  @UseInterceptors(AttachmentsInterceptor)
  @ApiOperation({
    summary: '报送（联络员或负责人）：进展、完成进度、指标值、附件，或声明“无此项任务”“本期无新进展”',
    description:
      `提交后锁定，退回后才能再次报送。附件最多 ${MAX_ATTACHMENTS} 个，每个不超过 20 MB，类型限 ` +
      `${ALLOWED_EXTENSIONS.join('、')}。带相同 Idempotency-Key 与相同内容重试，返回首次的结果。`,
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键（1–200 个可见 ASCII 字符）' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['progress', 'no_task', 'no_progress'] },
        progressText: { type: 'string' },
        percentComplete: { type: 'integer', minimum: 0, maximum: 100 },
        indicatorValues: {
          description: 'JSON 数组 [{ "indicatorId": 1, "value": 90 }]；multipart 中为 JSON 字符串',
          type: 'array',
          items: {
            type: 'object',
            properties: { indicatorId: { type: 'integer' }, value: { type: 'number' } },
          },
        },
        [ATTACHMENTS_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiCreatedResponse({ type: SubmissionReceiptView })
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: SubmitReportDto,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<SubmissionReceiptView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw DomainError.invalid('Idempotency-Key', '须为 1–200 个可见 ASCII 字符');
    }
    const receipt = await this.submissions.submit(
      user,
      id,
      {
        kind: dto.kind ?? 'progress',
        progressText: dto.progressText ?? null,
        percentComplete: dto.percentComplete ?? null,
        indicatorValues: dto.indicatorValues ?? [],
      },
      (files ?? []).map((file) => ({ originalName: decodeFilename(file.originalname), tempPath: file.path })),
      idempotencyKey,
    );
    return SubmissionReceiptView.of(receipt);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Access(REVIEWER_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '审核通过（可评分 1–5）：办公室审核牵头单位和下级政府，牵头单位审核参与单位' })
  @ApiOkResponse({ type: ReviewReceiptView })
  async accept(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: AcceptReportDto,
  ): Promise<ReviewReceiptView> {
    return ReviewReceiptView.of(await this.reviews.accept(user, id, dto));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Access(REVIEWER_ROLES, 'scope-filtered')
  @ApiOperation({
    summary: '退回（必须填写审核意见）：重新打开，给出新的截止时间（可指定，默认按退回工作日数计算）',
  })
  @ApiOkResponse({ type: ReviewReceiptView })
  async returnReport(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: ReturnReportDto,
  ): Promise<ReviewReceiptView> {
    const dueAt = dto.dueAt === undefined ? undefined : new Date(dto.dueAt);
    return ReviewReceiptView.of(await this.reviews.returnReport(user, id, { comment: dto.comment, dueAt }));
  }

  @Post(':id/waive')
  @HttpCode(200)
  @Access(['system_admin', 'office_admin'], 'scope-filtered')
  @ApiOperation({ summary: '免报（必须说明理由）：本期不再要求该单位报送' })
  @ApiOkResponse({ type: ReviewReceiptView })
  async waive(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: WaiveReportDto,
  ): Promise<ReviewReceiptView> {
    return ReviewReceiptView.of(await this.reviews.waive(user, id, dto));
  }

  @Post(':id/deadline')
  @HttpCode(200)
  @Access(['system_admin', 'office_admin'], 'scope-filtered')
  @ApiOperation({
    summary: '调整截止时间（必须说明理由）：待报送或已退回的报送，催报和预警按新的截止时间进行，已发出的不撤回',
  })
  @ApiOkResponse({ type: DeadlineReceiptView })
  async changeDeadline(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: ChangeDeadlineDto,
  ): Promise<DeadlineReceiptView> {
    return DeadlineReceiptView.of(
      await this.deadlines.change(user, id, { dueAt: new Date(dto.dueAt), reason: dto.reason }),
    );
  }
}

/** Browsers send multipart file names as UTF-8 bytes that busboy reads as latin1; Chinese names need re-decoding. */
export function decodeFilename(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
