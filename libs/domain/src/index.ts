export { DomainModule } from './domain.module';
