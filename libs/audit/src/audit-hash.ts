import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: number | null;
  before: string | null;
  after: string | null;
  prevHash: string;
}

/** Hash of a row over every field that matters, chained to the previous row's hash. */
export function hashAuditEntry(fields: HashedFields): string {
  const canonical = JSON.stringify([
    fields.id,
    fields.at.toISOString(),
    fields.actor,
    fields.action,
    fields.entityType,
    fields.entityId,
    fields.unitId,
    fields.before,
    fields.after,
    fields.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
