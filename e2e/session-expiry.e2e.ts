import { type BrowserContextOptions, expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility.ts';
import { chooseStaffAccount, logInAsCitizen, logInAsStaff, logOut } from './login.ts';

// Runs only in the project `session-expiry`, against a server whose sessions end after one minute
// without use (KARNA_SESSION_IDLE_MINUTES=1): real time, real server expiry, nothing faked. With a
// session that short the warning comes halfway, after about 30 seconds. The two people below are
// in separate browsers at the same time, so the whole journey takes about a minute and a half.

const WAIT = { timeout: 50_000 };

async function letTheSessionRunOut(page: Page): Promise<void> {
  await logInAsStaff(page, 'Anna Svensson');
  const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
  await expect(warning).toBeVisible(WAIT);
  await expect(warning.getByRole('button', { name: 'Fortsätt vara inloggad' })).toBeFocused();
  await expectNoAccessibilityViolations(page, 'the session warning');

  // Nobody answers: the session ends, and the page says why.
  const notice = page.getByRole('alert').filter({ hasText: 'Du har loggats ut' });
  await expect(notice).toBeVisible(WAIT);
  await expect(notice).toContainText(
    'Du har loggats ut eftersom du inte har använt e-tjänsterna på en stund.',
  );
  await expect(warning).toHaveCount(0);
  await expect(notice).toBeFocused();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
  await expectNoAccessibilityViolations(page, 'the page after the session ran out');
  // The server agrees: the session is gone (asking now cannot renew it).
  expect(await (await page.request.get('/api/session')).json()).toEqual({ authenticated: false });

  await notice.getByRole('link', { name: 'Logga in igen' }).click();
  await chooseStaffAccount(page, 'Anna Svensson');
  await expect(page).toHaveURL(/\/handlaggning$/);
  await expect(page.getByText('Hej, Anna Svensson!')).toBeVisible();
  await expect(notice).toHaveCount(0);
}

async function stayLoggedIn(page: Page): Promise<void> {
  await logInAsCitizen(page, 'Elin Lindqvist');
  const loggedInAt = Date.now();
  const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
  await expect(warning).toBeVisible(WAIT);
  await warning.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
  await expect(warning).toHaveCount(0);

  // Past the minute the session had at login: the server has really extended it.
  await page.waitForTimeout(Math.max(0, loggedInAt + 62_000 - Date.now()));
  await page.reload();
  await expect(page.getByText('Välkommen, Elin Lindqvist')).toBeVisible();
  await logOut(page);
}

test('an idle session really ends, and staying logged in really extends it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const { baseURL, locale, timezoneId } = testInfo.project.use;
  const options: BrowserContextOptions = { baseURL, locale, timezoneId };
  const [staff, citizen] = await Promise.all([browser.newContext(options), browser.newContext(options)]);
  try {
    await Promise.all([letTheSessionRunOut(await staff.newPage()), stayLoggedIn(await citizen.newPage())]);
  } finally {
    await Promise.all([staff.close(), citizen.close()]);
  }
});
