import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import type { Database } from '../../platform/db/database.ts';
import * as historyOfPastStates from './migrations/202611241200-history-of-past-states.ts';
import { registryDb } from './registry.tables.ts';

describe.each(testBackends)('the history migration on %s', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it('turns a version for every state into the row’s own date and kind plus the states before', async () => {
    const db = database.db;
    await historyOfPastStates.down(db);
    // The shape before: every state a version, the current one too.
    const person = await sql<{ id: string }>`
      insert into registry_persons (personal_number, is_coordination_number, birth_date, given_name,
        family_name, county_code, municipality_code, street_address, postal_code, postal_town, protection)
      values ('198106222394', false, '1981-06-22', 'Erik', 'Lund', '14', '1483', 'Hällesåkersvägen 21',
        '43791', 'LINDOME', 'none')
      returning id`.execute(db);
    const personId = person.rows[0]?.id;
    for (const [validFrom, kind, street] of [
      ['2018-09-01', 'registered', 'Kvarnbygatan 9'],
      ['2022-03-15', 'nameChange', 'Kvarnbygatan 9'],
      ['2024-06-07', 'move', 'Hällesåkersvägen 21'],
    ]) {
      await sql`insert into registry_person_versions (person_id, valid_from, change_kind, facts)
        values (${personId}, ${validFrom}, ${kind}, ${JSON.stringify({ street_address: street })})`.execute(
        db,
      );
    }

    await historyOfPastStates.up(db);

    const registry = registryDb(db);
    const row = await registry
      .selectFrom('registry_persons')
      .select(['facts_valid_from', 'facts_change_kind'])
      .where('id', '=', personId ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ facts_valid_from: '2024-06-07', facts_change_kind: 'move' });
    const history = await registry
      .selectFrom('registry_person_versions')
      .select(['valid_from', 'valid_to', 'change_kind', 'facts'])
      .where('person_id', '=', personId ?? '')
      .orderBy('valid_from')
      .execute();
    expect(history).toEqual([
      {
        valid_from: '2018-09-01',
        valid_to: '2022-03-15',
        change_kind: 'registered',
        facts: { street_address: 'Kvarnbygatan 9' },
      },
      {
        valid_from: '2022-03-15',
        valid_to: '2024-06-07',
        change_kind: 'nameChange',
        facts: { street_address: 'Kvarnbygatan 9' },
      },
    ]);
    // Everyone else (the demo population, written by the import) holds their facts since a date too.
    const undated = await registry
      .selectFrom('registry_persons')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('facts_valid_from', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(undated.n)).toBe(0);
  });
});
