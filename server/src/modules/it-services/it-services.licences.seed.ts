import { swedishDate } from '@karna/contracts';
import type { Insertable, Kysely } from 'kysely';
import { listStaffUsers } from '../identity/index.ts';
import { systemsInUse } from '../portfolio/index.ts';
import { addDays, type ItServicesLicenceTables, licencesDb } from './it-services.licences.ts';

/** The demo municipality's licence pools (N6), with assignments and use. */

/** Name, portfolio system, supplier, purchased, kronor a year, and the share of staff holding one. */
const DEMO_POOLS: [string, string | null, string, number, number, number][] = [
  ['Microsoft 365 E5', 'Microsoft 365', 'Microsoft via Atea', 70, 6_600, 0.85],
  ['Power BI Pro', 'Beslutsstöd och statistik (BI)', 'Microsoft via Atea', 20, 1_300, 0.2],
  ['Adobe Creative Cloud', null, 'Adobe via Dustin', 10, 9_800, 0.1],
  ['Ekonomisystemet, namngiven användare', 'Ekonomisystemet', 'Unit4', 30, 2_400, 0.3],
  ['Personal- och lönesystemet, handläggare', 'Personal- och lönesystemet', 'Visma', 15, 3_100, 0.15],
  ['Ärendehantering, handläggarlicens', 'Diarie- och ärendehanteringssystemet', 'Formpipe', 40, 1_900, 0.45],
];

/**
 * The demo's licence pools, assigned to staff of the directory with a report of use two days old:
 * most used lately, some not for months or never, so there is something to reuse. Deterministic;
 * in the caller's transaction, after the portfolio (pools name its systems).
 */
export async function seedLicences(
  trx: Kysely<unknown>,
  today: string = swedishDate(),
): Promise<{ pools: number; assignments: number }> {
  const staff = (await listStaffUsers(trx)).filter((person) => person.email);
  const systems = new Map((await systemsInUse(trx)).map((system) => [system.name, system.id]));
  let state = 6;
  // A linear congruential generator: the same demo every time.
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const daysAgo = (least: number, spread: number) => addDays(today, -least - Math.floor(next() * spread));
  let assignments = 0;
  for (const [index, [name, system, supplier, purchased, kr, share]] of DEMO_POOLS.entries()) {
    const systemId = system ? systems.get(system) : null;
    if (systemId === undefined) throw new Error(`licence pool ${name} names an unknown system ${system}`);
    const { id: poolId } = await licencesDb(trx)
      .insertInto('it_licence_pools')
      .values({
        ...{ name, supplier, purchased, system_id: systemId, unit_price_ore: kr * 100 },
        renewal_on: addDays(today, 60 + index * 45),
        notes: 'Avrop från ramavtal. Användningen kommer från leverantörens portal varje månad.',
        usage_imported_at: new Date(Date.now() - 2 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const count = Math.min(purchased, Math.round(share * staff.length));
    const offset = Math.floor(next() * staff.length);
    const rows: Insertable<ItServicesLicenceTables['it_licence_assignments']>[] = [];
    for (let at = 0; at < count; at++) {
      const person = staff[(offset + at) % staff.length];
      // One in ten assigned lately (not yet due for review); the rest one to three years ago.
      const from = next() < 0.1 ? daysAgo(0, 60) : daysAgo(120, 900);
      const use = next();
      const usedOn = use < 0.65 ? daysAgo(2, 45) : use < 0.85 ? daysAgo(100, 300) : null;
      const last = usedOn && usedOn < from ? from : usedOn;
      if (person) rows.push({ pool_id: poolId, person_id: person.id, from_on: from, last_used_on: last });
    }
    // Someone who held a licence and gave it back, as history.
    const former = staff[(offset + count) % staff.length];
    if (former && count < staff.length) {
      const [from_on, to_on, last_used_on] = [
        addDays(today, -700),
        addDays(today, -150),
        addDays(today, -200),
      ];
      rows.push({ pool_id: poolId, person_id: former.id, from_on, to_on, last_used_on });
    }
    if (rows.length > 0) await licencesDb(trx).insertInto('it_licence_assignments').values(rows).execute();
    assignments += rows.length;
  }
  return { pools: DEMO_POOLS.length, assignments };
}
