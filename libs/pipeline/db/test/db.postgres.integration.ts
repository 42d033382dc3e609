import { dbSuite } from './db-suite';
import { createPostgresTestDb } from './postgres';

dbSuite('PostgreSQL (127.0.0.1:5432, temp schema)', createPostgresTestDb);
