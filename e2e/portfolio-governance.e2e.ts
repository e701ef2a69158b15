import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsStaff } from './login.ts';

// The portfolio's governance in the browser: the standard assortment (M8), master-data
// designations (E3) and integrations kept on a system's page. Ivar Nilsson is the IT strategist of
// the demo municipality (server/seeds/demo/staff.json), who may manage the portfolio and master
// data. One server serves both projects (desktop, phone): each uses names and units of its own.

const IT_STRATEGIST = 'Ivar Nilsson';

function runOf(projectName: string) {
  const phone = projectName === 'phone';
  const seconds = Math.floor(Date.now() / 1000);
  return {
    suffix: `${phone ? 'Telefon' : 'Dator'} ${seconds.toString(36)}`,
    // A unit of its own for each project's master-data designation of bookings.
    scope: phone ? 'Ekonomiavdelningen' : 'HR-avdelningen',
    authoritative: phone ? 'Enkätverktyget' : 'Bildbanken',
    // The system whose page gets an integration, and the system it sends to.
    system: phone ? 'Avvikelsehanteringen' : 'Avtalskatalogen',
    other: phone ? 'Ekonomisystemet' : 'E-arkivet',
  };
}

async function openPortfolioPage(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Applikationsportföljen' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Choose an option in a React Aria select, whose button is named by its value and then its label. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Search a system in a combo box named "System" and choose it. */
async function chooseSystem(page: Page, scope: ReturnType<Page['locator']>, name: string) {
  const box = scope.getByRole('combobox', { name: 'System' });
  await box.fill(name);
  await page
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(box).toHaveValue(name);
}

test('an IT strategist phases out a component, designates master data, adds an integration and keeps the tiers', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const run = runOf(testInfo.project.name);
  const component = `Gammal plattform ${run.suffix}`;

  await logInAsStaff(page, IT_STRATEGIST);
  await page.goto('/portfolj');
  await expect(page.getByRole('heading', { level: 1, name: 'Applikationsportfölj' })).toBeVisible();

  // 1. The standard assortment: add a component, then mark it as phasing out with a replacement.
  await openPortfolioPage(page, 'Standardsortiment', 'Standardsortiment');
  const table = page.getByRole('table', { name: 'Komponenter i standardsortimentet' });
  await expect(table.getByRole('row', { name: /^PostgreSQL Plattform/ })).toBeVisible();
  await expectPageWellFormed(page, 'the standard assortment');

  await page.getByRole('button', { name: 'Lägg till komponent' }).click();
  const form = page.getByRole('form', { name: 'Ny komponent' });
  await expect(form.getByRole('heading', { name: 'Ny komponent' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Namn' }).fill(component);
  await expectNoAccessibilityViolations(page, 'the new component form');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${component} är sparad.` })).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(`^${component}`) });
  await expect(row).toContainText('standard');

  await row.getByRole('button', { name: `Ändra ${component}` }).click();
  const edit = page.getByRole('form', { name: `Ändra ${component}` });
  await expect(edit.getByRole('heading', { name: `Ändra ${component}` })).toBeFocused();
  await choose(page, edit, /Status$/, 'avvecklas');
  await choose(page, edit, /Ersätts av$/, 'PostgreSQL');
  await expectNoAccessibilityViolations(page, 'the component being changed');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${component} är sparad.` })).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toHaveText('avvecklas');
  await expect(row.getByRole('cell').nth(2)).toHaveText('PostgreSQL');
  await expectPageWellFormed(page, 'the standard assortment after the change');

  // 2. Master data: designate an authoritative system for bookings in one unit; a second one for
  // the same unit and period is refused with the server's reason.
  await openPortfolioPage(page, 'Masterdata', 'Masterdata');
  await expect(
    page.getByRole('table', { name: 'Auktoritativa system per informationsmängd' }).getByRole('row', {
      name: /Folkbokföringsaviseringen \(Navet\)/,
    }),
  ).toBeVisible();
  await expectPageWellFormed(page, 'the master data');
  const designate = page.getByRole('form', { name: 'Peka ut ett auktoritativt system' });
  const fill = async (system: string, decision: string) => {
    await choose(page, designate, /Informationsmängd$/, 'Bokningar');
    await chooseSystem(page, designate, system);
    await choose(page, designate, /Omfattning$/, run.scope);
    await designate.getByRole('textbox', { name: 'Gäller från' }).fill('2026-01-01');
    await designate.getByRole('textbox', { name: 'Beslut (diarienummer)' }).fill(decision);
    await designate.getByRole('button', { name: 'Peka ut' }).click();
  };
  await fill(run.authoritative, 'KS 2026/1');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `${run.authoritative} är auktoritativt system för Bokningar.` }),
  ).toBeVisible();
  const designated = page
    .getByRole('table', { name: 'Auktoritativa system per informationsmängd' })
    .getByRole('row', { name: new RegExp(`Bokningar.*${run.authoritative}`) });
  await expect(designated).toContainText(run.scope);
  await expect(designated).toContainText('KS 2026/1');
  await fill('Ekonomisystemet', 'KS 2026/2');
  await expect(designate.getByRole('alert')).toContainText(
    'Informationsmängden har redan ett auktoritativt system för samma omfattning under den perioden.',
  );
  await expectPageWellFormed(page, 'the refused designation');

  // 3. An integration added on a system's page.
  await page.goto('/portfolj');
  await page.getByRole('textbox', { name: 'Sök system' }).fill(run.system);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('link', { name: run.system, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: run.system })).toBeVisible();
  const integrations = page.getByRole('region', { name: 'Integrationer' });
  const before = await integrations.getByRole('link', { name: run.other, exact: true }).count();
  await integrations.getByRole('button', { name: 'Lägg till integration' }).click();
  const added = integrations.getByRole('form', { name: 'Ny integration' });
  await expect(added.getByRole('heading', { name: 'Ny integration' })).toBeFocused();
  await chooseSystem(page, added, run.other);
  await added.getByRole('checkbox', { name: 'Bokningar', exact: true }).check();
  await added.getByRole('textbox', { name: 'Protokoll' }).fill('SFTP');
  await expectNoAccessibilityViolations(page, 'the new integration form');
  await added.getByRole('button', { name: 'Spara integrationen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Integrationen är sparad.' })).toBeVisible();
  await expect(integrations.getByRole('link', { name: run.other, exact: true })).toHaveCount(before + 1);
  await expect(integrations.getByRole('button', { name: 'Lägg till integration' })).toBeFocused();
  await expectPageWellFormed(page, 'the system with its new integration');

  // 4. The tiers' promises on the reports page: the IT department may change them.
  await openPortfolioPage(page, 'Rapporter', 'Rapporter');
  const tiers = page.getByRole('region', { name: 'Nivåernas löften' });
  await expect(tiers.getByRole('table', { name: 'Nivåernas löften' }).getByRole('row')).toHaveCount(5);
  await tiers.getByRole('button', { name: 'Ändra nivån Koppar' }).click();
  await expect(tiers.getByRole('heading', { name: 'Ändra nivån Koppar' })).toBeFocused();
  await expectNoAccessibilityViolations(page, 'the tier form');
  await tiers.getByRole('button', { name: 'Spara nivån' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nivån Koppar är sparad.' })).toBeVisible();
  await expect(tiers.getByRole('button', { name: 'Ändra nivån Koppar' })).toBeFocused();
  await expectPageWellFormed(page, 'the reports with the tier policy');
});
