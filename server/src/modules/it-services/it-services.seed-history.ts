import { luhnCheckDigit, type TierCode } from '@karna/contracts';
import type { Insertable, Kysely } from 'kysely';
import { findStaffByEmails } from '../identity/index.ts';
import { tierPolicies } from '../portfolio/index.ts';
import type { ItServicesSupplierTables, ItServicesTicketTables } from './it-services.tables.ts';
import { itServicesDb } from './it-services.tables.ts';
import { priorityOf, ticketDeadlines } from './it-services.tickets.ts';

/**
 * The demo's history that is generated rather than written out: some 180 suppliers the
 * municipality has paid since 2011 (about 150 still), their spend per year and the largest
 * contracts, MOL's supplier targets, and two months of support tickets. Deterministic.
 */

/** A small deterministic generator (mulberry32), so the demo is the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST = [
  'Nord',
  'Väst',
  'Syd',
  'Öst',
  'Kust',
  'Älv',
  'Berg',
  'Sjö',
  'Skog',
  'Fjäll',
  'Ljus',
  'Data',
  'Nät',
  'Moln',
  'Kod',
];
const SECOND = [
  'data',
  'system',
  'konsult',
  'teknik',
  'nät',
  'logik',
  'partner',
  'service',
  'IT',
  'kontor',
  'säkerhet',
  'drift',
];
const FORMS = ['AB', 'AB', 'AB', 'Sverige AB', 'HB', 'Aktiebolag'];
const CATEGORIES = [
  'Programvara och licenser',
  'Konsulttjänster',
  'Hårdvara',
  'Drift och hosting',
  'Telefoni och nät',
  'Utbildning',
];

/** Years the finance system reported, and how many of the suppliers it paid in each (MOL's trend). */
const SPEND_YEARS: [number, number][] = [
  [2011, 180],
  [2013, 174],
  [2015, 162],
  [2018, 151],
  [2020, 148],
  [2022, 152],
  [2024, 149],
  [2025, 147],
];

export async function seedSuppliers(trx: Kysely<unknown>, today: string): Promise<number> {
  const next = seededRandom(2011);
  const tables = itServicesDb(trx);
  const names = new Set<string>();
  const suppliers: Insertable<ItServicesSupplierTables['it_suppliers']>[] = [];
  for (let index = 0; suppliers.length < 180; index++) {
    const name = `${FIRST[Math.floor(next() * FIRST.length)]}${SECOND[Math.floor(next() * SECOND.length)]} ${FORMS[Math.floor(next() * FORMS.length)]}`;
    if (names.has(name)) continue;
    names.add(name);
    const nine = `556${String(100_000 + index * 4_337).slice(-6)}`;
    suppliers.push({
      name,
      organisation_number: `${nine}${luhnCheckDigit(nine)}`,
      category: CATEGORIES[Math.floor(next() * CATEGORIES.length)] ?? null,
    });
  }
  const ids = (await tables.insertInto('it_suppliers').values(suppliers).returning('id').execute()).map(
    (row) => row.id,
  );
  // A few large suppliers take most of the money (a long tail, as in every municipality).
  const weight = ids.map((_, index) => 1 / (index + 1) ** 1.1);
  const thisYear = Number(today.slice(0, 4));
  const years = [...SPEND_YEARS.filter(([year]) => year < thisYear), [thisYear - 1, 146] as [number, number]];
  const spend: Insertable<ItServicesSupplierTables['it_supplier_spend']>[] = [];
  for (const [year, count] of new Map(years)) {
    // The largest suppliers stay; the ones dropped over the years are from the tail.
    for (let index = 0; index < count; index++) {
      const amount = Math.round(90_000_000 * (weight[index] ?? 0) * (0.85 + next() * 0.3)) * 100;
      spend.push({ supplier_id: ids[index] ?? '', year, amount_ore: Math.max(amount, 500_000) });
    }
  }
  await tables.insertInto('it_supplier_spend').values(spend).execute();
  await tables
    .insertInto('it_supplier_targets')
    .values([
      { baseline_year: 2011, year: 2015, reduction_percent: 20 },
      { baseline_year: 2011, year: 2018, reduction_percent: 50 },
    ])
    .execute();

  const contracts: Insertable<ItServicesSupplierTables['it_contracts']>[] = ids
    .slice(0, 40)
    .map((supplierId, index) => {
      const startYear = thisYear - 1 - (index % 4);
      const endsOn = `${startYear + 4}-${String((index % 12) + 1).padStart(2, '0')}-${index % 2 ? '28' : '15'}`;
      return {
        supplier_id: supplierId,
        title: `${CATEGORIES[index % CATEGORIES.length]}, ramavtal ${index + 1}`,
        reference: `AVT-${startYear}-${String(index + 1).padStart(3, '0')}`,
        starts_on: `${startYear}-01-01`,
        ends_on: endsOn,
        notice_months: [3, 6, 9, 12][index % 4] ?? 6,
        annual_value_ore: Math.round(20_000_000 * (weight[index] ?? 0)) * 100,
      };
    });
  await tables.insertInto('it_contracts').values(contracts).execute();
  return suppliers.length;
}

const TICKET_TEXTS: [string, string][] = [
  ['Kan inte logga in i ekonomisystemet', 'Jag får felmeddelandet "Kontot är spärrat" sedan i morse.'],
  ['Skrivaren på plan 2 skriver inte ut', 'Jobben fastnar i kön och skrivaren visar inget fel.'],
  ['Teams-möten hackar', 'Ljud och bild hackar i alla möten sedan i går.'],
  ['Behöver ny behörighet i diariet', 'Jag har bytt enhet och ser inte mina ärenden.'],
  ['Datorn startar inte', 'Skärmen är svart och fläkten går.'],
  ['Långsamt nätverk i Stadshuset', 'Det tar minuter att öppna filer på den gemensamma lagringen.'],
  ['Lönesystemet visar fel semestersaldo', 'Flera medarbetare har fått dubbla dagar.'],
  ['E-post går inte fram till extern mottagare', 'Studsar med "550 rejected".'],
];

export async function seedTickets(
  trx: Kysely<unknown>,
  today: string,
  reporterEmails: readonly string[],
): Promise<number> {
  const next = seededRandom(5);
  const tiers = await tierPolicies(trx);
  const reporters = [...(await findStaffByEmails(trx, reporterEmails)).values()];
  const levels = ['high', 'medium', 'low'] as const;
  const rows: Insertable<ItServicesTicketTables['it_tickets']>[] = [];
  const now = new Date(`${today}T12:00:00Z`).getTime();
  for (let index = 0; index < 30; index++) {
    const [summary, description] = TICKET_TEXTS[index % TICKET_TEXTS.length] ?? [
      'Fel',
      'Något fungerar inte.',
    ];
    const reporter = reporters[index % Math.max(reporters.length, 1)];
    const impact = levels[Math.floor(next() * 3)] ?? 'low';
    const urgency = levels[Math.floor(next() * 3)] ?? 'low';
    const priority = priorityOf(impact, urgency);
    const tier: TierCode = index % 5 === 0 ? 'gold' : index % 3 === 0 ? 'silver' : 'bronze';
    const policy = tiers.get(tier) ?? { supportHours: 'Vardagar 08–17', responseHours: 4, fixHours: 24 };
    const reportedAt = new Date(now - Math.floor(next() * 60 * 86_400_000));
    const { responseDueAt, fixDueAt } = ticketDeadlines(reportedAt, policy, priority);
    const open = reportedAt.getTime() > now - 4 * 86_400_000;
    // Most are answered and fixed in time; one in six too late (the breach list has something to show).
    const late = index % 6 === 0;
    const respondedAt = new Date(
      late
        ? responseDueAt.getTime() + 3_600_000
        : reportedAt.getTime() + (responseDueAt.getTime() - reportedAt.getTime()) * 0.5,
    );
    const resolvedAt = open
      ? null
      : new Date(
          late
            ? fixDueAt.getTime() + 7_200_000
            : reportedAt.getTime() + (fixDueAt.getTime() - reportedAt.getTime()) * 0.7,
        );
    rows.push({
      number: `IN-${reportedAt.toISOString().slice(0, 4)}-${String(index + 1).padStart(5, '0')}`,
      summary,
      description,
      reporter_id: reporter?.id ?? null,
      reporter_name: reporter?.name ?? 'Medarbetare',
      impact,
      urgency,
      priority,
      line: open ? 1 : (index % 3) + 1,
      status: open ? 'new' : 'resolved',
      assignee_name: open ? null : 'Servicedesk',
      tier,
      support_hours: policy.supportHours,
      reported_at: reportedAt,
      response_due_at: responseDueAt,
      fix_due_at: fixDueAt,
      responded_at: open ? null : respondedAt,
      resolved_at: resolvedAt,
      resolution: open ? null : 'Åtgärdat av servicedesk.',
    });
  }
  const inserted = await itServicesDb(trx)
    .insertInto('it_tickets')
    .values(rows)
    .returning(['id', 'reporter_name', 'reported_at'])
    .execute();
  await itServicesDb(trx)
    .insertInto('it_ticket_events')
    .values(
      inserted.map((row) => ({
        ticket_id: row.id,
        at: row.reported_at,
        by_name: row.reporter_name,
        kind: 'reported',
      })),
    )
    .execute();
  return rows.length;
}
