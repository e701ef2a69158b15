import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import { AuditTrail } from '../../platform/audit/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { PopulationFileError } from './population-file/index.ts';
import { importPopulationFile } from './population-import.ts';
import { registryDb } from './registry.tables.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'population-file', 'fixtures', name);

describe.each(testBackends)('importing population files on %s', (backend) => {
  let database: Database;
  const tables = () => registryDb(database.db);
  const load = async (name: string) =>
    importPopulationFile(database.db, await AuditTrail.load(database.db), fixture(name), {
      now: new Date('2024-07-01T08:00:00Z'),
    });
  const counts = async () => {
    const count = async (
      table:
        | 'registry_persons'
        | 'registry_custody'
        | 'registry_person_versions'
        | 'registry_property_owners'
        | 'registry_signatories',
    ) =>
      Number(
        (
          await tables()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      persons: await count('registry_persons'),
      custody: await count('registry_custody'),
      versions: await count('registry_person_versions'),
      owners: await count('registry_property_owners'),
      signatories: await count('registry_signatories'),
    };
  };

  const personByNumber = (personalNumber: string) =>
    tables()
      .selectFrom('registry_persons')
      .selectAll()
      .where('personal_number', '=', personalNumber)
      .executeTakeFirstOrThrow();

  beforeEach(async () => {
    database = await openTestDatabase(backend);
  });
  afterEach(async () => {
    await database?.close();
  });

  it('loads a full file: people, custody, protection, properties and organisations', async () => {
    const summary = await load('full.xml');
    expect(summary).toMatchObject({ fileKind: 'full', changed: 0, unchanged: 0, rejected: 0 });
    expect(summary.added).toBe(summary.records);
    const alice = await personByNumber('201411022385');
    expect(alice).toMatchObject({
      given_name: 'Alice',
      family_name: 'Nilsson',
      postal_town: 'KÅLLERED',
      birth_date: '2014-11-02',
    });
    const guardians = await tables()
      .selectFrom('registry_custody')
      .innerJoin('registry_persons', 'registry_persons.id', 'registry_custody.guardian_id')
      .select('registry_persons.personal_number')
      .where('child_id', '=', alice.id)
      .execute();
    expect(guardians.map((row) => row.personal_number).sort()).toEqual(['197903152382', '197903152390']);
    const hidden = await personByNumber('199212072392');
    expect(hidden).toMatchObject({
      protection: 'protected_registration',
      street_address: null,
      protected_since: '2022-03-01',
    });
    expect(await counts()).toMatchObject({ owners: expect.any(Number), signatories: expect.any(Number) });
    expect((await counts()).owners).toBeGreaterThan(0);
    expect((await counts()).signatories).toBeGreaterThan(0);
  });

  it('changes nothing when the same file is applied again', async () => {
    await load('full.xml');
    const before = await counts();
    const again = await load('full.xml');
    expect(again).toMatchObject({ added: 0, changed: 0, rejected: 0, relations: { added: 0, ended: 0 } });
    expect(again.unchanged).toBe(again.records);
    expect(await counts()).toEqual(before);
  });

  it('applies every kind of change with its date, keeps what was true before, and is idempotent', async () => {
    await load('full.xml');
    const changes = await load('changes.xml');
    expect(changes.rejected).toBe(0);
    expect(changes.changed + changes.added).toBeGreaterThan(0);
    const kinds = await tables()
      .selectFrom('registry_persons')
      .select('facts_change_kind')
      .distinct()
      .execute();
    expect(kinds.map((row) => row.facts_change_kind)).toEqual(
      expect.arrayContaining(['move', 'birth', 'protection']),
    );
    // The move on 2024-06-07 keeps the address it replaced, and the dates it held between.
    const moved = await personByNumber('198106222394');
    expect(moved).toMatchObject({
      street_address: 'Hällesåkersvägen 21',
      facts_valid_from: '2024-06-07',
      facts_change_kind: 'move',
    });
    const history = await tables()
      .selectFrom('registry_person_versions')
      .selectAll()
      .where('person_id', '=', moved.id)
      .execute();
    expect(history).toEqual([
      expect.objectContaining({
        valid_from: '2018-09-01',
        valid_to: '2024-06-07',
        change_kind: 'registered',
        facts: expect.objectContaining({ street_address: 'Kvarnbygatan 9 LGH 1102' }),
      }),
    ]);
    const before = await counts();
    const again = await load('changes.xml');
    expect(again).toMatchObject({ added: 0, changed: 0, rejected: 0, relations: { added: 0, ended: 0 } });
    expect(await counts()).toEqual(before);
  });

  it('lists a change to someone the register does not know, and applies the rest', async () => {
    await load('full.xml');
    const summary = await load('changes-unknown-person.xml');
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.rejections[0]?.reason).toBe('the person is not in the register');
    expect(summary.rejections[0]?.position.line).toBeGreaterThan(0);
  });

  it('lists a record with a bad number without stopping, and never names the number', async () => {
    const summary = await load('broken-bad-luhn.xml');
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.added).toBeGreaterThan(0);
    expect(JSON.stringify(summary.rejections)).not.toMatch(/\d{10}/);
  });

  it.each(['broken-truncated.xml', 'broken-not-xml.xml', 'broken-latin1.xml'])(
    'applies nothing of %s, a file broken as a whole',
    async (name) => {
      const before = await counts();
      await expect(load(name)).rejects.toBeInstanceOf(PopulationFileError);
      expect(await counts()).toEqual(before);
      const batches = await tables().selectFrom('registry_import_batches').selectAll().execute();
      expect(batches).toEqual([]);
    },
  );
});
