import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsCitizen, logInAsStaff, logOut } from './login.ts';

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

test('an unknown page says so, and so does its HTTP status', async ({ page }) => {
  const unknown = await page.goto('/finns-inte');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expectPageWellFormed(page, 'the not-found page');
  await page.getByRole('link', { name: 'Till startsidan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mölnåls stads e-tjänster' })).toBeVisible();

  for (const known of [
    '/',
    '/mina-sidor',
    '/handlaggning',
    '/admin',
    '/tillganglighet',
    '/personuppgifter',
  ]) {
    expect((await page.goto(known))?.status(), known).toBe(200);
  }
});

test('the footer gives the contact details and leads to the accessibility statement and the personal data page', async ({
  page,
}) => {
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('heading', { name: 'Kontakta Mölnåls stad' })).toBeVisible();
  await expect(footer.getByRole('link', { name: '031-390 06 00' })).toHaveAttribute(
    'href',
    'tel:+46313900600',
  );
  await expect(footer.getByRole('link', { name: 'kontaktcenter@molnal.example' })).toHaveAttribute(
    'href',
    'mailto:kontaktcenter@molnal.example',
  );
  await expect(footer).toContainText('Öppettider: Måndag–torsdag 8–17, fredag 8–16');

  await footer.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tillgänglighet för Mölnåls stads e-tjänster' }),
  ).toBeVisible();
  for (const heading of [
    'Hur tillgängliga är e-tjänsterna?',
    'Vad kan du göra om du inte kan använda delar av e-tjänsterna?',
    'Rapportera brister i e-tjänsternas tillgänglighet',
    'Kontakta tillsynsmyndigheten',
    'Teknisk information om e-tjänsternas tillgänglighet',
    'Innehåll som inte är tillgängligt',
    'Hur vi testat e-tjänsterna',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' })).toHaveAttribute(
    'href',
    'https://www.digg.se/tdosanmalan',
  );
  await expect(
    page.getByRole('link', { name: 'Skriv till oss om brister i tillgängligheten' }),
  ).toHaveAttribute('href', /^mailto:tillganglighet@molnal\.example\?subject=/);
  await expect(page.getByText('Senaste bedömningen gjordes den 23 november 2026.')).toBeVisible();
  await expectPageWellFormed(page, 'the accessibility statement');

  await footer.getByRole('link', { name: 'Så behandlar vi personuppgifter' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Så behandlar vi dina personuppgifter' }),
  ).toBeVisible();
  for (const heading of [
    'Vem ansvarar för dina uppgifter?',
    'Dataskyddsombud',
    'Vilka uppgifter behandlar vi?',
    'Varför behandlar vi uppgifterna, och med vilket stöd?',
    'Vem får ta del av uppgifterna?',
    'Hur länge sparar vi uppgifterna?',
    'Dina rättigheter',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'dataskyddsombud@molnal.example' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Integritetsskyddsmyndighetens webbplats' })).toHaveAttribute(
    'href',
    'https://www.imy.se/',
  );
  await expectPageWellFormed(page, 'the personal data page');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'How we process your personal data' }),
  ).toBeVisible();
  await expectPageWellFormed(page, 'the personal data page in English');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Accessibility of the City of Mölnål e-services' }),
  ).toBeVisible();
  await expectPageWellFormed(page, 'the accessibility statement in English');
  await page.getByRole('button', { name: 'Svenska' }).click();
});

test('at double text size no text spills out of its box on the journeys’ pages', async ({
  page,
}, testInfo) => {
  // Every journey checks its pages at 320 px (the phone project) with the text at its normal size.
  // 320 px and double text together need the browser's Swedish hyphenation for the longest words,
  // which Debian's Chromium does not have (see the accessibility statement); so this runs wide.
  test.skip(testInfo.project.name === 'phone', 'checked at normal text size on the phone');
  // Eight pages checked, the start page with the whole e-service catalog: more than half a minute.
  test.setTimeout(90_000);
  await page.goto('/');
  for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Större text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Textstorlek: 200 %' })).toBeAttached();

  const pages: [string, string][] = [
    ['/', 'Mölnåls stads e-tjänster'],
    ['/tillganglighet', 'Tillgänglighet för Mölnåls stads e-tjänster'],
    ['/personuppgifter', 'Så behandlar vi dina personuppgifter'],
    ['/finns-inte', 'Sidan finns inte'],
  ];
  for (const [path, title] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectPageWellFormed(page, `${path} at 200 %`);
  }

  await logInAsCitizen(page, 'Elin Lindqvist');
  await expect(page.getByText('Välkommen, Elin Lindqvist')).toBeVisible();
  await expectPageWellFormed(page, 'Mina sidor at 200 %');
  await logOut(page);

  await logInAsStaff(page, 'Ada Holm');
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible();
  await expectPageWellFormed(page, 'the staff start page at 200 %');
  await page.goto('/admin');
  await expect(page.getByText('Stadsbyggnadsförvaltningen').first()).toBeVisible();
  await expectPageWellFormed(page, 'the administration page at 200 %');
  await page.getByRole('button', { name: 'Lägg till behörighet för Nils Berg' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
  await expectPageWellFormed(page, 'the grant role dialog with errors at 200 %');
  await page.keyboard.press('Escape');
  await logOut(page);
  await page.getByRole('button', { name: 'Återställ' }).click();
});
