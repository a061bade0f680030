import { PipeTransform } from '@nestjs/common';
import { DomainError } from '@app/core';
import { isId } from '@app/org';

/** Route ids: positive integers. The access guard already answered 404 for anything else on guarded routes. */
export class IdPipe implements PipeTransform<string, number> {
  constructor(private readonly field = 'id') {}

  transform(value: string): number {
    if (!isId(value)) {
      throw DomainError.invalid(this.field, '必须是正整数编号');
    }
    return Number(value);
  }
}
