import { swedishDate } from '@karna/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import { runCaseJobs } from '../../../test/case-fixtures.ts';
import { insertLindqvistFamily } from '../../../test/registry-fixtures.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import { addWorkingDays } from '../../platform/calendar/index.ts';

type PersonRow = Awaited<ReturnType<typeof insertLindqvistFamily>>['oskar'];

const elinNumber = demoCitizens.find((citizen) => citizen.givenName === 'Elin')?.personalNumber ?? '';
const johanNumber = demoCitizens.find((citizen) => citizen.givenName === 'Johan')?.personalNumber ?? '';
const lina = demoStaff.find((person) => person.givenName === 'Lina')?.subject ?? '';
const anna = demoStaff.find((person) => person.givenName === 'Anna')?.subject ?? '';

describe.each(testBackends)('the core loop: apply, handle, decide, follow — on %s', (backend) => {
  let server: TestServer;
  let oskar: PersonRow;
  let stranger: PersonRow;
  let elin: ApiBrowser;
  let officer: ApiBrowser;

  const runJobs = () => runCaseJobs(server, { 'platform.mail': async () => {} });

  const validApplication = () => ({
    childId: oskar.id,
    preschools: ['solrosen', 'ekbacken'],
    startDate: '2027-08-16',
    reason: 'work',
    hoursPerWeek: 40,
    email: 'elin@example.org',
  });

  beforeAll(async () => {
    server = await startTestServer(backend);
    ({ oskar, stranger } = await insertLindqvistFamily(server.database.db, elinNumber));
    elin = server.browser();
    await elin.loginAsCitizen(elinNumber);
    officer = server.browser();
    await officer.loginAsStaff(lina);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prefills the children in custody, keeps a draft, refuses bad data next to the field, and registers once per key', async () => {
    const prefill = await elin.api<{ children: { id: string }[] }>('GET', '/api/services/prefill');
    expect(prefill.status).toBe(200);
    expect(prefill.body.children.map((child) => child.id)).toContain(oskar.id);

    const draft = await elin.api<{ id: string }>('POST', '/api/services/drafts', {
      json: { slug: 'forskoleplats' },
    });
    expect(draft.status).toBe(201);
    const saved = await elin.api('PUT', `/api/services/drafts/${draft.body.id}`, {
      json: { data: { childId: oskar.id }, step: 'wishes' },
    });
    expect(saved.status).toBe(200);
    const listed = await elin.api<{ items: { id: string; step: string }[] }>('GET', '/api/services/drafts');
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: draft.body.id, step: 'wishes' }));

    const missing = await elin.api<{ errors: { path: string }[] }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/submit`,
      {
        json: { idempotencyKey: crypto.randomUUID(), data: { ...validApplication(), preschools: [] } },
      },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error) => error.path)).toContain('body.data.preschools');

    const notMine = await elin.api<{ errors: { path: string }[] }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/submit`,
      {
        json: { idempotencyKey: crypto.randomUUID(), data: { ...validApplication(), childId: stranger.id } },
      },
    );
    expect(notMine.status).toBe(400);
    expect(notMine.body.errors.map((error) => error.path)).toContain('body.data.childId');

    const key = crypto.randomUUID();
    const first = await elin.api<{ caseId: string; registrationNumber: string }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/submit`,
      { json: { idempotencyKey: key, data: validApplication() } },
    );
    expect(first.status).toBe(201);
    expect(first.body.registrationNumber).toMatch(/^BUN \d{4}\/\d+$/);
    const retry = await elin.api<{ caseId: string; registrationNumber: string }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/submit`,
      { json: { idempotencyKey: key, data: validApplication() } },
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      caseId: first.body.caseId,
      registrationNumber: first.body.registrationNumber,
    });
  });

  it('makes one case of one draft, even when it is submitted twice at once under two keys', async () => {
    const draft = await elin.api<{ id: string }>('POST', '/api/services/drafts', {
      json: { slug: 'forskoleplats' },
    });
    const submit = () =>
      elin.api<{ caseId: string; type: string }>('POST', `/api/services/drafts/${draft.body.id}/submit`, {
        json: { idempotencyKey: crypto.randomUUID(), data: validApplication() },
      });
    const answers = await Promise.all([submit(), submit()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 404]);
    expect(answers.find((answer) => answer.status === 404)?.body.type).toBe(
      'urn:karna:error:draft_not_found',
    );
  });

  it('lets the unit officer handle and decide it, and the guardian follow it to the decision PDF', async () => {
    const draft = await elin.api<{ id: string }>('POST', '/api/services/drafts', {
      json: { slug: 'forskoleplats' },
    });
    const submitted = await elin.api<{ caseId: string }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/submit`,
      {
        json: { idempotencyKey: crypto.randomUUID(), data: validApplication() },
      },
    );
    const caseId = submitted.body.caseId;
    await runJobs();

    const inbox = await officer.api<{ items: { id: string }[] }>('GET', '/api/cases/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((item) => item.id)).toContain(caseId);

    const view = await officer.api<{
      process: { tasks: { id: string; elementId: string; status: string }[] };
    }>('GET', `/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    const placement = view.body.process.tasks.find((task) => task.elementId === 'placement');
    expect(placement?.status).toBe('open');

    const incomplete = await officer.api('POST', `/api/cases/${caseId}/tasks/${placement?.id}/complete`, {
      json: { data: { queueDateSet: true } },
    });
    expect(incomplete.status).toBe(400);
    const done = await officer.api<{ process: { tasks: { kind: string; status: string }[] } }>(
      'POST',
      `/api/cases/${caseId}/tasks/${placement?.id}/complete`,
      { json: { data: { queueDateSet: true, choicesInOrder: true, priorityRulesApplied: true } } },
    );
    expect(done.status).toBe(200);
    expect(done.body.process.tasks).toContainEqual(
      expect.objectContaining({ kind: 'decision', status: 'open' }),
    );

    const decided = await officer.api<{ decision: { outcome: string; documentId: string } }>(
      'POST',
      `/api/cases/${caseId}/decision`,
      { json: { outcome: 'offered', justification: 'Plats finns på Solrosens förskola från önskat datum.' } },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.decision.outcome).toBe('offered');

    // The person overview names the open case of the child it concerns (registry extension point).
    const overview = await officer.api<{ openCases: { id: string; reference: string }[] }>(
      'GET',
      `/api/registry/persons/${oskar.id}?purpose=caseHandling`,
    );
    expect(overview.body.openCases.map((open) => open.id)).toContain(caseId);
    const leadTimes = await officer.api<{
      items: { serviceSlug: string; decided: number; medianWorkingDays: number }[];
    }>('GET', '/api/cases/lead-times');
    expect(leadTimes.body.items).toContainEqual(
      expect.objectContaining({ serviceSlug: 'forskoleplats', decided: 1, medianWorkingDays: 0 }),
    );

    const mine = await elin.api<{
      decision: { outcome: string; documentId: string };
      documents: { id: string; kind: string }[];
    }>('GET', `/api/me/cases/${caseId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.decision.outcome).toBe('offered');
    expect(mine.body.documents.map((document) => document.kind)).toEqual(
      expect.arrayContaining(['receipt', 'decision']),
    );
    const pdf = await elin.api<string>(
      'GET',
      `/api/me/cases/${caseId}/documents/${mine.body.decision.documentId}`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it('shows a case to nobody else: another citizen, an officer of another unit', async () => {
    const draft = await elin.api<{ id: string }>('POST', '/api/services/drafts', {
      json: { slug: 'forskoleplats' },
    });
    const submitted = await elin.api<{ caseId: string }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/submit`,
      {
        json: { idempotencyKey: crypto.randomUUID(), data: validApplication() },
      },
    );
    const caseId = submitted.body.caseId;
    const johan = server.browser();
    await johan.loginAsCitizen(johanNumber);
    expect((await johan.api('GET', `/api/me/cases/${caseId}`)).status).toBe(404);
    expect((await johan.api('GET', `/api/services/drafts/${draft.body.id}`)).status).toBe(404);
    const other = server.browser();
    await other.loginAsStaff(anna);
    expect((await other.api('GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await other.api('POST', `/api/cases/${caseId}/notes`, { json: { text: 'x' } })).status).toBe(404);
  });

  /** A request for official documents (begäran om allmän handling): the KS series. */
  const documentRequest = {
    documents: 'Protokollet från kommunstyrelsens sammanträde den 11 mars 2026.',
    authority: 'ks',
    delivery: 'pickUp',
  };

  it('numbers 200 concurrent submissions without gaps or repeats, per series, retries answered with their case', async () => {
    const count = 200;
    const otherSeries = 30;
    const newDraft = (slug: string) =>
      elin.api<{ id: string }>('POST', '/api/services/drafts', { json: { slug } });
    const [drafts, requests] = await Promise.all([
      Promise.all(Array.from({ length: count }, () => newDraft('forskoleplats'))),
      Promise.all(Array.from({ length: otherSeries }, () => newDraft('allman-handling'))),
    ]);
    const submit = (draftId: string, idempotencyKey: string, data: Record<string, unknown>) =>
      elin.api<{ caseId: string; registrationNumber: string }>(
        'POST',
        `/api/services/drafts/${draftId}/submit`,
        { json: { idempotencyKey, data } },
      );
    const keys = drafts.map(() => crypto.randomUUID());
    // Every tenth submission is sent twice at once, as a client that retries too early would.
    const [results, retries, others] = await Promise.all([
      Promise.all(drafts.map((draft, index) => submit(draft.body.id, keys[index] ?? '', validApplication()))),
      Promise.all(
        drafts
          .filter((_, index) => index % 10 === 0)
          .map((draft, index) => submit(draft.body.id, keys[index * 10] ?? '', validApplication())),
      ),
      Promise.all(requests.map((draft) => submit(draft.body.id, crypto.randomUUID(), documentRequest))),
    ]);
    const runningNumbers = (answers: typeof results) =>
      answers.map((answer) => Number(answer.body.registrationNumber.split('/')[1])).sort((a, b) => a - b);
    const gapless = (numbers: number[]) =>
      Array.from({ length: numbers.length }, (_, index) => (numbers[0] ?? 0) + index);

    // Of each pair, one made the case (201) and the other was answered with it (200).
    const pairs = retries.map((retry, index) => [results[index * 10], retry] as const);
    for (const [first, second] of pairs) {
      expect([first?.status, second.status].sort()).toEqual([200, 201]);
      expect(second.body.caseId).toBe(first?.body.caseId);
    }
    const made = [...results, ...retries].filter((result) => result.status === 201);
    expect(made).toHaveLength(count);
    expect(runningNumbers(made)).toEqual(gapless(runningNumbers(made)));
    expect(others.every((answer) => answer.status === 201)).toBe(true);
    expect(others.every((answer) => answer.body.registrationNumber.startsWith('KS '))).toBe(true);
    expect(runningNumbers(others)).toEqual(gapless(runningNumbers(others)));

    // The inbox pages through them all by keyset, each case once, in the order asked for.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = `/api/cases/inbox?sort=registrationNumber&limit=100${after ? `&after=${after}` : ''}`;
      const page = await officer.api<{
        items: { id: string; registrationNumber: string }[];
        next: string | null;
      }>('GET', query);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item) => item.registrationNumber));
      after = page.body.next;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(made.map((result) => result.body.registrationNumber)));
    expect(seen).toEqual([...seen].sort());
    const mine = await officer.api<{ items: unknown[] }>('GET', '/api/cases/inbox?assigned=me');
    expect(mine.body.items).toEqual([]);
  }, 240_000);

  it('lists the cases past their promise and those close to it, in working days', async () => {
    const submitted = await Promise.all(
      [0, 1, 2].map(async () => {
        const draft = await elin.api<{ id: string }>('POST', '/api/services/drafts', {
          json: { slug: 'forskoleplats' },
        });
        const answer = await elin.api<{ caseId: string }>(
          'POST',
          `/api/services/drafts/${draft.body.id}/submit`,
          {
            json: { idempotencyKey: crypto.randomUUID(), data: validApplication() },
          },
        );
        return answer.body.caseId;
      }),
    );
    const [late, soon, calm] = submitted as [string, string, string];
    const today = swedishDate();
    const dueDates = new Map([
      [late, new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10)],
      [soon, addWorkingDays(today, 2)],
      [calm, addWorkingDays(today, 10)],
    ]);
    for (const [id, due] of dueDates) {
      await sql`update cases set due_date = ${due}::date where id = ${id}`.execute(server.database.db);
    }
    // Every other case of the suite is due later than these three.
    await sql`update cases set due_date = ${addWorkingDays(today, 15)}::date where id not in (${sql.join(submitted)})`.execute(
      server.database.db,
    );
    const list = async (filter: string) =>
      (
        await officer.api<{ items: { id: string; overdue: boolean; atRisk: boolean }[] }>(
          'GET',
          `/api/cases/inbox?${filter}&limit=100`,
        )
      ).body.items;
    expect((await list('overdue=true')).map((item) => item.id)).toEqual([late]);
    expect((await list('atRisk=true')).map((item) => item.id)).toEqual([soon]);
    const flags = (await list('sort=dueDate')).filter((item) => submitted.includes(item.id));
    expect(flags.map(({ id, overdue, atRisk }) => ({ id, overdue, atRisk }))).toEqual([
      { id: late, overdue: true, atRisk: false },
      { id: soon, overdue: false, atRisk: true },
      { id: calm, overdue: false, atRisk: false },
    ]);
    const refused = await officer.api('GET', '/api/cases/inbox?atRisk=yes');
    expect(refused.status).toBe(400);
  });
});
