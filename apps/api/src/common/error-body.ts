import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldErrors } from '@app/core';

/** Every error the API returns has this shape. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'name：不能为空' })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { name: ['不能为空'] },
    description: 'field path → reasons',
  })
  fields?: FieldErrors;

  @ApiPropertyOptional()
  requestId?: string;
}
