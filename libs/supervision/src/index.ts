export { SupervisionModule } from './supervision.module';

export const SUPERVISION_ENTITIES: Array<new () => object> = [];
