import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import { publishedDefinition, runCaseJobs } from '../../../test/case-fixtures.ts';
import { insertPerson } from '../../../test/registry-fixtures.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';
const elinNumber = demoCitizens.find((citizen) => citizen.givenName === 'Elin')?.personalNumber ?? '';

/** The smallest valid PNG (1×1), and a text file that only claims to be one. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface View {
  status: { code: string; shared: string };
  statusHistory: { code: string }[];
  service: { version: number };
  decision: { outcome: string; automatic: boolean } | null;
  process: { state: string; tasks: { id: string; elementId: string; status: string }[] };
  history: { action: string }[];
}

describe.each(testBackends)('case lifecycle on %s', (backend) => {
  let server: TestServer;
  let anonymous: ApiBrowser;
  let registrar: ApiBrowser;
  let streetOfficer: ApiBrowser;

  const runJobs = () => runCaseJobs(server);

  /** Files an anonymous fault report with a photo; returns the case id and the tracking token. */
  const reportFault = async (category: string) => {
    const draft = await anonymous.api<{ id: string; draftToken: string }>('POST', '/api/services/drafts', {
      json: { slug: 'felanmalan' },
    });
    expect(draft.status).toBe(201);
    const token = { 'x-draft-token': draft.body.draftToken };
    const photo = await anonymous.api<{ id: string; mediaType: string; sha256: string }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/attachments?field=photos&fileName=hål.png`,
      { headers: token, raw: { body: PNG, contentType: 'application/octet-stream' } },
    );
    expect(photo.status).toBe(201);
    expect(photo.body.mediaType).toBe('image/png');
    const submitted = await anonymous.api<{
      caseId: string;
      trackingToken: string;
      registrationNumber: string;
    }>('POST', `/api/services/drafts/${draft.body.id}/submit`, {
      headers: token,
      json: {
        idempotencyKey: crypto.randomUUID(),
        data: {
          category,
          place: { description: 'Utanför Storgatan 12', easting: 319500, northing: 6399800 },
          description: 'Ett djupt hål i asfalten vid övergångsstället.',
          photos: [photo.body.id],
          email: 'anmalare@example.org',
        },
      },
    });
    expect(submitted.status).toBe(201);
    return submitted.body;
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    anonymous = server.browser();
    registrar = server.browser();
    await registrar.loginAsStaff(staff('Reza'));
    streetOfficer = server.browser();
    const officer = demoStaff.find((person) => person.roles.some((role) => role.orgUnit === 'gatapark'));
    await streetOfficer.loginAsStaff(officer?.subject ?? '');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('takes an anonymous fault report with a photo checked by its content, and lets the reporter follow it', async () => {
    const draft = await anonymous.api<{ id: string; draftToken: string }>('POST', '/api/services/drafts', {
      json: { slug: 'felanmalan' },
    });
    const fake = await anonymous.api(
      'POST',
      `/api/services/drafts/${draft.body.id}/attachments?field=photos&fileName=a.png`,
      {
        headers: { 'x-draft-token': draft.body.draftToken },
        raw: { body: '<script>alert(1)</script>', contentType: 'application/octet-stream' },
      },
    );
    expect(fake.status).toBe(415);
    const withoutToken = await anonymous.api('GET', `/api/services/drafts/${draft.body.id}`);
    expect(withoutToken.status).toBe(404);

    const report = await reportFault('pothole');
    expect(report.trackingToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await runJobs();
    const tracked = await anonymous.api<{ registrationNumber: string; status: { shared: string } }>(
      'POST',
      '/api/cases/track',
      { json: { token: report.trackingToken } },
    );
    expect(tracked.status).toBe(200);
    expect(tracked.body.registrationNumber).toBe(report.registrationNumber);
    expect(JSON.stringify(tracked.body)).not.toContain('anmalare@example.org');
    const wrong = await anonymous.api('POST', '/api/cases/track', { json: { token: 'x'.repeat(32) } });
    expect(wrong.status).toBe(404);

    // The receipt comes with the link too, as a PDF download; the photo and any decision do not yet.
    const trackedDocuments = (tracked.body as unknown as { documents: { kind: string }[] }).documents;
    expect(trackedDocuments.map((document) => document.kind)).toEqual(['receipt']);
    const receipt = await anonymous.api('POST', '/api/cases/track/document', {
      json: { token: report.trackingToken, kind: 'receipt' },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(receipt.headers.get('content-disposition')).toMatch(/^attachment/);
    const noDecision = await anonymous.api('POST', '/api/cases/track/document', {
      json: { token: report.trackingToken, kind: 'decision' },
    });
    expect(noDecision.status).toBe(404);
    const notTheirs = await anonymous.api('POST', '/api/cases/track/document', {
      json: { token: 'y'.repeat(32), kind: 'receipt' },
    });
    expect(notTheirs.status).toBe(404);
    const attachmentAsked = await anonymous.api('POST', '/api/cases/track/document', {
      json: { token: report.trackingToken, kind: 'attachment' },
    });
    expect(attachmentAsked.status).toBe(400);

    const view = await streetOfficer.api<View & { documents: { kind: string; sha256: string }[] }>(
      'GET',
      `/api/cases/${report.caseId}`,
    );
    expect(view.status).toBe(200);
    expect(view.body.documents.map((document) => document.kind)).toEqual(
      expect.arrayContaining(['attachment', 'receipt']),
    );
    expect(view.body.process.tasks).toContainEqual(
      expect.objectContaining({ elementId: 'assess', status: 'open' }),
    );
  });

  it('decides a rule-clear case automatically and mails the reporter a prompt with no personal data', async () => {
    const report = await reportFault('streetLight');
    await runJobs();
    const view = await streetOfficer.api<View>('GET', `/api/cases/${report.caseId}`);
    expect(view.body.decision).toMatchObject({ outcome: 'sentToContractor', automatic: true });
    expect(view.body.history.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['case.registered', 'case.step.autoDecide', 'case.decided']),
    );
    const { rows } = await sql<{ payload: { subject: string; text: string } }>`
      select payload from platform_jobs where kind = 'platform.mail' and payload->>'to' = 'anmalare@example.org'
    `.execute(server.database.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const { payload } of rows) {
      expect(`${payload.subject} ${payload.text}`).not.toContain(report.registrationNumber);
      expect(payload.text).not.toMatch(/Storgatan|hål/);
    }
  });

  it('hides a case marked secret from an officer without the secrecy permission', async () => {
    const citizen = await insertPerson(server.database.db, {
      personalNumber: elinNumber,
      givenName: 'Elin',
      familyName: 'Lindqvist',
    });
    const { insertBuildingPermitCase } = await import('../../../test/case-fixtures.ts');
    const fixture = await insertBuildingPermitCase(server.database.db, citizen.id);
    const anna = server.browser();
    await anna.loginAsStaff(staff('Anna'));
    expect((await anna.api('GET', `/api/cases/${fixture.caseId}`)).status).toBe(200);
    // Anna takes the case, and its task is on her list.
    const assignees = await anna.api<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/cases/${fixture.caseId}/assignees`,
    );
    const annaId = assignees.body.items.find((user) => user.name.startsWith('Anna'))?.id ?? '';
    const taken = await anna.api('POST', `/api/cases/${fixture.caseId}/assign`, {
      json: { assigneeId: annaId },
    });
    expect(taken.status).toBe(200);
    const tasksOf = async (browser: ApiBrowser) =>
      (await browser.api<{ items: { source: { reference: string } }[] }>('GET', '/api/tasks/mine')).body.items
        .map((task) => task.source.reference)
        .filter((reference) => reference === fixture.caseId);
    expect(await tasksOf(anna)).toHaveLength(1);

    const marked = await registrar.api<{ secret: boolean; assigneeId: string | null }>(
      'POST',
      `/api/cases/${fixture.caseId}/secrecy`,
      { json: { secret: true, ground: 'OSL 21 kap. 1 §' } },
    );
    expect(marked.status).toBe(200);
    expect(marked.body.secret).toBe(true);
    // She may not read secret cases, so the case went back to the unit, and its task off her list.
    expect(marked.body.assigneeId).toBeNull();
    expect(await tasksOf(anna)).toEqual([]);
    expect((await anna.api('GET', `/api/cases/${fixture.caseId}`)).status).toBe(404);
    const inbox = await anna.api<{ items: { id: string }[] }>('GET', '/api/cases/inbox?limit=100');
    expect(inbox.body.items.map((item) => item.id)).not.toContain(fixture.caseId);
    expect((await registrar.api('GET', `/api/cases/${fixture.caseId}`)).status).toBe(200);
    // Nor can it be given to her while it is secret.
    const offered = await registrar.api<{ items: { id: string }[] }>(
      'GET',
      `/api/cases/${fixture.caseId}/assignees`,
    );
    expect(offered.body.items.map((user) => user.id)).not.toContain(annaId);
    const refused = await registrar.api<{ code: string }>('POST', `/api/cases/${fixture.caseId}/assign`, {
      json: { assigneeId: annaId },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('assignee_not_allowed');

    // Lifted, the case and its task are hers to see again.
    const lifted = await registrar.api('POST', `/api/cases/${fixture.caseId}/secrecy`, {
      json: { secret: false },
    });
    expect(lifted.status).toBe(200);
    expect((await anna.api('GET', `/api/cases/${fixture.caseId}`)).status).toBe(200);
    expect(await tasksOf(anna)).toHaveLength(1);
  });

  it('keeps a running case on its version when a new version is published', async () => {
    const before = await reportFault('pothole');
    await runJobs();
    const admin = server.browser();
    await admin.loginAsStaff(staff('Ada'));
    const definition = await publishedDefinition(server.database.db, 'felanmalan');
    const changed = {
      ...definition,
      title: {
        sv: 'Felanmälan gata, park och lekplats',
        en: 'Report a fault: streets, parks and playgrounds',
      },
    };
    const published = await admin.api<{ version: number }>('POST', '/api/services/admin/versions', {
      json: { definition: changed },
    });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);
    const form = await anonymous.api<{ version: number; title: { sv: string } }>(
      'GET',
      '/api/services/catalog/felanmalan',
    );
    expect(form.body).toMatchObject({ version: 2, title: { sv: 'Felanmälan gata, park och lekplats' } });
    const old = await streetOfficer.api<View>('GET', `/api/cases/${before.caseId}`);
    expect(old.body.service.version).toBe(1);
    const after = await reportFault('pothole');
    const fresh = await streetOfficer.api<View>('GET', `/api/cases/${after.caseId}`);
    expect(fresh.body.service.version).toBe(2);
  });

  it('follows a case through its statuses: registered, assessed by an officer, repaired, closed', async () => {
    const report = await reportFault('pothole');
    await runJobs();
    let view = await streetOfficer.api<View>('GET', `/api/cases/${report.caseId}`);
    expect(view.body.status.shared).toBe('in_progress');
    const decided = await streetOfficer.api<View>('POST', `/api/cases/${report.caseId}/decision`, {
      json: {
        outcome: view.body.decision ? 'x' : 'sentToContractor',
        justification: 'Hålet lagas av entreprenören.',
      },
    });
    expect(decided.status).toBe(200);
    const repair = decided.body.process.tasks.find(
      (task) => task.elementId === 'repair' && task.status === 'open',
    );
    expect(repair).toBeDefined();
    view = await streetOfficer.api<View>('POST', `/api/cases/${report.caseId}/tasks/${repair?.id}/complete`, {
      json: { data: { workOrder: 'AO-2026-118', fixedOn: '2026-11-20' } },
    });
    expect(view.status).toBe(200);
    expect(view.body.process.state).toBe('completed');
    expect(view.body.status.shared).toBe('closed');
    const shared = view.body.statusHistory.map((change) => change.code);
    expect(shared[0]).toBeDefined();
    expect(new Set(shared).size).toBeGreaterThanOrEqual(3);
    const again = await streetOfficer.api('POST', `/api/cases/${report.caseId}/notes`, {
      json: { text: 'Efteråt' },
    });
    expect(again.status).toBe(200);
    const closeAgain = await streetOfficer.api('POST', `/api/cases/${report.caseId}/close`, { json: {} });
    expect(closeAgain.status).toBe(409);
  });
});
