export * from './env.schema';
export * from './defaults';
export * from './config.module';
