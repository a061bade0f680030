import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@app/core';
import { AuthService } from '../auth/auth.service';
import { AuthUser, scopeCovers } from './access-scope';
import { ACCESS_KEY, AccessRule, IdSource } from './access.decorator';
import { ResourceScopeRegistry } from './resource-scope.registry';

export const SESSION_COOKIE = 'sid';

export interface AuthenticatedRequest extends Request {
  user?: AuthUser;
  sessionToken?: string;
}

/**
 * The one place that decides role and jurisdiction for every endpoint. A route without an access rule is
 * refused, so a new endpoint cannot ship open by accident.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly resources: ResourceScopeRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new DomainError('FORBIDDEN', '该接口未声明访问规则');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = tokenOf(request);
    const user = token ? await this.auth.authenticate(token) : null;
    if (user && token) {
      request.user = user;
      request.sessionToken = token;
    }
    if (rule.public) {
      return true;
    }
    if (!user) {
      throw new DomainError('UNAUTHENTICATED', '未登录或会话已过期，请重新登录');
    }
    if (rule.roles !== 'any' && !rule.roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', '您的角色无权执行此操作');
    }
    if (typeof rule.jurisdiction === 'object') {
      const id = idFrom(request, rule.jurisdiction.id);
      if (id === null) {
        throw new DomainError('VALIDATION', `缺少 ${rule.jurisdiction.id.split(':')[1]}`);
      }
      const unit = await this.resources.lookup(rule.jurisdiction.resource)(id);
      if (!unit) {
        throw DomainError.notFound(rule.jurisdiction.resource, id);
      }
      if (!scopeCovers(user.scope, unit)) {
        throw new DomainError('FORBIDDEN', '该数据不在您的管辖范围内');
      }
    }
    return true;
  }
}

function tokenOf(request: Request): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return header.slice('Bearer '.length).trim() || null;
  }
  const cookies = request.cookies as Record<string, string> | undefined;
  return cookies?.[SESSION_COOKIE] ?? null;
}

function idFrom(request: Request, source: IdSource): string | null {
  const [where, key] = source.split(':') as ['param' | 'query' | 'body', string];
  const bag = (where === 'param' ? request.params : where === 'query' ? request.query : request.body) as
    Record<string, unknown> | undefined;
  const value = bag?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
