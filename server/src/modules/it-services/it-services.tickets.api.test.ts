import type { Service, Ticket, TicketSummary } from '@karna/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import { JobRunner } from '../../platform/jobs/index.ts';
import { MAIL_JOB } from '../../platform/mail/index.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

describe.each(testBackends)('support tickets on %s', (backend) => {
  let server: TestServer;
  let ivar: ApiBrowser; // the service desk (IT department)
  let anna: ApiBrowser; // reports a problem
  let karin: ApiBrowser; // another member of staff
  let citizen: ApiBrowser;
  let services: Service[];

  const report = (browser: ApiBrowser, changes: Record<string, unknown> = {}) =>
    browser.api<Ticket & { code?: string }>('POST', '/api/it-services/tickets', {
      json: {
        serviceId: null,
        systemId: null,
        summary: 'Skrivaren på plan 3 skriver inte ut',
        description: 'Det kommer bara tomma papper.',
        impact: 'medium',
        urgency: 'medium',
        ...changes,
      },
    });
  const sendMail = async () => {
    const runner = new JobRunner({ db: server.database.db, handlers: { [MAIL_JOB]: server.mailer.handler } });
    await runner.runDue();
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    [ivar, anna, karin, citizen] = [server.browser(), server.browser(), server.browser(), server.browser()];
    await ivar.loginAsStaff(staff('Ivar'));
    await anna.loginAsStaff(staff('Anna'));
    await karin.loginAsStaff(staff('Karin'));
    await citizen.loginAsCitizen(demoCitizens[0]?.personalNumber ?? '');
    services = (await anna.api<{ items: Service[] }>('GET', '/api/it-services/services')).body.items;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('takes a report with priority from impact × urgency and deadlines from the service level, and mails a receipt', async () => {
    const ticket = await report(anna, { impact: 'high', urgency: 'high' });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    expect(ticket.body).toMatchObject({
      priority: 1,
      line: 1,
      status: 'new',
      tier: 'bronze',
      reporter: 'Anna Svensson',
    });
    expect(ticket.body.number).toMatch(/^IN-\d{4}-\d{5}$/);
    expect(Date.parse(ticket.body.fixDueAt)).toBeGreaterThan(Date.parse(ticket.body.responseDueAt));
    await sendMail();
    const receipt = server.mailer.catcher?.caught.find((mail) => mail.subject.includes(ticket.body.number));
    expect(receipt).toMatchObject({ to: ['anna.svensson@molnal.example'] });
    expect(receipt?.text).toContain('Prioritet 1');

    // Support for a gold system follows the system's tier (N3), around the clock.
    const finance = services.find((service) => service.name === 'Support för ekonomisystemet');
    const gold = await report(anna, { serviceId: finance?.id, impact: 'high', urgency: 'high' });
    expect(gold.body.tier).toBe(finance?.serviceLevel?.tier);

    const both = await report(anna, { serviceId: finance?.id, systemId: crypto.randomUUID() });
    expect(both.status).toBe(400);
    const unknown = await report(anna, { systemId: crypto.randomUUID() });
    expect(unknown.body.code).toBe('service_system_unknown');
  });

  it('shows a reporter only their own tickets, and the desk all of them', async () => {
    const own = await report(karin, { summary: 'Karins dator startar inte' });
    const annas = await anna.api<{ items: TicketSummary[] }>('GET', '/api/it-services/tickets');
    expect(annas.body.items.every((ticket) => ticket.reporter === 'Anna Svensson')).toBe(true);
    expect((await anna.api('GET', `/api/it-services/tickets/${own.body.id}`)).status).toBe(404);
    const desk = await ivar.api<{ items: TicketSummary[] }>('GET', '/api/it-services/tickets?status=new');
    expect(desk.body.items.map((ticket) => ticket.id)).toContain(own.body.id);
    expect((await citizen.api('GET', '/api/it-services/tickets')).status).toBe(403);
    expect((await anna.api('POST', `/api/it-services/tickets/${own.body.id}/take`)).status).toBe(403);
  });

  it('is taken, escalated and resolved by the lines; internal notes stay inside; an answer reopens it', async () => {
    const ticket = await report(anna);
    const taken = await ivar.api<Ticket>('POST', `/api/it-services/tickets/${ticket.body.id}/take`);
    expect(taken.body).toMatchObject({ status: 'inProgress', assignee: 'Ivar Nilsson' });
    expect(taken.body.respondedAt).not.toBeNull();
    const escalated = await ivar.api<Ticket>('POST', `/api/it-services/tickets/${ticket.body.id}/escalate`, {
      json: { line: 3, note: 'Felanmält till leverantören.' },
    });
    expect(escalated.body).toMatchObject({ line: 3, assignee: null });
    const same = await ivar.api<{ code: string }>(
      'POST',
      `/api/it-services/tickets/${ticket.body.id}/escalate`,
      {
        json: { line: 3, note: 'Igen.' },
      },
    );
    expect(same.body.code).toBe('ticket_already_on_line');
    await ivar.api('POST', `/api/it-services/tickets/${ticket.body.id}/comments`, {
      json: { text: 'Leverantörens ärendenummer 4711.', internal: true },
    });
    expect(
      (
        await anna.api('POST', `/api/it-services/tickets/${ticket.body.id}/comments`, {
          json: { text: 'Hemligt', internal: true },
        })
      ).status,
    ).toBe(403);
    const seenByAnna = await anna.api<Ticket>('GET', `/api/it-services/tickets/${ticket.body.id}`);
    expect(seenByAnna.body.events.map((event) => event.kind)).toEqual(['reported', 'taken', 'escalated']);

    const resolved = await ivar.api<Ticket>('POST', `/api/it-services/tickets/${ticket.body.id}/resolve`, {
      json: { resolution: 'Bytt trumma i skrivaren.' },
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: 'Bytt trumma i skrivaren.',
      canHandle: false,
    });
    await sendMail();
    expect(
      server.mailer.catcher?.caught.some((mail) => mail.subject === `${ticket.body.number} är åtgärdat`),
    ).toBe(true);
    const again = await ivar.api<{ code: string }>(
      'POST',
      `/api/it-services/tickets/${ticket.body.id}/resolve`,
      {
        json: { resolution: 'Igen.' },
      },
    );
    expect(again.body.code).toBe('ticket_resolved');

    const answer = await anna.api<Ticket>('POST', `/api/it-services/tickets/${ticket.body.id}/comments`, {
      json: { text: 'Det skriver fortfarande tomma papper.' },
    });
    expect(answer.body).toMatchObject({ status: 'inProgress', resolvedAt: null });
    expect(answer.body.events.at(-1)).toMatchObject({ kind: 'reopened', by: 'Anna Svensson' });
  });

  it('lists breaches and reports how the levels were kept', async () => {
    const ticket = await report(anna, { summary: 'Försenat ärende' });
    // Turn the clock back on this ticket: reported a week ago with deadlines long past.
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    await server.database.db
      .withTables<{
        it_tickets: { id: string; reported_at: Date; response_due_at: Date; fix_due_at: Date };
      }>()
      .updateTable('it_tickets')
      .set({
        reported_at: weekAgo,
        response_due_at: new Date(weekAgo.getTime() + 3_600_000),
        fix_due_at: new Date(weekAgo.getTime() + 7_200_000),
      })
      .where('id', '=', ticket.body.id)
      .execute();
    const breached = await ivar.api<{ items: TicketSummary[] }>(
      'GET',
      '/api/it-services/tickets?breached=fix',
    );
    expect(breached.body.items.map((item) => item.id)).toContain(ticket.body.id);
    expect(breached.body.items.find((item) => item.id === ticket.body.id)).toMatchObject({
      fixBreached: true,
      responseBreached: true,
    });
    const onTime = await ivar.api<{ items: TicketSummary[] }>(
      'GET',
      '/api/it-services/tickets?breached=response',
    );
    expect(onTime.body.items.every((item) => item.responseBreached)).toBe(true);

    const year = weekAgo.getUTCFullYear();
    const report2 = await ivar.api<{
      tiers: { tier: string; tickets: number; responseRate: number | null }[];
    }>('GET', `/api/it-services/sla-report?year=${year}`);
    expect(report2.body.tiers.map((tier) => tier.tier)).toEqual(['gold', 'silver', 'bronze', 'copper']);
    expect(report2.body.tiers.find((tier) => tier.tier === 'bronze')?.tickets).toBeGreaterThanOrEqual(1);
    expect((await anna.api('GET', `/api/it-services/sla-report?year=${year}`)).status).toBe(403);
  });
});
