import type { EntityManager } from 'typeorm';
import type { EntitySchemas } from '../schema';

/**
 * What the experiment repositories need from an open database: its write transaction and read (the
 * adapter's queue and transaction discipline) and the entity schemas they query.
 */
export interface ExperimentSession {
  tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T>;
  read<T>(fn: (m: EntityManager) => Promise<T>): Promise<T>;
  entities: Pick<EntitySchemas, 'Job' | 'TuningTrial' | 'MetricPoint'>;
}
