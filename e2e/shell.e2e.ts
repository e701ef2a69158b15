import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility.ts';

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

/** On a phone the text size controls sit behind a "Textstorlek" button. */
async function openTextSizeControls(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Textstorlek', exact: true });
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true')
    await toggle.click();
}

test('the text size can be raised and stays after a reload', async ({ page }) => {
  await page.goto('/');
  const rootSize = () =>
    page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await rootSize();
  await openTextSizeControls(page);
  await page.getByRole('button', { name: 'Större text' }).click();
  await page.getByRole('button', { name: 'Större text' }).click();
  await expect.poll(rootSize).toBeGreaterThan(before);
  const raised = await rootSize();
  await page.reload();
  await expect.poll(rootSize).toBe(raised);
  await expectNoAccessibilityViolations(page, 'the start page with larger text');
  await openTextSizeControls(page);
  await page.getByRole('button', { name: 'Återställ' }).click();
  await expect.poll(rootSize).toBe(before);
});

test('the interface switches to English and stays English', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: /log in/i }).first()).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAccessibilityViolations(page, 'the start page in English');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('an unknown page says so', async ({ page }) => {
  await page.goto('/finns-inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the not-found page');
});
