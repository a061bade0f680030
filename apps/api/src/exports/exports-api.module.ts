import { Module } from '@nestjs/common';
import { ExportsModule } from '@app/exports';
import { ExportsController } from './exports.controller';

/** The HTTP endpoints of the exports area. */
@Module({ imports: [ExportsModule], controllers: [ExportsController] })
export class ExportsApiModule {}
