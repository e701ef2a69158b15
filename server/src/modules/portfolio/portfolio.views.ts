import type {
  ClassificationOverdueReport,
  RoleCoverageReport,
  SsoCoverageReport,
  SystemDetail,
  TierCode,
  TierPolicy,
  TierPolicyInput,
} from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { PortfolioAccess } from './portfolio.access.ts';
import { informationTypeOverview, systemSecurity } from './portfolio.classification.ts';
import { presentIntegrations } from './portfolio.integrations.ts';
import { appointableRoles, assignmentsOf, heldOn, presentAssignments, roleGaps } from './portfolio.roles.ts';
import { INNOVATION_MONTHS, monthsBetween, stagesAfter } from './portfolio.rules.ts';
import { findSummaries, findSystem, type SystemRow } from './portfolio.systems.ts';
import { type PortfolioTables, portfolioDb } from './portfolio.tables.ts';

/** What the portfolio shows: a system's page, the tier policy, and the reports (M1–M7, A2). */

type TierRow = Selectable<PortfolioTables['portfolio_tiers']>;

export function presentTier(row: TierRow): TierPolicy {
  return {
    code: row.code as TierCode,
    supportHours: row.support_hours,
    availabilityPercent: row.availability_percent,
    rtoHours: row.rto_hours,
    rpoHours: row.rpo_hours,
    responseHours: row.response_hours,
    fixHours: row.fix_hours,
    reviewIntervalMonths: row.review_interval_months,
    priceWeight: row.price_weight,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listTiers(db: Kysely<unknown>): Promise<TierPolicy[]> {
  const rows = await portfolioDb(db).selectFrom('portfolio_tiers').selectAll().orderBy('rank').execute();
  return rows.map(presentTier);
}

export async function updateTier(
  trx: Kysely<unknown>,
  code: TierCode,
  input: TierPolicyInput,
): Promise<TierPolicy> {
  const row = await portfolioDb(trx)
    .updateTable('portfolio_tiers')
    .set({
      support_hours: input.supportHours,
      availability_percent: input.availabilityPercent,
      rto_hours: input.rtoHours,
      rpo_hours: input.rpoHours,
      response_hours: input.responseHours,
      fix_hours: input.fixHours,
      review_interval_months: input.reviewIntervalMonths,
      price_weight: input.priceWeight,
      updated_at: new Date(),
    })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentTier(row);
}

/** The components of the standard assortment a system runs on (M8). */
async function componentsOf(db: Kysely<unknown>, systemId: string): Promise<SystemDetail['components']> {
  return portfolioDb(db)
    .selectFrom('portfolio_system_components')
    .innerJoin('portfolio_components', 'portfolio_components.id', 'portfolio_system_components.component_id')
    .select([
      'portfolio_components.id',
      'portfolio_components.name',
      'portfolio_components.kind',
      'portfolio_components.status',
    ])
    .where('portfolio_system_components.system_id', '=', systemId)
    .orderBy(sql`portfolio_components.name_sort collate "C"`)
    .execute();
}

export async function systemDetail(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
): Promise<SystemDetail> {
  const row = await findSystem(db, id);
  return presentDetail(db, access, row);
}

export async function presentDetail(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  row: SystemRow,
): Promise<SystemDetail> {
  const tables = portfolioDb(db);
  const confidential = access.canReadConfidential(row);
  const [[summary], history, tier, managementObject, assignments, integrationRows, security, components] =
    await Promise.all([
      findSummaries(db, access, [row.id]),
      tables
        .selectFrom('portfolio_system_lifecycle')
        .select(['stage', 'from_date'])
        .where('system_id', '=', row.id)
        .orderBy('from_date')
        .orderBy('created_at')
        .execute(),
      row.tier
        ? tables.selectFrom('portfolio_tiers').selectAll().where('code', '=', row.tier).executeTakeFirst()
        : undefined,
      row.management_object_id
        ? tables
            .selectFrom('portfolio_management_objects')
            .select(['id', 'name'])
            .where('id', '=', row.management_object_id)
            .executeTakeFirst()
        : undefined,
      assignmentsOf(db, 'system', [row.id]),
      tables
        .selectFrom('portfolio_integrations')
        .selectAll()
        .where((eb) => eb.or([eb('source_system_id', '=', row.id), eb('target_system_id', '=', row.id)]))
        .execute(),
      confidential ? systemSecurity(db, access, row.id) : null,
      componentsOf(db, row.id),
    ]);
  if (!summary) throw new Error('a system without its summary');
  const integrations = await presentIntegrations(db, access, integrationRows);
  const collator = new Intl.Collator('sv');
  return {
    ...summary,
    description: row.description,
    purpose: row.purpose,
    contractReference: row.contract_reference,
    technicalPlatform: row.technical_platform,
    documentationUrl: row.documentation_url,
    loginUrl: row.login_url,
    lifecycleHistory: history.map((step) => ({
      stage: step.stage as SystemDetail['lifecycle'],
      from: step.from_date,
    })),
    nextStages: [...stagesAfter(row.lifecycle as SystemDetail['lifecycle'])],
    criticality:
      row.business_impact && row.reach && row.transaction_volume
        ? { businessImpact: row.business_impact, reach: row.reach, transactionVolume: row.transaction_volume }
        : null,
    assessedTier: row.assessed_tier as TierCode | null,
    tierOverride:
      row.tier_override && row.tier_override_justification
        ? { tier: row.tier_override as TierCode, justification: row.tier_override_justification }
        : null,
    tierPolicy: tier ? presentTier(tier) : null,
    fit:
      row.functional_fit && row.technical_fit
        ? { functionalFit: row.functional_fit, technicalFit: row.technical_fit }
        : null,
    managementObject: managementObject ?? null,
    components,
    roles: await presentAssignments(db, access, assignments),
    roleGaps: roleGaps(row, heldOn(assignments, access.today)),
    integrations: integrations
      .map((integration) => {
        const outgoing = integration.sourceSystemId === row.id;
        return {
          id: integration.id,
          direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
          otherSystem: outgoing
            ? { id: integration.targetSystemId, name: integration.targetSystemName }
            : { id: integration.sourceSystemId, name: integration.sourceSystemName },
          pattern: integration.pattern,
          informationTypes: integration.informationTypes,
        };
      })
      .sort((a, b) => collator.compare(a.otherSystem.name, b.otherSystem.name)),
    security,
    canEdit: access.canEdit(row),
    canManage: access.manages(row.owning_board_id),
    appointableRoles: appointableRoles(access, row),
  };
}

// ---------------------------------------------------------------------------------------------
// Reports.

const ACTIVE = ['introducing', 'operating', 'phasingOut'];

async function activeSystems(db: Kysely<unknown>): Promise<SystemRow[]> {
  return portfolioDb(db)
    .selectFrom('portfolio_systems')
    .selectAll()
    .where('lifecycle', 'in', ACTIVE)
    .orderBy(sql`name_sort collate "C"`)
    .execute();
}

export async function tierReport(db: Kysely<unknown>) {
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_systems')
    .select(['tier', 'category', (eb) => eb.fn.countAll<number>().as('count')])
    .where('lifecycle', 'in', ACTIVE)
    .groupBy(['tier', 'category'])
    .execute();
  const order = ['gold', 'silver', 'bronze', 'copper', null];
  return {
    rows: rows
      .map((row) => ({
        tier: row.tier as TierCode | null,
        category: row.category as 'shared' | 'department',
        count: Number(row.count),
      }))
      .sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier) || a.category.localeCompare(b.category)),
  };
}

export async function roleCoverageReport(
  db: Kysely<unknown>,
  access: PortfolioAccess,
): Promise<z.infer<typeof RoleCoverageReport>> {
  const systems = await activeSystems(db);
  const today = access.today;
  const assignments = heldOn(
    await assignmentsOf(
      db,
      'system',
      systems.map((system) => system.id),
    ),
    today,
  );
  const bySystem = new Map<string, typeof assignments>();
  for (const row of assignments) bySystem.set(row.subject_id, [...(bySystem.get(row.subject_id) ?? []), row]);
  const has = (id: string, role: string, accepted = false) =>
    (bySystem.get(id) ?? []).some((row) => row.role === role && (!accepted || row.accepted_at !== null));
  const tierOrder = ['gold', 'silver', 'bronze', 'copper'];
  return {
    systems: systems.length,
    withOwner: systems.filter((system) => has(system.id, 'systemOwner')).length,
    withAcceptedOwner: systems.filter((system) => has(system.id, 'systemOwner', true)).length,
    withManager: systems.filter((system) => has(system.id, 'systemManager')).length,
    withCustodian: systems.filter((system) => has(system.id, 'systemCustodian')).length,
    gaps: systems
      .map((system) => ({
        system: { id: system.id, name: system.name, tier: system.tier as TierCode | null },
        gaps: roleGaps(system, bySystem.get(system.id) ?? []),
      }))
      .filter((entry) => entry.gaps.length > 0)
      .sort(
        (a, b) =>
          ((tierOrder.indexOf(a.system.tier ?? '') + 5) % 5) -
          ((tierOrder.indexOf(b.system.tier ?? '') + 5) % 5),
      ),
  };
}

/**
 * Single sign-on among the most important systems (A2; MOL's goals: the 10, then the 30 most
 * important on the shared account). Importance: tier first, then the number of users.
 */
export async function ssoCoverageReport(db: Kysely<unknown>, top: number): Promise<SsoCoverageReport> {
  const ranked = await portfolioDb(db)
    .selectFrom('portfolio_systems')
    .select(['id', 'name', 'tier', 'user_count', 'single_sign_on', 'central_access_administration'])
    .where('lifecycle', 'in', ACTIVE)
    .orderBy(
      sql`case tier when 'gold' then 1 when 'silver' then 2 when 'bronze' then 3 when 'copper' then 4 else 5 end`,
    )
    .orderBy(sql`coalesce(user_count, 0)`, 'desc')
    .orderBy(sql`name_sort collate "C"`)
    .execute();
  const chosen = ranked.slice(0, top);
  const milestone = (count: number) => {
    const first = ranked.slice(0, count);
    return {
      top: count,
      withSingleSignOn: first.filter((row) => row.single_sign_on).length,
      of: first.length,
    };
  };
  return {
    top,
    withSingleSignOn: chosen.filter((row) => row.single_sign_on).length,
    withCentralAccessAdministration: chosen.filter((row) => row.central_access_administration).length,
    systems: chosen.map((row) => ({
      id: row.id,
      name: row.name,
      tier: row.tier as TierCode | null,
      userCount: row.user_count,
      singleSignOn: row.single_sign_on,
      centralAccessAdministration: row.central_access_administration,
    })),
    milestones: [milestone(10), milestone(30)],
  };
}

/** Information types held by systems in use that were never classified, or are past their review date. */
export async function classificationOverdueReport(
  db: Kysely<unknown>,
  access: PortfolioAccess,
): Promise<z.infer<typeof ClassificationOverdueReport>> {
  const overview = await informationTypeOverview(db);
  const collator = new Intl.Collator('sv');
  return {
    items: overview
      .flatMap(({ type, current, holders: systems }) => {
        if (systems.length === 0) return [];
        if (current && current.next_review_on >= access.today) return [];
        return [
          {
            informationType: { id: type.id, nameSv: type.nameSv, nameEn: type.nameEn },
            reason: current ? ('overdue' as const) : ('never' as const),
            nextReviewOn: current?.next_review_on ?? null,
            systems: systems.map((system) => ({ id: system.id, name: system.name })),
          },
        ];
      })
      .sort((a, b) => collator.compare(a.informationType.nameSv, b.informationType.nameSv)),
  };
}

/** Innovative systems and how long they have been so (STH: a trial of at most six months). */
export async function innovationReport(db: Kysely<unknown>, access: PortfolioAccess) {
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_systems')
    .select(['id', 'name', 'support_kind_since'])
    .where('support_kind', '=', 'innovative')
    .where('lifecycle', '<>', 'retired')
    .orderBy('support_kind_since')
    .execute();
  return {
    items: rows.map((row) => {
      const months = monthsBetween(row.support_kind_since, access.today);
      return {
        id: row.id,
        name: row.name,
        since: row.support_kind_since,
        months,
        overdue: months >= INNOVATION_MONTHS,
      };
    }),
  };
}
