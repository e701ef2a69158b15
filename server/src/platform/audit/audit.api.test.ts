import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import { startTestServer, type TestServer, testBackends } from '../../../test/test-server.ts';
import type { AuditTables } from './audit.tables.ts';
import { AuditTrail, findAuditEntriesAboutSubject, verifyAuditChain } from './index.ts';

const elin = demoCitizens[0]?.personalNumber ?? '';
const ada = demoStaff.find((person) => person.givenName === 'Ada')?.subject ?? '';

describe.each(testBackends)('audit trail on %s', (backend) => {
  let server: TestServer;
  const auditLog = () => server.database.db.withTables<AuditTables>();

  beforeAll(async () => {
    server = await startTestServer(backend);
    const citizen = server.browser();
    await citizen.loginAsCitizen(elin);
    await citizen.api('POST', '/api/auth/logout', { json: {} });
    const admin = server.browser();
    await admin.loginAsStaff(ada);
    await admin.api('GET', '/api/users');
    await admin.api('POST', '/api/api-clients', { json: { name: '' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records logins, logouts, reads of personal data and refused writes, with who and from where', async () => {
    const rows = await auditLog().selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const actions = rows.map((row) => `${row.action}:${row.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'platform.demo.seed:success',
        'identity.session.login:success',
        'identity.session.logout:success',
        'identity.user.list:success',
        'http.request:failure',
      ]),
    );
    const login = rows.find((row) => row.action === 'identity.session.login' && row.actor_type === 'citizen');
    expect(login).toMatchObject({ actor_name: 'Elin Lindqvist', ip: '127.0.0.1', resource_type: 'session' });
    expect(login?.request_id).toBeTruthy();
    const read = rows.find((row) => row.action === 'identity.user.list');
    expect(read).toMatchObject({
      actor_type: 'staff',
      actor_name: 'Ada Holm',
      purpose: 'user administration',
    });
    const refused = rows.find((row) => row.action === 'http.request');
    expect(refused?.details).toMatchObject({ method: 'POST', route: '/api/api-clients', status: 400 });
  });

  it('keeps personal numbers out of the trail but findable by their keyed hash', async () => {
    const rows = await auditLog().selectFrom('audit_log').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(elin);
    const audit = await AuditTrail.load(server.database.db);
    const aboutElin = await findAuditEntriesAboutSubject(server.database.db, audit.subjectKey(elin));
    expect(aboutElin.map((entry) => entry.action)).toContain('identity.session.login');
  });

  it('verifies an intact chain', async () => {
    const result = await verifyAuditChain(server.database.db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThanOrEqual(5);
  });

  it('refuses to update or delete an entry', async () => {
    await expect(
      sql`update audit_log set action = 'x' where seq = 1`.execute(server.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(server.database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('detects an entry altered behind the database triggers', async () => {
    const db = server.database.db;
    await sql`alter table audit_log disable trigger user`.execute(db);
    await sql`update audit_log set actor_name = 'Someone Else' where seq = 3`.execute(db);
    await sql`alter table audit_log enable trigger user`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      entries: 2,
      reason: 'the entry has been altered since it was written',
    });
  });
});

describe.each(testBackends)('audit chain cut-offs on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    const admin = server.browser();
    await admin.loginAsStaff(ada);
    await admin.api('GET', '/api/users');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('detects a removed entry in the middle and a removed tail', async () => {
    const db = server.database.db;
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const last = await db
      .withTables<AuditTables>()
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger user`.execute(db);
    await sql`delete from audit_log where seq = ${last.seq}`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenAtSeq: last.seq,
      reason: expect.stringMatching(/removed/),
    });
    await sql`delete from audit_log where seq = 1`.execute(db);
    await sql`alter table audit_log enable trigger user`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      reason: 'entry 1 is missing',
    });
  });
});
