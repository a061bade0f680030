/** Who caused a change: a signed-in user, or a component of the system (engine, CLI, demo seeding). */
export type Actor = { kind: 'user'; userId: number; username: string } | { kind: 'system'; component: string };

export const systemActor = (component: string): Actor => ({ kind: 'system', component });

export function describeActor(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.username}` : `system:${actor.component}`;
}
