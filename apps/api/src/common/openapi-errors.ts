import { getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorBody } from './error-body';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Declares the error body as every operation's `default` response (what the exception filter answers for any 4xx
 * or 5xx), so clients generated from the document type their errors. Statuses an operation documents itself win.
 * `ErrorBody` must be among the document's extra models.
 */
export function withErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation && !operation.responses.default) {
        operation.responses.default = {
          description: '错误：{ statusCode, error, message, fields?, requestId }，fields 按字段列出原因',
          content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
        };
      }
    }
  }
  return document;
}
