export { ReportingModule } from './reporting.module';

export const REPORTING_ENTITIES: Array<new () => object> = [];
