import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { chooseStaffAccount, logInAsStaff } from './login.ts';

// The journeys' server keeps an idle session for 30 minutes. Here the browser's clock is moved on
// to the warning (two minutes before the end); every answer — extending, logging out — comes from
// the real server. session-expiry.e2e.ts lets a real one-minute session run out.

/**
 * Waits until the start page has had every answer it asked for. An answer renews the session and
 * tells the page its new end, counted from the browser's clock at arrival: one that arrives after
 * the clock has been moved on would put the end 30 minutes past the moved clock, and no warning
 * would come. On a busy server the task list can still be on its way when the greeting shows.
 */
async function waitForAnswers(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Mina uppgifter' })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('before the session ends a warning offers to stay logged in or to log out', async ({ page }) => {
  await page.clock.install();
  await logInAsStaff(page, 'Anna Svensson');
  await expect(page.getByText('Hej, Anna Svensson!')).toBeVisible();
  await waitForAnswers(page);

  const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
  const stay = warning.getByRole('button', { name: 'Fortsätt vara inloggad' });
  await page.clock.fastForward('27:00');
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward('01:30');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Du har inte använt e-tjänsterna på en stund.');
  await expect(warning).toContainText(/Du loggas ut om 1 minut och \d+ sekunder\./);
  await expect(stay).toBeFocused();
  await expectPageWellFormed(page, 'the session warning');

  // The countdown is visible (and runs), but a screen reader hears it only at a few moments.
  await page.clock.fastForward('01:00');
  await expect(warning).toContainText(/Du loggas ut om \d+ sekunder\./);
  await expect(warning.getByRole('status')).toContainText('1 minut kvar tills du loggas ut.');

  await stay.click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Du är fortfarande inloggad.' })).toBeAttached();
  await expect(page.getByText('Hej, Anna Svensson!')).toBeVisible();

  // Escape is a choice too, never a silent close: it keeps the session, as the first button does.
  await page.clock.fastForward('28:30');
  await expect(warning).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Du är fortfarande inloggad.' })).toBeAttached();

  await page.clock.fastForward('28:30');
  await warning.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByText('Du är utloggad. Välkommen tillbaka!')).toBeVisible();
  // Logging out is not a session that ended: no "you have been logged out" notice.
  await expect(page.getByText('Du har loggats ut')).toHaveCount(0);
});

test('a session that cannot be extended any more says so and offers to log in again', async ({ page }) => {
  await page.clock.install();
  await logInAsStaff(page, 'Anna Svensson');
  await expect(page.getByText('Hej, Anna Svensson!')).toBeVisible();
  await waitForAnswers(page);
  // The session's absolute limit (hours) cannot be reached in a journey. The extend answer here is
  // the server's real one, but says what the server says at the limit: the end has not moved, it
  // is still 90 seconds away (counted from the server's own clock, its Date header).
  await page.route('**/api/session/extend', async (route) => {
    const response = await route.fetch();
    const serverNow = Date.parse(response.headers().date ?? '');
    const limit = new Date(serverNow + 90_000).toISOString();
    const { 'content-length': _length, ...headers } = response.headers();
    await route.fulfill({
      response,
      json: { ...(await response.json()), expiresAt: limit },
      headers: { ...headers, 'x-session-expires-at': limit },
    });
  });

  await page.clock.fastForward('28:30');
  const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
  await warning.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
  await expect(warning).toContainText('tiden kan inte förlängas mer');
  const loginAgain = warning.getByRole('link', { name: 'Logga in igen' });
  await expect(loginAgain).toBeFocused();
  await expect(loginAgain).toHaveAttribute('href', /returnTo=%2Fhandlaggning/);
  await expectNoAccessibilityViolations(page, 'the warning at the absolute limit');
  await warning.getByRole('button', { name: 'Stäng' }).click();
  await expect(warning).toHaveCount(0);

  // Without a choice, the time runs out and the page tells why.
  await page.clock.fastForward('02:00');
  const notice = page.getByRole('alert').filter({ hasText: 'Du har loggats ut' });
  await expect(notice).toContainText('så länge som det går i ett sträck');
});

test('when the server has ended the session the page says so, and logging in again comes back', async ({
  page,
}) => {
  await logInAsStaff(page, 'Ada Holm');
  // Other journeys leave tasks in the municipality's queues: the list is there, whatever it holds.
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible();
  // The session ends behind the page's back, as when the server drops it: the page still
  // believes it is logged in until its next request is answered 401.
  const session = await (await page.request.get('/api/session')).json();
  const logout = await page.request.post('/api/auth/logout', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {},
  });
  expect(logout.status()).toBe(200);

  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Administration' })
    .click();
  const notice = page.getByRole('alert').filter({ hasText: 'Du har loggats ut' });
  await expect(notice).toContainText(
    'Du är inte längre inloggad. Logga in igen för att fortsätta där du var.',
  );
  await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expectPageWellFormed(page, 'the page after the session ended');

  // The notice stays with the page through a reload, and the login comes back to it.
  await page.reload();
  await expect(notice).toBeVisible();
  await notice.getByRole('link', { name: 'Logga in igen' }).click();
  await chooseStaffAccount(page, 'Ada Holm');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Organisation' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});
