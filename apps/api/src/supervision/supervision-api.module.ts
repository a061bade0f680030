import { Module } from '@nestjs/common';

/** The HTTP endpoints of the supervision domain. */
@Module({ controllers: [] })
export class SupervisionApiModule {}
