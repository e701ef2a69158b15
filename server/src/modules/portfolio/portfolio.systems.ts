import type {
  LifecycleChange,
  NewSystemInput,
  SystemInput,
  SystemListQuery,
  SystemListResponse,
  SystemSummary,
} from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { findStaffContacts } from '../identity/index.ts';
import type { PortfolioAccess } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import { currentOwners } from './portfolio.roles.ts';
import {
  ACTIVE_STAGES,
  assessedTier,
  canMoveTo,
  INNOVATION_MONTHS,
  monthsBetween,
  timeVerdict,
} from './portfolio.rules.ts';
import { type PortfolioDb, type PortfolioTables, portfolioDb } from './portfolio.tables.ts';
import { swedishSortKey } from './swedish-sort.ts';

/** Systems (M1, M4, M7): the register's rows, their list, and the changes of a system's facts and stage. */

export type SystemRow = Selectable<PortfolioTables['portfolio_systems']>;

/** The columns a list row shows: the list reads only these, which halves what its sorts move. */
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
] as const;

/**
 * What a list row shows from the system's other tables, read in the same statement as the row (one
 * round trip instead of two more per page): the units using it and today's system owner.
 */
function summaryLinks(day: string) {
  return [
    sql<string[]>`(select coalesce(json_agg(used.org_unit_id), '[]') from portfolio_system_usage used
      where used.system_id = portfolio_systems.id)`.as('used_by'),
    sql<string | null>`(select owner.person_id from portfolio_role_assignments owner
      where owner.subject_type = 'system' and owner.role = 'systemOwner'
        and owner.subject_id = portfolio_systems.id
        and owner.valid_from <= ${day} and (owner.valid_to is null or owner.valid_to >= ${day})
      limit 1)`.as('owner_person_id'),
  ] as const;
}

type SummaryRow = Pick<SystemRow, (typeof SUMMARY_COLUMNS)[number]> & {
  used_by: string[];
  owner_person_id: string | null;
};

/**
 * Runs a write that may meet the unique index on a system's lower-cased name. The name check before
 * it compares as JavaScript lower-cases; PostgreSQL's lower() may differ for a rare letter, and two
 * writes may race: either way the index decides, and the answer is the same 409.
 */
export async function withUniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw portfolioError('system_name_taken');
    throw error;
  }
}

export async function findSystem(db: Kysely<unknown>, id: string, lock = false): Promise<SystemRow> {
  let query = portfolioDb(db).selectFrom('portfolio_systems').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw portfolioError('system_not_found');
  return row;
}

/** The columns a system's input writes, with what is derived from it (sort keys, tier, TIME). */
export function systemColumns(input: SystemInput) {
  const assessed = input.criticality ? assessedTier(input.criticality) : null;
  return {
    name: input.name,
    name_sort: swedishSortKey(input.name),
    description: input.description,
    purpose: input.purpose,
    category: input.category,
    support_kind: input.supportKind,
    owning_board_id: input.owningBoardId,
    user_count: input.userCount,
    supplier: input.supplier,
    supplier_sort: input.supplier ? swedishSortKey(input.supplier) : null,
    contract_reference: input.contractReference,
    hosting: input.hosting,
    technical_platform: input.technicalPlatform,
    documentation_url: input.documentationUrl,
    login_url: input.loginUrl,
    single_sign_on: input.singleSignOn,
    central_access_administration: input.centralAccessAdministration,
    business_impact: input.criticality?.businessImpact ?? null,
    reach: input.criticality?.reach ?? null,
    transaction_volume: input.criticality?.transactionVolume ?? null,
    assessed_tier: assessed,
    tier_override: input.tierOverride?.tier ?? null,
    tier_override_justification: input.tierOverride?.justification ?? null,
    tier: input.tierOverride?.tier ?? assessed,
    functional_fit: input.fit?.functionalFit ?? null,
    technical_fit: input.fit?.technicalFit ?? null,
    time_verdict: input.fit ? timeVerdict(input.fit) : null,
  };
}

/** Refuses an owner that is not a board, a using unit that does not exist, and a name in use. */
export async function checkSystemInput(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  input: SystemInput,
  exceptId?: string,
): Promise<void> {
  const board = access.units.get(input.owningBoardId);
  if (!board) throw portfolioError('org_unit_unknown');
  if (board.kind !== 'board') throw portfolioError('owning_board_invalid');
  if (input.usedByOrgUnitIds.some((id) => !access.units.has(id))) throw portfolioError('org_unit_unknown');
  let taken = portfolioDb(db)
    .selectFrom('portfolio_systems')
    .select('id')
    .where(sql<string>`lower(name)`, '=', input.name.toLowerCase());
  if (exceptId) taken = taken.where('id', '<>', exceptId);
  if (await taken.executeTakeFirst()) throw portfolioError('system_name_taken');
}

export async function replaceUsage(
  db: PortfolioDb,
  systemId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('portfolio_system_usage').where('system_id', '=', systemId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length > 0) {
    await db
      .insertInto('portfolio_system_usage')
      .values(unique.map((orgUnitId) => ({ system_id: systemId, org_unit_id: orgUnitId })))
      .execute();
  }
}

export async function createSystem(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  input: NewSystemInput,
): Promise<SystemRow> {
  access.assertManage(input.owningBoardId);
  await checkSystemInput(trx, access, input);
  const tables = portfolioDb(trx);
  const from = input.lifecycleFrom ?? access.today;
  const row = await withUniqueName(
    tables
      .insertInto('portfolio_systems')
      .values({
        ...systemColumns(input),
        lifecycle: input.lifecycle,
        lifecycle_from: from,
        support_kind_since: access.today,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  await replaceUsage(tables, row.id, input.usedByOrgUnitIds);
  await tables
    .insertInto('portfolio_system_lifecycle')
    .values({ system_id: row.id, stage: input.lifecycle, from_date: from, recorded_by: access.userId })
    .execute();
  return row;
}

/**
 * Changes a system's facts. Those who hold its governing roles may change all but what the IT
 * department decides: the owning board and an overridden tier.
 */
export async function updateSystem(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
  input: SystemInput,
): Promise<{ before: SystemRow; after: SystemRow }> {
  const before = await findSystem(trx, id, true);
  access.assertEdit(before);
  const managing = access.manages(before.owning_board_id) && access.manages(input.owningBoardId);
  if (!managing) {
    const overrideChanged =
      (input.tierOverride?.tier ?? null) !== before.tier_override ||
      (input.tierOverride?.justification ?? null) !== before.tier_override_justification;
    if (input.owningBoardId !== before.owning_board_id || overrideChanged) {
      throw portfolioError('reserved_for_it_department');
    }
  }
  await checkSystemInput(trx, access, input, id);
  const tables = portfolioDb(trx);
  const columns = systemColumns(input);
  const after = await withUniqueName(
    tables
      .updateTable('portfolio_systems')
      .set({
        ...columns,
        // An innovative system's six months count from when it became innovative.
        support_kind_since:
          input.supportKind === before.support_kind ? before.support_kind_since : access.today,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  await replaceUsage(tables, id, input.usedByOrgUnitIds);
  return { before, after };
}

/** The names of the facts that differ between two versions of a system (for the audit entry). */
export function changedFields(before: SystemRow, after: SystemRow): string[] {
  const ignored = new Set(['updated_at', 'created_at', 'name_sort', 'supplier_sort']);
  return (Object.keys(after) as (keyof SystemRow)[]).filter(
    (key) => !ignored.has(key) && String(before[key]) !== String(after[key]),
  );
}

/**
 * Moves a system to another lifecycle stage from a date (M7). Introducing or running a system
 * takes a named system owner who has accepted the role on that date.
 */
export async function changeLifecycle(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
  change: LifecycleChange,
): Promise<{ before: SystemRow; after: SystemRow }> {
  const before = await findSystem(trx, id, true);
  access.assertEdit(before);
  if (
    !canMoveTo(before.lifecycle as LifecycleChange['stage'], change.stage) ||
    change.from < before.lifecycle_from
  ) {
    throw portfolioError('lifecycle_move_not_allowed');
  }
  if (ACTIVE_STAGES.includes(change.stage)) {
    const owners = await currentOwners(trx, [id], change.from);
    if (!owners.get(id)?.acceptedAt) throw portfolioError('accepted_owner_required');
  }
  const tables = portfolioDb(trx);
  const after = await tables
    .updateTable('portfolio_systems')
    .set({ lifecycle: change.stage, lifecycle_from: change.from, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tables
    .insertInto('portfolio_system_lifecycle')
    .values({ system_id: id, stage: change.stage, from_date: change.from, recorded_by: access.userId })
    .execute();
  return { before, after };
}

// ---------------------------------------------------------------------------------------------
// The list.

const TIER_ORDER = sql<number>`case tier when 'gold' then 1 when 'silver' then 2 when 'bronze' then 3 when 'copper' then 4 else 5 end`;
const STAGE_ORDER = sql<number>`case lifecycle when 'planned' then 1 when 'introducing' then 2 when 'operating' then 3 when 'phasingOut' then 4 else 5 end`;

/** The ids of the systems owned by a board among `unitIds` or used by one of those units. */
export function systemsOwnedOrUsedBy(unitIds: readonly string[]) {
  // A union of the two lookups: each uses its index, where `or exists` scanned every system.
  return sql<string>`(
    select owned.id from portfolio_systems owned where owned.owning_board_id in (${sql.join(unitIds)})
    union
    select used.system_id from portfolio_system_usage used where used.org_unit_id in (${sql.join(unitIds)}))`;
}

/** The system is owned by a board among `unitIds`, or used by one of those units. */
export function ownedOrUsedBy(unitIds: readonly string[]) {
  return sql<boolean>`portfolio_systems.id in ${systemsOwnedOrUsedBy(unitIds)}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The filtered query, before sorting and paging; also what the CSV export and the reports start from. */
export function filteredSystems(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  query: Partial<SystemListQuery>,
) {
  let select = portfolioDb(db).selectFrom('portfolio_systems');
  if (query.q) {
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean)) {
      const pattern = `%${escapeLike(word)}%`;
      select = select.where('search_text', 'like', pattern);
    }
  }
  if (query.tier === 'none') select = select.where('tier', 'is', null);
  else if (query.tier) select = select.where('tier', '=', query.tier);
  if (query.category) select = select.where('category', '=', query.category);
  if (query.supportKind) select = select.where('support_kind', '=', query.supportKind);
  if (query.lifecycle) select = select.where('lifecycle', '=', query.lifecycle);
  if (query.hosting) select = select.where('hosting', '=', query.hosting);
  if (query.time) select = select.where('time_verdict', '=', query.time);
  if (query.singleSignOn) select = select.where('single_sign_on', '=', query.singleSignOn === 'true');
  if (query.orgUnitId) {
    const units = access.subtree(query.orgUnitId);
    if (units.length === 0) select = select.where(sql<boolean>`false`);
    else {
      select = select.where(ownedOrUsedBy(units));
    }
  }
  if (query.informationTypeId) {
    const typeId = query.informationTypeId;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('portfolio_system_information')
          .select('system_id')
          .whereRef('portfolio_system_information.system_id', '=', 'portfolio_systems.id')
          .where('portfolio_system_information.information_type_id', '=', typeId),
      ),
    );
  }
  if (query.mine) {
    const mine = access.systemIdsWithRoles();
    select = mine.length === 0 ? select.where(sql<boolean>`false`) : select.where('id', 'in', mine);
  }
  return select;
}

function orderExpression(key: string) {
  switch (key) {
    case 'tier':
      return TIER_ORDER;
    case 'lifecycle':
      return STAGE_ORDER;
    case 'userCount':
      return sql<number>`coalesce(user_count, -1)`;
    case 'updatedAt':
      return sql<Date>`updated_at`;
    case 'supplier':
      return sql<string>`coalesce(supplier_sort, '~~~~') collate "C"`;
    default:
      return sql<string>`name_sort collate "C"`;
  }
}

type FilteredSystems = ReturnType<typeof filteredSystems>;
type Direction = 'asc' | 'desc';

function selectSummaries(filtered: FilteredSystems, access: PortfolioAccess) {
  return filtered.select(SUMMARY_COLUMNS).select(summaryLinks(access.today));
}

export async function listSystems(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  query: SystemListQuery,
): Promise<SystemListResponse> {
  const filtered = filteredSystems(db, access, query);
  const descending = query.sort.startsWith('-');
  const key = descending ? query.sort.slice(1) : query.sort;
  const direction = descending ? 'desc' : 'asc';
  const offset = (query.page - 1) * query.limit;
  const { total, rows } =
    key === 'owningBoard'
      ? await pageByBoard(filtered, access, direction, offset, query.limit)
      : await pageByExpression(filtered, access, key, direction, offset, query.limit);
  return { items: await presentSummaries(db, access, rows), total, page: query.page, limit: query.limit };
}

async function pageByExpression(
  filtered: FilteredSystems,
  access: PortfolioAccess,
  key: string,
  direction: Direction,
  offset: number,
  limit: number,
) {
  const [count, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    selectSummaries(filtered, access)
      .orderBy(orderExpression(key), direction)
      .orderBy(sql`name_sort collate "C"`, direction)
      .orderBy('id', direction)
      .offset(offset)
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(count.total), rows };
}

/**
 * The page sorted by owning board (boards by name in Swedish order, then systems by name). The
 * boards' names are not in the table, so an ORDER BY would rank and sort every filtered row; this
 * counts the filtered systems per board instead, then reads only the boards the page falls in, each
 * in order from the index on (owning board, name) — usually one or two.
 */
async function pageByBoard(
  filtered: FilteredSystems,
  access: PortfolioAccess,
  direction: Direction,
  offset: number,
  limit: number,
) {
  const counts = await filtered
    .select((eb) => ['owning_board_id', eb.fn.countAll<number>().as('systems')])
    .groupBy('owning_board_id')
    .execute();
  const perBoard = new Map(counts.map((row) => [row.owning_board_id, Number(row.systems)]));
  const collator = new Intl.Collator('sv');
  // A board the organisation no longer knows has no name: those come last.
  const sortName = (id: string) => access.unitName(id) ?? '';
  const boards = [...perBoard.keys()].sort(
    (a, b) =>
      Number(sortName(a) === '') - Number(sortName(b) === '') ||
      collator.compare(sortName(a), sortName(b)) ||
      a.localeCompare(b),
  );
  if (direction === 'desc') boards.reverse();
  const reads: Promise<SummaryRow[]>[] = [];
  let skip = offset;
  let wanted = limit;
  for (const board of boards) {
    const systems = perBoard.get(board) ?? 0;
    if (wanted === 0) break;
    if (skip >= systems) {
      skip -= systems;
      continue;
    }
    reads.push(
      selectSummaries(filtered, access)
        .where('owning_board_id', '=', board)
        .orderBy(sql`name_sort collate "C"`, direction)
        .orderBy('id', direction)
        .offset(skip)
        .limit(wanted)
        .execute(),
    );
    wanted -= Math.min(wanted, systems - skip);
    skip = 0;
  }
  const total = [...perBoard.values()].reduce((sum, systems) => sum + systems, 0);
  return { total, rows: (await Promise.all(reads)).flat() };
}

export async function usageOf(
  db: Kysely<unknown>,
  systemIds: readonly string[],
): Promise<Map<string, string[]>> {
  const usage = new Map<string, string[]>();
  if (systemIds.length === 0) return usage;
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_system_usage')
    .select(['system_id', 'org_unit_id'])
    .where('system_id', 'in', systemIds)
    .execute();
  for (const row of rows) usage.set(row.system_id, [...(usage.get(row.system_id) ?? []), row.org_unit_id]);
  return usage;
}

export function innovationOverdue(
  row: Pick<SystemRow, 'support_kind' | 'lifecycle' | 'support_kind_since'>,
  today: string,
): boolean {
  return (
    row.support_kind === 'innovative' &&
    row.lifecycle !== 'retired' &&
    monthsBetween(row.support_kind_since, today) >= INNOVATION_MONTHS
  );
}

/** The list rows of the given systems, in no particular order (a system page's summary). */
export async function findSummaries(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  ids: readonly string[],
): Promise<SystemSummary[]> {
  if (ids.length === 0) return [];
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_systems')
    .select(SUMMARY_COLUMNS)
    .select(summaryLinks(access.today))
    .where('id', 'in', ids)
    .execute();
  return presentSummaries(db, access, rows);
}

async function presentSummaries(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  rows: readonly SummaryRow[],
): Promise<SystemSummary[]> {
  const owners = await findStaffContacts(
    db,
    rows.flatMap((row) => (row.owner_person_id ? [row.owner_person_id] : [])),
  );
  const collator = new Intl.Collator('sv');
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    category: row.category as SystemSummary['category'],
    supportKind: row.support_kind as SystemSummary['supportKind'],
    lifecycle: row.lifecycle as SystemSummary['lifecycle'],
    owningBoard: { id: row.owning_board_id, name: access.unitName(row.owning_board_id) ?? '' },
    usedBy: row.used_by
      .map((id) => ({ id, name: access.unitName(id) ?? '' }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    userCount: row.user_count,
    supplier: row.supplier,
    hosting: row.hosting as SystemSummary['hosting'],
    tier: row.tier as SystemSummary['tier'],
    singleSignOn: row.single_sign_on,
    centralAccessAdministration: row.central_access_administration,
    time: row.time_verdict as SystemSummary['time'],
    systemOwnerName: row.owner_person_id ? (owners.get(row.owner_person_id)?.name ?? null) : null,
    innovationOverdue: innovationOverdue(row, access.today),
    updatedAt: row.updated_at.toISOString(),
  }));
}
