/**
 * The application portfolio's list (GET /api/portfolio/systems) with `--systems` (5,000) systems
 * and `--integrations` (20,000) integrations, against the bare SQL its first page needs, and the
 * map of one department (GET /api/portfolio/graph?orgUnitId=…&maxBoxes=80), in one run (issue 13).
 *
 * 1. The database: a fresh PostgreSQL database, migrated (`karna migrate`), the demo municipality
 *    seeded without its population (which brings the demo portfolio: 138 systems, 196
 *    integrations), then filled up to `--systems` and `--integrations` by a few set-wise
 *    statements (SYSTEMS_SQL and those after it, fixed `setseed`): systems spread over the demo boards by weight,
 *    each used by 1–3 units (mostly of its own board), tiers gold/silver/bronze/copper 1:3:4:4
 *    with 5 % none, mostly in operation, 150 suppliers, a system owner for 90 % and a system
 *    manager for 60 %, 1–3 information types each; integrations between random pairs of systems,
 *    each carrying 1–2 information types. Then `vacuum (analyze)`. `--sql "…"` runs its text after
 *    that (to try an index or a setting).
 * 2. The server (`node server/src/main.ts`, KARNA_SEED_DEMO=false) on it; the demo IT strategist
 *    Ivar Nilsson (itDepartment for the whole municipality) logs in through the test identity
 *    provider. For each variant of the list (listVariants): autocannon in this process,
 *    `--connections` (16) keep-alive clients with his session cookie, `--warmup` (3) s unmeasured,
 *    then `--duration` (20) s measured, every response time kept; then the same for the graph of
 *    one department, with one client (its answer time) and with as many as the list. Every answer
 *    must be 200. Each run also gives the cores other work on the machine kept busy (OtherWork).
 *    Then the browser (issue 13's "graph view of one department renders in the browser in < 1 s"),
 *    with the server idle: Debian's Chromium (Playwright, headless, 1280×800) logs Ivar in through
 *    the test identity provider's pages as a person does, and a fresh context with his session
 *    (nothing cached) opens the integration page /portfolj/integrationer?orgUnitId=<the same
 *    department> on the built web app (web/dist, which the server serves; the benchmark does not
 *    build it and skips this step, saying so, when it is missing). It waits `--browser-timeout`
 *    (60) s for `[data-graph-state="ready"]` and reads the page's performance measures (GRAPH_MARKS in
 *    web/src/modules/portfolio/graph-canvas.tsx): `portfolio-graph` from asking for the graph to
 *    the map drawn, `portfolio-graph:draw` from having the data to drawn; and the time from
 *    navigation start (Navigation Timing) to the ready attribute, and the node and edge counts the
 *    drawing names. Once cold, then `--reloads` (5) reloads (assets cached); p50 and max of the
 *    reloads. A load that times out or fails is reported as such and ends the reloads. The browser
 *    shares the machine with the server and the database.
 * 3. The baseline, with the server stopped: each list variant's two statements — the filtered
 *    count and the first page, with the WHERE, ORDER BY, LIMIT and OFFSET that `listSystems`
 *    (server/src/modules/portfolio/portfolio.systems.ts) runs, mirrored by listStatements — at
 *    once, as listSystems runs them, through the server's own pool and driver (`openDatabase`),
 *    from as many concurrent callers, the same warm-up and duration. The graph has no baseline:
 *    its figure is the server's share of the browser's < 1 s.
 * 4. EXPLAIN (ANALYZE, BUFFERS) of every variant's two statements; the slowest variant's plans are
 *    printed.
 *
 * `--pglite` measures the same afterwards on the embedded database (a temp KARNA_DATA_DIR, the
 * server without DATABASE_URL, the baseline through `openDatabase` on PGlite in this process).
 * Everything created is dropped at the end; `--keep` keeps the PostgreSQL database as
 * bench_portfolio_<systems>_<integrations>, to look at with psql (filling takes seconds, so a run
 * never reuses it).
 *
 * Usage: node bench/portfolio-list.ts [--systems 5000] [--integrations 20000] [--duration 20]
 *        [--connections 16] [--warmup 3] [--postgres URL] [--pglite] [--keep]
 *        [--sql "create index …"] [--profile] [--only TEXT] [--browser | --no-browser] [--reloads 5]
 *        [--browser-timeout 60]
 * (--profile runs the server under `node --cpu-prof` and prints where its CPU went; the profiler
 * slows it, so its figures are not the benchmark's. --only measures just the variants, graph runs
 * and browser step whose labels in the table contain TEXT: `--only systems` (the list), `--only graph`
 * (the graph's answers and the browser), `--only browser`, `--only q=`. --browser adds the browser
 * step to whatever --only picked; --no-browser leaves it out.)
 * Prints a table and, last, one JSON line. Targets are reported, never asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathTo, swedishDate } from '@karna/contracts';
import autocannon from 'autocannon';
import { CompiledQuery, type Kysely } from 'kysely';
import {
  demoOrgUnits,
  demoPortfolio,
  demoStaff,
  seedDemoMunicipality,
} from '../server/seeds/demo-municipality.ts';
import { AuditTrail } from '../server/src/platform/audit/index.ts';
import { type Database, openDatabase } from '../server/src/platform/db/database.ts';
import { formAction, TestBrowser } from '../server/test/test-browser.ts';
import { launchChromium, logInStaffInBrowser, type WebBuild, webBuildState } from './lib/browser.ts';
import { type CpuProfile, summariseProfile } from './lib/cpu-profile.ts';
import {
  type GraphPageRun,
  type GraphPageTiming,
  isLoad,
  type Spread,
  timeGraphPage,
} from './lib/graph-page.ts';
import { Latencies, MachineCpu, PostgresCpu, runCallers } from './lib/load.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropCreatedDatabases,
  karnaEnv,
  keepDatabase,
  query,
  runBenchmark,
  runKarna,
  uncommittedServerFiles,
} from './lib/population-db.ts';
import {
  childEnv,
  findFreePort,
  type ManagedProcess,
  machineInfo,
  makeTempDir,
  printTable,
  readCpuSeconds,
  round,
  SERVER_SCRIPT,
  serverEnv,
  startProcess,
  stopProcess,
  waitUntilOk,
} from './lib/server-process.ts';

const TARGET_P95_MS = 50;
/** The issue's graph target is the browser's (< 1 s to render); the API's answer is a share of it. */
const GRAPH_TARGET_MS = 1000;
/** The list's default page size (SystemListQuery in contracts/src/portfolio.ts). */
const PAGE_SIZE = 50;

const { values: options } = parseArgs({
  options: {
    systems: { type: 'string', default: '5000' },
    integrations: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '3' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL },
    pglite: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    sql: { type: 'string' },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    browser: { type: 'boolean' },
    reloads: { type: 'string', default: '5' },
    'browser-timeout': { type: 'string', default: '60' },
  },
  allowNegative: true,
});
const systemCount = Number(options.systems);
const integrationCount = Number(options.integrations);
const duration = Number(options.duration);
const connections = Number(options.connections);
const warmup = Number(options.warmup);
const reloads = Number(options.reloads);
/** How long the browser waits for one load of the graph page to draw. */
const browserTimeoutMs = Number(options['browser-timeout']) * 1000;

/** Whether the browser step can run (a built web app and Chromium), read once at the start. */
const webBuild: WebBuild = webBuildState();

/** The department whose systems the `orgUnitId` variant and the graph show (a demo unit's key). */
const DEPARTMENT_KEY = 'ubf';
/** The information type of the `informationTypeId` variant (a demo type's key). */
const INFORMATION_TYPE_KEY = 'invoice';
/** The search word: the first part of 1 in 50 generated names (SYSTEM_WORDS), so about 2 %. */
const SEARCH_WORD = 'fordon';

/** A list variant's query parameters (SystemListQuery's names); ids are filled in per run. */
type ListParams = Partial<
  Record<
    | 'q'
    | 'tier'
    | 'category'
    | 'supportKind'
    | 'lifecycle'
    | 'hosting'
    | 'time'
    | 'singleSignOn'
    | 'orgUnitId'
    | 'informationTypeId'
    | 'sort',
    string
  >
>;

interface Variant {
  name: string;
  params: ListParams;
}

/** The lists an IT strategist opens most: by name, by tier, a search, a department's, … */
function listVariants(fixture: Fixture): Variant[] {
  return [
    { name: 'default (sort=name)', params: {} },
    { name: 'tier=gold', params: { tier: 'gold' } },
    { name: `q=${SEARCH_WORD}`, params: { q: SEARCH_WORD } },
    { name: `orgUnitId=${fixture.department.shortName}`, params: { orgUnitId: fixture.department.id } },
    {
      name: 'operating, no SSO, -userCount',
      params: { lifecycle: 'operating', singleSignOn: 'false', sort: '-userCount' },
    },
    { name: 'sort=owningBoard', params: { sort: 'owningBoard' } },
    {
      name: `informationTypeId=${INFORMATION_TYPE_KEY}`,
      params: { informationTypeId: fixture.informationTypeId },
    },
  ];
}

function queryString(params: ListParams): string {
  const search = new URLSearchParams(params as Record<string, string>).toString();
  return search ? `?${search}` : '';
}

// --- Generating the portfolio ----------------------------------------------------------------------

/** How the generated systems spread over the demo boards (by key); about as the demo's own do. */
const BOARD_WEIGHTS: Record<string, number> = {
  ks: 0.4,
  bun: 0.15,
  tn: 0.12,
  von: 0.1,
  bn: 0.08,
  kfn: 0.08,
  sn: 0.07,
};

/** First parts of generated names (50, ASCII): each starts 2 % of them; SEARCH_WORD is part of no other. */
const SYSTEM_WORDS = (
  'Bygg Ekonomi Lon Skol Vard Omsorg Karta Arkiv Diarie Faktura Bokning Fordon Tid Schema Elev ' +
  'Betyg Plan Miljo Avfall Vatten Park Gata Trafik Parkering Bibliotek Kultur Fritid Idrott Halsa ' +
  'Social Bistand Personal Rekrytering Inkop Avtal Kassa Lokal Fastighet Energi Larm Kommunikation ' +
  'Webb Intranat Analys Rapport Statistik Signering Identitet Behorighet Nyckel'
).split(' ');
/** Second parts of generated names (10). */
const SYSTEM_KINDS = 'system portal stod app tjanst register plattform verktyg modul hubb'.split(' ');
/** Suppliers: 15 × 10 = 150 ASCII names, so supplier_sort is lower(supplier). */
const SUPPLIER_FIRSTS = 'Nord Syd Vast Ost Tieto Data Sys Info Kommun Digi Mjuk Net Soft Tekn Logi'.split(
  ' ',
);
const SUPPLIER_LASTS = 'data,system,soft,IT,partner,konsult,tech,ware,gruppen,lab'
  .split(',')
  .map((part) => `${part} AB`);

/**
 * The generated portfolio, statement by statement, run in one session (so `setseed` makes every
 * run draw the same rows, and the temp tables carry the new ids from one statement to the next).
 * Names are ASCII (`Fordonportal 00042`), so their sort key (swedishSortKey) is lower(name).
 * Parameters: $1 the systems to add, $2 the boards as JSON [{id, weight, units: [ids below it]}],
 * $3–$6 the word lists. The new systems' ids go to the temp table bench_systems, with how many
 * units use each and how many information types each holds.
 */
const SYSTEMS_SQL = `
with boards as (
  select (b ->> 'id')::uuid as id, (b ->> 'weight')::numeric as weight, n
    from jsonb_array_elements($2::jsonb) with ordinality as t(b, n)
), ranges as (
  select id, (sum(weight) over (order by n) - weight) / sum(weight) over () as lo,
         sum(weight) over (order by n) / sum(weight) over () as hi
    from boards
), drawn as (
  select i, random() as board_pick, random() as r_tier, random() as r_life, random() as r_kind,
         random() as r_users, random() as r_supplier, random() as r_host, random() as r_since,
         ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] as word,
         ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] as kind,
         ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int]
           || ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] as supplier
    from generate_series(1, $1::int) i
), named as (
  select d.*, r.id as board_id, d.word || d.kind || ' ' || lpad(d.i::text, 5, '0') as name,
         case when d.r_tier < 0.05 then null
              when d.r_tier < 0.05 + 0.95 / 12 then 'gold'
              when d.r_tier < 0.05 + 0.95 * 4 / 12 then 'silver'
              when d.r_tier < 0.05 + 0.95 * 8 / 12 then 'bronze'
              else 'copper' end as tier,
         case when d.r_life < 0.03 then 'planned' when d.r_life < 0.08 then 'introducing'
              when d.r_life < 0.87 then 'operating' when d.r_life < 0.95 then 'phasingOut'
              else 'retired' end as lifecycle
    from drawn d join ranges r on d.board_pick >= r.lo and d.board_pick < r.hi
), inserted as (
  insert into portfolio_systems (name, name_sort, description, purpose, category, support_kind,
    support_kind_since, lifecycle, lifecycle_from, owning_board_id, user_count, supplier,
    supplier_sort, contract_reference, hosting, technical_platform, single_sign_on,
    central_access_administration, tier_override, tier_override_justification, tier, created_at,
    updated_at)
  select name, lower(name),
         'Verksamhetsstöd för ' || lower(word) || ': registrering, handläggning, uppföljning och '
           || 'rapportering i det dagliga arbetet. Genererat för prestandamätning av portföljen.',
         'Stödjer verksamhetens arbete med ' || lower(word) || '.',
         case when r_kind < 0.3 then 'shared' else 'department' end,
         case when r_kind < 0.6 then 'basic' when r_kind < 0.95 then 'differentiating' else 'innovative' end,
         current_date - (r_since * 3650)::int,
         lifecycle, current_date - (r_since * 3650)::int, board_id,
         case when r_users < 0.15 then null else power(10, random() * 4)::int end,
         case when r_supplier < 0.1 then null else supplier end,
         case when r_supplier < 0.1 then null else lower(supplier) end,
         case when r_supplier < 0.1 then null else 'AVT-' || (2015 + floor(r_since * 11))::int || '-' || i end,
         case when r_host < 0.3 then 'ownDataCentre' when r_host < 0.7 then 'supplier' else 'cloud' end,
         case when r_host < 0.3 then 'Windows Server, MS SQL' when r_host < 0.7 then 'Leverantörens drift' else 'SaaS' end,
         random() < 0.45, random() < 0.3,
         tier, case when tier is not null then 'Genererad klassning för prestandamätning.' end, tier,
         now() - interval '1 day' * (r_since * 3650),
         now() - interval '1 day' * (random() * 730)
    from named
  returning id, owning_board_id
)
insert into bench_systems (id, owning_board_id, units, types)
select id, owning_board_id, 1 + floor(random() * 3)::int, 1 + floor(random() * 3)::int from inserted`;

/**
 * Each generated system's 1–3 using units: 70 % a unit of its own board's administration, 15 %
 * the whole municipality, 15 % any department or unit. A unit drawn twice counts once.
 * $1 the boards as JSON (as SYSTEMS_SQL's $2), $2 the municipality's unit, $3 every department and unit.
 */
const USAGE_SQL = `
with board_units as (
  select (b ->> 'id')::uuid as board, array(select jsonb_array_elements_text(b -> 'units'))::uuid[] as ids
    from jsonb_array_elements($1::jsonb) b
), slots as (
  select s.id, s.owning_board_id, random() as r, random() as r2
    from bench_systems s cross join lateral generate_series(1, s.units) k
)
insert into portfolio_system_usage (system_id, org_unit_id)
select s.id,
       case when s.r < 0.7 then b.ids[1 + floor(s.r2 * cardinality(b.ids))::int]
            when s.r < 0.85 then $2::uuid
            else ($3::uuid[])[1 + floor(s.r2 * cardinality($3::uuid[]))::int] end
  from slots s join board_units b on b.board = s.owning_board_id
on conflict do nothing`;

/**
 * A system owner (on the owning board, accepted for 85 %) for 90 % of the generated systems and a
 * system manager for 60 %, drawn from the demo portfolio's people; valid from the last four years.
 */
const ROLES_SQL = `
with people as (select array_agg(id order by id) as ids from users where directory_subject like 'portfolio:%')
insert into portfolio_role_assignments (subject_type, subject_id, role, person_id, org_unit_id,
                                        valid_from, accepted_at)
select 'system', s.id, r.role, p.ids[1 + floor(random() * cardinality(p.ids))::int],
       case when r.role = 'systemOwner' then s.owning_board_id end,
       current_date - (random() * 1500)::int,
       case when random() < 0.85 then now() - interval '1 day' * (random() * 1000) end
  from bench_systems s cross join people p
  cross join (values ('systemOwner', 0.9), ('systemManager', 0.6)) as r(role, share)
 where random() < r.share`;

/** 1–3 information types per generated system, with what it does with each. */
const SYSTEM_INFORMATION_SQL = `
with types as (select array_agg(id order by key) as ids from registry_information_types)
insert into portfolio_system_information (system_id, information_type_id, can_create, can_read,
                                          can_update, can_delete)
select s.id, t.ids[1 + floor(random() * cardinality(t.ids))::int], random() < 0.6, true,
       random() < 0.5, random() < 0.2
  from bench_systems s cross join types t cross join lateral generate_series(1, s.types) k
on conflict do nothing`;

/**
 * $1 integrations between random pairs of all systems (the demo's too; source ≠ target: the target
 * is drawn from the other n − 1), half of them owned by $2 (the IT unit); each is to carry 1–2
 * information types (bench_integrations).
 */
const INTEGRATIONS_SQL = `
with systems as (select array_agg(id order by id) as ids, count(*)::int as n from portfolio_systems),
drawn as (
  select i, floor(random() * s.n)::int as a, floor(random() * (s.n - 1))::int as b, random() as r1,
         random() as r2, random() as r3
    from generate_series(1, $1::int) i cross join systems s
), inserted as (
  insert into portfolio_integrations (source_system_id, target_system_id, pattern, protocol, format,
                                      frequency, platform, owner_org_unit_id, description, created_at,
                                      updated_at)
  select s.ids[1 + d.a], s.ids[1 + (d.a + 1 + d.b) % s.n],
         case when d.r1 < 0.5 then 'api' when d.r1 < 0.8 then 'file' when d.r1 < 0.92 then 'event' else 'database' end,
         case when d.r1 < 0.5 then 'REST/HTTPS' when d.r1 < 0.8 then 'SFTP' when d.r1 < 0.92 then 'AMQP' else 'JDBC' end,
         case when d.r2 < 0.5 then 'JSON' when d.r2 < 0.8 then 'XML' else 'CSV' end,
         case when d.r2 < 0.35 then 'realtime' when d.r2 < 0.45 then 'hourly' when d.r2 < 0.8 then 'daily'
              when d.r2 < 0.9 then 'weekly' when d.r2 < 0.95 then 'monthly' else 'onDemand' end,
         case when d.r3 < 0.6 then 'Integrationsplattformen' end,
         case when d.r3 < 0.5 then $2::uuid end,
         'Genererad integration nummer ' || d.i || ' för prestandamätning.',
         now() - interval '1 day' * (d.r3 * 2000), now() - interval '1 day' * (d.r3 * 400)
    from drawn d cross join systems s
  returning id
)
insert into bench_integrations (id, types) select id, 1 + floor(random() * 2)::int from inserted`;

const INTEGRATION_INFORMATION_SQL = `
with types as (select array_agg(id order by key) as ids from registry_information_types)
insert into portfolio_integration_information (integration_id, information_type_id)
select g.id, t.ids[1 + floor(random() * cardinality(t.ids))::int]
  from bench_integrations g cross join types t cross join lateral generate_series(1, g.types) k
on conflict do nothing`;

interface OrgUnitRow {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  short_name: string | null;
  path: string;
}

/** What the variants need from the filled database, and what it holds. */
interface Fixture {
  department: { id: string; name: string; shortName: string; subtree: string[] };
  informationTypeId: string;
  /** The boards' ids in Swedish order of their names, as the owningBoard sort binds them. */
  boardsInOrder: string[];
  holds: Record<string, number>;
}

// --- The backends ----------------------------------------------------------------------------------

/** A database to measure on: PostgreSQL (the must) or the embedded PGlite. */
interface Backend {
  kind: 'postgres' | 'pglite';
  /** The PostgreSQL database's name (its backends' CPU is read from /proc); null for PGlite. */
  databaseName: string | null;
  /** The environment of the `karna` CLI. */
  cliEnv(): NodeJS.ProcessEnv;
  /** The environment of the server on `port`, not seeding the demo. */
  serverEnv(port: number): NodeJS.ProcessEnv;
  open(): Promise<Database>;
}

async function postgresBackend(serverUrl: string): Promise<Backend> {
  const name = `bench_portfolio_${process.pid}`;
  const url = await createDatabase(serverUrl, name);
  return {
    kind: 'postgres',
    databaseName: name,
    cliEnv: () => karnaEnv(url, makeTempDir('karna-bench-cli-')),
    serverEnv: (port) =>
      serverEnv(port, makeTempDir('karna-bench-data-'), { DATABASE_URL: url, KARNA_SEED_DEMO: 'false' }),
    open: () => openDatabase({ databaseUrl: url }),
  };
}

function pgliteBackend(): Backend {
  // One data dir for the CLI, this process and the server, one after the other (PGlite locks it).
  const dataDir = makeTempDir('karna-bench-pglite-');
  const withoutUrl = (env: NodeJS.ProcessEnv) => {
    delete env.DATABASE_URL;
    return env;
  };
  return {
    kind: 'pglite',
    databaseName: null,
    cliEnv: () => withoutUrl(childEnv({ KARNA_ENV: 'development', KARNA_DATA_DIR: dataDir })),
    serverEnv: (port) => withoutUrl(serverEnv(port, dataDir, { KARNA_SEED_DEMO: 'false' })),
    open: () => openDatabase({ dataDir }),
  };
}

/** Migrates, seeds the demo municipality (no population) and generates the rest; returns the seconds. */
async function fillDatabase(backend: Backend): Promise<{ seconds: number; generatedSeconds: number }> {
  const started = performance.now();
  await runKarna(['migrate'], backend.cliEnv());
  const database = await backend.open();
  try {
    await seedDemoMunicipality(database.db, await AuditTrail.load(database.db), { population: false });
    const generateStarted = performance.now();
    await generatePortfolio(database.db);
    const generatedSeconds = round((performance.now() - generateStarted) / 1000, 1);
    await database.db.executeQuery(CompiledQuery.raw('vacuum (analyze)'));
    if (options.sql) await database.db.executeQuery(CompiledQuery.raw(options.sql));
    return { seconds: round((performance.now() - started) / 1000, 1), generatedSeconds };
  } finally {
    await database.close();
  }
}

async function generatePortfolio(db: Kysely<unknown>): Promise<void> {
  const units = await orgUnits(db);
  const byKey = unitsByKey(units);
  const boards = Object.entries(BOARD_WEIGHTS).map(([key, weight]) => {
    const board = required(byKey.get(key), `board ${key}`);
    return { id: board.id, weight, units: subtree(units, board).filter((id) => id !== board.id) };
  });
  const root = required(
    units.find((unit) => unit.parent_id === null),
    'the municipality',
  );
  const departmentsAndUnits = units.filter((unit) => unit.kind !== 'board' && unit.parent_id !== null);
  const it = required(byKey.get('it'), 'the IT unit');
  await db.connection().execute(async (connection) => {
    const run = (text: string, parameters: unknown[] = []) =>
      connection.executeQuery(CompiledQuery.raw(text, parameters));
    await run('select setseed(0.1313)');
    await run(
      'create temp table bench_systems (id uuid primary key, owning_board_id uuid, units int, types int)',
    );
    await run('create temp table bench_integrations (id uuid primary key, types int)');
    const [existing] = (
      await run(
        'select (select count(*) from portfolio_systems) as systems, (select count(*) from portfolio_integrations) as integrations',
      )
    ).rows as { systems: number | string; integrations: number | string }[];
    const boardsJson = JSON.stringify(boards);
    await run(SYSTEMS_SQL, [
      Math.max(0, systemCount - Number(existing?.systems ?? 0)),
      boardsJson,
      SYSTEM_WORDS,
      SYSTEM_KINDS,
      SUPPLIER_FIRSTS,
      SUPPLIER_LASTS,
    ]);
    await run(USAGE_SQL, [boardsJson, root.id, departmentsAndUnits.map((unit) => unit.id)]);
    await run(ROLES_SQL);
    await run(SYSTEM_INFORMATION_SQL);
    await run(INTEGRATIONS_SQL, [Math.max(0, integrationCount - Number(existing?.integrations ?? 0)), it.id]);
    await run(INTEGRATION_INFORMATION_SQL);
    await run('drop table bench_systems');
    await run('drop table bench_integrations');
  });
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the demo municipality has no ${what}`);
  return value;
}

async function orgUnits(db: Kysely<unknown>): Promise<OrgUnitRow[]> {
  const result = await db.executeQuery<OrgUnitRow>(
    CompiledQuery.raw('select id, parent_id, kind, name, short_name, path from org_units order by path'),
  );
  return result.rows;
}

/** The demo's unit keys (org-units.json) to the rows, by their (unique) names. */
function unitsByKey(units: OrgUnitRow[]): Map<string, OrgUnitRow> {
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  const byKey = new Map<string, OrgUnitRow>();
  for (const seed of demoOrgUnits) {
    const unit = byName.get(seed.name);
    if (unit) byKey.set(seed.key, unit);
  }
  return byKey;
}

/** The unit and every unit below it, as PortfolioAccess.subtree gives them (by path, in path order). */
function subtree(units: OrgUnitRow[], root: OrgUnitRow): string[] {
  return units.filter((unit) => unit.path.startsWith(root.path)).map((unit) => unit.id);
}

/** The ids the variants need, and what the database holds. */
async function readFixture(db: Kysely<unknown>): Promise<Fixture> {
  const units = await orgUnits(db);
  const department = required(unitsByKey(units).get(DEPARTMENT_KEY), `unit ${DEPARTMENT_KEY}`);
  const collator = new Intl.Collator('sv');
  const boardsInOrder = units
    .filter((unit) => unit.kind === 'board')
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((unit) => unit.id);
  const type = (
    await db.executeQuery<{ id: string }>(
      CompiledQuery.raw('select id from registry_information_types where key = $1', [INFORMATION_TYPE_KEY]),
    )
  ).rows[0];
  const [holds] = (
    await db.executeQuery<Record<string, string | number>>(
      CompiledQuery.raw(
        `select (select count(*) from portfolio_systems) as systems,
                (select count(*) from portfolio_integrations) as integrations,
                (select count(*) from portfolio_integration_information) as "integrationInformation",
                (select count(*) from portfolio_system_usage) as usage,
                (select count(*) from portfolio_system_information) as "systemInformation",
                (select count(*) from portfolio_role_assignments) as "roleAssignments",
                (select count(*) from portfolio_systems where lower(name) like $1) as "namesWithWord",
                (select pg_total_relation_size('portfolio_systems')) as "systemsBytes"`,
        [`%${SEARCH_WORD}%`],
      ),
    )
  ).rows;
  return {
    department: {
      id: department.id,
      name: department.name,
      shortName: department.short_name ?? DEPARTMENT_KEY,
      subtree: subtree(units, department),
    },
    informationTypeId: required(type, `information type ${INFORMATION_TYPE_KEY}`).id,
    boardsInOrder,
    holds: Object.fromEntries(Object.entries(holds ?? {}).map(([key, value]) => [key, Number(value)])),
  };
}

// --- The page's statements, as listSystems runs them -------------------------------------------------

interface Statement {
  sql: string;
  parameters: unknown[];
}

const TIER_ORDER = `case tier when 'gold' then 1 when 'silver' then 2 when 'bronze' then 3 when 'copper' then 4 else 5 end`;
const STAGE_ORDER = `case lifecycle when 'planned' then 1 when 'introducing' then 2 when 'operating' then 3 when 'phasingOut' then 4 else 5 end`;
const NAME_ORDER = 'name_sort collate "C"';

/**
 * The two statements `listSystems` (server/src/modules/portfolio/portfolio.systems.ts) runs for
 * a variant's first page, for a reader of the whole municipality: `filteredSystems`' conditions
 * in its order, then the count, and the page with its sort key, the name and the id as
 * tie-breakers, LIMIT and OFFSET — the same text Kysely compiles, with the same parameters.
 */
function listStatements(params: ListParams, fixture: Fixture): { count: Statement; page: Statement } {
  const parameters: unknown[] = [];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const where: string[] = [];
  for (const word of (params.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(`"search_text" like ${bind(pattern)}`);
  }
  if (params.tier === 'none') where.push('"tier" is null');
  else if (params.tier) where.push(`"tier" = ${bind(params.tier)}`);
  const equal: [keyof ListParams, string][] = [
    ['category', 'category'],
    ['supportKind', 'support_kind'],
    ['lifecycle', 'lifecycle'],
    ['hosting', 'hosting'],
    ['time', 'time_verdict'],
  ];
  for (const [param, column] of equal) {
    if (params[param]) where.push(`"${column}" = ${bind(params[param])}`);
  }
  if (params.singleSignOn) where.push(`"single_sign_on" = ${bind(params.singleSignOn === 'true')}`);
  if (params.orgUnitId) {
    if (params.orgUnitId !== fixture.department.id)
      throw new Error('only the fixture department is mirrored');
    // ownedOrUsedBy(units) in portfolio.systems.ts.
    const units = fixture.department.subtree;
    const boardList = units.map(bind).join(', ');
    const usageList = units.map(bind).join(', ');
    where.push(
      `portfolio_systems.id in (\n    select owned.id from portfolio_systems owned where owned.owning_board_id in (${boardList})\n` +
        `    union\n    select used.system_id from portfolio_system_usage used where used.org_unit_id in (${usageList}))`,
    );
  }
  if (params.informationTypeId) {
    where.push(
      `exists (select "system_id" from "portfolio_system_information" where "portfolio_system_information"."system_id" = "portfolio_systems"."id" ` +
        `and "portfolio_system_information"."information_type_id" = ${bind(params.informationTypeId)})`,
    );
  }
  const condition = where.length > 0 ? ` where ${where.join(' and ')}` : '';
  const sort = params.sort ?? 'name';
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const key = sort.replace(/^-/, '');
  const today = bind(swedishDate());
  const columns = `${SUMMARY_COLUMNS}, ${summaryLinks(today)}`;
  if (key === 'owningBoard') {
    // pageByBoard: the filtered systems counted per board, then the first board's page from the
    // index on (board, name, id). Every board of the fixture holds more than a page.
    const first = direction === 'asc' ? fixture.boardsInOrder[0] : fixture.boardsInOrder.at(-1);
    const countParameters = parameters.slice(0, -1);
    const board = bind(first);
    const and = condition ? `${condition} and` : ' where';
    return {
      count: {
        sql: `select "owning_board_id", count(*) as "systems" from "portfolio_systems"${condition} group by "owning_board_id"`,
        parameters: countParameters,
      },
      page: {
        sql:
          `select ${columns} from "portfolio_systems"${and} "owning_board_id" = ${board} ` +
          `order by ${NAME_ORDER} ${direction}, "id" ${direction} limit ${bind(PAGE_SIZE)} offset ${bind(0)}`,
        parameters,
      },
    };
  }
  const count = {
    sql: `select count(*) as "total" from "portfolio_systems"${condition}`,
    parameters: parameters.slice(0, -1),
  };
  const page = {
    sql:
      `select ${columns} from "portfolio_systems"${condition} order by ${orderExpression(key)} ${direction}, ` +
      `${NAME_ORDER} ${direction}, "id" ${direction} limit ${bind(PAGE_SIZE)} offset ${bind(0)}`,
    parameters,
  };
  return { count, page };
}

/** `summaryLinks` of portfolio.systems.ts: the units using a system and today's owner, in the page. */
function summaryLinks(today: string): string {
  return `(select coalesce(json_agg(used.org_unit_id), '[]') from portfolio_system_usage used
      where used.system_id = portfolio_systems.id) as "used_by",
    (select owner.person_id from portfolio_role_assignments owner
      where owner.subject_type = 'system' and owner.role = 'systemOwner'
        and owner.subject_id = portfolio_systems.id
        and owner.valid_from <= ${today} and (owner.valid_to is null or owner.valid_to >= ${today})
      limit 1) as "owner_person_id"`;
}

/** The columns the list reads (SUMMARY_COLUMNS in portfolio.systems.ts). */
const SUMMARY_COLUMNS = [
  'id',
  'name',
  'category',
  'support_kind',
  'support_kind_since',
  'lifecycle',
  'owning_board_id',
  'user_count',
  'supplier',
  'hosting',
  'tier',
  'single_sign_on',
  'central_access_administration',
  'time_verdict',
  'updated_at',
]
  .map((column) => `"${column}"`)
  .join(', ');

/** `orderExpression` of listSystems: the sort key's SQL (the owning board is paged by pageByBoard). */
function orderExpression(key: string): string {
  switch (key) {
    case 'tier':
      return TIER_ORDER;
    case 'lifecycle':
      return STAGE_ORDER;
    case 'userCount':
      return 'coalesce(user_count, -1)';
    case 'updatedAt':
      return 'updated_at';
    case 'supplier':
      return `coalesce(supplier_sort, '~~~~') collate "C"`;
    default:
      return NAME_ORDER;
  }
}

async function runStatement(db: Kysely<unknown>, statement: Statement) {
  return db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(statement.sql, statement.parameters));
}

// --- Measuring -----------------------------------------------------------------------------------

interface RunFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  failures: number;
  nodeCpuPerRequestMs: number;
  postgresCpuPerRequestMs: number | null;
  /** Cores kept busy by other work on the machine during the run (see OtherWork). */
  otherCores: number;
}

function figures(
  latencies: Latencies,
  seconds: number,
  failures: number,
  nodeCpuSeconds: number,
  postgresCpuSeconds: number | null,
  otherCores: number,
): RunFigures {
  const requests = latencies.count;
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50Ms: latencies.percentile(50),
    p95Ms: latencies.percentile(95),
    p99Ms: latencies.percentile(99),
    maxMs: latencies.percentile(100),
    failures,
    nodeCpuPerRequestMs: (nodeCpuSeconds * 1000) / Math.max(requests, 1),
    postgresCpuPerRequestMs:
      postgresCpuSeconds === null ? null : (postgresCpuSeconds * 1000) / Math.max(requests, 1),
    otherCores,
  };
}

/**
 * How many cores other work on the machine kept busy during a run: the busy time in /proc/stat
 * minus the CPU the run's own processes used (the server or this process, and the database's
 * backends). The machine may be shared; above a few tenths a run's latencies are not the code's
 * alone.
 */
class OtherWork {
  readonly #machine = new MachineCpu();
  readonly #self = process.cpuUsage();
  readonly #started = performance.now();

  /** `ownSeconds`: CPU seconds of the run's processes besides this one. */
  cores(ownSeconds: number): number {
    const wall = (performance.now() - this.#started) / 1000;
    const self = process.cpuUsage(this.#self);
    const busy = this.#machine.busyShare() * os.availableParallelism() * wall;
    return Math.max(0, (busy - ownSeconds - (self.user + self.system) / 1e6) / wall);
  }
}

/** The demo IT strategist, Ivar Nilsson (itDepartment for the whole municipality). */
function itStrategist() {
  const ivar = demoStaff.find((staff) =>
    staff.roles.some((role) => role.role === 'itDepartment' && role.orgUnit === 'stad'),
  );
  if (!ivar) throw new Error('the demo municipality has no IT strategist for the whole municipality');
  return ivar;
}

/** Logs the IT strategist in through the test identity provider; returns his session cookie. */
async function logIn(baseUrl: string): Promise<string> {
  const browser = new TestBrowser();
  const login = await browser.follow(`${baseUrl}/api/auth/login?realm=staff&returnTo=/`, () => true);
  if (login.response.status !== 200) throw new Error(`the login page answered ${login.response.status}`);
  await browser.follow(
    formAction(await login.response.text(), login.url),
    (next) => next.pathname.startsWith('/api/') || next.pathname.startsWith('/test-idp/'),
    { form: { account: itStrategist().subject, action: 'login' } },
  );
  const cookie = browser.cookieHeader('/api/portfolio');
  if (!cookie) throw new Error('the IT strategist did not get a session');
  return cookie;
}

/** Loads one URL with autocannon; every response time recorded (autocannon keeps whole ms). */
function loadUrl(url: string, cookie: string, seconds: number, clients: number) {
  const latencies = new Latencies();
  return new Promise<{ latencies: Latencies; result: autocannon.Result }>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: clients, duration: seconds, headers: { cookie } },
      (error, result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ latencies, result });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.record(responseTimeMs));
  });
}

/** What one answer held: the list's total and first page's ids, or the graph's size. */
interface Probe {
  bytes: number;
  total?: number;
  ids?: string[];
  nodes?: number;
  focus?: number;
  edges?: number;
}

interface Target {
  name: string;
  path: string;
  /** Keep-alive clients at once. */
  clients: number;
}

/** Phase 2: the server on the database, each target loaded in turn; then the graph page in a browser. */
async function measureServer(backend: Backend, targets: Target[], graphPage: string | null) {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const profileDir = options.profile ? makeTempDir('karna-bench-profile-') : undefined;
  const proc: ManagedProcess = startProcess(
    process.execPath,
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), SERVER_SCRIPT],
    backend.serverEnv(port),
  );
  try {
    const readyAt = await waitUntilOk(`${baseUrl}/api/ready`, proc, { timeoutMs: 120_000 });
    const cookie = await logIn(baseUrl);
    const results = new Map<string, RunFigures & { probe: Probe }>();
    for (const target of targets) {
      const url = `${baseUrl}${target.path}`;
      const answer = await fetch(url, { headers: { cookie } });
      const text = await answer.text();
      if (answer.status !== 200)
        throw new Error(`${target.path} answered ${answer.status}: ${text.slice(0, 500)}`);
      const probe = describeAnswer(text);
      if (warmup > 0) await loadUrl(url, cookie, warmup, target.clients);
      const cpuBefore = readCpuSeconds(proc.pid);
      const postgresCpu = backend.databaseName ? new PostgresCpu(backend.databaseName).start() : null;
      const others = new OtherWork();
      const { latencies, result } = await loadUrl(url, cookie, duration, target.clients);
      const postgresSeconds = postgresCpu ? postgresCpu.stop() : null;
      const nodeSeconds = readCpuSeconds(proc.pid) - cpuBefore;
      const failures = result.non2xx + result.errors + result.timeouts;
      const run = figures(
        latencies,
        result.duration,
        failures,
        nodeSeconds,
        postgresSeconds,
        others.cores(nodeSeconds + (postgresSeconds ?? 0)),
      );
      results.set(target.name, { ...run, probe });
      process.stdout.write(
        `  ${backend.kind} ${target.name}: ${Math.round(run.requestsPerSecond)} req/s, p95 ${round(run.p95Ms, 1)} ms` +
          `${failures > 0 ? `, ${failures} FAILED` : ''}\n`,
      );
    }
    const browser = graphPage ? await measureGraphPage(baseUrl, graphPage) : null;
    return { results, browser, readyMs: readyAt - proc.spawnedAt };
  } finally {
    await stopProcess(proc, 'SIGTERM');
    if (profileDir) printProfile(profileDir);
  }
}

type BrowserStep = GraphPageTiming & { loadAverage1m: number };

/** The integration page in Chromium: logged in as a person does, then timed cold and on reloads. */
async function measureGraphPage(baseUrl: string, pagePath: string): Promise<BrowserStep> {
  // The machine may be shared: a busy one slows the browser's drawing most of all.
  const loadAverage1m = round(os.loadavg()[0] ?? 0, 2);
  const browser = await launchChromium();
  try {
    const ivar = itStrategist();
    const session = await logInStaffInBrowser(browser, baseUrl, `${ivar.givenName} ${ivar.familyName}`);
    const timing = await timeGraphPage(browser, session, `${baseUrl}${pagePath}`, {
      reloads,
      timeoutMs: browserTimeoutMs,
    });
    const { cold } = timing;
    process.stdout.write(
      `  browser ${pagePath.replace(/orgUnitId=[^&]+/, 'orgUnitId=…')}: cold ${describeRun(cold)}` +
        `${timing.reloads.length > 0 ? `; reloads p50 ${round(timing.ready.p50Ms ?? Number.NaN)} ms to ready` : ''}\n`,
    );
    return { ...timing, loadAverage1m };
  } finally {
    await browser.close();
  }
}

/** One load in words: the three times, or how it ended. */
function describeRun(run: GraphPageRun): string {
  if (!isLoad(run))
    return (
      `${run.outcome.toUpperCase()} after ${round(run.afterMs / 1000, 1)} s (state ${run.state}; the graph's answer ` +
      `${run.graphAnsweredMs === null ? 'had not arrived' : `arrived ${Math.round(run.graphAnsweredMs)} ms after navigation`})`
    );
  const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
  return `ready ${ms(run.readyMs)} after navigation, asked → drawn ${ms(run.totalMs)}, drawing ${ms(run.drawMs)}`;
}

function describeAnswer(text: string): Probe {
  const body = JSON.parse(text) as {
    total?: number;
    items?: { id: string }[];
    nodes?: { focus: boolean }[];
    edges?: unknown[];
  };
  return {
    bytes: Buffer.byteLength(text),
    ...(body.items ? { total: body.total, ids: body.items.map((item) => item.id) } : {}),
    ...(body.nodes
      ? {
          nodes: body.nodes.length,
          focus: body.nodes.filter((node) => node.focus).length,
          edges: body.edges?.length ?? 0,
        }
      : {}),
  };
}

/** With --profile: where the server's CPU went (start, login and every target's load). */
function printProfile(profileDir: string): void {
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  summariseProfile(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile, 30);
}

/**
 * Phase 3: each variant's count and page at once, through the server's own pool and driver; and
 * whether they answer what the server answered (the same total and the same page, in order).
 */
async function measureBaseline(
  backend: Backend,
  fixture: Fixture,
  variants: Variant[],
  server: Map<string, { probe: Probe }>,
) {
  const { db, close } = await backend.open();
  const results = new Map<string, RunFigures & { matchesServer: boolean }>();
  try {
    for (const variant of variants) {
      const { count, page } = listStatements(variant.params, fixture);
      const both = () => Promise.all([runStatement(db, count), runStatement(db, page)]);
      const [counted, paged] = await both();
      const probe = server.get(variant.name)?.probe;
      // One row with the total, or (the sort by board) one row per board.
      const total = counted.rows.reduce((sum, row) => sum + Number(row.total ?? row.systems), 0);
      const matchesServer =
        total === probe?.total &&
        JSON.stringify(paged.rows.map((row) => row.id)) === JSON.stringify(probe?.ids);
      if (warmup > 0) await runCallers(connections, warmup, both);
      const cpuBefore = process.cpuUsage();
      const postgresCpu = backend.databaseName ? new PostgresCpu(backend.databaseName).start() : null;
      const others = new OtherWork();
      const run = await runCallers(connections, duration, both);
      const postgresSeconds = postgresCpu ? postgresCpu.stop() : null;
      const cpu = process.cpuUsage(cpuBefore);
      results.set(variant.name, {
        ...figures(
          run.latencies,
          run.seconds,
          run.errors,
          (cpu.user + cpu.system) / 1e6,
          postgresSeconds,
          others.cores(postgresSeconds ?? 0),
        ),
        matchesServer,
      });
    }
  } finally {
    await close();
  }
  return results;
}

interface Plans {
  count: string;
  page: string;
  executionMs: number;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each variant's two statements, the parameters bound as the server binds them. */
async function explainAll(backend: Backend, fixture: Fixture, variants: Variant[]) {
  const { db, close } = await backend.open();
  const plans = new Map<string, Plans>();
  const explain = async (statement: Statement) => {
    const rows = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze, buffers) ${statement.sql}`, statement.parameters),
    );
    const text = rows.rows.map((row) => row['QUERY PLAN']).join('\n');
    return { text, ms: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? Number.NaN) };
  };
  try {
    for (const variant of variants) {
      const { count, page } = listStatements(variant.params, fixture);
      const [counted, paged] = [await explain(count), await explain(page)];
      plans.set(variant.name, { count: counted.text, page: paged.text, executionMs: counted.ms + paged.ms });
    }
  } finally {
    await close();
  }
  return plans;
}

/** Everything for one backend: fill, read the fixture, the server, the baseline, the plans. */
async function measureBackend(backend: Backend) {
  const filled = await fillDatabase(backend);
  const database = await backend.open();
  let fixture: Fixture;
  try {
    fixture = await readFixture(database.db);
  } finally {
    await database.close();
  }
  // --only TEXT: the runs whose label in the table ("systems …", "graph …") contains TEXT.
  const chosen = (label: string) => !options.only || label.includes(options.only);
  const variants = listVariants(fixture).filter((variant) => chosen(`systems ${variant.name}`));
  // The graph alone (one person opens it: its answer time) and under the list's concurrency, as
  // the integration page asks for it: a map of at most MAP_MAX_BOXES (80) boxes, which the server
  // groups by board (web/src/modules/portfolio/portfolio.api.ts; the table pages through
  // /api/portfolio/integrations).
  const graphPath = `/api/portfolio/graph?orgUnitId=${fixture.department.id}&maxBoxes=80`;
  const graphs: Target[] = [
    { name: `graph orgUnitId=${fixture.department.shortName}, 1 client`, path: graphPath, clients: 1 },
    {
      name: `graph orgUnitId=${fixture.department.shortName}, ${connections} clients`,
      path: graphPath,
      clients: connections,
    },
  ].filter((graph) => chosen(graph.name));
  // The same department's page in a browser: --browser / --no-browser, else as --only picks it.
  const browserLabel = `browser graph orgUnitId=${fixture.department.shortName}`;
  const wantsBrowser = options.browser ?? chosen(browserLabel);
  const graphPage =
    wantsBrowser && !webBuild.missing
      ? `${pathTo('portfolioIntegrations')}?orgUnitId=${fixture.department.id}`
      : null;
  process.stdout.write(
    `${backend.kind}: filled in ${filled.seconds} s (generated in ${filled.generatedSeconds} s): ` +
      `${fixture.holds.systems} systems, ${fixture.holds.integrations} integrations; measuring\n`,
  );
  const server = await measureServer(
    backend,
    [
      ...variants.map((variant) => ({
        name: variant.name,
        path: `/api/portfolio/systems${queryString(variant.params)}`,
        clients: connections,
      })),
      ...graphs,
    ],
    graphPage,
  );
  const baseline = await measureBaseline(backend, fixture, variants, server.results);
  const plans = await explainAll(backend, fixture, variants);
  return {
    backend: backend.kind,
    filled,
    fixture,
    variants,
    graphs,
    browser: wantsBrowser ? { label: browserLabel, timing: server.browser } : null,
    server,
    baseline,
    plans,
  };
}

type Measured = Awaited<ReturnType<typeof measureBackend>>;

// --- Report --------------------------------------------------------------------------------------

function describe(name: string, f: RunFigures, extra: (string | number)[]): (string | number)[] {
  return [
    name,
    Math.round(f.requestsPerSecond),
    round(f.p50Ms, 2),
    round(f.p95Ms, 2),
    round(f.p99Ms, 2),
    round(f.maxMs, 1),
    round(f.nodeCpuPerRequestMs, 3),
    f.postgresCpuPerRequestMs === null ? '' : round(f.postgresCpuPerRequestMs, 3),
    round(f.otherCores, 2),
    f.requests,
    f.failures,
    ...extra,
  ];
}

function rounded(f: RunFigures) {
  return {
    requests: f.requests,
    failures: f.failures,
    requestsPerSecond: round(f.requestsPerSecond),
    p50Ms: round(f.p50Ms, 3),
    p95Ms: round(f.p95Ms, 3),
    p99Ms: round(f.p99Ms, 3),
    maxMs: round(f.maxMs, 3),
    nodeCpuPerRequestMs: round(f.nodeCpuPerRequestMs, 4),
    postgresCpuPerRequestMs: f.postgresCpuPerRequestMs === null ? null : round(f.postgresCpuPerRequestMs, 4),
    otherCores: round(f.otherCores, 2),
  };
}

/** One browser figure: the cold load's, the reloads' p50 and max, and the target against p50 (cold without reloads). */
interface BrowserFigure extends Spread {
  coldMs: number | null;
  met: boolean;
}

/** The browser step's three figures, each against GRAPH_TARGET_MS. */
function browserFigures(timing: GraphPageTiming) {
  const cold = isLoad(timing.cold) ? timing.cold : null;
  const figure = (spread: Spread, coldMs: number | null): BrowserFigure => {
    const typical = timing.reloads.length > 0 ? spread.p50Ms : coldMs;
    return {
      coldMs: coldMs === null ? null : round(coldMs, 1),
      p50Ms: spread.p50Ms === null ? null : round(spread.p50Ms, 1),
      maxMs: spread.maxMs === null ? null : round(spread.maxMs, 1),
      met: timing.failures === 0 && typical !== null && typical < GRAPH_TARGET_MS,
    };
  };
  return {
    /** GRAPH_MARKS.total, the page's own "asked for to drawn": what the target is judged by. */
    total: figure(timing.total, cold?.totalMs ?? null),
    draw: figure(timing.draw, cold?.drawMs ?? null),
    fromNavigation: figure(timing.ready, cold?.readyMs ?? null),
  };
}

/** The browser step's rows in the table: p50 and max of the reloads, the cold load in the answer column. */
function browserRows(label: string, timing: GraphPageTiming): (string | number)[][] {
  const figures = browserFigures(timing);
  const drawn = timing.reloads.filter(isLoad).length;
  const { cold } = timing;
  const shows = isLoad(cold) ? `; ${cold.nodes} nodes, ${cold.edges} edges shown` : '';
  const coldText = (figure: BrowserFigure) => {
    if (figure.coldMs !== null) return `${Math.round(figure.coldMs)} ms`;
    return isLoad(cold) ? '–' : `${cold.outcome.toUpperCase()} after ${round(cold.afterMs / 1000, 1)} s`;
  };
  const row = (name: string, figure: BrowserFigure, extra = '') => [
    `${label}: ${name}`,
    '',
    figure.p50Ms ?? '',
    '',
    '',
    figure.maxMs ?? '',
    '',
    '',
    '',
    drawn,
    timing.failures,
    `cold ${coldText(figure)}, < ${GRAPH_TARGET_MS} ms ${figure.met ? 'met' : 'NOT met'}${extra}`,
  ];
  return [
    row('asked → drawn (portfolio-graph)', figures.total, shows),
    row('drawing (portfolio-graph:draw)', figures.draw),
    row('navigation → ready', figures.fromNavigation),
  ];
}

function report(measured: Measured): void {
  const { backend, fixture, variants, graphs, browser, server, baseline, plans } = measured;
  const holds = fixture.holds;
  process.stdout.write(
    `\n${backend}: ${holds.systems} systems (${round((holds.systemsBytes ?? 0) / 1024 / 1024, 1)} MiB with indexes), ` +
      `${holds.usage} usage rows, ${holds.systemInformation} information rows, ${holds.roleAssignments} role assignments, ` +
      `${holds.integrations} integrations carrying ${holds.integrationInformation} information rows; ` +
      `"${SEARCH_WORD}" in ${holds.namesWithWord} names; ${fixture.department.name} and the ${fixture.department.subtree.length - 1} units below it\n\n`,
  );
  const rows: (string | number)[][] = [
    [
      'measure',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'node CPU ms/req',
      'PG CPU ms/req',
      'other work (cores)',
      'requests',
      'failures',
      'answer',
    ],
  ];
  for (const variant of variants) {
    const ours = server.results.get(variant.name) as RunFigures & { probe: Probe };
    const bare = baseline.get(variant.name) as RunFigures & { matchesServer: boolean };
    rows.push(
      describe(`GET systems ${variant.name}`, ours, [`${ours.probe.total} hits, ${ours.probe.bytes} B`]),
    );
    rows.push(
      describe('  count + page SQL (baseline)', bare, [bare.matchesServer ? 'same page' : 'DIFFERS']),
    );
  }
  for (const graph of graphs) {
    const run = server.results.get(graph.name) as RunFigures & { probe: Probe };
    rows.push(
      describe(`GET ${graph.name}`, run, [
        `${run.probe.nodes} nodes (${run.probe.focus} focus), ${run.probe.edges} edges, ${run.probe.bytes} B`,
      ]),
    );
  }
  if (browser?.timing) rows.push(...browserRows(browser.label, browser.timing));
  printTable(rows);

  const verdicts = variants.map((variant) => {
    const p95 = server.results.get(variant.name)?.p95Ms ?? Number.NaN;
    const bare = baseline.get(variant.name)?.p95Ms ?? Number.NaN;
    return (
      `${variant.name}: p95 ${round(p95, 1)} ms (${p95 < TARGET_P95_MS ? 'met' : 'NOT met'}), ` +
      `ratio to the count + page SQL ${round(p95 / bare, 1)}, EXPLAIN ANALYZE ${round(plans.get(variant.name)?.executionMs ?? Number.NaN, 2)} ms`
    );
  });
  for (const graph of graphs) {
    const run = server.results.get(graph.name) as RunFigures;
    verdicts.push(
      `${graph.name}: p50 ${round(run.p50Ms, 1)} ms, p95 ${round(run.p95Ms, 1)} ms — the server's share of ` +
        `the browser's < ${GRAPH_TARGET_MS} ms for ${fixture.department.name}`,
    );
  }
  if (browser && !browser.timing) verdicts.push(`${browser.label}: skipped — ${webBuild.missing}`);
  if (browser?.timing) {
    const { total, draw, fromNavigation } = browserFigures(browser.timing);
    const spreadText = (figure: BrowserFigure) =>
      `cold ${figure.coldMs ?? '–'} ms, p50 ${figure.p50Ms ?? '–'} ms, max ${figure.maxMs ?? '–'} ms`;
    verdicts.push(
      `${browser.label} (Chromium ${browser.timing.browserVersion}, ${browser.timing.reloads.length} reloads, ` +
        `load average ${browser.timing.loadAverage1m} before` +
        `${browser.timing.failures > 0 ? `, ${browser.timing.failures} not drawn` : ''}): target < ${GRAPH_TARGET_MS} ms ` +
        `${total.met ? 'met' : 'NOT met'} — asked → drawn ${spreadText(total)}; drawing ${spreadText(draw)}; ` +
        `navigation → ready ${spreadText(fromNavigation)} (${fromNavigation.met ? 'met' : 'NOT met'})` +
        `${isLoad(browser.timing.cold) ? '' : `; the cold load: ${describeRun(browser.timing.cold)}`}` +
        `${webBuild.stale ? '; web/dist is older than its sources' : ''}`,
    );
  }
  process.stdout.write(
    `\n${backend}: filtered first page p95 target < ${TARGET_P95_MS} ms at ${connections} concurrent:\n  ${verdicts.join('\n  ')}\n`,
  );
  const slowest = variants.reduce<Variant | null>(
    (worst, variant) =>
      worst && (server.results.get(worst.name)?.p95Ms ?? 0) >= (server.results.get(variant.name)?.p95Ms ?? 0)
        ? worst
        : variant,
    null,
  );
  if (slowest) {
    const plan = plans.get(slowest.name);
    process.stdout.write(
      `\nEXPLAIN (ANALYZE, BUFFERS) of the slowest variant, ${slowest.name} (${backend}):\n` +
        `-- count\n${plan?.count}\n-- page\n${plan?.page}\n`,
    );
  }
  process.stdout.write(`\nserver ready in ${round(server.readyMs / 1000, 1)} s\n`);
}

function summary(measured: Measured) {
  const { backend, filled, fixture, variants, graphs, browser, server, baseline, plans } = measured;
  const [alone, together] = graphs.map((graph) => server.results.get(graph.name));
  const timing = browser?.timing;
  return {
    backend,
    filled,
    holds: fixture.holds,
    variants: variants.map((variant) => {
      const ours = server.results.get(variant.name) as RunFigures & { probe: Probe };
      const bare = baseline.get(variant.name) as RunFigures & { matchesServer: boolean };
      return {
        name: variant.name,
        query: queryString(variant.params)
          .replace(fixture.department.id, `<${DEPARTMENT_KEY}>`)
          .replace(fixture.informationTypeId, `<${INFORMATION_TYPE_KEY}>`),
        total: ours.probe.total,
        bytes: ours.probe.bytes,
        server: rounded(ours),
        baseline: { ...rounded(bare), matchesServer: bare.matchesServer },
        ratioP95: round(ours.p95Ms / bare.p95Ms, 2),
        explainExecutionMs: round(plans.get(variant.name)?.executionMs ?? Number.NaN, 3),
        met: ours.p95Ms < TARGET_P95_MS,
      };
    }),
    graph: {
      department: fixture.department.name,
      nodes: alone?.probe.nodes,
      focus: alone?.probe.focus,
      edges: alone?.probe.edges,
      bytes: alone?.probe.bytes,
      alone: alone ? rounded(alone) : null,
      concurrent: together ? rounded(together) : null,
      browser: browser
        ? {
            page: `${pathTo('portfolioIntegrations')}?orgUnitId=<${DEPARTMENT_KEY}>`,
            skipped: timing ? null : webBuild.missing,
            ...(timing
              ? {
                  chromium: timing.browserVersion,
                  loadAverage1m: timing.loadAverage1m,
                  webBuild,
                  reloads: timing.reloads.length,
                  failures: timing.failures,
                  cold: isLoad(timing.cold)
                    ? {
                        nodes: timing.cold.nodes,
                        edges: timing.cold.edges,
                        label: timing.cold.label,
                        domContentLoadedMs: round(timing.cold.domContentLoadedMs ?? Number.NaN, 1),
                      }
                    : {
                        outcome: timing.cold.outcome,
                        afterMs: round(timing.cold.afterMs),
                        state: timing.cold.state,
                        graphAnsweredMs:
                          timing.cold.graphAnsweredMs === null ? null : round(timing.cold.graphAnsweredMs),
                      },
                  ...browserFigures(timing),
                  targetMs: GRAPH_TARGET_MS,
                  met: browserFigures(timing).total.met,
                }
              : {}),
          }
        : null,
    },
  };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const dirty = uncommittedServerFiles();
  const serverUrl = options.postgres;
  const [postgres] = await query<{ server_version: string }>(serverUrl, 'show server_version');
  process.stdout.write(
    `Kärna portfolio list — ${machine.date}\n` +
      `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
      `PostgreSQL ${postgres?.server_version}, commit ${machine.gitCommit}${dirty ? ` + ${dirty} uncommitted files in server/ and contracts/` : ''}, ` +
      `load average ${machine.loadAverage1m}\n` +
      `${systemCount.toLocaleString('en-GB')} systems, ${integrationCount.toLocaleString('en-GB')} integrations ` +
      `(the demo's ${demoPortfolio.systems.length} and ${demoPortfolio.integrations.length} among them); ` +
      `${connections} concurrent clients, ${warmup} s warm-up + ${duration} s measured per variant; ` +
      `server and baseline one after the other${options.sql ? `; ran before measuring: ${options.sql}` : ''}\n` +
      `web app: ${
        webBuild.missing
          ? `${webBuild.missing} (the browser step is skipped)`
          : `web/dist built ${webBuild.builtAt}${webBuild.stale ? ', OLDER than its sources (npm run build)' : ''}`
      }\n\n`,
  );

  const postgresDb = await postgresBackend(serverUrl);
  const measured = [await measureBackend(postgresDb)];
  let kept: string | null = null;
  if (options.keep) {
    kept = `bench_portfolio_${systemCount}_${integrationCount}`;
    await keepDatabase(serverUrl, postgresDb.databaseName ?? '', kept);
  }
  await dropCreatedDatabases();
  if (options.pglite) measured.push(await measureBackend(pgliteBackend()));

  for (const each of measured) report(each);
  process.stdout.write(
    `load average now ${round(os.loadavg()[0] ?? 0, 2)}${kept ? `; kept the PostgreSQL database as ${kept}` : ''}\n`,
  );
  process.stdout.write(
    `\n${JSON.stringify({
      bench: 'portfolio-list',
      machine: { ...machine, postgres: postgres?.server_version, uncommittedServerFiles: dirty },
      settings: {
        systems: systemCount,
        integrations: integrationCount,
        connections,
        durationSeconds: duration,
        warmupSeconds: warmup,
        sql: options.sql ?? null,
        browserReloads: reloads,
        browserTimeoutMs,
      },
      kept,
      backends: measured.map(summary),
      target: { p95Ms: TARGET_P95_MS, graphBrowserMs: GRAPH_TARGET_MS },
    })}\n`,
  );
}

await runBenchmark('portfolio-list', main);
