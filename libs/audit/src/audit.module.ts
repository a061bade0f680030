import { Global, Module } from '@nestjs/common';
import { AuditReader, AuditService } from './audit.service';
import { AuditSealer } from './audit-sealer';

@Global()
@Module({ providers: [AuditService, AuditReader, AuditSealer], exports: [AuditService, AuditReader, AuditSealer] })
export class AuditModule {}
