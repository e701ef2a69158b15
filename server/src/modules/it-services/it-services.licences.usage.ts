import { type Kysely, sql } from 'kysely';
import type { FieldErrorDetail, LocalizedMessage } from '../../platform/http/errors.ts';
import { findStaffByEmails } from '../identity/index.ts';
import type { ItServicesAccess } from './it-services.access.ts';
import { readCsvFile } from './it-services.csv-file.ts';
import { licenceError } from './it-services.licences.errors.ts';
import { isIsoDate, licencesDb, lockPool } from './it-services.licences.ts';

/** The supplier's report of when each person last used their licence (N6): CSV or JSON, all rows or none. */

/** One row of a report of use; `paths` name it in errors (`rad 3`, or `items.2.email`). */
export interface UsageRow {
  email: string;
  lastUsedOn: string | null;
  paths: { email: string; lastUsedOn: string };
  /** What makes the row unreadable, found while reading the file. */
  problem?: LocalizedMessage;
}

export const MAX_USAGE_FILE_BYTES = 5 * 1024 * 1024;
const USAGE_HEADINGS = ['e-post', 'senast använd'];
/** An e-mail address, without control or format characters (a NUL would not reach the database). */
const EMAIL = /^[^\s@\p{Cc}\p{Cf}]+@[^\s@\p{Cc}\p{Cf}]+\.[^\s@\p{Cc}\p{Cf}]+$/u;
const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value);

/**
 * Reads the CSV export of a supplier's portal: `e-post;senast använd` (`;` or `,`, UTF-8, an
 * optional byte-order mark), a date `YYYY-MM-DD`, or nothing for never used.
 */
export function readUsageCsv(content: string): UsageRow[] {
  const rows = readCsvFile(content, USAGE_HEADINGS, (problem) =>
    licenceError('licence_usage_invalid', problem),
  );
  return rows.map(({ cells, at }) => {
    const [email = '', lastUsedOn = ''] = cells;
    return {
      email,
      lastUsedOn: lastUsedOn === '' ? null : lastUsedOn,
      paths: { email: at, lastUsedOn: at },
      ...(cells.length === 2
        ? {}
        : {
            problem: {
              sv: 'ska ha två kolumner: e-post;senast använd',
              en: 'must have two columns: e-post;senast använd',
            },
          }),
    };
  });
}

/** The rows of a report of use sent as JSON (the contract has checked their form). */
export function usageRowsOf(items: readonly { email: string; lastUsedOn: string | null }[]): UsageRow[] {
  return items.map((item, index) => ({
    email: item.email,
    lastUsedOn: item.lastUsedOn,
    paths: { email: `items.${index}.email`, lastUsedOn: `items.${index}.lastUsedOn` },
  }));
}

/**
 * Records the last use of each row's person in the pool, all rows or none: every row must name a
 * member of staff by e-mail who holds a licence from the pool, once, with a date not after today.
 * A date earlier than the one recorded changes nothing (the report is older).
 */
export async function importLicenceUsage(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  poolId: string,
  rows: readonly UsageRow[],
): Promise<{ rows: number; updated: number }> {
  access.assertManage();
  await lockPool(trx, poolId);
  if (rows.length === 0) throw licenceError('licence_usage_invalid', { detail: 'The report has no rows.' });
  const emails = [...new Set(rows.flatMap((row) => (isEmail(row.email) ? [row.email.toLowerCase()] : [])))];
  const people = new Map<string, { id: string }>();
  // A few thousand addresses a statement, well below the parameters a statement may have.
  for (let start = 0; start < emails.length; start += 5000) {
    for (const [email, person] of await findStaffByEmails(trx, emails.slice(start, start + 5000)))
      people.set(email, person);
  }
  const open = await licencesDb(trx)
    .selectFrom('it_licence_assignments')
    .select(['id', 'person_id', 'last_used_on'])
    .where('pool_id', '=', poolId)
    .where('to_on', 'is', null)
    .execute();
  const held = new Map(open.map((row) => [row.person_id, row]));
  const seen = new Map<string, string>();
  const errors: FieldErrorDetail[] = [];
  const updates = new Map<string, string>();
  for (const row of rows) {
    const email = row.email.toLowerCase();
    const person = people.get(email);
    const assignment = person ? held.get(person.id) : undefined;
    const fail = (field: 'email' | 'lastUsedOn', message: string | LocalizedMessage) =>
      errors.push({ path: row.paths[field], message });
    if (row.problem) fail('email', row.problem);
    else if (!isEmail(row.email))
      fail('email', { sv: 'ska vara en e-postadress', en: 'must be an e-mail address' });
    else if (seen.has(email))
      fail('email', {
        sv: `upprepar e-postadressen på ${seen.get(email)}`,
        en: `repeats the e-mail of ${seen.get(email)}`,
      });
    else if (row.lastUsedOn !== null && !isIsoDate(row.lastUsedOn))
      fail('lastUsedOn', {
        sv: 'ska vara ett datum ÅÅÅÅ-MM-DD, eller tomt om licensen aldrig använts',
        en: 'must be a date YYYY-MM-DD, or empty when never used',
      });
    else if (row.lastUsedOn !== null && row.lastUsedOn > access.today)
      fail('lastUsedOn', { sv: 'får inte vara senare än i dag', en: 'must not be after today' });
    else if (!person) fail('email', { sv: 'anger ingen medarbetare', en: 'names no member of staff' });
    else if (!assignment)
      fail('email', {
        sv: 'anger någon som inte har en licens i poolen',
        en: 'names someone without a licence from this pool',
      });
    else if (
      row.lastUsedOn !== null &&
      (assignment.last_used_on === null || row.lastUsedOn > assignment.last_used_on)
    ) {
      updates.set(assignment.id, row.lastUsedOn);
    }
    if (!seen.has(email)) seen.set(email, row.paths.email.replace(/\.email$/, ''));
  }
  if (errors.length > 0) {
    throw licenceError('licence_usage_invalid', {
      detail: `${errors.length} rows have errors.`,
      fieldErrors: errors.slice(0, 50),
    });
  }
  const pairs = [...updates];
  // One statement per 5,000 rows: two parameters a row, far below PostgreSQL's 65,535.
  for (let start = 0; start < pairs.length; start += 5000) {
    const values = pairs.slice(start, start + 5000).map(([id, day]) => sql`(${id}::uuid, ${day}::date)`);
    await sql`
      update it_licence_assignments as assignment
      set last_used_on = reported.day, updated_at = now()
      from (values ${sql.join(values)}) as reported (id, day)
      where assignment.id = reported.id`.execute(trx);
  }
  await licencesDb(trx)
    .updateTable('it_licence_pools')
    .set({ usage_imported_at: new Date() })
    .where('id', '=', poolId)
    .execute();
  return { rows: rows.length, updated: updates.size };
}
