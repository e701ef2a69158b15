import type { KeyFigureInput, KeyFigures } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import type { ItServicesAccess } from './it-services.access.ts';
import { itServicesDb } from './it-services.tables.ts';

/**
 * IT cost as a share of turnover (P4). The municipality's IT cost is the IT department's (the
 * year's cost pools) plus what the departments pay for IT themselves (MOL: about half of it); a
 * department's is what the approved runs charged it plus its own. Both against the turnover
 * entered from the annual accounts, beside the reference the user enters (the national average).
 */

const percent = (part: number, whole: number | null) =>
  whole ? Math.round((part / whole) * 100 * 1000) / 1000 : null;

export async function keyFigures(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  year: number,
): Promise<KeyFigures> {
  const root = access.root?.id ?? '';
  const tables = itServicesDb(db);
  const [figures, pools, charged, history] = await Promise.all([
    tables.selectFrom('it_cost_figures').selectAll().where('year', '=', year).execute(),
    tables
      .selectFrom('it_cost_pools')
      .select(sql<string>`coalesce(sum(annual_amount_ore), 0)`.as('total'))
      .where('year', '=', year)
      .executeTakeFirstOrThrow(),
    tables
      .selectFrom('it_allocation_lines as line')
      .innerJoin('it_allocation_runs as run', 'run.id', 'line.run_id')
      .select(['line.department_id', sql<string>`sum(line.amount_ore)`.as('total')])
      .where('run.status', '=', 'approved')
      .where('run.period', 'like', `${year}-%`)
      .groupBy('line.department_id')
      .execute(),
    yearlyShares(db, root),
  ]);
  const byUnit = new Map(figures.map((row) => [row.unit_id, row]));
  const chargedBy = new Map(charged.map((row) => [row.department_id, Number(row.total)]));
  const collator = new Intl.Collator('sv');
  const departments = access
    .departments()
    .map((unit) => {
      const figure = byUnit.get(unit.id);
      const chargedOre = chargedBy.get(unit.id) ?? 0;
      const ownItCostOre = Number(figure?.own_it_cost_ore ?? 0);
      const turnoverOre = figure ? Number(figure.turnover_ore) : null;
      return {
        departmentId: unit.id,
        departmentName: unit.name,
        turnoverOre,
        chargedOre,
        ownItCostOre,
        itCostOre: chargedOre + ownItCostOre,
        sharePercent: percent(chargedOre + ownItCostOre, turnoverOre),
      };
    })
    .sort((a, b) => collator.compare(a.departmentName, b.departmentName));
  const municipality = byUnit.get(root);
  const itDepartmentCostOre = Number(pools.total);
  const departmentsOwnCostOre = departments.reduce((sum, department) => sum + department.ownItCostOre, 0);
  const turnoverOre = municipality ? Number(municipality.turnover_ore) : null;
  return {
    year,
    nationalAveragePercent: municipality?.national_average_percent ?? null,
    municipality: {
      turnoverOre,
      itDepartmentCostOre,
      departmentsOwnCostOre,
      itCostOre: itDepartmentCostOre + departmentsOwnCostOre,
      sharePercent: percent(itDepartmentCostOre + departmentsOwnCostOre, turnoverOre),
    },
    departments,
    trend: history,
  };
}

/** The municipality's share in every year that has a turnover entered. */
async function yearlyShares(db: Kysely<unknown>, rootId: string) {
  const rows = await sql<{
    year: number;
    turnover: string;
    national: number | null;
    pools: string;
    own: string;
  }>`
    select figure.year, figure.turnover_ore as turnover, figure.national_average_percent as national,
      coalesce((select sum(annual_amount_ore) from it_cost_pools pool where pool.year = figure.year), 0) as pools,
      coalesce((select sum(own_it_cost_ore) from it_cost_figures own
                where own.year = figure.year and own.unit_id <> figure.unit_id), 0) as own
    from it_cost_figures figure
    where figure.unit_id = ${rootId} and figure.turnover_ore > 0
    order by figure.year`.execute(db);
  return rows.rows.map((row) => ({
    year: row.year,
    sharePercent: percent(Number(row.pools) + Number(row.own), Number(row.turnover)) ?? 0,
    nationalAveragePercent: row.national,
  }));
}

export async function setKeyFigures(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  year: number,
  input: KeyFigureInput,
): Promise<void> {
  const root = access.root;
  if (!root) return;
  for (const department of input.departments) access.department(department.departmentId);
  const rows = [
    {
      year,
      unit_id: root.id,
      turnover_ore: input.municipalityTurnoverOre,
      own_it_cost_ore: 0,
      national_average_percent: input.nationalAveragePercent,
    },
    ...input.departments.map((department) => ({
      year,
      unit_id: department.departmentId,
      turnover_ore: department.turnoverOre,
      own_it_cost_ore: department.ownItCostOre,
      national_average_percent: null,
    })),
  ];
  await itServicesDb(trx).deleteFrom('it_cost_figures').where('year', '=', year).execute();
  await itServicesDb(trx).insertInto('it_cost_figures').values(rows).execute();
}
