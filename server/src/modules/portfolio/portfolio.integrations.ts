import type {
  Integration,
  IntegrationInput,
  MasterDataDesignation,
  MasterDataDesignationInput,
  PortfolioGraph,
} from '@karna/contracts';
import { swedishDate } from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { findInformationTypes } from '../registry/index.ts';
import { forbidden, type PortfolioAccess } from './portfolio.access.ts';
import { currentClassifications, levelsOf } from './portfolio.classification.ts';
import { portfolioError } from './portfolio.errors.ts';
import { chooseGrouping, groupGraph } from './portfolio.graph.ts';
import { maximumProtection } from './portfolio.rules.ts';
import { ownedOrUsedBy, systemsOwnedOrUsedBy } from './portfolio.systems.ts';
import { type PortfolioTables, portfolioDb } from './portfolio.tables.ts';

/**
 * Integrations (M5): directed links from one system to another carrying information types, and so
 * their classification. Master-data designations (E3): the authoritative system for an information
 * type within a scope of the organisation, dated, at most one per type and scope on any day.
 */

type IntegrationRow = Selectable<PortfolioTables['portfolio_integrations']>;

/** The integration carries the information type. */
function carrying(typeId: string) {
  return sql<boolean>`exists (select 1 from portfolio_integration_information carried
    where carried.integration_id = portfolio_integrations.id and carried.information_type_id = ${typeId})`;
}
type SystemRef = { id: string; name: string; owning_board_id: string };

async function systemsById(db: Kysely<unknown>, ids: readonly string[]): Promise<Map<string, SystemRef>> {
  if (ids.length === 0) return new Map();
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_systems')
    .select(['id', 'name', 'owning_board_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

async function carriedTypes(
  db: Kysely<unknown>,
  integrationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const carried = new Map<string, string[]>();
  if (integrationIds.length === 0) return carried;
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_integration_information')
    .selectAll()
    .where('integration_id', 'in', [...integrationIds])
    .execute();
  for (const row of rows) {
    carried.set(row.integration_id, [...(carried.get(row.integration_id) ?? []), row.information_type_id]);
  }
  return carried;
}

export async function presentIntegrations(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  rows: readonly IntegrationRow[],
): Promise<Integration[]> {
  const carried = await carriedTypes(
    db,
    rows.map((row) => row.id),
  );
  const typeIds = [...new Set([...carried.values()].flat())];
  const [systems, types, classifications] = await Promise.all([
    systemsById(
      db,
      rows.flatMap((row) => [row.source_system_id, row.target_system_id]),
    ),
    findInformationTypes(db, typeIds),
    currentClassifications(db, typeIds),
  ]);
  const typeById = new Map(types.map((type) => [type.id, type]));
  return rows.map((row) => {
    const source = systems.get(row.source_system_id);
    const target = systems.get(row.target_system_id);
    const carriedIds = carried.get(row.id) ?? [];
    const mayReadLevels =
      (source !== undefined && access.canReadConfidential(source)) ||
      (target !== undefined && access.canReadConfidential(target));
    const levels = carriedIds.flatMap((id) => {
      const classification = classifications.get(id);
      return classification ? [levelsOf(classification)] : [];
    });
    return {
      id: row.id,
      sourceSystemId: row.source_system_id,
      targetSystemId: row.target_system_id,
      sourceSystemName: source?.name ?? '',
      targetSystemName: target?.name ?? '',
      informationTypeIds: carriedIds,
      informationTypes: carriedIds.map((id) => ({
        id,
        nameSv: typeById.get(id)?.nameSv ?? '',
        nameEn: typeById.get(id)?.nameEn ?? '',
      })),
      pattern: row.pattern as Integration['pattern'],
      protocol: row.protocol,
      format: row.format,
      frequency: row.frequency as Integration['frequency'],
      platform: row.platform,
      ownerOrgUnitId: row.owner_org_unit_id,
      ownerOrgUnitName: access.unitName(row.owner_org_unit_id),
      description: row.description,
      protection: mayReadLevels ? maximumProtection(levels) : null,
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

export async function listIntegrations(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  query: { systemId?: string; informationTypeId?: string; orgUnitId?: string; page: number; limit: number },
): Promise<{ items: Integration[]; total: number }> {
  let select = portfolioDb(db)
    .selectFrom('portfolio_integrations')
    .innerJoin('portfolio_systems as source', 'source.id', 'portfolio_integrations.source_system_id')
    .innerJoin('portfolio_systems as target', 'target.id', 'portfolio_integrations.target_system_id');
  if (query.systemId) {
    const systemId = query.systemId;
    select = select.where((eb) =>
      eb.or([eb('source_system_id', '=', systemId), eb('target_system_id', '=', systemId)]),
    );
  }
  if (query.informationTypeId) select = select.where(carrying(query.informationTypeId));
  if (query.orgUnitId) {
    // The graph's integrations of the unit: an end it owns or uses, neither end retired.
    const units = access.subtree(query.orgUnitId);
    if (units.length === 0) return { items: [], total: 0 };
    select = select
      .where('source.lifecycle', '<>', 'retired')
      .where('target.lifecycle', '<>', 'retired')
      .where(
        sql<boolean>`(source_system_id in ${systemsOwnedOrUsedBy(units)} or target_system_id in ${systemsOwnedOrUsedBy(units)})`,
      );
  }
  const [count, rows] = await Promise.all([
    select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    select
      .selectAll('portfolio_integrations')
      // By the systems' names in Swedish order, as people read the list.
      .orderBy(sql`source.name_sort collate "C"`)
      .orderBy(sql`target.name_sort collate "C"`)
      .orderBy('portfolio_integrations.id')
      .offset((query.page - 1) * query.limit)
      .limit(query.limit)
      .execute(),
  ]);
  return { items: await presentIntegrations(db, access, rows), total: Number(count.total) };
}

/** The caller edits at least one of the two systems (or keeps the portfolio). */
function assertMayChange(access: PortfolioAccess, systems: readonly (SystemRef | undefined)[]): void {
  if (!systems.some((system) => system && access.canEdit(system))) throw forbidden();
}

async function checkIntegrationInput(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  input: IntegrationInput,
): Promise<Map<string, SystemRef>> {
  if (input.sourceSystemId === input.targetSystemId) {
    throw portfolioError('integration_needs_two_systems');
  }
  const systems = await systemsById(db, [input.sourceSystemId, input.targetSystemId]);
  if (systems.size !== 2) throw portfolioError('system_not_found');
  const typeIds = [...new Set(input.informationTypeIds)];
  if ((await findInformationTypes(db, typeIds)).length !== typeIds.length) {
    throw portfolioError('information_type_unknown');
  }
  if (input.ownerOrgUnitId && !access.units.has(input.ownerOrgUnitId))
    throw portfolioError('org_unit_unknown');
  return systems;
}

function integrationColumns(input: IntegrationInput) {
  return {
    source_system_id: input.sourceSystemId,
    target_system_id: input.targetSystemId,
    pattern: input.pattern,
    protocol: input.protocol,
    format: input.format,
    frequency: input.frequency,
    platform: input.platform,
    owner_org_unit_id: input.ownerOrgUnitId,
    description: input.description,
  };
}

async function replaceCarried(
  db: Kysely<unknown>,
  integrationId: string,
  typeIds: readonly string[],
): Promise<void> {
  const tables = portfolioDb(db);
  await tables
    .deleteFrom('portfolio_integration_information')
    .where('integration_id', '=', integrationId)
    .execute();
  await tables
    .insertInto('portfolio_integration_information')
    .values(
      [...new Set(typeIds)].map((typeId) => ({ integration_id: integrationId, information_type_id: typeId })),
    )
    .execute();
}

export async function createIntegration(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  input: IntegrationInput,
): Promise<IntegrationRow> {
  const systems = await checkIntegrationInput(trx, access, input);
  assertMayChange(access, [...systems.values()]);
  const row = await portfolioDb(trx)
    .insertInto('portfolio_integrations')
    .values(integrationColumns(input))
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceCarried(trx, row.id, input.informationTypeIds);
  return row;
}

async function findIntegration(db: Kysely<unknown>, id: string): Promise<IntegrationRow> {
  const row = await portfolioDb(db)
    .selectFrom('portfolio_integrations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw portfolioError('integration_not_found');
  return row;
}

export async function updateIntegration(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
  input: IntegrationInput,
): Promise<IntegrationRow> {
  const before = await findIntegration(trx, id);
  assertMayChange(access, [
    ...(await systemsById(trx, [before.source_system_id, before.target_system_id])).values(),
  ]);
  const systems = await checkIntegrationInput(trx, access, input);
  assertMayChange(access, [...systems.values()]);
  const row = await portfolioDb(trx)
    .updateTable('portfolio_integrations')
    .set({ ...integrationColumns(input), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceCarried(trx, id, input.informationTypeIds);
  return row;
}

export async function deleteIntegration(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
): Promise<IntegrationRow> {
  const before = await findIntegration(trx, id);
  assertMayChange(access, [
    ...(await systemsById(trx, [before.source_system_id, before.target_system_id])).values(),
  ]);
  await portfolioDb(trx).deleteFrom('portfolio_integrations').where('id', '=', id).execute();
  return before;
}

const EMPTY_GRAPH: PortfolioGraph = { grouping: 'none', systems: 0, integrations: 0, nodes: [], edges: [] };

/**
 * The graph of systems and integrations: for a unit, the systems it owns or uses (the focus) and
 * every system they exchange information with; for an information type, the integrations carrying
 * it and their ends. Retired systems are left out.
 */
export async function portfolioGraph(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  query: { orgUnitId?: string; informationTypeId?: string; maxBoxes?: number | undefined },
): Promise<PortfolioGraph> {
  const tables = portfolioDb(db);
  let focus: Set<string> | null = null;
  if (query.orgUnitId) {
    const units = access.subtree(query.orgUnitId);
    if (units.length === 0) return EMPTY_GRAPH;
    const rows = await tables
      .selectFrom('portfolio_systems')
      .select('id')
      .where('lifecycle', '<>', 'retired')
      .where(ownedOrUsedBy(units))
      .execute();
    focus = new Set(rows.map((row) => row.id));
    if (focus.size === 0) return EMPTY_GRAPH;
  }
  let edgesQuery = tables
    .selectFrom('portfolio_integrations')
    .innerJoin('portfolio_systems as source', 'source.id', 'portfolio_integrations.source_system_id')
    .innerJoin('portfolio_systems as target', 'target.id', 'portfolio_integrations.target_system_id')
    .select([
      'portfolio_integrations.id',
      'portfolio_integrations.source_system_id',
      'portfolio_integrations.target_system_id',
      'portfolio_integrations.pattern',
    ])
    .where('source.lifecycle', '<>', 'retired')
    .where('target.lifecycle', '<>', 'retired');
  if (focus) {
    const ids = [...focus];
    edgesQuery = edgesQuery.where((eb) =>
      eb.or([
        eb('portfolio_integrations.source_system_id', 'in', ids),
        eb('portfolio_integrations.target_system_id', 'in', ids),
      ]),
    );
  }
  if (query.informationTypeId) {
    const typeId = query.informationTypeId;
    edgesQuery = edgesQuery.where(carrying(typeId));
  }
  const edges = await edgesQuery.execute();
  const carried = await carriedTypes(
    db,
    edges.map((edge) => edge.id),
  );
  const types = new Map(
    (await findInformationTypes(db, [...new Set([...carried.values()].flat())])).map((type) => [
      type.id,
      type.nameSv,
    ]),
  );
  const nodeIds = new Set([...(focus && !query.informationTypeId ? focus : [])]);
  for (const edge of edges) {
    nodeIds.add(edge.source_system_id);
    nodeIds.add(edge.target_system_id);
  }
  const systems =
    nodeIds.size === 0
      ? []
      : await tables
          .selectFrom('portfolio_systems')
          .select(['id', 'name', 'tier', 'owning_board_id'])
          .where('id', 'in', [...nodeIds])
          .orderBy(sql`name_sort collate "C"`)
          .execute();
  const graph: PortfolioGraph = {
    grouping: 'none',
    systems: systems.length,
    integrations: edges.length,
    nodes: systems.map((system) => ({
      id: system.id,
      kind: 'system',
      name: system.name,
      tier: system.tier as PortfolioGraph['nodes'][number]['tier'],
      owningBoardId: system.owning_board_id,
      owningBoard: access.unitName(system.owning_board_id) ?? '',
      focus: focus ? focus.has(system.id) : true,
      systems: 1,
    })),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source_system_id,
      target: edge.target_system_id,
      pattern: edge.pattern as Integration['pattern'],
      integrations: 1,
      informationTypes: (carried.get(edge.id) ?? []).map((id) => types.get(id) ?? ''),
    })),
  };
  return query.maxBoxes ? groupGraph(graph, chooseGrouping(graph.nodes, query.maxBoxes)) : graph;
}

// ---------------------------------------------------------------------------------------------
// Master-data designations.

type DesignationRow = Selectable<PortfolioTables['portfolio_master_data_designations']>;

export async function presentDesignations(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  rows: readonly DesignationRow[],
): Promise<MasterDataDesignation[]> {
  const [types, systems] = await Promise.all([
    findInformationTypes(
      db,
      rows.map((row) => row.information_type_id),
    ),
    systemsById(
      db,
      rows.map((row) => row.system_id),
    ),
  ]);
  const typeNames = new Map(types.map((type) => [type.id, type.nameSv]));
  const collator = new Intl.Collator('sv');
  return rows
    .map((row) => ({
      id: row.id,
      informationTypeId: row.information_type_id,
      informationTypeName: typeNames.get(row.information_type_id) ?? '',
      systemId: row.system_id,
      systemName: systems.get(row.system_id)?.name ?? '',
      scopeOrgUnitId: row.scope_org_unit_id,
      scopeOrgUnitName: access.unitName(row.scope_org_unit_id),
      validFrom: row.valid_from,
      validTo: row.valid_to,
      decisionReference: row.decision_reference,
    }))
    .sort(
      (a, b) =>
        collator.compare(a.informationTypeName, b.informationTypeName) ||
        collator.compare(a.scopeOrgUnitName ?? '', b.scopeOrgUnitName ?? '') ||
        b.validFrom.localeCompare(a.validFrom),
    );
}

/**
 * For the registry's information types: the system designated for the whole municipality today,
 * per type (registry's `setAuthoritativeSystemSource`).
 */
export async function municipalityWideSources(
  db: Kysely<unknown>,
  informationTypeIds: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  const today = swedishDate();
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_master_data_designations as designation')
    .innerJoin('portfolio_systems as system', 'system.id', 'designation.system_id')
    .select(['designation.information_type_id', 'system.id', 'system.name'])
    .where('designation.information_type_id', 'in', [...informationTypeIds])
    .where('designation.scope_org_unit_id', 'is', null)
    .where('designation.valid_from', '<=', today)
    .where((eb) => eb.or([eb('designation.valid_to', 'is', null), eb('designation.valid_to', '>=', today)]))
    .execute();
  return new Map(rows.map((row) => [row.information_type_id, { id: row.id, name: row.name }]));
}

export async function listDesignations(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  query: { informationTypeId?: string; on?: string },
): Promise<MasterDataDesignation[]> {
  let select = portfolioDb(db).selectFrom('portfolio_master_data_designations').selectAll();
  if (query.informationTypeId) select = select.where('information_type_id', '=', query.informationTypeId);
  if (query.on) {
    const day = query.on;
    select = select
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]));
  }
  return presentDesignations(db, access, await select.execute());
}

/** Serialises designations of one information type, so two cannot both pass the overlap check. */
async function lockType(trx: Kysely<unknown>, typeId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`portfolio-designations:${typeId}`}))`.execute(trx);
}

async function assertNoOverlap(
  trx: Kysely<unknown>,
  input: {
    informationTypeId: string;
    scopeOrgUnitId: string | null;
    validFrom: string;
    validTo: string | null;
  },
  exceptId?: string,
): Promise<void> {
  let select = portfolioDb(trx)
    .selectFrom('portfolio_master_data_designations')
    .select('id')
    .where('information_type_id', '=', input.informationTypeId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.validFrom)]));
  select =
    input.scopeOrgUnitId === null
      ? select.where('scope_org_unit_id', 'is', null)
      : select.where('scope_org_unit_id', '=', input.scopeOrgUnitId);
  if (input.validTo !== null) select = select.where('valid_from', '<=', input.validTo);
  if (exceptId) select = select.where('id', '<>', exceptId);
  if (await select.executeTakeFirst()) throw portfolioError('designation_overlaps');
}

export async function designate(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  input: MasterDataDesignationInput,
): Promise<DesignationRow> {
  if (input.validTo !== null && input.validTo < input.validFrom) throw portfolioError('dates_out_of_order');
  if ((await findInformationTypes(trx, [input.informationTypeId])).length === 0) {
    throw portfolioError('information_type_unknown');
  }
  if ((await systemsById(trx, [input.systemId])).size === 0) throw portfolioError('system_not_found');
  if (input.scopeOrgUnitId && !access.units.has(input.scopeOrgUnitId))
    throw portfolioError('org_unit_unknown');
  if (!access.managesMasterData(input.scopeOrgUnitId)) throw forbidden();
  await lockType(trx, input.informationTypeId);
  await assertNoOverlap(trx, input);
  return portfolioDb(trx)
    .insertInto('portfolio_master_data_designations')
    .values({
      information_type_id: input.informationTypeId,
      system_id: input.systemId,
      scope_org_unit_id: input.scopeOrgUnitId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      decision_reference: input.decisionReference,
      decided_by: access.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function endDesignation(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
  validTo: string,
): Promise<DesignationRow> {
  const row = await portfolioDb(trx)
    .selectFrom('portfolio_master_data_designations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw portfolioError('designation_not_found');
  if (!access.managesMasterData(row.scope_org_unit_id)) throw forbidden();
  if (validTo < row.valid_from || (row.valid_to !== null && validTo > row.valid_to)) {
    throw portfolioError('dates_out_of_order');
  }
  return portfolioDb(trx)
    .updateTable('portfolio_master_data_designations')
    .set({ valid_to: validTo, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
