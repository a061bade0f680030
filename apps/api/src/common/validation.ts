import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldErrors } from '@app/core';

/** class-validator constraint → the reason in the users' language. Numbers are taken from the default message. */
const REASONS: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不允许的字段',
  isDefined: () => '必须提供',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是字符串',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isArray: () => '必须是数组',
  isEmail: () => '邮箱格式不正确',
  isIn: (m) => `取值必须是以下之一：${m.split(':').pop()?.trim() ?? ''}`,
  isEnum: (m) => `取值必须是以下之一：${m.split(':').pop()?.trim() ?? ''}`,
  maxLength: (m) => `长度不能超过 ${firstNumber(m)} 个字符`,
  minLength: (m) => `长度不能少于 ${firstNumber(m)} 个字符`,
  min: (m) => `不能小于 ${firstNumber(m)}`,
  max: (m) => `不能大于 ${firstNumber(m)}`,
  arrayMaxSize: (m) => `最多 ${firstNumber(m)} 项`,
  arrayMinSize: (m) => `至少 ${firstNumber(m)} 项`,
  isDateString: () => '必须是 ISO 8601 日期时间',
  isISO8601: () => '必须是 ISO 8601 日期时间',
  matches: () => '格式不正确',
  nestedValidation: () => '必须是对象',
};

function firstNumber(message: string): string {
  return /(-?\d+(\.\d+)?)/.exec(message)?.[1] ?? '';
}

export function collectFieldErrors(errors: ValidationError[], parent = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    for (const [constraint, english] of Object.entries(error.constraints ?? {})) {
      (fields[path] ??= []).push(REASONS[constraint]?.(english) ?? english);
    }
    Object.assign(fields, collectFieldErrors(error.children ?? [], path));
  }
  return fields;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = collectFieldErrors(errors);
      const message = Object.entries(fields)
        .map(([field, reasons]) => `${field}：${reasons.join('，')}`)
        .join('；');
      return new BadRequestException({ message, fields });
    },
  });
}
