export { AssessmentModule } from './assessment.module';

export const ASSESSMENT_ENTITIES: Array<new () => object> = [];
