import type { Kysely } from 'kysely';
import { ItServicesAccess } from './it-services.access.ts';
import { createRun } from './it-services.chargeback.ts';

/**
 * A proposed allocation run of the month, made by the operator (the command line), so that anyone
 * in the IT department may approve it. Tests only: the month's year needs a cost pool.
 */
export async function insertProposedRun(db: Kysely<unknown>, period: string): Promise<string> {
  const access = await ItServicesAccess.forOperator(db);
  return db.transaction().execute((trx) => createRun(trx, access, period, 0.4));
}
