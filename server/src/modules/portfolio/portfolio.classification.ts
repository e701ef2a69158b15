import type {
  Classification,
  ClassificationInput,
  ClassificationLevels,
  InformationTypeClassification,
  SystemInformationInput,
  SystemSecurity,
} from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { findInformationTypes } from '../registry/index.ts';
import { forbidden, type PortfolioAccess } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import {
  addMonths,
  answerProblems,
  classificationModel,
  levelsFromAnswers,
  maximumProtection,
  requiredControls,
} from './portfolio.rules.ts';
import { findSystem } from './portfolio.systems.ts';
import { type PortfolioTables, portfolioDb } from './portfolio.tables.ts';

/**
 * Information classification the KLASSA way (M3, Q3): each information type is classified on
 * confidentiality, integrity, availability and traceability through a questionnaire whose answers
 * are kept; a system's required protection is the highest level over the information it holds,
 * and the levels name the controls the system needs. Every classification is kept; the newest is
 * in force until its review date, set by the strictest tier among the systems holding it.
 */

type ClassificationRow = Selectable<PortfolioTables['portfolio_classifications']>;

/** Review interval when no system holds the information yet. */
const DEFAULT_REVIEW_MONTHS = 24;

export function levelsOf(row: ClassificationRow): ClassificationLevels {
  return {
    confidentiality: { label: row.confidentiality_label, rank: row.confidentiality_rank },
    integrity: { label: row.integrity_label, rank: row.integrity_rank },
    availability: { label: row.availability_label, rank: row.availability_rank },
    traceability: { label: row.traceability_label, rank: row.traceability_rank },
  };
}

/** The columns that keep levels: each aspect's label and rank. */
export function levelColumns(levels: ClassificationLevels) {
  return {
    confidentiality_label: levels.confidentiality.label,
    confidentiality_rank: levels.confidentiality.rank,
    integrity_label: levels.integrity.label,
    integrity_rank: levels.integrity.rank,
    availability_label: levels.availability.label,
    availability_rank: levels.availability.rank,
    traceability_label: levels.traceability.label,
    traceability_rank: levels.traceability.rank,
  };
}

function present(row: ClassificationRow): Classification {
  return {
    id: row.id,
    informationTypeId: row.information_type_id,
    model: row.model,
    modelVersion: row.model_version,
    levels: levelsOf(row),
    answers: row.answers as Record<string, number>,
    legalBases: row.legal_bases as string[],
    comment: row.comment,
    classifiedBy: row.classified_by_name,
    classifiedOn: row.classified_on,
    nextReviewOn: row.next_review_on,
  };
}

/** The classification in force for each of the types (the newest), by type id. */
export async function currentClassifications(
  db: Kysely<unknown>,
  typeIds?: readonly string[],
): Promise<Map<string, ClassificationRow>> {
  if (typeIds && typeIds.length === 0) return new Map();
  let query = portfolioDb(db)
    .selectFrom('portfolio_classifications')
    .selectAll()
    .distinctOn('information_type_id')
    .orderBy('information_type_id')
    .orderBy('classified_on', 'desc')
    .orderBy('created_at', 'desc');
  if (typeIds) query = query.where('information_type_id', 'in', [...new Set(typeIds)]);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.information_type_id, row]));
}

/** Months until the information must be classified again: the strictest tier holding it decides. */
async function reviewMonths(db: Kysely<unknown>, typeId: string): Promise<number> {
  const row = await portfolioDb(db)
    .selectFrom('portfolio_system_information')
    .innerJoin('portfolio_systems', 'portfolio_systems.id', 'portfolio_system_information.system_id')
    .innerJoin('portfolio_tiers', 'portfolio_tiers.code', 'portfolio_systems.tier')
    .select((eb) => eb.fn.min<number>('portfolio_tiers.review_interval_months').as('months'))
    .where('portfolio_system_information.information_type_id', '=', typeId)
    .where('portfolio_systems.lifecycle', '<>', 'retired')
    .executeTakeFirst();
  return row?.months ?? DEFAULT_REVIEW_MONTHS;
}

/** Systems (not retired) holding each of the types. */
export async function holdersOf(db: Kysely<unknown>, typeIds: readonly string[]) {
  if (typeIds.length === 0) return [];
  return portfolioDb(db)
    .selectFrom('portfolio_system_information')
    .innerJoin('portfolio_systems', 'portfolio_systems.id', 'portfolio_system_information.system_id')
    .select([
      'portfolio_system_information.information_type_id as typeId',
      'portfolio_systems.id',
      'portfolio_systems.name',
      'portfolio_systems.tier',
      'portfolio_systems.owning_board_id',
      'portfolio_system_information.can_create',
      'portfolio_system_information.can_read',
      'portfolio_system_information.can_update',
      'portfolio_system_information.can_delete',
    ])
    .where('portfolio_system_information.information_type_id', 'in', [...new Set(typeIds)])
    .where('portfolio_systems.lifecycle', '<>', 'retired')
    .orderBy(sql`portfolio_systems.name_sort collate "C"`)
    .execute();
}

/**
 * Who may classify a type: the IT department, its information owner, and those who edit a system
 * holding it (KLASSA: the business-near system custodian classifies with the owner).
 */
async function assertMayClassify(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  typeId: string,
): Promise<void> {
  if (!(await mayClassify(db, access, typeId))) throw forbidden();
}

async function mayClassify(db: Kysely<unknown>, access: PortfolioAccess, typeId: string): Promise<boolean> {
  if (access.managesAnything()) return true;
  const owners = await portfolioDb(db)
    .selectFrom('portfolio_role_assignments')
    .select(['person_id', 'valid_from', 'valid_to'])
    .where('subject_type', '=', 'informationType')
    .where('subject_id', '=', typeId)
    .where('role', '=', 'informationOwner')
    .execute();
  const today = access.today;
  const ownsIt = owners.some(
    (row) =>
      row.person_id === access.userId &&
      row.valid_from <= today &&
      (row.valid_to === null || row.valid_to >= today),
  );
  if (ownsIt) return true;
  const holders = await holdersOf(db, [typeId]);
  return holders.some((system) => access.canEdit(system));
}

export async function classify(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  actorName: string,
  typeId: string,
  input: ClassificationInput,
): Promise<Classification> {
  if ((await findInformationTypes(trx, [typeId])).length === 0)
    throw portfolioError('information_type_unknown');
  await assertMayClassify(trx, access, typeId);
  const problems = answerProblems(input.answers);
  if (problems.length > 0) {
    throw portfolioError('classification_answers_invalid', {
      fieldErrors: problems.map((problem) => ({
        path: `answers.${problem.question}`,
        message: problem.problem,
      })),
    });
  }
  const levels = levelsFromAnswers(input.answers);
  const row = await portfolioDb(trx)
    .insertInto('portfolio_classifications')
    .values({
      information_type_id: typeId,
      model: classificationModel.name,
      model_version: classificationModel.version,
      ...levelColumns(levels),
      answers: JSON.stringify(input.answers),
      legal_bases: JSON.stringify(input.legalBases),
      comment: input.comment,
      classified_by: access.userId,
      classified_by_name: actorName,
      classified_on: access.today,
      next_review_on: addMonths(access.today, await reviewMonths(trx, typeId)),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return present(row);
}

export async function informationTypeClassification(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  typeId: string,
): Promise<InformationTypeClassification> {
  const [type] = await findInformationTypes(db, [typeId]);
  if (!type) throw portfolioError('information_type_unknown');
  const [history, holders] = await Promise.all([
    portfolioDb(db)
      .selectFrom('portfolio_classifications')
      .selectAll()
      .where('information_type_id', '=', typeId)
      .orderBy('classified_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    holdersOf(db, [typeId]),
  ]);
  const current = history[0] ?? null;
  const canClassify = await mayClassify(db, access, typeId);
  return {
    canClassify,
    informationType: type,
    current: current && present(current),
    overdue: current === null || current.next_review_on < access.today,
    history: history.map(present),
    systems: holders.map((system) => ({
      id: system.id,
      name: system.name,
      tier: system.tier as InformationTypeClassification['systems'][number]['tier'],
      create: system.can_create,
      read: system.can_read,
      update: system.can_update,
      delete: system.can_delete,
    })),
  };
}

/** Replaces what information a system holds and how it treats it (create, read, update, delete). */
export async function replaceSystemInformation(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  systemId: string,
  input: SystemInformationInput,
): Promise<void> {
  const system = await findSystem(trx, systemId, true);
  access.assertEdit(system);
  const typeIds = [...new Set(input.items.map((item) => item.informationTypeId))];
  if ((await findInformationTypes(trx, typeIds)).length !== typeIds.length) {
    throw portfolioError('information_type_unknown');
  }
  const tables = portfolioDb(trx);
  await tables.deleteFrom('portfolio_system_information').where('system_id', '=', systemId).execute();
  const unique = new Map(input.items.map((item) => [item.informationTypeId, item]));
  if (unique.size > 0) {
    await tables
      .insertInto('portfolio_system_information')
      .values(
        [...unique.values()].map((item) => ({
          system_id: systemId,
          information_type_id: item.informationTypeId,
          can_create: item.create,
          can_read: item.read,
          can_update: item.update,
          can_delete: item.delete,
        })),
      )
      .execute();
  }
}

/** What a system holds, how that is classified, and what the classification demands of it. */
export async function systemSecurity(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  systemId: string,
): Promise<SystemSecurity> {
  const held = await portfolioDb(db)
    .selectFrom('portfolio_system_information')
    .selectAll()
    .where('system_id', '=', systemId)
    .execute();
  const typeIds = held.map((row) => row.information_type_id);
  const [types, classifications] = await Promise.all([
    findInformationTypes(db, typeIds),
    currentClassifications(db, typeIds),
  ]);
  const names = new Map(types.map((type) => [type.id, type]));
  const collator = new Intl.Collator('sv');
  const information = held
    .map((row) => {
      const classification = classifications.get(row.information_type_id);
      const type = names.get(row.information_type_id);
      return {
        informationTypeId: row.information_type_id,
        nameSv: type?.nameSv ?? '',
        nameEn: type?.nameEn ?? '',
        create: row.can_create,
        read: row.can_read,
        update: row.can_update,
        delete: row.can_delete,
        levels: classification ? levelsOf(classification) : null,
        nextReviewOn: classification?.next_review_on ?? null,
      };
    })
    .sort((a, b) => collator.compare(a.nameSv, b.nameSv));
  const classified = information.flatMap((item) => (item.levels ? [item.levels] : []));
  const protection = maximumProtection(classified);
  return {
    information,
    requiredProtection: protection,
    requiredControls: requiredControls(protection).map(({ key, aspect, text }) => ({ key, aspect, text })),
    unclassifiedInformation: information.length - classified.length,
    classificationOverdue: information.some(
      (item) => item.levels === null || (item.nextReviewOn !== null && item.nextReviewOn < access.today),
    ),
  };
}

/** The highest levels of the given types' classifications, or null when none is classified. */
export async function protectionOf(
  db: Kysely<unknown>,
  typeIds: readonly string[],
): Promise<ClassificationLevels | null> {
  const classifications = await currentClassifications(db, typeIds);
  return maximumProtection([...classifications.values()].map(levelsOf));
}

/** Every information type with its classification in force and the systems (in use) holding it. */
export async function informationTypeOverview(db: Kysely<unknown>) {
  const types = await findInformationTypes(db);
  const [classifications, holders] = await Promise.all([
    currentClassifications(db),
    holdersOf(
      db,
      types.map((type) => type.id),
    ),
  ]);
  return types.map((type) => ({
    type,
    current: classifications.get(type.id),
    holders: holders.filter((holder) => holder.typeId === type.id),
  }));
}
