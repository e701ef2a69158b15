import { type Kysely, sql } from 'kysely';

/**
 * The sync API pages each register in the order its changes committed, not the order they began.
 * A change time is taken when a transaction starts: an import that runs for minutes stamps its rows
 * with its start, and a reader that paged past that moment meanwhile would never see them. So each
 * row records the transaction that last wrote it (`change_xid`, PostgreSQL's 64-bit transaction id),
 * and a page only reaches up to the oldest transaction still running: everything below that line has
 * ended, and whatever commits later carries a higher id. The index on it replaces the one on
 * `(updated_at, id)`; `changedSince` reads (a client's first) filter on `updated_at` by a scan.
 */
const TABLES = ['registry_persons', 'registry_organisations', 'registry_properties'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function registry_stamp_change_xid() returns trigger language plpgsql as $$
    begin
      new.change_xid := pg_current_xact_id();
      return new;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)}
      add column change_xid xid8 not null default pg_current_xact_id()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_change_xid`)} before update on ${sql.table(table)}
      for each row execute function registry_stamp_change_xid()`.execute(db);
    await db.schema.dropIndex(`${table}_updated_idx`).execute();
    await db.schema.createIndex(`${table}_change_idx`).on(table).columns(['change_xid', 'id']).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_change_idx`).execute();
    await db.schema.createIndex(`${table}_updated_idx`).on(table).columns(['updated_at', 'id']).execute();
    await sql`drop trigger ${sql.raw(`${table}_change_xid`)} on ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column change_xid`.execute(db);
  }
  await sql`drop function registry_stamp_change_xid()`.execute(db);
}
