import { type Kysely, sql } from 'kysely';

/**
 * A person's history keeps what was true before, and the person's row what is true now.
 *
 * Until now every state had a version row, the current one included: a full load wrote each
 * person's facts twice, once in `registry_persons` and once as JSON in `registry_person_versions`,
 * and that copy was the larger half of a load's work. Now the row itself says since when its facts
 * hold and what made them (`facts_valid_from`, `facts_change_kind`), and a change moves the facts
 * it replaces into a version that holds them from `valid_from` until `valid_to`.
 *
 * Existing data: each person's newest version becomes the row's own date and kind and is removed
 * (its facts are the row's); every older version ends where the next one begins.
 *
 * The index on `register_changed_at` goes too: the sync API reads in commit order
 * (`change_xid`), and nothing else orders or filters by that column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table registry_persons add column facts_valid_from date,
    add column facts_change_kind text`.execute(db);
  await sql`alter table registry_person_versions add column valid_to date`.execute(db);
  await sql`
    with ordered as (
      select id, person_id, valid_from, change_kind,
        lead(valid_from) over (partition by person_id order by valid_from, recorded_at, id) as next_from
      from registry_person_versions
    ), newest as (
      update registry_persons p set facts_valid_from = o.valid_from, facts_change_kind = o.change_kind
      from ordered o where o.person_id = p.id and o.next_from is null
      returning o.id
    ), ended as (
      update registry_person_versions v set valid_to = o.next_from
      from ordered o where o.id = v.id and o.next_from is not null
    )
    delete from registry_person_versions where id in (select id from newest)`.execute(db);
  // A person written without a version (none the import made) has held their facts since registered.
  await sql`update registry_persons set facts_valid_from = coalesce(registered_since, birth_date),
      facts_change_kind = 'registered'
    where facts_valid_from is null`.execute(db);
  await sql`alter table registry_persons alter column facts_valid_from set not null,
    alter column facts_change_kind set not null`.execute(db);
  await sql`alter table registry_person_versions alter column valid_to set not null`.execute(db);
  await sql`drop index registry_persons_changed_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index registry_persons_changed_idx on registry_persons (register_changed_at, id)`.execute(
    db,
  );
  await sql`insert into registry_person_versions (person_id, valid_from, change_kind, facts, batch_id)
    select id, facts_valid_from, facts_change_kind, jsonb_build_object(
        'given_name', given_name, 'calling_name', calling_name, 'middle_name', middle_name,
        'family_name', family_name, 'registered_since', registered_since,
        'registered_property', registered_property, 'county_code', county_code,
        'municipality_code', municipality_code, 'northing', northing, 'easting', easting,
        'care_of', care_of, 'extra_address_line', extra_address_line, 'street_address', street_address,
        'postal_code', postal_code, 'postal_town', postal_town, 'protection', protection,
        'protected_since', protected_since, 'deceased_on', deceased_on, 'emigrated_on', emigrated_on,
        'emigrated_to', emigrated_to), batch_id
    from registry_persons`.execute(db);
  await sql`alter table registry_person_versions drop column valid_to`.execute(db);
  await sql`alter table registry_persons drop column facts_valid_from, drop column facts_change_kind`.execute(
    db,
  );
}
