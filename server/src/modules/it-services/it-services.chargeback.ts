import type {
  AllocationRunDetail,
  AllocationRunSummary,
  ChargeLine,
  DepartmentCharges,
  DistributionModel,
} from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { copyQuery } from '../../platform/db/copy.ts';
import { tierPolicies } from '../portfolio/index.ts';
import { forbidden, type ItServicesAccess } from './it-services.access.ts';
import {
  AllocationError,
  type AllocationPool,
  allocate,
  DEFAULT_MODEL_WEIGHTS,
  type ModelWeights,
  monthlyPortion,
} from './it-services.allocation.ts';
import { daysInclusive, driversOf, monthBounds, pricedOrders } from './it-services.drivers.ts';
import { itServicesError } from './it-services.errors.ts';
import { explain } from './it-services.explain.ts';
import { type ItServicesTables, itServicesDb } from './it-services.tables.ts';

/**
 * Allocation runs (N4): a month's share of every cost pool distributed to the departments by the
 * pool's models, plus the month's service charges from orders. A run is written whole in one
 * transaction and proposed; another person in the IT department approves it, after which neither
 * the run nor its lines ever change (the database refuses). Running the month again makes a new
 * version, compared department by department with the one before.
 */

type RunRow = Selectable<ItServicesTables['it_allocation_runs']>;
type LineRow = Selectable<ItServicesTables['it_allocation_lines']>;
type NewLine = Omit<LineRow, 'run_id' | 'line_no'>;

const LINE_COLUMNS = [
  'run_id',
  'line_no',
  'department_id',
  'kind',
  'pool_id',
  'cost_type',
  'category',
  'model',
  'order_id',
  'order_number',
  'service_name',
  'cost_centre',
  'drivers',
  'units',
  'total_units',
  'rate_ore',
  'days',
  'amount_ore',
  'rounding_ore',
] as const satisfies readonly (keyof LineRow)[];

export async function weightsFor(db: Kysely<unknown>, pupilComputerWeight: number): Promise<ModelWeights> {
  const tiers = await tierPolicies(db);
  const defaults = DEFAULT_MODEL_WEIGHTS[2];
  return {
    ...DEFAULT_MODEL_WEIGHTS,
    2: {
      systemGold: tiers.get('gold')?.priceWeight ?? defaults.systemGold,
      systemSilver: tiers.get('silver')?.priceWeight ?? defaults.systemSilver,
      systemBronze: tiers.get('bronze')?.priceWeight ?? defaults.systemBronze,
      systemCopper: tiers.get('copper')?.priceWeight ?? defaults.systemCopper,
    },
    3: { computerStaff: 1, computerPupil: pupilComputerWeight },
  };
}

/** The pools of the month's year with the month's portion of each (the twelve portions sum to the year). */
async function poolsOf(db: Kysely<unknown>, period: string) {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const rows = await itServicesDb(db)
    .selectFrom('it_cost_pools')
    .selectAll()
    .where('year', '=', year)
    .orderBy('id') // a fixed order, so an error names the same pool every time
    .execute();
  return rows.map((row) => ({
    row,
    pool: {
      id: row.id,
      amountOre: monthlyPortion(Number(row.annual_amount_ore), month),
      models: row.models.map((share) => ({
        model: share.model as DistributionModel,
        shareBasisPoints: share.shareBasisPoints,
      })),
    } satisfies AllocationPool,
  }));
}

/** Computes a month's lines without writing anything. */
export async function computeMonth(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  period: string,
  pupilComputerWeight: number,
) {
  const [pools, drivers, weights, orders] = await Promise.all([
    poolsOf(db, period),
    driversOf(db, access, period),
    weightsFor(db, pupilComputerWeight),
    pricedOrders(db, period),
  ]);
  if (pools.length === 0)
    throw itServicesError('no_cost_pools', { detail: `No cost pools for ${period.slice(0, 4)}.` });
  const poolRows = new Map(pools.map(({ row }) => [row.id, row]));
  let result: ReturnType<typeof allocate>;
  try {
    result = allocate({ pools: pools.map(({ pool }) => pool), drivers, weights });
  } catch (error) {
    if (error instanceof AllocationError && error.code === 'driver_sum_zero') {
      const pool = poolRows.get(error.poolId);
      throw itServicesError('driver_sum_zero', {
        detail: `${pool?.cost_type} – ${pool?.category}: model ${error.model} has no driver quantities for ${period}.`,
      });
    }
    throw error;
  }
  const lines: NewLine[] = result.lines.map((line) => {
    const pool = poolRows.get(line.poolId);
    return {
      department_id: line.departmentId,
      kind: 'pool',
      pool_id: line.poolId,
      cost_type: pool?.cost_type ?? null,
      category: pool?.category ?? null,
      model: line.model,
      order_id: null,
      order_number: null,
      service_name: null,
      cost_centre: access.units.get(line.departmentId)?.shortName ?? null,
      drivers: line.drivers,
      units: line.units,
      total_units: line.totalUnits,
      rate_ore: line.rateOre,
      days: null,
      amount_ore: line.amountOre,
      rounding_ore: line.roundingOre,
    };
  });
  const { first, last, days } = monthBounds(period);
  for (const order of orders) {
    const price = Number(order.price_ore);
    const monthly = order.price_model === 'monthlyPerUnit';
    const ran = monthly
      ? daysInclusive(
          order.start_date > first ? order.start_date : first,
          order.end_date && order.end_date < last ? order.end_date : last,
        )
      : null;
    if (ran === 0) continue;
    lines.push({
      department_id: order.department_id,
      kind: 'service',
      pool_id: null,
      cost_type: null,
      category: null,
      model: null,
      order_id: order.id,
      order_number: order.number,
      service_name: order.service_name,
      cost_centre: order.cost_centre,
      drivers: [],
      units: order.quantity,
      total_units: order.quantity,
      rate_ore: price,
      days: ran,
      amount_ore: monthly ? proratedOre(price * order.quantity, ran ?? days, days) : price * order.quantity,
      rounding_ore: 0,
    });
  }
  const retained = result.retained.map((part) => {
    const pool = poolRows.get(part.poolId);
    return {
      pool_id: part.poolId,
      cost_type: pool?.cost_type ?? '',
      category: pool?.category ?? '',
      amount_ore: part.amountOre,
    };
  });
  return { lines, retained };
}

/** amount × days / monthDays, rounded half up to whole öre, exactly (BigInt). */
export function proratedOre(amountOre: number, days: number, monthDays: number): number {
  const numerator = BigInt(amountOre) * BigInt(days) * 2n + BigInt(monthDays);
  return Number(numerator / (BigInt(monthDays) * 2n));
}

export async function createRun(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  period: string,
  pupilComputerWeight: number,
): Promise<string> {
  access.assertManage();
  // One run of a month at a time: the versions of a period are numbered without gaps.
  await sql`select pg_advisory_xact_lock(hashtext('it-services.run'), hashtext(${period}))`.execute(trx);
  const { lines, retained } = await computeMonth(trx, access, period, pupilComputerWeight);
  const earlier = await itServicesDb(trx)
    .selectFrom('it_allocation_runs')
    .select(['id', 'version', 'status'])
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .execute();
  const previous =
    earlier.find((run) => run.status === 'approved') ?? earlier.find((run) => run.status === 'proposed');
  // A newer proposal replaces an older one that was never approved.
  await itServicesDb(trx)
    .updateTable('it_allocation_runs')
    .set({ status: 'discarded' })
    .where('period', '=', period)
    .where('status', '=', 'proposed')
    .execute();
  const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
  const run = await itServicesDb(trx)
    .insertInto('it_allocation_runs')
    .values({
      period,
      version: (earlier[0]?.version ?? 0) + 1,
      status: 'proposed',
      previous_version_id: previous?.id ?? null,
      pupil_computer_weight: pupilComputerWeight,
      distributed_ore: sum(lines.filter((line) => line.kind === 'pool').map((line) => line.amount_ore)),
      retained_ore: sum(retained.map((part) => part.amount_ore)),
      service_charges_ore: sum(
        lines.filter((line) => line.kind === 'service').map((line) => line.amount_ore),
      ),
      line_count: lines.length,
      created_by_id: access.userId,
      created_by_name: access.displayName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // COPY: a month of 300 departments has some 25,000 lines, written in half the time of inserts (bench/it-allocation.ts).
  if (lines.length > 0) {
    await trx.executeQuery(
      copyQuery(
        'it_allocation_lines',
        LINE_COLUMNS,
        lines.map((line, index) =>
          LINE_COLUMNS.map((column) => {
            if (column === 'run_id') return run.id;
            if (column === 'line_no') return index + 1;
            if (column === 'drivers') return JSON.stringify(line.drivers);
            return line[column];
          }),
        ),
      ),
    );
  }
  if (retained.length > 0) {
    await itServicesDb(trx)
      .insertInto('it_allocation_retained')
      .values(retained.map((part) => ({ ...part, run_id: run.id })))
      .execute();
  }
  return run.id;
}

async function lockRun(trx: Kysely<unknown>, id: string): Promise<RunRow> {
  const run = await itServicesDb(trx)
    .selectFrom('it_allocation_runs')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!run) throw itServicesError('allocation_run_not_found');
  return run;
}

/** Approves a proposed run: the newest of its month, made by someone else (four eyes). */
export async function approveRun(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
): Promise<RunRow> {
  access.assertManage();
  const run = await lockRun(trx, id);
  if (run.status !== 'proposed') throw itServicesError('allocation_run_not_proposed');
  if (run.created_by_id !== null && run.created_by_id === access.userId)
    throw itServicesError('allocation_run_own_approval');
  await itServicesDb(trx)
    .updateTable('it_allocation_runs')
    .set({ status: 'superseded' })
    .where('period', '=', run.period)
    .where('status', '=', 'approved')
    .execute();
  await itServicesDb(trx)
    .updateTable('it_allocation_runs')
    .set({
      status: 'approved',
      approved_by_id: access.userId,
      approved_by_name: access.displayName,
      approved_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  return run;
}

export async function discardRun(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
): Promise<RunRow> {
  access.assertManage();
  const run = await lockRun(trx, id);
  if (run.status !== 'proposed') throw itServicesError('allocation_run_not_proposed');
  await itServicesDb(trx)
    .updateTable('it_allocation_runs')
    .set({ status: 'discarded' })
    .where('id', '=', id)
    .execute();
  return run;
}

function presentSummary(access: ItServicesAccess, run: RunRow): AllocationRunSummary {
  return {
    id: run.id,
    period: run.period,
    version: run.version,
    status: run.status as AllocationRunSummary['status'],
    pupilComputerWeight: run.pupil_computer_weight,
    distributedOre: Number(run.distributed_ore) + Number(run.service_charges_ore),
    retainedOre: Number(run.retained_ore),
    serviceChargesOre: Number(run.service_charges_ore),
    lineCount: run.line_count,
    createdBy: run.created_by_name,
    createdAt: run.created_at.toISOString(),
    approvedBy: run.approved_by_name,
    approvedAt: run.approved_at?.toISOString() ?? null,
    canApprove:
      run.status === 'proposed' &&
      access.manages() &&
      (run.created_by_id === null || run.created_by_id !== access.userId),
  };
}

export async function listRuns(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  period?: string,
): Promise<AllocationRunSummary[]> {
  let select = itServicesDb(db).selectFrom('it_allocation_runs').selectAll();
  if (period) select = select.where('period', '=', period);
  const rows = await select.orderBy('period', 'desc').orderBy('version', 'desc').limit(200).execute();
  return rows.map((run) => presentSummary(access, run));
}

async function departmentTotals(db: Kysely<unknown>, runId: string): Promise<Map<string, number>> {
  const rows = await itServicesDb(db)
    .selectFrom('it_allocation_lines')
    .select(['department_id', (eb) => eb.fn.sum<number>('amount_ore').as('total')])
    .where('run_id', '=', runId)
    .groupBy('department_id')
    .execute();
  return new Map(rows.map((row) => [row.department_id, Number(row.total)]));
}

export async function runDetail(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
): Promise<AllocationRunDetail> {
  const run = await itServicesDb(db)
    .selectFrom('it_allocation_runs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!run) throw itServicesError('allocation_run_not_found');
  const [totals, before, retained] = await Promise.all([
    departmentTotals(db, id),
    run.previous_version_id ? departmentTotals(db, run.previous_version_id) : Promise.resolve(null),
    itServicesDb(db).selectFrom('it_allocation_retained').selectAll().where('run_id', '=', id).execute(),
  ]);
  const collator = new Intl.Collator('sv');
  const departmentIds = new Set([...totals.keys(), ...(before?.keys() ?? [])]);
  return {
    ...presentSummary(access, run),
    previousVersionId: run.previous_version_id,
    departments: [...departmentIds]
      .map((departmentId) => ({
        departmentId,
        departmentName: access.departmentName(departmentId),
        amountOre: totals.get(departmentId) ?? 0,
        changeOre: before ? (totals.get(departmentId) ?? 0) - (before.get(departmentId) ?? 0) : null,
      }))
      .sort((a, b) => collator.compare(a.departmentName, b.departmentName)),
    retained: retained
      .map((part) => ({
        poolId: part.pool_id,
        costType: part.cost_type,
        category: part.category,
        amountOre: Number(part.amount_ore),
      }))
      .sort((a, b) => collator.compare(a.costType, b.costType) || collator.compare(a.category, b.category)),
  };
}

export async function runLines(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  runId: string,
  departmentId?: string,
) {
  let select = itServicesDb(db).selectFrom('it_allocation_lines').selectAll().where('run_id', '=', runId);
  if (departmentId) select = select.where('department_id', '=', departmentId);
  const rows = await select.orderBy('line_no').execute();
  return rows.map((row) => presentLine(access, row));
}

export function presentLine(access: ItServicesAccess, row: LineRow): ChargeLine {
  const line = {
    departmentId: row.department_id,
    departmentName: access.departmentName(row.department_id),
    kind: row.kind as ChargeLine['kind'],
    poolId: row.pool_id,
    costType: row.cost_type,
    category: row.category,
    model: row.model as DistributionModel | null,
    orderId: row.order_id,
    orderNumber: row.order_number,
    serviceName: row.service_name,
    costCentre: row.cost_centre,
    drivers: row.drivers as ChargeLine['drivers'],
    units: row.units,
    totalUnits: row.total_units,
    rateOre: row.rate_ore,
    days: row.days,
    amountOre: Number(row.amount_ore),
    roundingOre: row.rounding_ore,
  };
  return { ...line, explanation: explain(line) };
}

/** A department's charges for a month: the lines of the approved run, or none yet. */
export async function departmentCharges(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  departmentId: string,
  period: string,
): Promise<DepartmentCharges> {
  const department = access.department(departmentId);
  if (!access.ordersFor(department) && !access.manages()) throw forbidden();
  const run = await itServicesDb(db)
    .selectFrom('it_allocation_runs')
    .select(['id', 'version', 'approved_at'])
    .where('period', '=', period)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  const lines = run ? await runLines(db, access, run.id, departmentId) : [];
  return {
    period,
    department: { id: department.id, name: department.name },
    run: run
      ? { id: run.id, version: run.version, approvedAt: run.approved_at?.toISOString() ?? null }
      : null,
    totalOre: lines.reduce((total, line) => total + line.amountOre, 0),
    lines,
  };
}
