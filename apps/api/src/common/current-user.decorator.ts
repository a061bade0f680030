import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/core';
import type { AuthenticatedRequest, AuthUser } from '@app/org';

/** The signed-in user; only on routes the access guard let through as non-public. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) {
    throw new Error('CurrentUser used on a route without an authenticated user');
  }
  return user;
});

export function actorOf(user: AuthUser): Actor {
  return { kind: 'user', userId: user.id, username: user.username };
}
