import type { Translate } from '../i18n/i18n';

/** `user:liaison` → `liaison`; `system:escalation` → 系统 (the escalation ladder acted on its own). */
export function actorName(actor: string, t: Translate): string {
  if (actor.startsWith('system:')) {
    return t('actor.system');
  }
  return actor.startsWith('user:') ? actor.slice('user:'.length) : actor;
}
