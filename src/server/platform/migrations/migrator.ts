import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from '../db/database';
import * as m0001 from './0001-organisation';
import * as m0002 from './0002-evaluation';
import * as m0003 from './0003-planning';
import * as m0004 from './0004-published-data';
import * as m0005 from './0005-monitoring';
import * as m0006 from './0006-plan-support';
import * as m0007 from './0007-pupils';
import * as m0008 from './0008-library';
import * as m0009 from './0009-analysis-summaries';
import * as m0010 from './0010-bulk-results';
import * as m0012 from './0012-meeting-follow-up';
import * as m0013 from './0013-lean-results';
import * as m0014 from './0014-calendar';
import * as m0015 from './0015-pupil-history';
import * as m0016 from './0016-attendance-staff';
import * as m0017 from './0017-surveys';
import * as m0018 from './0018-interventions';
import * as m0019 from './0019-import-mappings';
import * as m0020 from './0020-results-without-foreign-keys';
import * as m0021 from './0021-pupil-foreign-key-indexes';

/** Listed explicitly so the bundle and the CLI run the same ordered set without reading the filesystem. */
const migrations: Record<string, Migration> = {
  '0001-organisation': m0001,
  '0002-evaluation': m0002,
  '0003-planning': m0003,
  '0004-published-data': m0004,
  '0005-monitoring': m0005,
  '0006-plan-support': m0006,
  '0007-pupils': m0007,
  '0008-library': m0008,
  '0009-analysis-summaries': m0009,
  '0010-bulk-results': m0010,
  '0012-meeting-follow-up': m0012,
  '0015-pupil-history': m0015,
  '0013-lean-results': m0013,
  '0016-attendance-staff': m0016,
  '0014-calendar': m0014,
  '0018-interventions': m0018,
  '0019-import-mappings': m0019,
  '0020-results-without-foreign-keys': m0020,
  '0021-pupil-foreign-key-indexes': m0021,
  '0017-surveys': m0017,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Unordered: migrations are numbered when written, and parallel work may land out of number order.
  const migrator = new Migrator({ db, provider: new StaticProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
