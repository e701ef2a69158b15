import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsStaff } from './login.ts';

// pm3 management objects (förvaltningsobjekt) in the browser: the list with this year's budgets
// and role holders, a new object, one object's page, and a plan for next year added there. Ivar
// Nilsson is the IT strategist of the demo municipality (server/seeds/demo/staff.json), who manages
// the portfolio. One server serves both projects (desktop, phone): each creates an object of its
// own and adds a plan to a seeded object of its own that has this year's plan only
// (server/seeds/demo/portfolio.json).

const IT_STRATEGIST = 'Ivar Nilsson';

function runOf(projectName: string) {
  const created = `Provobjekt ${projectName === 'phone' ? 'telefon' : 'dator'} ${Date.now().toString(36)}`;
  return projectName === 'phone'
    ? { object: 'Personal och lön', owner: 'Annika Blom', system: 'HR-självservice', created }
    : { object: 'Ekonomi och inköp', owner: 'Lars Wikström', system: 'Ekonomisystemet', created };
}

/** The year in Sweden, as the pages count it. */
const thisYear = Number(
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()),
);

test('an IT strategist reads the management objects, creates one and adds next year’s plan to another', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const run = runOf(testInfo.project.name);
  const nextYear = thisYear + 1;

  await logInAsStaff(page, IT_STRATEGIST);
  await page.goto('/portfolj');
  await page
    .getByRole('navigation', { name: 'Applikationsportföljen' })
    .getByRole('link', { name: 'Förvaltningsobjekt', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förvaltningsobjekt' })).toBeVisible();

  // 1. The list: each object with its systems, this year's budget and who holds its roles.
  const list = page.getByRole('table', { name: `Förvaltningsobjekt med budget för ${thisYear}` });
  const row = list.getByRole('row', { name: new RegExp(`^${run.object}`) });
  await expect(row).toContainText(`Objektägare: ${run.owner}`);
  await expect(row).toContainText('Objektledare IT: Andreas Johansson');
  await expect(row).toContainText(' kr');
  await expect(page.getByRole('button', { name: 'Skapa förvaltningsobjekt' })).toBeVisible();
  await expectPageWellFormed(page, 'the management objects');
  await row.getByText(/^\d+ system$/).click();
  await expect(row.getByRole('link', { name: run.system, exact: true })).toBeVisible();
  await expectPageWellFormed(page, 'the management objects with one object’s systems shown');

  // 2. A new object: the server's refusal of a name in use is shown at the name field.
  await page.getByRole('button', { name: 'Skapa förvaltningsobjekt' }).click();
  const create = page.getByRole('form', { name: 'Nytt förvaltningsobjekt' });
  await expect(create.getByRole('heading', { name: 'Nytt förvaltningsobjekt' })).toBeFocused();
  const name = create.getByRole('textbox', { name: 'Namn' });
  await create.getByRole('button', { name: 'Spara' }).click();
  await expect(name).toHaveAccessibleDescription('Skriv objektets namn, högst 120 tecken.');
  await name.fill('Socialtjänst');
  await create.getByRole('button', { name: 'Spara' }).click();
  await expect(name).toHaveAccessibleDescription('Det finns redan ett förvaltningsobjekt med det namnet.');
  await expect(create.getByRole('checkbox', { name: run.system })).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the new object form with the server’s refusal');
  await name.fill(run.created);
  await create.getByRole('button', { name: 'Spara' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Förvaltningsobjektet ${run.created} är skapat.` }),
  ).toBeVisible();
  const created = list.getByRole('row', { name: new RegExp(`^${run.created}`) });
  await expect(created).toContainText('Inga system');
  await expect(created).toContainText('Ingen plan');
  await expect(created).toContainText('Objektägare: Saknas');

  // The new object's page: the IT department gives it an owner, with the system page's role form.
  await created.getByRole('link', { name: run.created, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: run.created })).toBeVisible();
  const roles = page.getByRole('region', { name: 'Roller', exact: true });
  await expect(roles.getByText('Objektägare saknas.')).toBeVisible();
  await roles.getByRole('button', { name: 'Ge roll' }).click();
  await expect(roles.getByRole('heading', { name: 'Ge någon en roll för objektet' })).toBeFocused();
  const person = roles.getByRole('combobox', { name: 'Person' });
  await person.fill('Sara');
  await expect(page.getByRole('option', { name: /^Sara Lind/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(person).toHaveValue('Sara Lind');
  await roles.getByRole('button', { name: /Roll$/ }).click();
  await expect(page.getByRole('option', { name: 'Systemägare' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Objektägare' }).click();
  await roles.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Sara Lind har fått rollen objektägare.' }),
  ).toBeVisible();
  await expect(
    roles
      .getByRole('table', { name: 'Roller för förvaltningsobjektet' })
      .getByRole('row', { name: /^Objektägare Sara Lind/ }),
  ).toBeVisible();
  await expect(roles.getByText('Objektägare saknas.')).toHaveCount(0);
  await expectPageWellFormed(page, 'a new management object with its owner');
  await page.goBack();
  await expect(created).toContainText('Objektägare: Sara Lind');

  // 3. One object: its facts, systems (linked to their pages) and roles.
  await row.getByRole('link', { name: run.object, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: run.object })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'System i objektet' })
      .getByRole('link', { name: run.system, exact: true }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Roller för förvaltningsobjektet' })
      .getByRole('row', { name: new RegExp(`^Objektägare ${run.owner}`) }),
  ).toBeVisible();
  const plans = page.getByRole('region', { name: 'Förvaltningsplaner' });
  await expect(plans.getByRole('table', { name: `Budget för ${thisYear}` })).toBeVisible();
  await expect(plans.getByRole('table', { name: `Budget för ${nextYear}` })).toHaveCount(0);
  await expectPageWellFormed(page, 'a management object');

  // 4. Next year's plan: the form offers the first year without one; mistakes are named by field.
  await plans.getByRole('button', { name: 'Lägg till plan för ett år' }).click();
  const form = plans.getByRole('form', { name: 'Ny plan' });
  await expect(form.getByRole('heading', { name: 'Ny plan' })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'År', exact: true })).toHaveValue(String(nextYear));
  const maintenance = form.getByRole('textbox', { name: 'Budget för förvaltning, kronor' });
  const development = form.getByRole('textbox', { name: 'Budget för utveckling, kronor' });
  await maintenance.fill('fyra miljoner');
  await form.getByRole('button', { name: 'Spara planen' }).click();
  await expect(form.getByRole('alert')).toContainText('Skriv ett belopp i hela kronor, 0 eller mer.');
  await expect(form.getByRole('alert')).toContainText('Skriv målen för året');
  await expect(maintenance).toHaveAccessibleDescription(/Skriv ett belopp i hela kronor/);
  await expect(maintenance).toHaveAttribute('aria-invalid', 'true');
  await expectNoAccessibilityViolations(page, 'the plan form with its errors');

  await maintenance.fill('4 300 000');
  await development.fill('1250000');
  await form
    .getByRole('textbox', { name: 'Mål för året' })
    .fill('Ersätta fakturahanteringen och öka andelen e-fakturor.');
  await form.getByRole('textbox', { name: 'Beslut (diarienummer, frivilligt)' }).fill(`KS ${thisYear}/400`);
  await form.getByRole('button', { name: 'Spara planen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Planen för ${nextYear} är sparad.` }),
  ).toBeVisible();
  await expect(plans.getByRole('button', { name: 'Lägg till plan för ett år' })).toBeFocused();

  // 5. The new year's table: maintenance and development apart, and their total.
  const budget = plans.getByRole('table', { name: `Budget för ${nextYear}` });
  await expect(budget.getByRole('row', { name: /^Förvaltning/ })).toContainText('4 300 000 kr');
  await expect(budget.getByRole('row', { name: /^Utveckling/ })).toContainText('1 250 000 kr');
  await expect(budget.getByRole('row', { name: /^Totalt/ })).toContainText('5 550 000 kr');
  await expect(plans.getByRole('region', { name: `Plan för ${nextYear}` })).toContainText(
    `KS ${thisYear}/400`,
  );
  await expectPageWellFormed(page, 'the management object with next year’s plan');
});
