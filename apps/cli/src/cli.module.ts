import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainModule } from '@app/domain';

/** The domain without HTTP: what commands that touch the database run in. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [DomainModule.forRoot(config)] };
  }
}
