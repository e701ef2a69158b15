import type { TierCode, TierPolicy } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { portfolioDb } from './portfolio.tables.ts';
import { listTiers } from './portfolio.views.ts';

/**
 * What other modules read from the portfolio: the tier policy (service levels and chargeback
 * weights) and the systems in use with their tier and users (chargeback model 2, N3).
 */

export async function tierPolicies(db: Kysely<unknown>): Promise<Map<TierCode, TierPolicy>> {
  return new Map((await listTiers(db)).map((tier) => [tier.code, tier]));
}

export interface SystemFact {
  id: string;
  name: string;
  tier: TierCode | null;
  owningBoardId: string;
  /** The units that use the system. */
  usedBy: string[];
}

/** The named systems (for a service bound to a system), by id. */
export async function systemFacts(
  db: Kysely<unknown>,
  ids: readonly string[],
): Promise<Map<string, SystemFact>> {
  if (ids.length === 0) return new Map();
  const rows = await factsQuery(db).where('system.id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, presentFact(row)]));
}

/** The systems being introduced, in operation or being phased out, which carry costs. */
export async function systemsInUse(db: Kysely<unknown>): Promise<SystemFact[]> {
  const rows = await factsQuery(db)
    .where('system.lifecycle', 'in', ['introducing', 'operating', 'phasingOut'])
    .execute();
  return rows.map(presentFact);
}

function factsQuery(db: Kysely<unknown>) {
  return portfolioDb(db)
    .selectFrom('portfolio_systems as system')
    .select(['system.id', 'system.name', 'system.tier', 'system.owning_board_id'])
    .select(
      sql<string[]>`coalesce((select array_agg(usage.org_unit_id::text) from portfolio_system_usage usage
        where usage.system_id = system.id), '{}')`.as('used_by'),
    );
}

function presentFact(row: {
  id: string;
  name: string;
  tier: string | null;
  owning_board_id: string;
  used_by: string[];
}) {
  return {
    id: row.id,
    name: row.name,
    tier: row.tier as TierCode | null,
    owningBoardId: row.owning_board_id,
    usedBy: row.used_by,
  };
}
