import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../seeds/demo-municipality.ts';
import { runCaseJobs } from '../../../test/case-fixtures.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

/** The smallest PDF file-type recognises: enough to stand for a scanned invoice. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface View {
  status: { code: string };
  decision: { outcome: string } | null;
  process: { tasks: { id: string; elementId: string; status: string; needsAnotherPerson: boolean }[] };
}

// C7: supplier-invoice approval runs on the same engine; the attestreglemente wants the review
// (granskningsattest) and the approval (beslutsattest) made by two different people.
describe.each(testBackends)('supplier invoice approval on %s', (backend) => {
  let server: TestServer;
  let leila: ApiBrowser;
  let per: ApiBrowser;

  const runJobs = () => runCaseJobs(server);

  /** Leila registers an invoice that matches no order, so it goes to review and approval. */
  const registerInvoice = async () => {
    const draft = await leila.api<{ id: string }>('POST', '/api/services/drafts', {
      json: { slug: 'leverantorsfaktura' },
    });
    expect(draft.status).toBe(201);
    const file = await leila.api<{ id: string }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/attachments?field=invoiceFile&fileName=faktura.pdf`,
      { raw: { body: PDF, contentType: 'application/octet-stream' } },
    );
    expect(file.status).toBe(201);
    const submitted = await leila.api<{ caseId: string }>(
      'POST',
      `/api/services/drafts/${draft.body.id}/submit`,
      {
        json: {
          idempotencyKey: crypto.randomUUID(),
          data: {
            supplierName: 'Kontorsvaruhuset i Mölnål AB',
            supplierOrgNumber: '556123-4567',
            invoiceNumber: `F-${Date.now()}`,
            invoiceDate: '2026-03-02',
            dueDate: '2026-04-01',
            amount: 12487.5,
            vatAmount: 2497.5,
            costCentre: '2100',
            agreement: 'officeSupplies',
            orderMatch: 'notMatched',
            invoiceFile: [file.body.id],
          },
        },
      },
    );
    expect(submitted.status).toBe(201);
    await runJobs();
    return submitted.body.caseId;
  };

  const openTask = (view: View, elementId: string) =>
    view.process.tasks.find((task) => task.elementId === elementId && task.status === 'open');

  beforeAll(async () => {
    server = await startTestServer(backend);
    leila = server.browser();
    await leila.loginAsStaff(staff('Leila'));
    per = server.browser();
    await per.loginAsStaff(staff('Per'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses the approval to the person who reviewed the invoice, and takes it from a colleague', async () => {
    const caseId = await registerInvoice();
    const registered = await leila.api<View>('GET', `/api/cases/${caseId}`);
    const review = openTask(registered.body, 'review');
    expect(review).toBeDefined();
    const reviewed = await leila.api<View>('POST', `/api/cases/${caseId}/tasks/${review?.id}/complete`, {
      json: { data: { deliveryReceived: true, priceCorrect: true, account: '6110', codingCorrect: true } },
    });
    expect(reviewed.status).toBe(200);
    // The case view tells the reviewer before they try, and the colleague sees the task as theirs.
    expect(openTask(reviewed.body, 'approve')?.needsAnotherPerson).toBe(true);
    const seenByPer = await per.api<View>('GET', `/api/cases/${caseId}`);
    expect(openTask(seenByPer.body, 'approve')?.needsAnotherPerson).toBe(false);

    const approval = { outcome: 'approved', justification: 'Granskad och i enlighet med avtalet.' };
    const byReviewer = await leila.api<{ code: string }>('POST', `/api/cases/${caseId}/decision`, {
      json: approval,
    });
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.headers.get('content-type')).toContain('application/problem+json');
    expect(byReviewer.body.code).toBe('task_needs_another_person');
    // Nothing of the refused decision was written.
    const unchanged = await per.api<View>('GET', `/api/cases/${caseId}`);
    expect(unchanged.body.decision).toBeNull();
    expect(openTask(unchanged.body, 'approve')).toBeDefined();

    const byColleague = await per.api<View>('POST', `/api/cases/${caseId}/decision`, { json: approval });
    expect(byColleague.status).toBe(200);
    expect(byColleague.body.decision?.outcome).toBe('approved');
  });

  it('lets the person who registered the invoice review it, and a colleague approve it', async () => {
    // The rule names the review only: registering an invoice is not one of its attests.
    const caseId = await registerInvoice();
    const registered = await per.api<View>('GET', `/api/cases/${caseId}`);
    const review = openTask(registered.body, 'review');
    const reviewed = await per.api<View>('POST', `/api/cases/${caseId}/tasks/${review?.id}/complete`, {
      json: { data: { deliveryReceived: true, priceCorrect: true, account: '6110', codingCorrect: true } },
    });
    expect(reviewed.status).toBe(200);
    const approved = await leila.api<View>('POST', `/api/cases/${caseId}/decision`, {
      json: { outcome: 'approved', justification: 'Beslutsattesterad.' },
    });
    expect(approved.status).toBe(200);
  });
});
