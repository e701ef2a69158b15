import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import type { Database } from '../../platform/db/database.ts';
import { insertPerson } from './registry.test-support.ts';

describe.each(testBackends)('register ids on %s', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it('are UUID version 7, ordered by when the rows were written', async () => {
    const first = await insertPerson(database.db, {
      personalNumber: '198003012385',
      givenName: 'Pia',
      familyName: 'Holm',
    });
    await sleep(5);
    const second = await insertPerson(database.db, {
      personalNumber: '201605012382',
      givenName: 'Oskar',
      familyName: 'Holm',
    });
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(first.id).toMatch(v7);
    expect(second.id).toMatch(v7);
    expect(first.id < second.id).toBe(true);
    // The first 48 bits are the time the row was written, in Unix milliseconds.
    const written = Number.parseInt(first.id.replace('-', '').slice(0, 12), 16);
    expect(Math.abs(written - first.created_at.getTime())).toBeLessThan(1_000);
  });
});
