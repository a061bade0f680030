import { Global, Module } from '@nestjs/common';
import { AuditReader, AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService, AuditReader], exports: [AuditService, AuditReader] })
export class AuditModule {}
