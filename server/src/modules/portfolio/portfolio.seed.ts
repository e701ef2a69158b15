import type {
  ClassificationAspect,
  CriticalityAssessment,
  FitAssessment,
  Hosting,
  IntegrationInput,
  LifecycleStage,
  PortfolioRole,
  SupportKind,
  SystemCategory,
  TierOverride,
} from '@karna/contracts';
import type { Kysely } from 'kysely';
import { findStaffByEmails } from '../identity/index.ts';
import { ensureInformationType } from '../registry/index.ts';
import { levelColumns } from './portfolio.classification.ts';
import { addMonths, answersForLevels, classificationModel, levelsFromAnswers } from './portfolio.rules.ts';
import { systemColumns } from './portfolio.systems.ts';
import { portfolioDb } from './portfolio.tables.ts';
import { swedishSortKey } from './swedish-sort.ts';

/**
 * Loads a municipality's portfolio written as data (the demo's server/seeds/demo/portfolio.json):
 * information types and their classifications, pm3 objects, systems with roles and information,
 * integrations, master-data designations and a rating round. Units are named by key, people by
 * e-mail (they must exist as staff), systems and types by name and key. Everything in the caller's
 * transaction; a reference to something that does not exist stops the load.
 */

type DateText = string;

/** A seeded classification is due for review after two years, the usual interval. */
const SEED_REVIEW_MONTHS = 24;

export interface PortfolioSeed {
  informationTypes: {
    key: string;
    nameSv: string;
    nameEn: string;
    description: string;
    stewardUnit: string | null;
    classification: (Record<ClassificationAspect, number> & { classifiedOn: DateText }) | null;
  }[];
  managementObjects: {
    name: string;
    description: string;
    plans: {
      year: number;
      maintenanceBudget: number;
      developmentBudget: number;
      goals: string;
      decisionReference: string | null;
    }[];
    roles: { role: PortfolioRole; person: string; validFrom: DateText }[];
  }[];
  systems: {
    name: string;
    description: string;
    purpose: string;
    category: SystemCategory;
    supportKind: SupportKind;
    supportKindSince?: DateText;
    lifecycle: LifecycleStage;
    lifecycleFrom: DateText;
    owningBoard: string;
    usedBy: string[];
    userCount: number | null;
    supplier: string | null;
    contractReference: string | null;
    hosting: Hosting;
    technicalPlatform: string | null;
    documentationUrl: string | null;
    loginUrl: string | null;
    singleSignOn: boolean;
    centralAccessAdministration: boolean;
    criticality: CriticalityAssessment | null;
    tierOverride: TierOverride | null;
    fit: FitAssessment | null;
    managementObject: string | null;
    information: { type: string; crud: string }[];
    roles: {
      role: PortfolioRole;
      person: string;
      board?: string;
      workSharePercent?: number | null;
      validFrom: DateText;
      accepted: boolean;
    }[];
  }[];
  integrations: {
    source: string;
    target: string;
    informationTypes: string[];
    pattern: IntegrationInput['pattern'];
    protocol: string | null;
    format: string | null;
    frequency: IntegrationInput['frequency'];
    platform: string | null;
    ownerUnit: string | null;
    description: string | null;
  }[];
  masterData: {
    informationType: string;
    system: string;
    scope: string | null;
    validFrom: DateText;
    decisionReference: string | null;
  }[];
  /** The standard assortment (M8); a system runs on a component when its platform names one of `matches`. */
  components: {
    name: string;
    kind: 'equipment' | 'platform' | 'software';
    status: 'standard' | 'allowed' | 'phasingOut' | 'notAllowed';
    description: string | null;
    replacedBy: string | null;
    matches: string[];
  }[];
  ratingRounds: {
    name: string;
    opensOn: DateText;
    closesOn: DateText;
    ratings: { system: string; scores: number[]; comments?: string[] }[];
  }[];
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (found === undefined) throw new Error(`the portfolio seed names an unknown ${what}: ${key}`);
  return found;
}

/** Inserts rows in slices, so a large seed stays within a statement's parameter limit. */
async function insertAll<T>(rows: readonly T[], insert: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await insert(rows.slice(start, start + 500));
}

export async function seedPortfolio(
  trx: Kysely<unknown>,
  seed: PortfolioSeed,
  unitIds: ReadonlyMap<string, string>,
): Promise<{ systems: number; integrations: number }> {
  const tables = portfolioDb(trx);
  const units = new Map(unitIds);
  const emails = new Set<string>();
  for (const system of seed.systems) for (const role of system.roles) emails.add(role.person);
  for (const object of seed.managementObjects) for (const role of object.roles) emails.add(role.person);
  const people = await findStaffByEmails(trx, [...emails]);
  const personId = (email: string) => lookup(people, email.toLowerCase(), 'person').id;

  const typeIds = new Map<string, string>();
  for (const type of seed.informationTypes) {
    const id = await ensureInformationType(trx, {
      key: type.key,
      nameSv: type.nameSv,
      nameEn: type.nameEn,
      description: type.description,
      sourceSystem: 'Se applikationsportföljen',
      sourceSystemRef: null,
      stewardOrgUnitId: type.stewardUnit ? lookup(units, type.stewardUnit, 'unit') : null,
      concepts: [],
    });
    typeIds.set(type.key, id);
  }

  const objectIds = new Map<string, string>();
  for (const object of seed.managementObjects) {
    const row = await tables
      .insertInto('portfolio_management_objects')
      .values({ name: object.name, description: object.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    objectIds.set(object.name, row.id);
    await insertAll(object.plans, (plans) =>
      tables
        .insertInto('portfolio_management_plans')
        .values(
          plans.map((plan) => ({
            object_id: row.id,
            year: plan.year,
            maintenance_budget: plan.maintenanceBudget,
            development_budget: plan.developmentBudget,
            goals: plan.goals,
            decision_reference: plan.decisionReference,
          })),
        )
        .execute(),
    );
  }

  const systemIds = new Map<string, string>();
  const systemRows = await tables
    .insertInto('portfolio_systems')
    .values(
      seed.systems.map((system) => ({
        ...systemColumns({
          ...system,
          owningBoardId: lookup(units, system.owningBoard, 'unit'),
          usedByOrgUnitIds: [],
        }),
        lifecycle: system.lifecycle,
        lifecycle_from: system.lifecycleFrom,
        support_kind_since: system.supportKindSince ?? system.lifecycleFrom,
        management_object_id: system.managementObject
          ? lookup(objectIds, system.managementObject, 'object')
          : null,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  for (const row of systemRows) systemIds.set(row.name, row.id);
  const systemId = (name: string) => lookup(systemIds, name, 'system');

  const usage = seed.systems.flatMap((system) =>
    [...new Set(system.usedBy)].map((key) => ({
      system_id: systemId(system.name),
      org_unit_id: lookup(units, key, 'unit'),
    })),
  );
  await insertAll(usage, (rows) => tables.insertInto('portfolio_system_usage').values(rows).execute());
  await insertAll(
    seed.systems.map((system) => ({
      system_id: systemId(system.name),
      stage: system.lifecycle,
      from_date: system.lifecycleFrom,
      recorded_by: null,
    })),
    (rows) => tables.insertInto('portfolio_system_lifecycle').values(rows).execute(),
  );

  const information = seed.systems.flatMap((system) =>
    system.information.map((held) => ({
      system_id: systemId(system.name),
      information_type_id: lookup(typeIds, held.type, 'information type'),
      can_create: held.crud.includes('C'),
      can_read: held.crud.includes('R'),
      can_update: held.crud.includes('U'),
      can_delete: held.crud.includes('D'),
    })),
  );
  await insertAll(information, (rows) =>
    tables.insertInto('portfolio_system_information').values(rows).execute(),
  );

  const roles = [
    ...seed.systems.flatMap((system) =>
      system.roles.map((role) => ({
        subject_type: 'system',
        subject_id: systemId(system.name),
        role: role.role,
        person_id: personId(role.person),
        org_unit_id:
          role.role === 'systemOwner' ? lookup(units, role.board ?? system.owningBoard, 'unit') : null,
        work_share_percent: role.workSharePercent ?? null,
        valid_from: role.validFrom,
        valid_to: null,
        accepted_at: role.accepted ? new Date(`${role.validFrom}T09:00:00Z`) : null,
        assigned_by: null,
      })),
    ),
    ...seed.managementObjects.flatMap((object) =>
      object.roles.map((role) => ({
        subject_type: 'managementObject',
        subject_id: lookup(objectIds, object.name, 'object'),
        role: role.role,
        person_id: personId(role.person),
        org_unit_id: null,
        work_share_percent: null,
        valid_from: role.validFrom,
        valid_to: null,
        accepted_at: new Date(`${role.validFrom}T09:00:00Z`),
        assigned_by: null,
      })),
    ),
  ];
  await insertAll(roles, (rows) => tables.insertInto('portfolio_role_assignments').values(rows).execute());

  // Classifications: the demo states levels; the answers that give them are kept as a person's would be.
  const classifications = seed.informationTypes.flatMap((type) => {
    if (!type.classification) return [];
    const { classifiedOn, ...ranks } = type.classification;
    const answers = answersForLevels(ranks);
    const levels = levelsFromAnswers(answers);
    return [
      {
        information_type_id: lookup(typeIds, type.key, 'information type'),
        model: classificationModel.name,
        model_version: classificationModel.version,
        ...levelColumns(levels),
        answers: JSON.stringify(answers),
        legal_bases: JSON.stringify([]),
        comment: null,
        classified_by: null,
        classified_by_name: 'Informationssäkerhetssamordnaren',
        classified_on: classifiedOn,
        next_review_on: addMonths(classifiedOn, SEED_REVIEW_MONTHS),
      },
    ];
  });
  await insertAll(classifications, (rows) =>
    tables.insertInto('portfolio_classifications').values(rows).execute(),
  );

  for (const integration of seed.integrations) {
    const row = await tables
      .insertInto('portfolio_integrations')
      .values({
        source_system_id: systemId(integration.source),
        target_system_id: systemId(integration.target),
        pattern: integration.pattern,
        protocol: integration.protocol,
        format: integration.format,
        frequency: integration.frequency,
        platform: integration.platform,
        owner_org_unit_id: integration.ownerUnit ? lookup(units, integration.ownerUnit, 'unit') : null,
        description: integration.description,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tables
      .insertInto('portfolio_integration_information')
      .values(
        [...new Set(integration.informationTypes)].map((key) => ({
          integration_id: row.id,
          information_type_id: lookup(typeIds, key, 'information type'),
        })),
      )
      .execute();
  }

  await insertAll(seed.masterData, (rows) =>
    tables
      .insertInto('portfolio_master_data_designations')
      .values(
        rows.map((designation) => ({
          information_type_id: lookup(typeIds, designation.informationType, 'information type'),
          system_id: systemId(designation.system),
          scope_org_unit_id: designation.scope ? lookup(units, designation.scope, 'unit') : null,
          valid_from: designation.validFrom,
          valid_to: null,
          decision_reference: designation.decisionReference,
          decided_by: null,
        })),
      )
      .execute(),
  );

  await seedComponents(trx, seed, systemId);

  // Ratings need distinct respondents: the staff, in a fixed order, answer in turn.
  const respondents = [...people.values()].map((person) => person.id).sort();
  for (const round of seed.ratingRounds) {
    const row = await tables
      .insertInto('portfolio_rating_rounds')
      .values({ name: round.name, opens_on: round.opensOn, closes_on: round.closesOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ratings = round.ratings.flatMap((rating) =>
      rating.scores.slice(0, respondents.length).map((score, index) => ({
        round_id: row.id,
        system_id: systemId(rating.system),
        user_id: respondents[index] as string,
        score,
        comment: rating.comments?.[index] ?? null,
      })),
    );
    await insertAll(ratings, (rows) => tables.insertInto('portfolio_ratings').values(rows).execute());
  }
  return { systems: seed.systems.length, integrations: seed.integrations.length };
}

async function seedComponents(
  trx: Kysely<unknown>,
  seed: PortfolioSeed,
  systemId: (name: string) => string,
): Promise<void> {
  const tables = portfolioDb(trx);
  const ids = new Map<string, string>();
  for (const component of seed.components) {
    const row = await tables
      .insertInto('portfolio_components')
      .values({
        name: component.name,
        name_sort: swedishSortKey(component.name),
        kind: component.kind,
        status: component.status,
        description: component.description,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(component.name, row.id);
  }
  for (const component of seed.components) {
    if (!component.replacedBy) continue;
    await tables
      .updateTable('portfolio_components')
      .set({ replaced_by_id: lookup(ids, component.replacedBy, 'component') })
      .where('id', '=', lookup(ids, component.name, 'component'))
      .execute();
  }
  const uses = seed.systems.flatMap((system) => {
    const platform = (system.technicalPlatform ?? '').toLowerCase();
    return seed.components
      .filter((component) => component.matches.some((match) => platform.includes(match.toLowerCase())))
      .map((component) => ({
        system_id: systemId(system.name),
        component_id: lookup(ids, component.name, 'component'),
      }));
  });
  await insertAll(uses, (rows) => tables.insertInto('portfolio_system_components').values(rows).execute());
}
