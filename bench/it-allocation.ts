/**
 * A month's chargeback run (issue 14): `createRun` for `--departments` (300) departments, `--pools`
 * (50) cost pools using all six models of MOL 8.2 and `--driver-rows` (10,000) driver rows, against
 * the same arithmetic as one SQL statement, in one run. Target: a run in < 2 s.
 *
 * 1. Setup (not timed): a fresh database — embedded PGlite in a temp dir, or with
 *    `--database-url URL` a throwaway database `bench_it_allocation_<pid>` on that PostgreSQL server,
 *    dropped at the end (also on failure or Ctrl-C) — migrated with the server's migrations. Then, by
 *    a fixed `--seed` (the same rows and ids every run): a municipality, `--boards` (10) boards and
 *    the departments under them (org_units, kind 'department', cost centre in short_name); the
 *    pools of the period's year (it_cost_pools), each with one to three models whose shares sum to
 *    10,000 (MODEL_MIXES: "2 och 4", "2, 3 och 4", model 1 alone and with others, …), amounts from a
 *    thousand öre to 20 M kr a year; and the driver rows through the module's own import
 *    (`replaceImportedDrivers`): computers of staff and pupils, users, connections, project demand
 *    and systems by tier. The table's key is (period, department, kind), so a month holds at most
 *    departments × 9 rows (2,700 for 300 departments): the period gets that many and the rest of
 *    `--driver-rows` go to the months before it (the table holds them; the run reads only its
 *    month). No portfolio systems and no orders: the run reads both and finds none.
 * 2. Timed, `--runs` (5) times, alternating: (a) `createRun` in a transaction as the route calls it
 *    (the operator's access: the IT department), each run a new version of the month, which
 *    discards the proposal before it; wall time from BEGIN to COMMIT, with where it went (a Kysely
 *    plugin times every statement: the reads, the inserts of lines, the rest in node — mostly
 *    `allocate()` and mapping the lines — and the commit); (b) the baseline, BASELINE_SQL: the same
 *    arithmetic as one statement in a transaction — the month's portion of each pool, its split
 *    over the models by share with the largest remainder (ties to the model listed first), each
 *    department's weighted units per model, floor shares and the leftover öre to the largest
 *    remainders (ties by department id), the lines numbered, explained (drivers, units, rate) and
 *    written, with the model-1 parts and a run row — into scratch copies of the run's tables (same
 *    columns, checks, indexes and foreign key to the run; not the immutability triggers). Both write
 *    their rows, so the ratio compares the same work. The tier weights are read once and passed in.
 * 3. The pure engine: `allocate()` on the run's inputs (pools, drivers, weights), `--runs` times.
 * 4. Verification: the first run's lines against the first baseline's, line by line (amount,
 *    rounding öre, number, units, total, rate, drivers, cost centre), and totals per department,
 *    per pool and model, retained parts and the run's sums; prints whether they match.
 *
 * `--profile` adds, after the runs: the same createRun with the lines' statement-level insert guard
 * disabled (the trigger's share), and the first run's lines written again into it_allocation_lines
 * for a proposed run of their own, four ways (LINE_WRITES: chunks of 2,000 rows as createRun does,
 * COPY through the platform's copyQuery, one insert from unnest(arrays), one from
 * jsonb_populate_recordset) — what the write would cost done differently.
 *
 * Usage: node bench/it-allocation.ts [--departments 300] [--boards 10] [--pools 50]
 *        [--driver-rows 10000] [--runs 5] [--period 2026-11] [--seed 1] [--pupil-weight 0.4]
 *        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--profile]
 * Prints a table and, last, one JSON line. The target is reported, never asserted.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { migrationSources } from '../server/src/app.ts';
import { identityDb } from '../server/src/modules/identity/index.ts';
import { ItServicesAccess } from '../server/src/modules/it-services/index.ts';
import {
  type AllocationPool,
  allocate,
  type DistributionModel,
  DRIVER_KINDS,
  type DriverKind,
  monthlyPortion,
} from '../server/src/modules/it-services/it-services.allocation.ts';
import { createRun, weightsFor } from '../server/src/modules/it-services/it-services.chargeback.ts';
import { driversOf, replaceImportedDrivers } from '../server/src/modules/it-services/it-services.drivers.ts';
import { itServicesDb } from '../server/src/modules/it-services/it-services.tables.ts';
import { type CopyValue, copyQuery } from '../server/src/platform/db/copy.ts';
import { type Database, openDatabase } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrator.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropCreatedDatabases,
  query,
  runBenchmark,
  uncommittedServerFiles,
} from './lib/population-db.ts';
import { machineInfo, makeTempDir, printTable, round, summarise } from './lib/server-process.ts';

const TARGET_MS = 2000;

const { values: options } = parseArgs({
  options: {
    departments: { type: 'string', default: '300' },
    boards: { type: 'string', default: '10' },
    pools: { type: 'string', default: '50' },
    'driver-rows': { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    period: { type: 'string', default: '2026-11' },
    seed: { type: 'string', default: '1' },
    'pupil-weight': { type: 'string', default: '0.4' },
    'database-url': { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const departmentCount = Number(options.departments);
const boardCount = Number(options.boards);
const poolCount = Number(options.pools);
const driverRowCount = Number(options['driver-rows']);
const runs = Number(options.runs);
const period = options.period;
const pupilWeight = Number(options['pupil-weight']);
const [year, month] = period.split('-').map(Number) as [number, number];
if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new Error(`--period must be YYYY-MM, not ${period}`);

// --- Deterministic data ---------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so every run draws the same organisation, pools and drivers. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(Number(options.seed));
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** A version-4-shaped uuid from the seeded generator (ids decide the order of lines and ties). */
function seededUuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** The pools' models, used in turn: each model alone and the mixes MOL 8.2 describes ("2 och 4", …). */
const MODEL_MIXES: DistributionModel[][] = [
  [2, 4],
  [2, 3, 4],
  [3],
  [4],
  [1],
  [5],
  [6],
  [2],
  [3, 4],
  [1, 4],
  [4, 5],
  [2, 6],
  [1, 2, 3],
  [3, 5, 6],
  [2, 4, 5],
  [4, 6],
];

/** Shares in basis points: round splits as people write them, thirds (equal remainders), and drawn ones. */
function sharesFor(count: number): number[] {
  const patterns: Record<number, number[][]> = {
    1: [[10_000]],
    2: [
      [5000, 5000],
      [7000, 3000],
      [3333, 6667],
      [2500, 7500],
    ],
    3: [
      [3333, 3333, 3334],
      [5000, 2500, 2500],
      [2000, 3000, 5000],
    ],
  };
  const choices = patterns[count] ?? [];
  const pick = Math.floor(random() * (choices.length + (count > 1 ? 1 : 0)));
  const chosen = choices[pick];
  if (chosen) return chosen;
  // Drawn: count − 1 distinct cuts in 1..9999.
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(between(1, 9999));
  const sorted = [...cuts].sort((a, b) => a - b);
  return [...sorted, 10_000].map((cut, index) => cut - (index === 0 ? 0 : (sorted[index - 1] ?? 0)));
}

const COST_TYPES = [
  'Licenser',
  'Drift',
  'Personal',
  'Hårdvara',
  'Nätverk',
  'Support',
  'Projekt',
  'Konsulter',
];

/** One department's quantity of one kind: counts, with pupils only in some, project hours in halves. */
function quantityOf(kind: DriverKind, hasPupils: boolean): number {
  switch (kind) {
    case 'systemGold':
      return between(0, 5);
    case 'systemSilver':
      return between(0, 10);
    case 'systemBronze':
      return between(0, 15);
    case 'systemCopper':
      return between(0, 25);
    case 'computerStaff':
      return between(10, 1500);
    case 'computerPupil':
      return hasPupils ? between(100, 4000) : 0;
    case 'user':
      return between(10, 2500);
    case 'connection':
      // A narrow range: many departments have the same count, so remainders tie and the id decides.
      return between(1, 60);
    case 'projectDemand':
      return random() < 0.3 ? 0 : between(1, 800) / 2;
  }
}

interface Fixture {
  departmentIds: string[];
  periodRows: number;
  otherRows: number;
  poolModels: number[];
}

/** Months before `period` (YYYY-MM), newest first. */
function earlierPeriods(count: number): string[] {
  const periods: string[] = [];
  for (let back = 1; back <= count; back++) {
    const index = year * 12 + (month - 1) - back;
    periods.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return periods;
}

async function fill(db: Kysely<unknown>): Promise<Fixture> {
  const rootId = seededUuid();
  const units: {
    id: string;
    parent_id: string | null;
    kind: string;
    name: string;
    short_name: string | null;
    path: string;
  }[] = [
    {
      id: rootId,
      parent_id: null,
      kind: 'municipality',
      name: 'Bänkköpings kommun',
      short_name: 'BK',
      path: `/${rootId}/`,
    },
  ];
  const boards = Array.from({ length: boardCount }, (_, index) => {
    const id = seededUuid();
    units.push({
      id,
      parent_id: rootId,
      kind: 'board',
      name: `Nämnd ${index + 1}`,
      short_name: `N${index + 1}`,
      path: `/${rootId}/${id}/`,
    });
    return id;
  });
  const departmentIds: string[] = [];
  for (let index = 0; index < departmentCount; index++) {
    const id = seededUuid();
    const boardId = boards[index % boards.length] as string;
    const number = String(index + 1).padStart(3, '0');
    units.push({
      id,
      parent_id: boardId,
      kind: 'department',
      name: `Förvaltning ${number}`,
      short_name: `KST-${number}`,
      path: `/${rootId}/${boardId}/${id}/`,
    });
    departmentIds.push(id);
  }
  for (let index = 0; index < units.length; index += 500) {
    await identityDb(db)
      .insertInto('org_units')
      .values(units.slice(index, index + 500))
      .execute();
  }

  const pools = Array.from({ length: poolCount }, (_, index) => {
    const models = MODEL_MIXES[index % MODEL_MIXES.length] as DistributionModel[];
    const shares = sharesFor(models.length);
    // 1,237 öre a year for the first pool (a month's part is smaller than the departments: only
    // leftover öre), otherwise 50,000 kr – 20 M kr, log-uniform, odd öre.
    const annual = index === 0 ? 1237 : Math.floor(Math.exp(Math.log(5e6) + random() * Math.log(400)));
    return {
      id: seededUuid(),
      year,
      cost_type: COST_TYPES[index % COST_TYPES.length] as string,
      category: `Kostnadsställe ${String(index + 1).padStart(2, '0')}`,
      annual_amount_ore: annual,
      // As createPool stores them: in model order.
      models: JSON.stringify(
        models.map((model, position) => ({ model, shareBasisPoints: shares[position] ?? 0 })),
      ) as never,
    };
  });
  await itServicesDb(db).insertInto('it_cost_pools').values(pools).execute();

  // Drivers through the module's import, one month at a time.
  const access = await ItServicesAccess.forOperator(db);
  const pairs = departmentIds.length * DRIVER_KINDS.length;
  const periodRows = Math.min(driverRowCount, pairs);
  const months = [period, ...earlierPeriods(Math.ceil(Math.max(0, driverRowCount - periodRows) / pairs))];
  let left = driverRowCount;
  const pupilDepartments = new Set(departmentIds.filter(() => random() < 0.3));
  for (const month of months) {
    const rows = Math.min(left, pairs);
    left -= rows;
    // A month with fewer rows than pairs keeps the first department complete (no model without drivers).
    const values = departmentIds
      .flatMap((departmentId) => DRIVER_KINDS.map((kind) => ({ departmentId, kind })))
      .slice(0, rows)
      .map(({ departmentId, kind }) => ({
        departmentId,
        kind,
        quantity: quantityOf(kind, pupilDepartments.has(departmentId)),
      }));
    await db.transaction().execute((trx) => replaceImportedDrivers(trx, access, month, values));
  }
  return {
    departmentIds,
    periodRows,
    otherRows: driverRowCount - periodRows,
    poolModels: pools.map((pool) => (JSON.parse(pool.models as string) as unknown[]).length),
  };
}

// --- The baseline: the same arithmetic as one statement ------------------------------------------

/** Scratch copies of the run's tables for the baseline's rows (no immutability triggers). */
const SCRATCH_SQL = [
  'create table bench_sql_runs (id uuid primary key, period text not null, distributed_ore bigint not null, retained_ore bigint not null, line_count integer not null)',
  'create table bench_sql_lines (like it_allocation_lines including all)',
  'alter table bench_sql_lines add foreign key (run_id) references bench_sql_runs (id)',
  'create table bench_sql_retained (like it_allocation_retained including all)',
  'alter table bench_sql_retained add foreign key (run_id) references bench_sql_runs (id)',
];

/**
 * $1 period, $2 year, $3 month, $4 weights by model as JSON ({"2": {"systemGold": 8, …}, …}),
 * $5 the driver kinds in the engine's order (DRIVER_KINDS), $6 the new run's id. Mirrors
 * it-services.allocation.ts step by step: monthlyPortion, splitAmount, modelBasis (units summed in
 * kind order in float8 as the engine does in JavaScript, then rounded to millionths),
 * distributePart (exact: numeric), and the line's explanation columns in float8.
 */
const BASELINE_SQL = `
with pool as (
  select p.id, p.cost_type, p.category, p.models,
         p.annual_amount_ore * $3::int / 12 - p.annual_amount_ore * ($3::int - 1) / 12 as amount
    from it_cost_pools p
   where p.year = $2::int
), share as (
  select pool.id as pool_id, (m.value ->> 'model')::int as model, pool.amount,
         pool.amount * (m.value ->> 'shareBasisPoints')::bigint as exact, m.position
    from pool cross join lateral jsonb_array_elements(pool.models) with ordinality as m(value, position)
), part as (
  select pool_id, model,
         exact / 10000 + (row_number() over (partition by pool_id order by exact % 10000 desc, position)
           <= amount - sum(exact / 10000) over (partition by pool_id))::int as amount_ore
    from share
), weight as (
  select m.key::int as model, w.key as kind, w.value::text::float8 as weight, k.position
    from jsonb_each($4::jsonb) as m(key, value)
   cross join lateral jsonb_each(m.value) as w(key, value)
    join unnest($5::text[]) with ordinality as k(kind, position) on k.kind = w.key
), basis as (
  select w.model, d.department_id,
         floor(sum(d.quantity * w.weight order by w.position) * 1000000::float8 + 0.5)::bigint as micro,
         jsonb_agg(jsonb_build_object('kind', d.kind, 'quantity', d.quantity, 'weight', w.weight)
                   order by w.position) as drivers
    from it_driver_values d
    join weight w on w.kind = d.kind
   where d.period = $1::text
   group by w.model, d.department_id
), model_basis as (
  select model, department_id, micro, drivers, sum(micro) over (partition by model) as total_micro
    from basis
   where micro > 0
), spread as (
  select p.pool_id, p.model, p.amount_ore as part, b.department_id, b.micro, b.total_micro, b.drivers,
         div(p.amount_ore::numeric * b.micro, b.total_micro) as floor_ore,
         mod(p.amount_ore::numeric * b.micro, b.total_micro) as remainder
    from part p
    join model_basis b on b.model = p.model
   where p.model <> 1 and p.amount_ore > 0
), line as (
  select spread.*,
         (row_number() over (partition by pool_id, model order by remainder desc, department_id)
           <= part - sum(floor_ore) over (partition by pool_id, model))::int as rounding_ore
    from spread
), numbered as (
  select line.*, floor_ore + rounding_ore as amount_ore,
         row_number() over (order by pool_id, model, department_id) as line_no
    from line
), run as (
  insert into bench_sql_runs (id, period, distributed_ore, retained_ore, line_count)
  select $6::uuid, $1::text, coalesce((select sum(amount_ore) from numbered), 0),
         coalesce((select sum(amount_ore) from part where model = 1), 0), (select count(*) from numbered)
  returning id
), retained as (
  insert into bench_sql_retained (run_id, pool_id, cost_type, category, amount_ore)
  select $6::uuid, part.pool_id, pool.cost_type, pool.category, part.amount_ore
    from part join pool on pool.id = part.pool_id
   where part.model = 1
  returning pool_id
)
insert into bench_sql_lines (run_id, line_no, department_id, kind, pool_id, cost_type, category, model,
  cost_centre, drivers, units, total_units, rate_ore, amount_ore, rounding_ore)
select $6::uuid, n.line_no, n.department_id, 'pool', n.pool_id, pool.cost_type, pool.category, n.model,
       unit.short_name, n.drivers, n.micro::float8 / 1000000, n.total_micro::float8 / 1000000,
       n.part::float8 / (n.total_micro::float8 / 1000000), n.amount_ore, n.rounding_ore
  from numbered n
  join pool on pool.id = n.pool_id
  left join org_units unit on unit.id = n.department_id`;

async function runBaseline(db: Kysely<unknown>, weightsJson: string): Promise<{ ms: number; runId: string }> {
  const runId = randomUUID();
  const started = performance.now();
  await db
    .transaction()
    .execute((trx) =>
      trx.executeQuery(
        CompiledQuery.raw(BASELINE_SQL, [period, year, month, weightsJson, [...DRIVER_KINDS], runId]),
      ),
    );
  return { ms: performance.now() - started, runId };
}

// --- Timing createRun -----------------------------------------------------------------------------

interface Span {
  label: string;
  start: number;
  end: number;
}

/** Times every statement Kysely runs through it (from compiling, just before it is sent, to its result). */
class StatementTimer implements KyselyPlugin {
  readonly spans: Span[] = [];
  readonly #started = new WeakMap<object, { label: string; start: number }>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#started.set(args.queryId, { label: labelOf(args.node), start: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started) this.spans.push({ ...started, end: performance.now() });
    return args.result;
  }
}

function labelOf(node: RootOperationNode): string {
  if (node.kind === 'InsertQueryNode') return `insert ${node.into?.table.identifier.name ?? '?'}`;
  if (node.kind === 'UpdateQueryNode') return 'update';
  if (node.kind === 'SelectQueryNode') return 'read';
  return 'read'; // the advisory lock (raw SQL)
}

/** Wall time covered by the spans (the reads run concurrently, queued on the transaction's connection). */
function covered(spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const span of sorted) {
    if (span.end <= end) continue;
    total += span.end - Math.max(span.start, end);
    end = span.end;
  }
  return total;
}

interface RunTiming {
  ms: number;
  runId: string;
  readsMs: number;
  insertLinesMs: number;
  insertStatements: number;
  otherWritesMs: number;
  nodeMs: number;
  commitMs: number;
  /** This process's CPU (user + system) during the run; on PGlite it includes the database. */
  nodeCpuMs: number;
}

async function timeCreateRun(db: Kysely<unknown>, access: ItServicesAccess): Promise<RunTiming> {
  const timer = new StatementTimer();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let bodyEnd = 0;
  const runId = await db.transaction().execute(async (trx) => {
    const id = await createRun(trx.withPlugin(timer), access, period, pupilWeight);
    bodyEnd = performance.now();
    return id;
  });
  const ms = performance.now() - started;
  const lines = timer.spans.filter((span) => span.label === 'insert it_allocation_lines');
  const reads = timer.spans.filter((span) => span.label === 'read');
  const others = timer.spans.filter(
    (span) => span.label !== 'read' && span.label !== 'insert it_allocation_lines',
  );
  return {
    ms,
    runId,
    readsMs: covered(reads),
    insertLinesMs: covered(lines),
    insertStatements: lines.length,
    otherWritesMs: covered(others),
    // BEGIN, JavaScript between statements (allocate, mapping, JSON of the drivers) and waiting.
    nodeMs: bodyEnd - started - covered(timer.spans),
    commitMs: performance.now() - bodyEnd,
    nodeCpuMs: ((usage) => (usage.user + usage.system) / 1000)(process.cpuUsage(cpu)),
  };
}

// --- The pure engine ------------------------------------------------------------------------------

async function engineInputs(db: Kysely<unknown>, access: ItServicesAccess) {
  const rows = await itServicesDb(db)
    .selectFrom('it_cost_pools')
    .selectAll()
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  const pools: AllocationPool[] = rows.map((row) => ({
    id: row.id,
    amountOre: monthlyPortion(Number(row.annual_amount_ore), month),
    models: row.models.map((share) => ({
      model: share.model as DistributionModel,
      shareBasisPoints: share.shareBasisPoints,
    })),
  }));
  const drivers = await driversOf(db, access, period);
  const weights = await weightsFor(db, pupilWeight);
  return { pools, drivers, weights };
}

// --- Verification ---------------------------------------------------------------------------------

const VERIFY_LINES_SQL = `
select count(*)::int as compared,
       count(*) filter (where e.line_no is null)::int as only_sql,
       count(*) filter (where s.line_no is null)::int as only_engine,
       count(*) filter (where e.amount_ore is distinct from s.amount_ore)::int as amount_differs,
       count(*) filter (where (e.line_no, e.rounding_ore, e.units, e.total_units, e.rate_ore, e.drivers,
                               e.cost_centre, e.cost_type, e.category, e.kind)
                        is distinct from (s.line_no, s.rounding_ore, s.units, s.total_units, s.rate_ore,
                               s.drivers, s.cost_centre, s.cost_type, s.category, s.kind))::int as other_differs
  from (select * from it_allocation_lines where run_id = $1) e
  full join (select * from bench_sql_lines where run_id = $2) s
    on s.pool_id = e.pool_id and s.model = e.model and s.department_id = e.department_id`;

const VERIFY_TOTALS_SQL = `
with e as (select * from it_allocation_lines where run_id = $1),
     s as (select * from bench_sql_lines where run_id = $2),
     by_department as (
       select coalesce(a.department_id, b.department_id), a.total, b.total as sql_total
         from (select department_id, sum(amount_ore) as total from e group by 1) a
         full join (select department_id, sum(amount_ore) as total from s group by 1) b using (department_id)),
     by_part as (
       select a.total, b.total as sql_total
         from (select pool_id, model, sum(amount_ore) as total from e group by 1, 2) a
         full join (select pool_id, model, sum(amount_ore) as total from s group by 1, 2) b using (pool_id, model)),
     retained as (
       select a.amount_ore as total, b.amount_ore as sql_total
         from (select * from it_allocation_retained where run_id = $1) a
         full join (select * from bench_sql_retained where run_id = $2) b using (pool_id))
select (select count(*) from by_department)::int as departments,
       (select count(*) from by_department where total is distinct from sql_total)::int as departments_differ,
       (select count(*) from by_part)::int as parts,
       (select count(*) from by_part where total is distinct from sql_total)::int as parts_differ,
       (select count(*) from retained)::int as retained,
       (select count(*) from retained where total is distinct from sql_total)::int as retained_differ,
       (select (distributed_ore, retained_ore, line_count)::text from it_allocation_runs where id = $1) as engine_run,
       (select (distributed_ore, retained_ore, line_count)::text from bench_sql_runs where id = $2) as sql_run`;

interface Verification {
  lines: {
    compared: number;
    only_sql: number;
    only_engine: number;
    amount_differs: number;
    other_differs: number;
  };
  totals: {
    departments: number;
    departments_differ: number;
    parts: number;
    parts_differ: number;
    retained: number;
    retained_differ: number;
    engine_run: string;
    sql_run: string;
  };
  match: boolean;
}

async function verify(db: Kysely<unknown>, engineRunId: string, sqlRunId: string): Promise<Verification> {
  const [lines] = (await db.executeQuery(CompiledQuery.raw(VERIFY_LINES_SQL, [engineRunId, sqlRunId])))
    .rows as Verification['lines'][];
  const [totals] = (await db.executeQuery(CompiledQuery.raw(VERIFY_TOTALS_SQL, [engineRunId, sqlRunId])))
    .rows as Verification['totals'][];
  if (!lines || !totals) throw new Error('verification returned nothing');
  const match =
    lines.only_sql + lines.only_engine + lines.amount_differs + lines.other_differs === 0 &&
    totals.departments_differ + totals.parts_differ + totals.retained_differ === 0 &&
    totals.engine_run === totals.sql_run;
  return { lines, totals, match };
}

// --- Profiling (--profile) ------------------------------------------------------------------------

/** The columns of it_allocation_lines with their types, in table order. */
const LINE_COLUMNS: [string, string][] = [
  ['run_id', 'uuid'],
  ['line_no', 'int'],
  ['department_id', 'uuid'],
  ['kind', 'text'],
  ['pool_id', 'uuid'],
  ['cost_type', 'text'],
  ['category', 'text'],
  ['model', 'int'],
  ['order_id', 'uuid'],
  ['order_number', 'text'],
  ['service_name', 'text'],
  ['cost_centre', 'text'],
  ['drivers', 'jsonb'],
  ['units', 'float8'],
  ['total_units', 'float8'],
  ['rate_ore', 'float8'],
  ['days', 'int'],
  ['amount_ore', 'bigint'],
  ['rounding_ore', 'int'],
];

type LineRow = Record<string, unknown>;

/**
 * Ways to write a run's lines, each into it_allocation_lines itself (foreign key, indexes and the
 * insert guard included) for a proposed run of its own (period 1900-01, so the month's versions
 * are not touched), in a transaction; the time includes turning the rows into what is sent.
 */
const LINE_WRITES: { name: string; write: (trx: Kysely<unknown>, rows: LineRow[]) => Promise<unknown> }[] = [
  {
    name: 'insert … values, chunks of 2,000 rows (as createRun)',
    async write(trx, rows) {
      const values = rows.map((row) => ({ ...row, drivers: JSON.stringify(row.drivers) }));
      for (let index = 0; index < values.length; index += 2000) {
        await itServicesDb(trx)
          .insertInto('it_allocation_lines')
          .values(values.slice(index, index + 2000) as never)
          .execute();
      }
    },
  },
  {
    name: 'copy … from stdin (platform/db/copy.ts)',
    write: (trx, rows) =>
      trx.executeQuery(
        copyQuery(
          'it_allocation_lines',
          LINE_COLUMNS.map(([column]) => column),
          rows.map((row) =>
            LINE_COLUMNS.map(([column]) =>
              column === 'drivers' ? JSON.stringify(row.drivers) : (row[column] as CopyValue),
            ),
          ),
        ),
      ),
  },
  {
    name: 'one insert … select from unnest(19 arrays)',
    write: (trx, rows) =>
      trx.executeQuery(
        CompiledQuery.raw(
          `insert into it_allocation_lines (${LINE_COLUMNS.map(([column]) => column).join(', ')})
           select * from unnest(${LINE_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})`,
          LINE_COLUMNS.map(([column]) =>
            rows.map((row) => (column === 'drivers' ? JSON.stringify(row.drivers) : row[column])),
          ),
        ),
      ),
  },
  {
    name: 'one insert … select from jsonb_populate_recordset',
    write: (trx, rows) =>
      trx.executeQuery(
        CompiledQuery.raw(
          `insert into it_allocation_lines
           select * from jsonb_populate_recordset(null::it_allocation_lines, $1::jsonb)`,
          [JSON.stringify(rows)],
        ),
      ),
  },
];

/** Each of LINE_WRITES `runs` times, in turn, with the lines of the run `runId`. */
async function timeLineWrites(db: Kysely<unknown>, runId: string) {
  const rows = (
    await db.executeQuery(
      CompiledQuery.raw('select * from it_allocation_lines where run_id = $1 order by line_no', [runId]),
    )
  ).rows as LineRow[];
  const timings = LINE_WRITES.map(() => [] as number[]);
  const failures = LINE_WRITES.map(() => null as string | null);
  let version = 0;
  for (let attempt = 0; attempt < runs; attempt++) {
    for (const [index, { write }] of LINE_WRITES.entries()) {
      if (failures[index]) continue;
      version += 1;
      const started = performance.now();
      try {
        await db.transaction().execute(async (trx) => {
          const run = await itServicesDb(trx)
            .insertInto('it_allocation_runs')
            .values({
              period: '1900-01',
              version,
              status: 'proposed',
              previous_version_id: null,
              pupil_computer_weight: pupilWeight,
              distributed_ore: 0,
              retained_ore: 0,
              service_charges_ore: 0,
              line_count: rows.length,
              created_by_id: null,
              created_by_name: 'bench',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await write(
            trx,
            rows.map((row) => ({ ...row, run_id: run.id })),
          );
        });
        timings[index]?.push(performance.now() - started);
      } catch (error) {
        failures[index] = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      }
    }
  }
  return LINE_WRITES.map(({ name }, index) => ({
    name,
    ms: timings[index]?.length ? summarise(timings[index] ?? []) : null,
    failure: failures[index] ?? null,
  }));
}

// --- Main -----------------------------------------------------------------------------------------

async function openBenchDatabase(): Promise<{ database: Database; where: string }> {
  const serverUrl = options['database-url'];
  if (serverUrl) {
    const name = `bench_it_allocation_${process.pid}`;
    const url = await createDatabase(serverUrl === 'default' ? DEFAULT_POSTGRES_URL : serverUrl, name);
    const [version] = await query<{ server_version: string }>(url, 'show server_version');
    return {
      database: await openDatabase({ databaseUrl: url }),
      where: `PostgreSQL ${version?.server_version} (${name}, dropped at the end)`,
    };
  }
  return {
    database: await openDatabase({ dataDir: makeTempDir('karna-bench-allocation-') }),
    where: 'PGlite (embedded, temp dir)',
  };
}

const ms = (value: number) => round(value, 1);

async function main(): Promise<void> {
  const machine = machineInfo();
  const dirty = uncommittedServerFiles();
  const { database, where } = await openBenchDatabase();
  const { db } = database;
  try {
    process.stdout.write(
      `Kärna allocation run (issue 14) — ${machine.date}\n` +
        `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
        `commit ${machine.gitCommit}${dirty ? ` + ${dirty} uncommitted files in server/ and contracts/` : ''}, ` +
        `load average ${machine.loadAverage1m}\n${where}\n`,
    );
    let started = performance.now();
    await migrateToLatest(db, migrationSources);
    const migrateMs = performance.now() - started;
    started = performance.now();
    const fixture = await fill(db);
    for (const statement of SCRATCH_SQL) await db.executeQuery(CompiledQuery.raw(statement));
    const fillMs = performance.now() - started;
    const access = await ItServicesAccess.forOperator(db);
    const weights = await weightsFor(db, pupilWeight);
    const weightsJson = JSON.stringify(weights);
    const mixes = fixture.poolModels.reduce<Record<number, number>>((counts, models) => {
      counts[models] = (counts[models] ?? 0) + 1;
      return counts;
    }, {});
    process.stdout.write(
      `${departmentCount} departments under ${boardCount} boards; ${poolCount} pools of ${year} ` +
        `(${Object.entries(mixes)
          .map(([models, count]) => `${count} with ${models} model${models === '1' ? '' : 's'}`)
          .join(', ')}; all six models); ${driverRowCount.toLocaleString('en-GB')} driver rows: ` +
        `${fixture.periodRows.toLocaleString('en-GB')} for ${period} (the most the key allows: departments × ` +
        `${DRIVER_KINDS.length} kinds), ${fixture.otherRows.toLocaleString('en-GB')} in earlier months\n` +
        `setup: migrate ${round(migrateMs / 1000, 1)} s, fill ${round(fillMs / 1000, 1)} s; ` +
        `${runs} runs each, createRun and the SQL baseline alternating\n\n`,
    );

    // The pure engine on the run's inputs.
    const inputs = await engineInputs(db, access);
    const engineMs: number[] = [];
    let lineCount = 0;
    for (let attempt = 0; attempt < runs; attempt++) {
      const engineStarted = performance.now();
      const result = allocate(inputs);
      engineMs.push(performance.now() - engineStarted);
      lineCount = result.lines.length;
    }

    const runTimings: RunTiming[] = [];
    const baselineMs: number[] = [];
    let verification: Verification | null = null;
    for (let attempt = 0; attempt < runs; attempt++) {
      const run = await timeCreateRun(db, access);
      runTimings.push(run);
      const baseline = await runBaseline(db, weightsJson);
      baselineMs.push(baseline.ms);
      verification ??= await verify(db, run.runId, baseline.runId);
      process.stdout.write(
        `run ${attempt + 1}: createRun ${ms(run.ms)} ms (reads ${ms(run.readsMs)}, node ${ms(run.nodeMs)}, ` +
          `insert lines ${ms(run.insertLinesMs)} in ${run.insertStatements} statements, other writes ` +
          `${ms(run.otherWritesMs)}, commit ${ms(run.commitMs)}); SQL baseline ${ms(baseline.ms)} ms\n`,
      );
    }
    if (!verification) throw new Error('no run to verify');
    const [written] = (
      await db.executeQuery(
        CompiledQuery.raw('select line_count from it_allocation_runs where id = $1', [runTimings[0]?.runId]),
      )
    ).rows as { line_count: number }[];

    const v = verification;
    process.stdout.write(
      `\nverification (first run against the first baseline): ${v.match ? 'MATCH' : 'MISMATCH'} — ` +
        `${v.lines.compared} lines compared: ${v.lines.amount_differs} differ in amount, ${v.lines.other_differs} ` +
        `in another column, ${v.lines.only_engine} only in createRun's, ${v.lines.only_sql} only in the SQL's; ` +
        `${v.totals.departments} department totals (${v.totals.departments_differ} differ), ${v.totals.parts} ` +
        `pool/model totals (${v.totals.parts_differ} differ), ${v.totals.retained} retained parts ` +
        `(${v.totals.retained_differ} differ); run sums (distributed, retained, lines) ${v.totals.engine_run} vs ` +
        `${v.totals.sql_run}\n\n`,
    );

    const create = summarise(runTimings.map((run) => run.ms));
    const baseline = summarise(baselineMs);
    const engine = summarise(engineMs);
    const phase = (pick: (run: RunTiming) => number) => ms(summarise(runTimings.map(pick)).median);
    printTable([
      ['measure', 'min ms', 'p50 ms', 'max ms'],
      ['allocate() alone (pure engine)', ms(engine.min), ms(engine.median), ms(engine.max)],
      ['createRun (BEGIN … COMMIT)', ms(create.min), ms(create.median), ms(create.max)],
      ['  reads (pools, drivers, tiers, …)', '', phase((run) => run.readsMs), ''],
      // createRun writes its lines with COPY through executeQuery, which Kysely plugins do not see:
      // that time is in this row.
      ['  node + COPY of the lines (unseen by the timer)', '', phase((run) => run.nodeMs), ''],
      ['  insert it_allocation_lines (inserts only)', '', phase((run) => run.insertLinesMs), ''],
      ['  other writes (run row, retained)', '', phase((run) => run.otherWritesMs), ''],
      ['  commit', '', phase((run) => run.commitMs), ''],
      ['  CPU of this process (PGlite: with the database)', '', phase((run) => run.nodeCpuMs), ''],
      ['SQL baseline (one statement)', ms(baseline.min), ms(baseline.median), ms(baseline.max)],
    ]);
    const ratio = create.median / baseline.median;
    process.stdout.write(
      `\nlines per run: ${written?.line_count ?? '?'} written (allocate: ${lineCount}); ` +
        `ratio createRun/SQL (p50): ${round(ratio, 2)}\n` +
        `target createRun < ${TARGET_MS} ms: ${create.median < TARGET_MS ? 'met' : 'NOT met'} ` +
        `(p50 ${ms(create.median)} ms, max ${ms(create.max)} ms)\n`,
    );

    let profile: Record<string, unknown> | null = null;
    if (options.profile) {
      await db.executeQuery(
        CompiledQuery.raw('alter table it_allocation_lines disable trigger it_allocation_lines_insert_guard'),
      );
      const withoutGuard: RunTiming[] = [];
      for (let attempt = 0; attempt < runs; attempt++) withoutGuard.push(await timeCreateRun(db, access));
      await db.executeQuery(
        CompiledQuery.raw('alter table it_allocation_lines enable trigger it_allocation_lines_insert_guard'),
      );
      const writes = await timeLineWrites(db, runTimings[0]?.runId ?? '');
      const noGuard = summarise(withoutGuard.map((run) => run.ms));
      const noGuardInsert = summarise(withoutGuard.map((run) => run.insertLinesMs));
      process.stdout.write(
        `\nprofile (--profile): without the lines' insert guard, and ${written?.line_count ?? '?'} lines ` +
          'written into it_allocation_lines for a run of their own, four ways\n',
      );
      const cell = (value: number | undefined) => (value === undefined ? '' : ms(value));
      printTable([
        ['measure', 'min ms', 'p50 ms', 'max ms'],
        ['createRun, insert guard disabled', ms(noGuard.min), ms(noGuard.median), ms(noGuard.max)],
        ['  its insert of lines', ms(noGuardInsert.min), ms(noGuardInsert.median), ms(noGuardInsert.max)],
        ...writes.map(({ name, ms: timing, failure }) =>
          failure
            ? [`${name}: failed (${failure.slice(0, 60)})`, '', '', '']
            : [name, cell(timing?.min), cell(timing?.median), cell(timing?.max)],
        ),
      ]);
      profile = {
        createRunWithoutInsertGuardMs: noGuard,
        insertLinesWithoutInsertGuardMs: noGuardInsert,
        lineWrites: writes,
      };
    }

    process.stdout.write(
      `\n${JSON.stringify({
        benchmark: 'it-allocation',
        machine,
        uncommittedServerFiles: dirty,
        database: where,
        departments: departmentCount,
        boards: boardCount,
        pools: poolCount,
        driverRows: driverRowCount,
        driverRowsForPeriod: fixture.periodRows,
        period,
        runs,
        lines: written?.line_count ?? null,
        allocateMs: engine,
        createRunMs: create,
        createRunRunsMs: runTimings.map((run) => ms(run.ms)),
        createRunPhasesP50Ms: {
          reads: phase((run) => run.readsMs),
          node: phase((run) => run.nodeMs),
          insertLines: phase((run) => run.insertLinesMs),
          otherWrites: phase((run) => run.otherWritesMs),
          commit: phase((run) => run.commitMs),
          processCpu: phase((run) => run.nodeCpuMs),
        },
        sqlBaselineMs: baseline,
        sqlBaselineRunsMs: baselineMs.map(ms),
        ratioCreateRunToSql: round(ratio, 2),
        verification: v,
        profile,
        target: { createRunMs: TARGET_MS, met: create.median < TARGET_MS },
      })}\n`,
    );
  } finally {
    await database.close();
    await dropCreatedDatabases();
  }
}

await runBenchmark('it-allocation', main);
