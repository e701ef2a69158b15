import {
  InformationType,
  InformationTypeIdParams,
  InformationTypeInput,
  InformationTypeListResponse,
} from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Selectable } from 'kysely';
import type { PlatformContext } from '../../platform/module.ts';
import { findOrgUnits, identityDb } from '../identity/index.ts';
import { registryError } from './registry.errors.ts';
import { type AuthoritativeSystem, findAuthoritativeSystems } from './registry.extensions.ts';
import { type RegistryTables, registryDb } from './registry.tables.ts';

/**
 * Master-data designations (E3, E4): each kind of information the municipality keeps once, with
 * its authoritative source system, its steward and the concepts it defines. `sourceSystem` and
 * `sourceSystemRef` are as entered; the application portfolio's dated designation for the whole
 * municipality, when there is one today, is shown beside them (`authoritativeSystem`).
 */

type InformationTypeRow = Selectable<RegistryTables['registry_information_types']>;

async function unitNames(db: Kysely<unknown>): Promise<Map<string, string>> {
  return new Map((await findOrgUnits(identityDb(db))).map((unit) => [unit.id, unit.name]));
}

/** The rows as the API shows them, with their stewards' names and the portfolio's designations. */
async function presentAll(
  db: Kysely<unknown>,
  rows: readonly InformationTypeRow[],
): Promise<InformationType[]> {
  const [units, designated] = await Promise.all([
    unitNames(db),
    findAuthoritativeSystems(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => present(row, units, designated.get(row.id) ?? null));
}

function present(
  row: InformationTypeRow,
  units: Map<string, string>,
  authoritativeSystem: AuthoritativeSystem | null,
): InformationType {
  return {
    id: row.id,
    key: row.key,
    nameSv: row.name_sv,
    nameEn: row.name_en,
    description: row.description,
    sourceSystem: row.source_system,
    sourceSystemRef: row.source_system_ref,
    stewardOrgUnitId: row.steward_org_unit_id,
    stewardOrgUnitName: row.steward_org_unit_id ? (units.get(row.steward_org_unit_id) ?? null) : null,
    authoritativeSystem,
    concepts: row.concepts as InformationType['concepts'],
    updatedAt: row.updated_at.toISOString(),
  };
}

function columnsOf(input: InformationTypeInput) {
  return {
    key: input.key,
    name_sv: input.nameSv,
    name_en: input.nameEn,
    description: input.description,
    source_system: input.sourceSystem,
    source_system_ref: input.sourceSystemRef,
    steward_org_unit_id: input.stewardOrgUnitId,
    concepts: JSON.stringify(input.concepts),
  };
}

/** Refuses a steward unit the organisation tree does not have, and a key another type holds. */
async function checkInput(
  db: Kysely<unknown>,
  input: InformationTypeInput,
  units: Map<string, string>,
  exceptId?: string,
): Promise<void> {
  if (input.stewardOrgUnitId && !units.has(input.stewardOrgUnitId)) throw registryError('unknown_org_unit');
  let taken = registryDb(db)
    .selectFrom('registry_information_types')
    .select('id')
    .where('key', '=', input.key);
  if (exceptId) taken = taken.where('id', '<>', exceptId);
  if (await taken.executeTakeFirst()) throw registryError('information_type_exists');
}

export async function registerInformationTypeRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/master-data/information-types',
    {
      schema: {
        tags: ['master data'],
        summary: 'The information types, their authoritative sources, stewards and concepts',
        response: { 200: InformationTypeListResponse },
      },
      config: { access: { permission: 'workspace.use' } },
    },
    async () => {
      const rows = await registryDb(db).selectFrom('registry_information_types').selectAll().execute();
      const collator = new Intl.Collator('sv');
      return {
        items: await presentAll(
          db,
          rows.sort((a, b) => collator.compare(a.name_sv, b.name_sv)),
        ),
      };
    },
  );

  app.post(
    '/api/master-data/information-types',
    {
      schema: {
        tags: ['master data'],
        summary: 'Designate a new information type and its authoritative source',
        body: InformationTypeInput,
        response: { 201: InformationType },
      },
      config: { access: { permission: 'masterData.manage' } },
    },
    async (request, reply) => {
      const units = await unitNames(db);
      const created = await db.transaction().execute(async (trx) => {
        await checkInput(trx, request.body, units);
        const row = await registryDb(trx)
          .insertInto('registry_information_types')
          .values(columnsOf(request.body))
          .returningAll()
          .executeTakeFirstOrThrow();
        await request.recordAudit(trx, {
          action: 'registry.informationType.create',
          outcome: 'success',
          resourceType: 'informationType',
          resourceId: row.id,
          details: { key: row.key, sourceSystem: row.source_system },
        });
        return row;
      });
      reply.code(201);
      const [shown] = await presentAll(db, [created]);
      return shown;
    },
  );

  app.put(
    '/api/master-data/information-types/:informationTypeId',
    {
      schema: {
        tags: ['master data'],
        summary: 'Change an information type: names, description, source, steward, concepts',
        params: InformationTypeIdParams,
        body: InformationTypeInput,
        response: { 200: InformationType },
      },
      config: { access: { permission: 'masterData.manage' } },
    },
    async (request) => {
      const units = await unitNames(db);
      const { informationTypeId } = request.params;
      const updated = await db.transaction().execute(async (trx) => {
        await checkInput(trx, request.body, units, informationTypeId);
        const row = await registryDb(trx)
          .updateTable('registry_information_types')
          .set({ ...columnsOf(request.body), updated_at: new Date() })
          .where('id', '=', informationTypeId)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw registryError('information_type_not_found');
        await request.recordAudit(trx, {
          action: 'registry.informationType.update',
          outcome: 'success',
          resourceType: 'informationType',
          resourceId: row.id,
          details: { key: row.key, sourceSystem: row.source_system },
        });
        return row;
      });
      const [shown] = await presentAll(db, [updated]);
      return shown;
    },
  );
}

/** An information type as other modules refer to it. */
export interface InformationTypeRef {
  id: string;
  key: string;
  nameSv: string;
  nameEn: string;
}

/** The information types (all, or those with the given ids), for modules that point at them. */
export async function findInformationTypes(
  db: Kysely<unknown>,
  ids?: readonly string[],
): Promise<InformationTypeRef[]> {
  if (ids && ids.length === 0) return [];
  let query = registryDb(db)
    .selectFrom('registry_information_types')
    .select(['id', 'key', 'name_sv', 'name_en']);
  if (ids) query = query.where('id', 'in', [...new Set(ids)]);
  const rows = await query.execute();
  return rows.map((row) => ({ id: row.id, key: row.key, nameSv: row.name_sv, nameEn: row.name_en }));
}

/** The id of the type with `input.key`, created when there is none (the demo seed's designations). */
export async function ensureInformationType(
  db: Kysely<unknown>,
  input: InformationTypeInput,
): Promise<string> {
  const existing = await registryDb(db)
    .selectFrom('registry_information_types')
    .select('id')
    .where('key', '=', input.key)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await registryDb(db)
    .insertInto('registry_information_types')
    .values(columnsOf(input))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
