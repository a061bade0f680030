import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { AttachmentStore, ObligationQueries } from '@app/reporting';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';

@ApiTags('obligations 报送')
@Controller('report-attachments')
export class ReportAttachmentsController {
  constructor(
    private readonly queries: ObligationQueries,
    private readonly store: AttachmentStore,
  ) {}

  @Get(':id')
  // Scope-filtered: allowed to whoever may see the obligation, including the lead unit for a participant's part.
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '下载报送附件' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<StreamableFile> {
    const attachment = await this.queries.attachment(user, id);
    const ascii = attachment.originalName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return new StreamableFile(this.store.open(attachment.storagePath), {
      type: attachment.contentType,
      length: attachment.size,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.originalName)}`,
    });
  }
}
