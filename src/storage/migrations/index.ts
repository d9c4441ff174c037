import { coreMigration } from './2026112700-core.ts';
import { authMigration } from './2026112701-auth.ts';
import { incidentsMigration } from './2026112708-incidents.ts';
import type { Migration } from './migration.ts';

/** Every migration, in the order it runs. Add new ones at the end. */
export const migrations: readonly Migration[] = [coreMigration, authMigration, incidentsMigration];

export type { Migration } from './migration.ts';
