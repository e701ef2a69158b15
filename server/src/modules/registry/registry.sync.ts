import type { OrganisationSyncPage, PersonSyncPage, PropertySyncPage, SyncQuery } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import { coordinatesOf } from './coordinates.ts';
import { type Disclosure, mayDisclose, presentPerson } from './registry.presenters.ts';
import { inForceOn, type PersonRow } from './registry.repository.ts';
import { registryDb } from './registry.tables.ts';

/**
 * Pages of a register in the order its changes committed, for systems that keep in step (E6, F1).
 * The cursor is the last row's writing transaction (`change_xid`) and id. A page reaches only up to
 * the oldest transaction still running: below it every transaction has ended, and one that commits
 * later has a higher id, so a reader that follows the cursor never skips a row, however long an
 * import ran (migration 202611241000), and never sees one twice.
 */

interface Position {
  changeXid: string;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.changeXid, position.id])).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one this API gave out. */
export function decodeCursor(cursor: string): Position | undefined {
  try {
    const [changeXid, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const isXid = typeof changeXid === 'string' && /^\d{1,20}$/.test(changeXid);
    const isId = typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id);
    return isXid && isId ? { changeXid, id } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `horizon`: the lowest transaction id that may still commit a change to this database — the
 * oldest running one in the statement's snapshot, or the next id when none runs. Transaction ids are
 * the cluster's, and so is the snapshot: a transaction running in another database of the same
 * server (seen in pg_stat_activity, matched on its low 32 bits) cannot write here and is passed
 * over, so a long one elsewhere does not hold the feed back. One that ended since the snapshot
 * still counts, which only holds this one page back.
 */
const ENDED_BELOW = `
  snapshot as (select pg_current_snapshot() as taken),
  elsewhere as (
    select backend_xid::text as xid from pg_stat_activity
    where datname is distinct from current_database() and backend_xid is not null),
  horizon as (
    select coalesce(
      (select min(running) from snapshot, pg_snapshot_xip(snapshot.taken) as running
        where (running::text::numeric % 4294967296)::text not in (select xid from elsewhere)),
      (select pg_snapshot_xmax(taken) from snapshot)) as xid)`;

type Table = 'registry_persons' | 'registry_organisations' | 'registry_properties';

/** Ids, change times and positions of one page of a table, after the cursor or since a moment. */
async function pageOf(
  db: Kysely<unknown>,
  table: Table,
  query: SyncQuery,
  after: Position | undefined,
): Promise<{ ids: string[]; positions: Position[]; changedAt: Map<string, string>; more: boolean }> {
  const from = after
    ? sql`(change_xid, id) > (${after.changeXid}::xid8, ${after.id}::uuid)`
    : query.changedSince
      ? sql`updated_at >= ${query.changedSince}::timestamptz`
      : sql`true`;
  const rows = await sql<{ id: string; change_xid: string; updated_at: Date }>`
    with ${sql.raw(ENDED_BELOW)}
    select id, change_xid, updated_at from ${sql.table(table)}
    where ${from} and change_xid < (select xid from horizon)
    order by change_xid, id limit ${query.limit + 1}`.execute(db);
  const page = rows.rows.slice(0, query.limit);
  return {
    ids: page.map((row) => row.id),
    positions: page.map((row) => ({ changeXid: String(row.change_xid), id: row.id })),
    changedAt: new Map(page.map((row) => [row.id, new Date(row.updated_at).toISOString()])),
    more: rows.rows.length > query.limit,
  };
}

function nextCursor(positions: Position[], more: boolean): string | null {
  const last = positions.at(-1);
  return more && last ? encodeCursor(last) : null;
}

/** The rows of a page in the page's order (the order of change), from a read by id. */
function inPageOrder<Row extends { id: string }>(ids: string[], rows: Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function personSyncPage(
  db: Kysely<unknown>,
  query: SyncQuery,
  after: Position | undefined,
  disclosure: Disclosure,
): Promise<{ page: PersonSyncPage; rows: PersonRow[] }> {
  const { ids, positions, changedAt, more } = await pageOf(db, 'registry_persons', query, after);
  if (ids.length === 0) return { page: { items: [], nextCursor: null }, rows: [] };
  const tables = registryDb(db);
  const [rows, custody] = await Promise.all([
    tables.selectFrom('registry_persons').selectAll().where('id', 'in', ids).execute(),
    tables
      .selectFrom('registry_custody')
      .select(['child_id', 'guardian_id'])
      .where('child_id', 'in', ids)
      .where(inForceOn(disclosure.today, 'registry_custody'))
      .execute(),
  ]);
  const ordered = inPageOrder(ids, rows);
  const items = ordered.map((row) => ({
    ...presentPerson(row, disclosure),
    changedAt: changedAt.get(row.id) ?? '',
    guardianIds: mayDisclose(row, disclosure)
      ? custody.filter((relation) => relation.child_id === row.id).map((relation) => relation.guardian_id)
      : [],
  }));
  return { page: { items, nextCursor: nextCursor(positions, more) }, rows: ordered };
}

export async function organisationSyncPage(
  db: Kysely<unknown>,
  query: SyncQuery,
  after: Position | undefined,
  today: string,
): Promise<OrganisationSyncPage> {
  const { ids, positions, changedAt, more } = await pageOf(db, 'registry_organisations', query, after);
  if (ids.length === 0) return { items: [], nextCursor: null };
  const tables = registryDb(db);
  const [rows, signatories] = await Promise.all([
    tables.selectFrom('registry_organisations').selectAll().where('id', 'in', ids).execute(),
    tables
      .selectFrom('registry_signatories')
      .select(['organisation_id', 'person_id'])
      .where('organisation_id', 'in', ids)
      .where(inForceOn(today, 'registry_signatories'))
      .execute(),
  ]);
  const items = inPageOrder(ids, rows).map((row) => ({
    id: row.id,
    organisationNumber: row.organisation_number,
    name: row.name,
    legalForm: row.legal_form,
    changedAt: changedAt.get(row.id) ?? '',
    signatoryIds: signatories
      .filter((signatory) => signatory.organisation_id === row.id)
      .map((signatory) => signatory.person_id),
  }));
  return { items, nextCursor: nextCursor(positions, more) };
}

export async function propertySyncPage(
  db: Kysely<unknown>,
  query: SyncQuery,
  after: Position | undefined,
  disclosure: Disclosure,
): Promise<PropertySyncPage> {
  const { ids, positions, changedAt, more } = await pageOf(db, 'registry_properties', query, after);
  if (ids.length === 0) return { items: [], nextCursor: null };
  const tables = registryDb(db);
  const { today } = disclosure;
  const [rows, owners] = await Promise.all([
    tables.selectFrom('registry_properties').selectAll().where('id', 'in', ids).execute(),
    tables
      .selectFrom('registry_property_owners')
      .leftJoin('registry_persons', 'registry_persons.id', 'registry_property_owners.person_id')
      .select([
        'registry_property_owners.property_id',
        'registry_property_owners.person_id',
        'registry_property_owners.organisation_id',
        'registry_property_owners.share_numerator',
        'registry_property_owners.share_denominator',
        'registry_persons.protection',
      ])
      .where('registry_property_owners.property_id', 'in', ids)
      .where(inForceOn(today, 'registry_property_owners'))
      .execute(),
  ]);
  const items = inPageOrder(ids, rows).map((row) => ({
    id: row.id,
    designation: row.designation,
    municipalityCode: row.municipality_code,
    areaSquareMetres: row.area_square_metres,
    coordinates: coordinatesOf(row.northing, row.easting),
    changedAt: changedAt.get(row.id) ?? '',
    owners: owners
      .filter((owner) => owner.property_id === row.id)
      .map((owner) => ({
        // A protected owner is not named to a reader who may not see protected people.
        personId:
          owner.person_id && (disclosure.revealProtected || owner.protection === 'none')
            ? owner.person_id
            : null,
        organisationId: owner.organisation_id,
        share: { numerator: owner.share_numerator, denominator: owner.share_denominator },
      })),
  }));
  return { items, nextCursor: nextCursor(positions, more) };
}
