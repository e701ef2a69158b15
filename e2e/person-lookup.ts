import { expect, type Page } from '@playwright/test';

/** The officer's part of the journeys: open the person search from the menu. */
export async function openPersonSearch(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök person' })).toBeVisible();
}

/** Give the purpose of a lookup: one of the purposes, and a case number or explanation. */
export async function givePurpose(page: Page, purpose: string, text?: string): Promise<void> {
  await page.getByRole('radio', { name: purpose }).check();
  if (text !== undefined) {
    await page.getByRole('textbox', { name: 'Ärendenummer eller förklaring' }).fill(text);
  }
}

/** Search by personal number (the purpose given first) and wait for the answer. */
export async function searchByPersonalNumber(page: Page, personalNumber: string): Promise<void> {
  await page.getByRole('radio', { name: 'Personnummer' }).check();
  await page.getByRole('textbox', { name: 'Personnummer' }).fill(personalNumber);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sökresultat' })).toBeVisible();
}
