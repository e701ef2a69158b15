import type { ManagementObject } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import { forbidden, type PortfolioAccess } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import { assignmentsOf, presentAssignments } from './portfolio.roles.ts';
import { portfolioDb } from './portfolio.tables.ts';

/**
 * pm3 management objects (förvaltningsobjekt): a part of the business with its systems, an object
 * owner and a business/IT pair of object managers, and a yearly plan split into maintenance
 * (vidmakthållande) and development (vidareutveckling).
 */

export async function listManagementObjects(
  db: Kysely<unknown>,
  access: PortfolioAccess,
): Promise<ManagementObject[]> {
  const tables = portfolioDb(db);
  const objects = await tables.selectFrom('portfolio_management_objects').selectAll().execute();
  const ids = objects.map((object) => object.id);
  if (ids.length === 0) return [];
  const [systems, plans, assignments] = await Promise.all([
    tables
      .selectFrom('portfolio_systems')
      .select(['id', 'name', 'management_object_id'])
      .where('management_object_id', 'in', ids)
      .orderBy(sql`name_sort collate "C"`)
      .execute(),
    tables
      .selectFrom('portfolio_management_plans')
      .selectAll()
      .where('object_id', 'in', ids)
      .orderBy('year', 'desc')
      .execute(),
    assignmentsOf(db, 'managementObject', ids),
  ]);
  const roles = await presentAssignments(db, access, assignments);
  const collator = new Intl.Collator('sv');
  return objects
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((object) => ({
      id: object.id,
      name: object.name,
      description: object.description,
      systems: systems
        .filter((system) => system.management_object_id === object.id)
        .map((system) => ({ id: system.id, name: system.name })),
      roles: roles.filter((role) => role.subjectId === object.id),
      plans: plans
        .filter((plan) => plan.object_id === object.id)
        .map((plan) => ({
          year: plan.year,
          maintenanceBudget: Number(plan.maintenance_budget),
          developmentBudget: Number(plan.development_budget),
          goals: plan.goals,
          decisionReference: plan.decision_reference,
        })),
    }));
}

/** Creates or changes an object and the systems it covers (a system belongs to at most one). */
export async function saveManagementObject(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string | null,
  input: { name: string; description: string | null; systemIds: string[] },
): Promise<string> {
  if (!access.managesAnything()) throw forbidden();
  const tables = portfolioDb(trx);
  let taken = tables
    .selectFrom('portfolio_management_objects')
    .select('id')
    .where(sql<string>`lower(name)`, '=', input.name.toLowerCase());
  if (id) taken = taken.where('id', '<>', id);
  if (await taken.executeTakeFirst()) throw portfolioError('management_object_name_taken');
  const systemIds = [...new Set(input.systemIds)];
  if (systemIds.length > 0) {
    const found = await tables
      .selectFrom('portfolio_systems')
      .select('id')
      .where('id', 'in', systemIds)
      .execute();
    if (found.length !== systemIds.length) throw portfolioError('system_not_found');
  }
  let objectId: string;
  if (id) {
    const row = await tables
      .updateTable('portfolio_management_objects')
      .set({ name: input.name, description: input.description, updated_at: new Date() })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw portfolioError('management_object_not_found');
    objectId = row.id;
  } else {
    const row = await tables
      .insertInto('portfolio_management_objects')
      .values({ name: input.name, description: input.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    objectId = row.id;
  }
  let released = tables
    .updateTable('portfolio_systems')
    .set({ management_object_id: null, updated_at: new Date() })
    .where('management_object_id', '=', objectId);
  if (systemIds.length > 0) released = released.where('id', 'not in', systemIds);
  await released.execute();
  if (systemIds.length > 0) {
    await tables
      .updateTable('portfolio_systems')
      .set({ management_object_id: objectId, updated_at: new Date() })
      .where('id', 'in', systemIds)
      .execute();
  }
  return objectId;
}

export async function savePlan(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  objectId: string,
  plan: {
    year: number;
    maintenanceBudget: number;
    developmentBudget: number;
    goals: string;
    decisionReference: string | null;
  },
): Promise<void> {
  if (!access.managesAnything()) throw forbidden();
  const tables = portfolioDb(trx);
  const object = await tables
    .selectFrom('portfolio_management_objects')
    .select('id')
    .where('id', '=', objectId)
    .executeTakeFirst();
  if (!object) throw portfolioError('management_object_not_found');
  const values = {
    maintenance_budget: plan.maintenanceBudget,
    development_budget: plan.developmentBudget,
    goals: plan.goals,
    decision_reference: plan.decisionReference,
  };
  await tables
    .insertInto('portfolio_management_plans')
    .values({ object_id: objectId, year: plan.year, ...values })
    .onConflict((conflict) =>
      conflict.columns(['object_id', 'year']).doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute();
}
