import { expect, test } from '@playwright/test';
import {
  expectNoAccessibilityViolations,
  expectNoHorizontalScroll,
  expectPageWellFormed,
} from './accessibility.ts';

test('a citizen logs in with e-legitimation, sees Mina sidor and logs out', async ({ page }) => {
  // Four pages checked, the start page with the whole e-service catalog: more than half a minute.
  test.setTimeout(60_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Mölnåls stads e-tjänster' })).toBeVisible();
  await expectPageWellFormed(page, 'the start page');

  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med e-legitimation' })).toBeVisible();
  await expect(page.getByText('Testinloggning')).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the test e-legitimation page');
  await expectNoHorizontalScroll(page);

  await page.getByRole('radio', { name: /Elin Lindqvist/ }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();

  await expect(page).toHaveURL(/\/mina-sidor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina sidor' })).toBeVisible();
  await expect(page.getByText('Välkommen, Elin Lindqvist')).toBeVisible();
  await expect(page.getByText('19850101-****')).toBeVisible();
  // Her cases (none, or those of the e-services journeys about her child) are a link away.
  await expect(
    page.getByRole('region', { name: 'Mina ärenden' }).getByRole('link', { name: 'Mina ärenden' }),
  ).toBeVisible();
  await expect(page.getByText('198501012382')).toHaveCount(0);
  const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(navigation.getByRole('link', { name: 'Mina sidor' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await expectPageWellFormed(page, 'Mina sidor');

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByText('Du är utloggad. Välkommen tillbaka!')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Logga in med e-legitimation' })).toBeVisible();

  await page.goto('/mina-sidor');
  await expect(page.getByText('Du behöver logga in för att se den här sidan.')).toBeVisible();
});

test('a citizen who cancels the login is told so neutrally, with the way back in', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page).toHaveURL(/loginError=login_cancelled/);
  // Cancelling was the person's own choice: information, not an error.
  await expect(page.getByRole('status').filter({ hasText: 'Du avbröt inloggningen.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Logga in med e-legitimation' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Logga in som medarbetare' })).toBeVisible();
  await expectPageWellFormed(page, 'the start page after a cancelled login');
});

test('a login that fails for another reason is told as an error', async ({ page }) => {
  await page.goto('/?loginError=login_expired');
  await expect(page.getByRole('alert')).toContainText('Inloggningen tog för lång tid. Börja om.');
  await expectNoAccessibilityViolations(page, 'the start page after a failed login');
});

test('a citizen cannot open the staff pages', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await page.getByRole('radio', { name: /Johan Berg/ }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/mina-sidor$/);
  await page.goto('/admin');
  await expect(page.getByText('Du har inte behörighet att se den här sidan.')).toBeVisible();
  await page.goto('/handlaggning');
  await expect(page.getByText('Du har inte behörighet att se den här sidan.')).toBeVisible();
});
