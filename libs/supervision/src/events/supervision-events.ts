import { EntityManager } from 'typeorm';
import { Actor, describeActor } from '@app/core';
import { SupervisionEvent, SupervisionSubject } from './supervision-event.entity';

export interface NewSupervisionEvent {
  subject: SupervisionSubject;
  subjectId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  text?: string | null;
  attachments?: string[] | null;
  actor: Actor;
  at: Date;
}

export async function recordSupervisionEvent(em: EntityManager, event: NewSupervisionEvent): Promise<void> {
  await em.insert(SupervisionEvent, {
    subject: event.subject,
    subjectId: event.subjectId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    text: event.text ?? null,
    attachments: event.attachments && event.attachments.length > 0 ? event.attachments : null,
    actor: describeActor(event.actor),
    userId: event.actor.kind === 'user' ? event.actor.userId : null,
    at: event.at,
  });
}

export function supervisionEvents(
  em: EntityManager,
  subject: SupervisionSubject,
  subjectId: number,
): Promise<SupervisionEvent[]> {
  return em.find(SupervisionEvent, { where: { subject, subjectId }, order: { id: 'ASC' } });
}
