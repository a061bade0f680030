import { CreateOrgAndAudit1767225600000 } from './1767225600000-CreateOrgAndAudit';

/** Every migration, in order. Listed explicitly so the bundled API and the CLI run the same set. */
export const MIGRATIONS = [CreateOrgAndAudit1767225600000];
