import * as fs from 'node:fs';
import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { finalize, Observable } from 'rxjs';
import { DomainError } from '@app/core';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@app/reporting';

export const ATTACHMENTS_FIELD = 'files';

const Multipart = FilesInterceptor(ATTACHMENTS_FIELD, MAX_ATTACHMENTS, {
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS, fields: 20, fieldSize: 64 * 1024 },
});

/**
 * Multer with the limits of report attachments, its errors in Chinese, and the temporary files removed however the
 * request ends (a DTO refused by the validation pipe never reaches the service, which otherwise discards them).
 */
@Injectable()
export class AttachmentsInterceptor extends Multipart implements NestInterceptor {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    try {
      const handled = await super.intercept(context, next);
      return handled.pipe(finalize(() => removeTemporaryFiles(request)));
    } catch (error) {
      removeTemporaryFiles(request);
      throw translate(error);
    }
  }
}

function removeTemporaryFiles(request: Request): void {
  const files = (request.files ?? []) as Express.Multer.File[];
  for (const file of Array.isArray(files) ? files : []) {
    if (file.path) {
      fs.rm(file.path, { force: true }, () => undefined);
    }
  }
}

function translate(error: unknown): unknown {
  if (error instanceof PayloadTooLargeException) {
    return new DomainError('PAYLOAD_TOO_LARGE', `单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, {
      files: [`单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`],
    });
  }
  if (error instanceof BadRequestException) {
    return new DomainError(
      'VALIDATION',
      `附件上传不符合要求：最多 ${MAX_ATTACHMENTS} 个，表单字段名为 ${ATTACHMENTS_FIELD}`,
      {
        files: [`最多 ${MAX_ATTACHMENTS} 个附件，字段名为 ${ATTACHMENTS_FIELD}`],
      },
    );
  }
  return error;
}
