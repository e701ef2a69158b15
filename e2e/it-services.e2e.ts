import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsStaff, logOut } from './login.ts';

// The IT department's services in the browser (N1 catalog, N2 orders, N4 chargeback). Who is who in
// the demo municipality (server/seeds/demo/staff.json): Greta Lindqvist is the authorised orderer
// (avropsberättigad beställare) of Stadsbyggnadsförvaltningen; Ivar Nilsson and Jonas Ekberg work in
// the IT department, and a run Ivar makes is approved by Jonas (four eyes).
//
// One server serves both projects (desktop, phone): each creates a service of its own name and
// works on a month of its own, far enough ahead that nothing else (the demo seed, the other
// project) has runs for it. The cost pool it distributes is created here too, through the page.

const ORDERER = 'Greta Lindqvist';
const IT_STRATEGIST = 'Ivar Nilsson';
const IT_CONTROLLER = 'Jonas Ekberg';
const DEPARTMENT = 'Stadsbyggnadsförvaltningen';

/** A month `YYYY-MM` some months after this one in Sweden. */
function monthsAhead(months: number): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

/** The month in Swedish words, as the pages write it: `januari 2027`. */
function monthName(period: string): string {
  return new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}

/** Names and the month for this project's run, so that desktop and phone do not meet. */
function runOf(projectName: string) {
  const phone = projectName === 'phone';
  const token = Date.now().toString(36);
  const suffix = `${phone ? 'telefon' : 'dator'} ${token}`;
  const period = monthsAhead(phone ? 3 : 2);
  return {
    token,
    service: `Provarbetsplats ${suffix}`,
    pool: `Provpost ${suffix}`,
    period,
    month: monthName(period),
  };
}

/**
 * A month's drivers as the finance system writes them: every importable driver for every
 * department, so that any cost pool of the year (the demo seed's too) has something to go by.
 */
function driverFile(): string {
  const departments = ['SLF', 'SBF', 'SOF', 'UBF', 'SEF', 'TF', 'VOF', 'KFF'];
  const drivers = ['datorer', 'elevdatorer', 'användare', 'anslutningar', 'projektbehov'];
  const rows = departments.flatMap((department, index) =>
    drivers.map((driver) => `${department};${driver};${department === 'SBF' ? 120 : 40 + index * 10}`),
  );
  return ['förvaltning;nyckel;antal', ...rows].join('\n');
}

/** Add a service to the catalog as the IT department, through the API (the page has no form for it). */
async function createService(page: Page, name: string): Promise<void> {
  const session = await (await page.request.get('/api/session')).json();
  const response = await page.request.post('/api/it-services/services', {
    headers: { 'x-csrf-token': session.csrfToken as string },
    data: {
      name,
      category: 'workplace',
      summary: 'En bärbar dator med skärm, dockningsstation och headset.',
      included: 'Dator, skärm, dockningsstation, headset.\nInstallation på plats.',
      notIncluded: 'Mobiltelefon och skrivare.',
      howToOrder: 'Förvaltningens avropsberättigade beställare beställer i Kärna.',
      deliveryWorkingDays: 5,
      howToReport: 'Ring servicedesk på 031-123 45 00.',
      serviceLevel: 'bronze',
      systemId: null,
      priceModel: 'monthlyPerUnit',
      priceOre: 45_000,
      unit: 'st',
      driverKind: null,
      howToCancel: 'Avbeställ i Kärna och lämna tillbaka utrustningen.',
      cancellationNoticeDays: 30,
      availableFrom: '2020-01-01',
      availableTo: null,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

async function openSubPage(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'IT-tjänster' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** On the allocation page, show a month. */
async function showMonth(page: Page, period: string, month: string): Promise<void> {
  await page.getByLabel('Månad', { exact: true }).fill(period);
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Körningar för ${month}` })).toBeVisible();
}

test('an orderer orders a service, IT allocates the month, another in IT approves, the orderer reads the charge', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const run = runOf(testInfo.project.name);

  // The IT department puts the service in the catalog.
  await logInAsStaff(page, IT_STRATEGIST);
  await createService(page, run.service);
  await logOut(page);

  // 1. Greta finds the service in the catalog and orders it for her department.
  await logInAsStaff(page, ORDERER);
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'IT-tjänster' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tjänstekatalog' })).toBeVisible();
  // The run's own token is enough to find it (and fits in the search box on a phone).
  await page.getByRole('textbox', { name: 'Sök tjänst' }).fill(run.token);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 tjänst.' })).toBeVisible();
  const service = page.getByRole('region', { name: run.service });
  await expect(service.getByText('Dator, skärm, dockningsstation, headset.')).toBeVisible();
  await expect(service.getByText('5 arbetsdagar från godkänd beställning.')).toBeVisible();
  await expect(service.getByText(/^Nivå Brons: svar inom 4 timmar och åtgärd inom 24 timmar/)).toBeVisible();
  await expect(service.getByText(/^450,00\skr per st och månad\.$/)).toBeVisible();
  await expect(service.getByText('Uppsägningstid 30 dagar.', { exact: false })).toBeVisible();
  await expectPageWellFormed(page, 'the service catalog');

  await service.getByRole('button', { name: `Beställ ${run.service}` }).click();
  const form = service.getByRole('form', { name: `Beställ ${run.service}` });
  await expect(form.getByRole('heading', { name: `Beställ ${run.service}` })).toBeFocused();
  await expect(form.getByText('Du är avropsberättigad beställare för förvaltningen')).toBeVisible();
  const quantity = form.getByRole('textbox', { name: 'Antal' });
  const costCentre = form.getByRole('textbox', { name: 'Kostnadsställe' });
  await quantity.fill('0');
  await form.getByRole('button', { name: 'Skicka beställningen' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toContainText('Det finns fel som du behöver rätta');
  await expect(summary).toContainText('Skriv antal som ett heltal från 1 till 100 000.');
  await expect(summary).toContainText('Skriv kostnadsställe, högst 20 tecken.');
  await expect(costCentre).toHaveAttribute('aria-invalid', 'true');
  await expect(costCentre).toHaveAccessibleDescription(/Skriv kostnadsställe, högst 20 tecken\./);
  await expectNoAccessibilityViolations(page, 'the order form with its errors');
  await quantity.fill('2');
  await costCentre.fill('4410');
  await form
    .getByRole('textbox', { name: 'Meddelande till IT-avdelningen (frivilligt)' })
    .fill('Till nya handläggare.');
  await form.getByRole('button', { name: 'Skicka beställningen' }).click();
  const placed = service.getByRole('status').filter({ hasText: /är lagd och godkänd/ });
  await expect(placed).toBeVisible();
  const orderNumber = /Beställning (AV-\d{4}-\d+)/.exec((await placed.textContent()) ?? '')?.[1] ?? '';
  expect(orderNumber).not.toBe('');
  await expect(service.getByRole('button', { name: `Beställ ${run.service}` })).toBeFocused();
  await expectPageWellFormed(page, 'the catalog after an order');

  // Her orders: approved as placed, promised a delivery date; she may end it but not decide it.
  await service.getByRole('link', { name: 'Se beställningarna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningar' })).toBeVisible();
  const order = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: `${orderNumber}: ${run.service}` }),
  });
  await expect(order.getByText('Godkänd', { exact: true })).toBeVisible();
  await expect(order).toContainText('Utlovad leverans');
  await expect(order).toContainText('2 st');
  await expect(order.getByRole('button', { name: `Avsluta ${orderNumber}` })).toBeVisible();
  await expect(order.getByRole('button', { name: `Godkänn ${orderNumber}` })).toHaveCount(0);
  await expectPageWellFormed(page, 'the orders');
  await logOut(page);

  // 2. Ivar sets up the month: a cost pool for its year, the drivers from the finance system's file,
  // and the run. He cannot approve his own run.
  await logInAsStaff(page, IT_STRATEGIST);
  await page.goto('/it-tjanster');
  await openSubPage(page, 'Fördelning', 'Fördelning av IT-kostnader');
  await showMonth(page, run.period, run.month);
  const year = run.period.slice(0, 4);

  const pools = page.getByRole('region', { name: `Kostnadsposter ${year}` });
  await pools.getByRole('button', { name: 'Lägg till kostnadspost' }).click();
  const poolForm = pools.getByRole('form', { name: 'Ny kostnadspost' });
  await expect(poolForm.getByRole('heading', { name: 'Ny kostnadspost' })).toBeFocused();
  await expect(poolForm.getByRole('textbox', { name: 'År', exact: true })).toHaveValue(year);
  await poolForm.getByRole('textbox', { name: 'Kostnadstyp' }).fill('Mjukvara/Licenser');
  await poolForm.getByRole('textbox', { name: 'Kategori' }).fill(run.pool);
  await poolForm.getByRole('textbox', { name: 'Årsbelopp i kronor' }).fill('1 200 000');
  const computers = poolForm.getByRole('textbox', { name: 'Modell 3, per dator: andel i %' });
  await computers.fill('60');
  await poolForm.getByRole('button', { name: 'Spara kostnadsposten' }).click();
  await expect(poolForm.getByRole('alert')).toContainText('Andelarna ska tillsammans bli 100 %.');
  await expectNoAccessibilityViolations(page, 'the cost pool form with its error');
  await computers.fill('100');
  await poolForm.getByRole('button', { name: 'Spara kostnadsposten' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Kostnadsposten Mjukvara/Licenser – ${run.pool} är sparad.` }),
  ).toBeVisible();
  await expect(
    pools
      .getByRole('table', { name: `Kostnadsposter för ${year}` })
      .getByRole('row', { name: new RegExp(run.pool) }),
  ).toContainText('100 % modell 3, per dator');

  const drivers = page.getByRole('region', { name: `Fördelningsnycklar för ${run.month}` });
  const file = drivers.getByLabel('Fil med fördelningsnycklar (CSV)');
  await file.setInputFiles({
    name: 'nycklar-fel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('förvaltning;nyckel;antal\nOkänd förvaltning;datorer;3\nSBF;skrivare;2\n'),
  });
  await drivers.getByRole('button', { name: 'Läs in filen' }).click();
  const refused = drivers.getByRole('alert');
  await expect(refused).toContainText('Filen med fördelningsnycklar kunde inte läsas. Inget har sparats.');
  await expect(refused).toContainText('Rad 2:');
  await expect(refused).toContainText('Rad 3:');
  await expectNoAccessibilityViolations(page, 'the drivers with a refused file');
  await file.setInputFiles({ name: 'nycklar.csv', mimeType: 'text/csv', buffer: Buffer.from(driverFile()) });
  await drivers.getByRole('button', { name: 'Läs in filen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Fördelningsnycklarna för ${run.month} är inlästa.` }),
  ).toBeVisible();
  await expect(
    drivers
      .getByRole('table', { name: `Fördelningsnycklar per förvaltning för ${run.month}` })
      .getByRole('row', { name: `${DEPARTMENT} datorer 120 Inläst fil` }),
  ).toBeVisible();

  await page.getByRole('button', { name: `Kör fördelning för ${run.month}` }).click();
  const ran = page
    .getByRole('status')
    .filter({ hasText: `för ${run.month} är körd och väntar på godkännande.` });
  await expect(ran).toBeVisible();
  const version = /Version (\d+)/.exec((await ran.textContent()) ?? '')?.[1] ?? '';
  const detail = page.getByRole('region', { name: `Version ${version} för ${run.month}` });
  await expect(detail).toContainText('Föreslagen');
  await expect(
    detail.getByText('Du gjorde körningen. En annan person på IT-avdelningen godkänner den.'),
  ).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Godkänn' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Förkasta' })).toBeVisible();
  await expect(
    detail
      .getByRole('table', { name: 'Belopp per förvaltning' })
      .getByRole('row', { name: new RegExp(`^${DEPARTMENT}`) }),
  ).toBeVisible();
  await expect(
    detail.getByRole('link', { name: 'Ladda ner raderna som CSV för ekonomisystemet' }),
  ).toBeVisible();
  await expect(detail.getByRole('table', { name: 'Körningens rader' })).toContainText(orderNumber);
  await expectPageWellFormed(page, 'the allocation with a proposed run');
  await logOut(page);

  // 3. Jonas approves the run.
  await logInAsStaff(page, IT_CONTROLLER);
  await page.goto('/it-tjanster');
  await openSubPage(page, 'Fördelning', 'Fördelning av IT-kostnader');
  await showMonth(page, run.period, run.month);
  const approving = page.getByRole('region', { name: `Version ${version} för ${run.month}` });
  await expect(approving.getByText('Du gjorde körningen.')).toHaveCount(0);
  await expectNoAccessibilityViolations(page, 'the allocation for the approver');
  await approving.getByRole('button', { name: 'Godkänn' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Version ${version} är godkänd. Förvaltningarna ser nu sin debitering.` }),
  ).toBeVisible();
  await expect(approving.getByRole('heading', { name: `Version ${version} för ${run.month}` })).toBeFocused();
  await expect(approving.getByRole('button', { name: 'Godkänn' })).toHaveCount(0);
  await expect(approving.getByText(new RegExp(`^${IT_CONTROLLER}, `))).toBeVisible();
  await expectPageWellFormed(page, 'the approved run');
  await logOut(page);

  // 4. Greta reads her department's charges for the month: the order's line, explained.
  await logInAsStaff(page, ORDERER);
  await page.goto('/it-tjanster');
  await openSubPage(page, 'Debitering', 'Debitering');
  const choose = page.getByRole('form', { name: 'Välj förvaltning och månad' });
  await expect(choose.getByRole('button', { name: new RegExp(`^${DEPARTMENT}`) })).toBeVisible();
  await choose.getByLabel('Månad', { exact: true }).fill(run.period);
  await choose.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${DEPARTMENT}, ${run.month}` })).toBeVisible();
  await expect(page.getByText(`Från godkänd körning version ${version}`)).toBeVisible();
  const charges = page.getByRole('table', { name: `Debitering för ${DEPARTMENT}, ${run.month}` });
  const line = charges.getByRole('row').filter({ hasText: orderNumber });
  await expect(line).toContainText(`${run.service}, beställning ${orderNumber}`);
  await expect(line).toContainText('Kostnadsställe 4410');
  await expect(line).toContainText(/450,00\skr per månad × 2 under \d+ dagar av månaden = 900,00\skr/);
  await expect(charges.getByRole('row', { name: /^Summa/ })).toContainText('kr');
  await expectPageWellFormed(page, 'the department’s charges');

  // A month without an approved run says so.
  await choose.getByLabel('Månad', { exact: true }).fill('2199-12');
  await choose.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByText('Det finns ingen godkänd debitering för december 2199 än.')).toBeVisible();
  await expectNoAccessibilityViolations(page, 'a month without charges');
});
