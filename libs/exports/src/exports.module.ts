import { Global, Module } from '@nestjs/common';

@Global()
@Module({ providers: [], exports: [] })
export class ExportsModule {}
