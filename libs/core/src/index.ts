export * from './clock';
export * from './columns';
export * from './domain-error';
export * from './unit-of-work';
export * from './actor';
export * from './request-context';
export * from './core.module';
export * from './shanghai-format';
