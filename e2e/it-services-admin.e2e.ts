import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsStaff, logOut } from './login.ts';

// The IT department's own administration in the browser: the supplier register with the finance
// system's spend and the supplier-count trend (N7), licence pools with reuse suggestions (N6), and
// IT cost as a share of turnover (P4). Ivar Nilsson works in the IT department; Greta Lindqvist is
// an authorised orderer of a department and sees none of it (server/seeds/demo/staff.json).
//
// One server serves both projects (desktop, phone): each adds a supplier of its own name and
// number, imports spend for a year of its own and enters key figures for a year of its own.

const IT_STRATEGIST = 'Ivar Nilsson';
const ORDERER = 'Greta Lindqvist';
const DEPARTMENT = 'Stadsbyggnadsförvaltningen';
const POOL = 'Microsoft 365 E5';

/** The Luhn check digit of nine digits, as organisation numbers have it. */
function luhn(nineDigits: string): number {
  let sum = 0;
  for (let index = 0; index < nineDigits.length; index++) {
    const product = Number(nineDigits[index]) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid organisation number of a company (55…) not yet in the register, and one one digit off. */
function organisationNumbers(): { valid: string; invalid: string } {
  const nine = `556${String(Date.now() % 1_000_000).padStart(6, '0')}`;
  const check = luhn(nine);
  const digits = `${nine}${check}`;
  const wrong = `${nine}${(check + 1) % 10}`;
  return {
    valid: `${digits.slice(0, 6)}-${digits.slice(6)}`,
    invalid: `${wrong.slice(0, 6)}-${wrong.slice(6)}`,
  };
}

/** The day `days` from today in Sweden, `YYYY-MM-DD`. */
function daysAhead(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function openSubPage(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'IT-tjänster' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('IT keeps the supplier register, releases an unused licence and compares IT cost with the national average', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const phone = testInfo.project.name === 'phone';
  const token = Date.now().toString(36);
  const supplier = `Provleverantör ${phone ? 'telefon' : 'dator'} ${token} AB`;
  const spendYear = phone ? 2161 : 2160;
  const keyYear = phone ? 2041 : 2040;
  const numbers = organisationNumbers();

  await logInAsStaff(page, IT_STRATEGIST);
  await page.goto('/it-tjanster');
  await openSubPage(page, 'Leverantörer', 'Leverantörer och avtal');
  await expectPageWellFormed(page, 'the supplier register');

  // A new supplier: the wrong organisation number is refused at its field, before the server.
  const register = page.getByRole('region', { name: 'Leverantörsregister' });
  await register.getByRole('button', { name: 'Lägg till leverantör' }).click();
  const form = register.getByRole('form', { name: 'Ny leverantör' });
  await expect(form.getByRole('heading', { name: 'Ny leverantör' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Namn' }).fill(supplier);
  const number = form.getByRole('textbox', { name: 'Organisationsnummer' });
  await number.fill(numbers.invalid);
  await form.getByRole('textbox', { name: 'Kategori (valfri)' }).fill('Konsulttjänster');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Skriv ett giltigt organisationsnummer, NNNNNN-NNNN.').first()).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the supplier form with its error');
  await number.fill(numbers.valid);
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${supplier} är tillagd.` })).toBeVisible();
  await register.getByRole('textbox', { name: 'Sök leverantör' }).fill(token);
  await register.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(register.getByRole('row', { name: new RegExp(supplier) })).toContainText(numbers.valid);

  // The finance system's spend: a wrong file shows its rows, a right one is read whole.
  const spend = page.getByRole('region', { name: 'Utfall från ekonomisystemet' });
  const file = spend.getByLabel('Fil', { exact: true });
  await file.setInputFiles({
    name: 'utfall-fel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `organisationsnummer;leverantör;år;belopp\n${numbers.invalid};${supplier};${spendYear};1000\n${numbers.valid};${supplier};${spendYear};\n`,
    ),
  });
  await spend.getByRole('button', { name: 'Läs in filen' }).click();
  const refused = spend.getByRole('alert');
  await expect(refused).toContainText('Inget har sparats.');
  await expect(refused).toContainText('Rad 2:');
  await expect(refused).toContainText('Rad 3:');
  await expectNoAccessibilityViolations(page, 'the spend import with a refused file');
  await file.setInputFiles({
    name: 'utfall.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `organisationsnummer;leverantör;år;belopp\n${numbers.valid};${supplier};${spendYear};125000,50\n`,
    ),
  });
  await spend.getByRole('button', { name: 'Läs in filen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Filen är inläst: 1 rad för ${spendYear}.` }),
  ).toBeVisible();

  // The trend counts the suppliers paid in the year.
  const trend = page.getByRole('region', { name: 'Antal leverantörer över tid' });
  const yearRow = trend
    .getByRole('table', { name: 'Leverantörer och utfall per år' })
    .getByRole('row', { name: new RegExp(`^${spendYear} `) });
  await expect(yearRow).toContainText('1');
  await expect(yearRow).toContainText('125 000,50 kr');

  // The year becomes the baseline, with a target of 20 % fewer suppliers in a later year.
  await trend.getByRole('button', { name: 'Ändra basår och mål' }).click();
  const targetForm = trend.getByRole('form', { name: 'Basår och mål' });
  await targetForm.getByRole('textbox', { name: 'Basår' }).fill(String(spendYear));
  const targetRows = await targetForm.getByRole('textbox', { name: /^År för mål \d+$/ }).count();
  for (let row = 2; row <= targetRows; row++) {
    await targetForm.getByRole('textbox', { name: `År för mål ${row}`, exact: true }).fill('');
    await targetForm
      .getByRole('textbox', { name: `Minskning i procent för mål ${row}`, exact: true })
      .fill('');
  }
  await targetForm.getByRole('textbox', { name: 'År för mål 1', exact: true }).fill(String(spendYear + 20));
  await targetForm.getByRole('textbox', { name: 'Minskning i procent för mål 1', exact: true }).fill('20');
  await targetForm.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Basår och mål är sparade.' })).toBeVisible();
  await expect(trend).toContainText(`Basår ${spendYear}: 1 leverantör.`);
  await expect(
    trend
      .getByRole('table', { name: 'Mål för antalet leverantörer' })
      .getByRole('row', { name: new RegExp(`^${spendYear + 20} `) }),
  ).toContainText('Inget utfall än');

  // A contract whose notice date is near shows under "Förnyelse närmar sig".
  const contracts = page.getByRole('region', { name: 'Avtal', exact: true }).first();
  await contracts.getByRole('button', { name: 'Lägg till avtal' }).click();
  const contractForm = contracts.getByRole('form', { name: 'Nytt avtal' });
  const supplierField = contractForm.getByRole('combobox', { name: 'Leverantör' });
  await supplierField.pressSequentially(token);
  // By keyboard: React Aria closes the list when the page scrolls, as a click on a phone may make it.
  await expect(page.getByRole('option', { name: supplier })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(supplierField).toHaveValue(supplier);
  await contractForm.getByRole('textbox', { name: 'Benämning' }).fill(`Driftavtal ${token}`);
  await contractForm.getByRole('textbox', { name: 'Gäller från' }).fill('2024-01-01');
  await contractForm.getByRole('textbox', { name: 'Gäller till (valfritt)' }).fill(daysAhead(60));
  await contractForm.getByRole('textbox', { name: 'Uppsägningstid i månader' }).fill('1');
  await contractForm.getByRole('textbox', { name: 'Värde per år i kronor' }).fill('250 000');
  await contractForm.getByRole('button', { name: 'Spara' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Avtalet Driftavtal ${token} är tillagt.` }),
  ).toBeVisible();
  await contracts.getByRole('radio', { name: 'Förnyelse närmar sig' }).check();
  await expect(
    contracts
      .getByRole('table', { name: 'Avtal där förnyelse närmar sig' })
      .getByRole('row', { name: new RegExp(`Driftavtal ${token}`) }),
  ).toContainText('250 000,00 kr');
  await expectPageWellFormed(page, 'the supplier page after the import');

  // A licence pool of the demo: release a licence nobody has used for 90 days.
  await openSubPage(page, 'Licenser', 'Licenser');
  await expectPageWellFormed(page, 'the licence pools');
  await page.getByRole('link', { name: POOL, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: POOL })).toBeVisible();
  const suggestions = page.getByRole('region', { name: 'Förslag att frigöra' });
  const table = suggestions.getByRole('table', { name: 'Licenser som föreslås frigöras' });
  const first = table.getByRole('row').nth(1);
  const holder = ((await first.getByRole('rowheader').textContent()) ?? '').trim();
  expect(holder).not.toBe('');
  await expectPageWellFormed(page, 'a licence pool');
  await first.getByRole('button', { name: `Frigör licensen för ${holder}` }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Licensen för ${holder} är frigjord.` }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Historik' })
      .getByRole('row', { name: new RegExp(holder) })
      .first(),
  ).toBeVisible();

  // IT cost as a share of turnover beside the national average, for a year of this project's own.
  await openSubPage(page, 'Nyckeltal', 'Nyckeltal');
  await page.getByRole('textbox', { name: 'År', exact: true }).fill(String(keyYear));
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  const figures = page.getByRole('region', { name: `IT-kostnad som andel av omsättningen ${keyYear}` });
  await expect(figures).toContainText('Ingen omsättning är angiven för året.');
  await figures.getByRole('button', { name: 'Ange omsättning och kostnader' }).click();
  const keyForm = figures.getByRole('form', { name: `Ange underlag för ${keyYear}` });
  await keyForm.getByRole('textbox', { name: 'Kommunens omsättning i kronor' }).fill('4 000 000 000');
  await keyForm.getByRole('textbox', { name: 'Referensvärde i procent (valfritt)' }).fill('2,0');
  await keyForm.getByRole('textbox', { name: `Omsättning för ${DEPARTMENT} i kronor` }).fill('400 000 000');
  await keyForm
    .getByRole('textbox', { name: `Egna IT-kostnader för ${DEPARTMENT} i kronor` })
    .fill('84 000 000');
  await expectNoAccessibilityViolations(page, 'the key figure form');
  await keyForm.getByRole('button', { name: 'Spara' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Underlaget för ${keyYear} är sparat.` }),
  ).toBeVisible();
  await expect(figures).toContainText(/Kommunen: 2,1\s%\. Rikssnitt: 2\s%\./);
  await expect(
    figures
      .getByRole('table', { name: `IT-kostnad per förvaltning ${keyYear}` })
      .getByRole('row', { name: new RegExp(DEPARTMENT) }),
  ).toContainText(/21\s%/);
  await expectPageWellFormed(page, 'the key figures');
  await logOut(page);

  // An orderer of a department has none of these pages in the menu.
  await logInAsStaff(page, ORDERER);
  await page.goto('/it-tjanster');
  const menu = page.getByRole('navigation', { name: 'IT-tjänster' });
  await expect(menu.getByRole('link', { name: 'Tjänstekatalog', exact: true })).toBeVisible();
  for (const link of ['Leverantörer', 'Licenser', 'Nyckeltal'])
    await expect(menu.getByRole('link', { name: link, exact: true })).toHaveCount(0);
});
