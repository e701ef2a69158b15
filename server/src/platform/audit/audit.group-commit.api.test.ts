import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import type { Database } from '../db/database.ts';
import { auditDb } from './audit.tables.ts';
import { AuditTrail, NOT_A_REQUEST, systemActor, verifyAuditChain } from './index.ts';

describe.each(testBackends)('reads recorded by group commit on %s', (backend) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(backend);
  });
  afterEach(async () => {
    await database?.close();
  });

  const count = async () =>
    Number(
      (
        await auditDb(database.db)
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('commits many concurrent reads, each resolved once on the record, the chain whole', async () => {
    const audit = await AuditTrail.load(database.db);
    const before = await count();
    const reads = Array.from({ length: 60 }, (_, index) =>
      audit.appendOnItsOwn(database.db, systemActor('reader'), NOT_A_REQUEST, {
        action: 'test.person.read',
        outcome: 'success',
        resourceId: String(index),
      }),
    );
    await Promise.all(reads);
    expect(await count()).toBe(before + 60);
    const ids = await auditDb(database.db)
      .selectFrom('audit_log')
      .select('resource_id')
      .where('action', '=', 'test.person.read')
      .execute();
    expect(new Set(ids.map((row) => row.resource_id)).size).toBe(60);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('rejects the reads of a group that could not be written, and writes the next group', async () => {
    const audit = await AuditTrail.load(database.db);
    const refused = audit.appendOnItsOwn(database.db, systemActor('reader'), NOT_A_REQUEST, {
      action: 'test.person.read',
      outcome: 'success',
      // A value JSON cannot hold: the entry cannot be hashed or stored.
      details: { bad: BigInt(1) as unknown as string },
    });
    await expect(refused).rejects.toThrow();
    await audit.appendOnItsOwn(database.db, systemActor('reader'), NOT_A_REQUEST, {
      action: 'test.person.read',
      outcome: 'success',
    });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('keeps one chain when other writers move the head between group commits', async () => {
    // Two trails stand for two processes of one installation; each writes on the head it last wrote.
    const first = await AuditTrail.load(database.db);
    const second = await AuditTrail.load(database.db);
    const before = await count();
    const read = (audit: AuditTrail, index: number) =>
      audit.appendOnItsOwn(database.db, systemActor('reader'), NOT_A_REQUEST, {
        action: 'test.person.read',
        outcome: 'success',
        resourceId: String(index),
      });
    await read(first, 0);
    await database.db.transaction().execute((trx) =>
      second.append(trx, systemActor('writer'), NOT_A_REQUEST, {
        action: 'test.thing.change',
        outcome: 'success',
      }),
    );
    await read(first, 1);
    await Promise.all(
      Array.from({ length: 40 }, (_, index) => read(index % 2 === 0 ? first : second, index + 2)),
    );
    expect(await count()).toBe(before + 43);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it("appends in a change's transaction on the guessed head, and recovers when the guess is wrong", async () => {
    const first = await AuditTrail.load(database.db);
    const second = await AuditTrail.load(database.db);
    const before = await count();
    const change = (audit: AuditTrail, index: number) => (trx: typeof database.db) =>
      audit.append(trx, systemActor('writer'), NOT_A_REQUEST, {
        action: 'test.thing.change',
        outcome: 'success',
        resourceId: String(index),
      });
    await database.db.transaction().execute(change(first, 0));
    // Rolled back: the entry is gone, and `first` now guesses a head that never was.
    await expect(
      database.db.transaction().execute(async (trx) => {
        await change(first, 1)(trx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await database.db.transaction().execute(change(first, 2));
    // Two writers at once, each on the head it last wrote: one waits for the other's commit.
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        database.db.transaction().execute(change(index % 2 === 0 ? first : second, index + 3)),
      ),
    );
    expect(await count()).toBe(before + 22);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
