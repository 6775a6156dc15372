import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { orgRepository } from '../org/org.repository';
import { seedSyntheticPupils } from './seed-pupils';

/**
 * Results carry no foreign keys (COPY would check every row); triggers delete them with their pupil
 * or assessment instead. These tests prove nothing is left behind.
 */
let h: Harness;
beforeAll(async () => {
  h = await harness();
});

async function trustWithResults() {
  const t = await buildTrust(h);
  const urn = (await orgRepository.findSchool(h.db, t.trustId, t.schoolA))!.urn;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn, phase: 'secondary', effect: 0, size: 30 },
  ]);
  return t;
}
const resultsOf = async (where: 'trust_id' | 'pupil_id' | 'assessment_id', id: string) =>
  (await h.db.selectFrom('results').where(where, '=', id).select('value').execute()).length;

describe('results follow their pupils and assessments', () => {
  it('deletes a pupil’s results with the pupil, and nobody else’s', async () => {
    const t = await trustWithResults();
    const before = await resultsOf('trust_id', t.trustId);
    const { pupil_id } = await h.db
      .selectFrom('results')
      .where('trust_id', '=', t.trustId)
      .select('pupil_id')
      .executeTakeFirstOrThrow();
    const own = await resultsOf('pupil_id', pupil_id);
    expect(own).toBeGreaterThan(0);
    await h.db.deleteFrom('pupils').where('id', '=', pupil_id).execute();
    expect(await resultsOf('pupil_id', pupil_id)).toBe(0);
    expect(await resultsOf('trust_id', t.trustId)).toBe(before - own);
  });

  it('deletes an assessment’s results with the assessment', async () => {
    const t = await trustWithResults();
    const { assessment_id } = await h.db
      .selectFrom('results')
      .where('trust_id', '=', t.trustId)
      .select('assessment_id')
      .executeTakeFirstOrThrow();
    await h.db.deleteFrom('assessments').where('id', '=', assessment_id).execute();
    expect(await resultsOf('assessment_id', assessment_id)).toBe(0);
  });

  it('leaves no result behind when a whole trust is deleted', async () => {
    const t = await trustWithResults();
    const other = await trustWithResults();
    const kept = await resultsOf('trust_id', other.trustId);
    expect(await resultsOf('trust_id', t.trustId)).toBeGreaterThan(0);
    await sql`delete from trusts where id = ${t.trustId}`.execute(h.db);
    expect(await resultsOf('trust_id', t.trustId)).toBe(0);
    expect(await resultsOf('trust_id', other.trustId)).toBe(kept);
  });
});
