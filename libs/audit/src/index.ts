export { AuditEntry, AuditChainHead } from './audit-entry.entity';
export { AuditService, AuditReader } from './audit.service';
export type { AuditRecord, AuditQuery, AuditVerification } from './audit.service';
export { AuditModule } from './audit.module';

import { AuditChainHead, AuditEntry } from './audit-entry.entity';
export const AUDIT_ENTITIES = [AuditEntry, AuditChainHead];
