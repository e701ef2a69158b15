import {
  ComponentIdParams,
  type StandardComponent,
  StandardComponentInput,
  StandardComponentListResponse,
  SystemComponentsInput,
  SystemDetail,
  SystemIdParams,
  type TierCode,
} from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { PlatformContext } from '../../platform/module.ts';
import { forbidden, type PortfolioAccess } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import { accessOf } from './portfolio.routes.ts';
import { findSystem } from './portfolio.systems.ts';
import { type PortfolioTables, portfolioDb } from './portfolio.tables.ts';
import { systemDetail } from './portfolio.views.ts';
import { swedishSortKey } from './swedish-sort.ts';

/**
 * The standard assortment (M8): the equipment and platform components the municipality chooses
 * (standard), accepts (allowed), is leaving (phasing out, with what replaces it) or refuses, and
 * which systems run on which — so the IT department sees the systems that stand on a platform
 * being left. The IT department keeps the list; a system's editors say what it runs on.
 */

type ComponentRow = Selectable<PortfolioTables['portfolio_components']>;

export async function listComponents(db: Kysely<unknown>): Promise<StandardComponent[]> {
  const tables = portfolioDb(db);
  const [rows, uses] = await Promise.all([
    tables.selectFrom('portfolio_components').selectAll().orderBy(sql`name_sort collate "C"`).execute(),
    tables
      .selectFrom('portfolio_system_components')
      .innerJoin('portfolio_systems', 'portfolio_systems.id', 'portfolio_system_components.system_id')
      .select([
        'portfolio_system_components.component_id',
        'portfolio_systems.id',
        'portfolio_systems.name',
        'portfolio_systems.tier',
      ])
      .where('portfolio_systems.lifecycle', '<>', 'retired')
      .orderBy(sql`portfolio_systems.name_sort collate "C"`)
      .execute(),
  ]);
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return rows.map((row) => presentComponent(row, names, uses));
}

function presentComponent(
  row: ComponentRow,
  names: Map<string, string>,
  uses: readonly { component_id: string; id: string; name: string; tier: string | null }[],
): StandardComponent {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as StandardComponent['kind'],
    status: row.status as StandardComponent['status'],
    description: row.description,
    replacedById: row.replaced_by_id,
    replacedByName: row.replaced_by_id ? (names.get(row.replaced_by_id) ?? null) : null,
    systems: uses
      .filter((use) => use.component_id === row.id)
      .map((use) => ({ id: use.id, name: use.name, tier: use.tier as TierCode | null })),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function saveComponent(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string | null,
  input: StandardComponentInput,
): Promise<ComponentRow> {
  if (!access.managesAnything()) throw forbidden();
  const tables = portfolioDb(trx);
  if (input.replacedById) {
    const replacement = await tables
      .selectFrom('portfolio_components')
      .select('id')
      .where('id', '=', input.replacedById)
      .executeTakeFirst();
    if (!replacement || input.replacedById === id) throw portfolioError('component_not_found');
  }
  let taken = tables
    .selectFrom('portfolio_components')
    .select('id')
    .where(sql<string>`lower(name)`, '=', input.name.toLowerCase());
  if (id) taken = taken.where('id', '<>', id);
  if (await taken.executeTakeFirst()) throw portfolioError('component_name_taken');
  const values = {
    name: input.name,
    name_sort: swedishSortKey(input.name),
    kind: input.kind,
    status: input.status,
    description: input.description,
    replaced_by_id: input.replacedById,
  };
  if (!id)
    return tables.insertInto('portfolio_components').values(values).returningAll().executeTakeFirstOrThrow();
  const row = await tables
    .updateTable('portfolio_components')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw portfolioError('component_not_found');
  return row;
}

async function replaceSystemComponents(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  systemId: string,
  componentIds: readonly string[],
): Promise<void> {
  const system = await findSystem(trx, systemId, true);
  access.assertEdit(system);
  const tables = portfolioDb(trx);
  const ids = [...new Set(componentIds)];
  if (ids.length > 0) {
    const found = await tables
      .selectFrom('portfolio_components')
      .select('id')
      .where('id', 'in', ids)
      .execute();
    if (found.length !== ids.length) throw portfolioError('component_not_found');
  }
  await tables.deleteFrom('portfolio_system_components').where('system_id', '=', systemId).execute();
  if (ids.length > 0) {
    await tables
      .insertInto('portfolio_system_components')
      .values(ids.map((componentId) => ({ system_id: systemId, component_id: componentId })))
      .execute();
  }
}

export async function registerComponentRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/portfolio/components',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'The standard assortment: equipment and platform components, their status and the systems on them',
        response: { 200: StandardComponentListResponse },
      },
      config: { access: { permission: 'portfolio.read' } },
    },
    async () => ({ items: await listComponents(db) }),
  );

  const save = async (
    request: Parameters<typeof accessOf>[1],
    id: string | null,
    input: StandardComponentInput,
  ) => {
    const access = await accessOf(db, request);
    const row = await db.transaction().execute(async (trx) => {
      const saved = await saveComponent(trx, access, id, input);
      await request.recordAudit(trx, {
        action: id ? 'portfolio.component.update' : 'portfolio.component.create',
        outcome: 'success',
        resourceType: 'component',
        resourceId: saved.id,
        details: { name: saved.name, status: saved.status },
      });
      return saved;
    });
    const component = (await listComponents(db)).find((candidate) => candidate.id === row.id);
    if (!component) throw portfolioError('component_not_found');
    return component;
  };

  app.post(
    '/api/portfolio/components',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Add a component to the standard assortment (the IT department)',
        body: StandardComponentInput,
        response: { 201: StandardComponentListResponse.shape.items.element },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request, reply) => {
      const component = await save(request, null, request.body);
      reply.code(201);
      return component;
    },
  );

  app.put(
    '/api/portfolio/components/:componentId',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Change a component: its status (standard, allowed, phasing out, not allowed) and what replaces it',
        params: ComponentIdParams,
        body: StandardComponentInput,
        response: { 200: StandardComponentListResponse.shape.items.element },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request) => save(request, request.params.componentId, request.body),
  );

  app.put(
    '/api/portfolio/systems/:systemId/components',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Set the standard components a system runs on',
        params: SystemIdParams,
        body: SystemComponentsInput,
        response: { 200: SystemDetail },
      },
      config: { access: { permission: 'portfolio.read' } },
    },
    async (request) => {
      const access = await accessOf(db, request);
      const { systemId } = request.params;
      await db.transaction().execute(async (trx) => {
        await replaceSystemComponents(trx, access, systemId, request.body.componentIds);
        await request.recordAudit(trx, {
          action: 'portfolio.system.components',
          outcome: 'success',
          resourceType: 'system',
          resourceId: systemId,
          details: { components: request.body.componentIds },
        });
      });
      return systemDetail(db, access, systemId);
    },
  );
}
