import { dbSuite } from './db-suite';
import { experimentsSuite } from './experiments-suite';
import { createPostgresTestDb } from './postgres';

dbSuite('PostgreSQL (127.0.0.1:5432, temp schema)', createPostgresTestDb);
experimentsSuite('PostgreSQL (127.0.0.1:5432, temp schema)', createPostgresTestDb);
