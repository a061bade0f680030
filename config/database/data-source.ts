import { DataSource } from 'typeorm';
import { loadConfig } from '../env.schema';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:generate`). */
export default new DataSource(dataSourceOptions(loadConfig()));
