import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** A case as the submit answered it. */
export interface Submitted {
  caseId: string;
  registrationNumber: string;
}

/** The logged-in browser's CSRF header, for API calls made with its session. */
async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const session = await (await page.request.get('/api/session')).json();
  return { 'x-csrf-token': session.csrfToken as string };
}

/**
 * Submits a preschool application for Oskar through the API with the guardian's logged-in browser
 * (Elin Lindqvist: her session cookie and CSRF token), so that a case-handling journey does not
 * depend on the citizen form's UI (e-services.e2e.ts walks that form).
 */
export async function applyForPreschool(page: Page): Promise<Submitted> {
  const headers = await csrfHeaders(page);
  const prefill = await page.request.get('/api/services/prefill');
  expect(prefill.ok()).toBe(true);
  const { children } = (await prefill.json()) as { children: { id: string; givenName: string }[] };
  const child = children.find((candidate) => candidate.givenName === 'Oskar');
  expect(child, 'Oskar is in Elin’s custody').toBeDefined();

  const draft = await page.request.post('/api/services/drafts', { headers, data: { slug: 'forskoleplats' } });
  expect(draft.status()).toBe(201);
  const { id } = (await draft.json()) as { id: string };
  const submit = await page.request.post(`/api/services/drafts/${id}/submit`, {
    headers,
    data: {
      idempotencyKey: randomUUID(),
      data: {
        childId: child?.id,
        preschools: ['solrosen', 'ekbacken'],
        startDate: '2027-08-16',
        reason: 'work',
        hoursPerWeek: 40,
        email: 'elin@example.org',
      },
    },
  });
  expect(submit.status()).toBe(201);
  return (await submit.json()) as Submitted;
}
