import { Module } from '@nestjs/common';

/** The HTTP endpoints of the exports area. */
@Module({ controllers: [] })
export class ExportsApiModule {}
