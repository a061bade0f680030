export { AuditEntry, AuditChainHead } from './audit-entry.entity';
export { AuditService, AuditReader } from './audit.service';
export type { AuditRecord, AuditQuery, AuditVerification } from './audit.service';
export { AuditSealer } from './audit-sealer';
export { AuditSealPoller, AUDIT_SEAL_INTERVAL_MS } from './audit-seal.poller';
export { AuditModule } from './audit.module';

import { AuditChainHead, AuditEntry } from './audit-entry.entity';
export const AUDIT_ENTITIES = [AuditEntry, AuditChainHead];
