import type { CatalogEntry, ServiceDefinition, ServiceForm } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { compileSchema } from '../../platform/json-schema/index.ts';
import { automatedSteps, ensureCaseKind, processElements } from '../cases/index.ts';
import { findOrgUnitNames } from '../identity/index.ts';
import { servicesError } from './services.errors.ts';
import { servicesDb } from './services.tables.ts';

/**
 * The catalog and the definitions behind it (B1, B2). A definition is checked as a whole before it
 * is published — its form schema compiles, every field is in it, every BPMN task is known — so a
 * citizen never meets a broken form and a case never a process it cannot run.
 */

export interface PublishedService {
  versionId: string;
  version: number;
  definition: ServiceDefinition;
}

/** What is wrong with a definition, in words for its author; empty when it can be published. */
export async function definitionProblems(definition: ServiceDefinition): Promise<string[]> {
  const problems: string[] = [];
  try {
    compileSchema(definition.form.schema);
  } catch (error) {
    problems.push(`form.schema: ${(error as Error).message}`);
  }
  const properties = Object.keys(
    (definition.form.schema.properties as Record<string, unknown> | undefined) ?? {},
  );
  for (const field of definition.form.steps.flatMap((step) => step.fields)) {
    if (!properties.includes(field.name)) problems.push(`form: field ${field.name} is not in the schema`);
    if (field.widget === 'attachment' && !field.attachment)
      problems.push(`form: ${field.name} needs attachment rules`);
  }
  const codes = new Set(definition.caseType.statusTypes.map((type) => type.code));
  if (!codes.has(definition.caseType.initialStatus))
    problems.push('caseType.initialStatus is not a status type');
  let elements: Awaited<ReturnType<typeof processElements>> | undefined;
  try {
    elements = await processElements(definition.process.bpmnXml);
  } catch (error) {
    problems.push(`process.bpmnXml: ${(error as Error).message}`);
  }
  if (elements) {
    for (const id of elements.userTasks) {
      if (!definition.process.userTasks[id])
        problems.push(`process: user task ${id} has no entry in userTasks`);
    }
    for (const task of elements.serviceTasks) {
      const step = /^\$\{environment\.services\.(\w+)\}$/.exec(task.implementation ?? '')?.[1];
      if (!step || !(automatedSteps as readonly string[]).includes(step)) {
        problems.push(`process: service task ${task.id} names no known step`);
      }
    }
    for (const [id, code] of Object.entries(definition.process.statusOnEnter)) {
      if (!elements.all.includes(id)) problems.push(`process.statusOnEnter: ${id} is not an element`);
      if (!codes.has(code)) problems.push(`process.statusOnEnter: ${code} is not a status type`);
    }
  }
  for (const [id, task] of Object.entries(definition.process.userTasks)) {
    for (const other of task.separateFrom ?? []) {
      if (other === id || !definition.process.userTasks[other])
        problems.push(`process.userTasks.${id}.separateFrom: ${other} is not another user task`);
    }
    if (!task.form) continue;
    try {
      compileSchema(task.form.schema);
    } catch (error) {
      problems.push(`process.userTasks.${id}.form: ${(error as Error).message}`);
    }
  }
  const outcomes = new Set(definition.caseType.outcomeTypes.map((type) => type.code));
  for (const rule of definition.process.autoDecision ?? []) {
    if (!outcomes.has(rule.outcome))
      problems.push(`process.autoDecision: ${rule.outcome} is not an outcome type`);
  }
  return problems;
}

function completenessOf(definition: ServiceDefinition) {
  const fields = definition.form.steps.flatMap((step) => step.fields);
  return {
    required: ((definition.form.schema.required as string[] | undefined) ?? []).filter(
      (name) => !fields.find((field) => field.name === name)?.visibleWhen,
    ),
    attachmentFields: fields.filter((field) => field.widget === 'attachment').map((field) => field.name),
  };
}

/**
 * Publishes a definition as the e-service's next version; the version before is retired (cases
 * made from it keep running on it). One transaction: the case kind is recorded with it.
 */
export async function publishVersion(db: Kysely<unknown>, definition: ServiceDefinition): Promise<number> {
  const problems = await definitionProblems(definition);
  if (problems.length > 0) {
    throw servicesError('definition_invalid', {
      fieldErrors: problems.map((message) => ({ path: 'body.definition', message })),
    });
  }
  const tables = servicesDb(db);
  const service = await tables
    .insertInto('service_definitions')
    .values({ slug: definition.slug })
    .onConflict((conflict) => conflict.column('slug').doUpdateSet({ updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  const previous = await tables
    .selectFrom('service_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('service_id', '=', service.id)
    .executeTakeFirst();
  const version = Number(previous?.version ?? 0) + 1;
  await tables
    .updateTable('service_versions')
    .set({ status: 'retired', updated_at: new Date() })
    .where('service_id', '=', service.id)
    .where('status', '=', 'published')
    .execute();
  const row = await tables
    .insertInto('service_versions')
    .values({
      service_id: service.id,
      version,
      status: 'published',
      definition: JSON.stringify(definition),
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ensureCaseKind(db, {
    id: row.id,
    serviceSlug: definition.slug,
    serviceTitle: definition.title,
    version,
    orgUnitId: definition.responsibleOrgUnitId,
    caseType: definition.caseType,
    process: definition.process,
    promiseWorkingDays: definition.promise.decisionWithinWorkingDays,
    completeness: completenessOf(definition),
  });
  return version;
}

/** Published versions never change: each process keeps what it has read, by version id. */
const versions = new Map<string, PublishedService>();

export async function versionById(db: Kysely<unknown>, versionId: string): Promise<PublishedService> {
  const cached = versions.get(versionId);
  if (cached) return cached;
  const row = await servicesDb(db)
    .selectFrom('service_versions')
    .select(['id', 'version', 'definition'])
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const found = { versionId: row.id, version: row.version, definition: row.definition };
  versions.set(versionId, found);
  return found;
}

export async function publishedService(
  db: Kysely<unknown>,
  slug: string,
): Promise<PublishedService | undefined> {
  const row = await servicesDb(db)
    .selectFrom('service_versions')
    .innerJoin('service_definitions', 'service_definitions.id', 'service_versions.service_id')
    .select(['service_versions.id'])
    .where('service_definitions.slug', '=', slug)
    .where('service_versions.status', '=', 'published')
    .executeTakeFirst();
  return row ? versionById(db, row.id) : undefined;
}

async function allPublished(db: Kysely<unknown>): Promise<PublishedService[]> {
  const rows = await servicesDb(db)
    .selectFrom('service_versions')
    .select('id')
    .where('status', '=', 'published')
    .execute();
  return Promise.all(rows.map((row) => versionById(db, row.id)));
}

const swedishOrder = new Intl.Collator('sv');

function entryOf(service: PublishedService, unitNames: Map<string, string>): CatalogEntry {
  const { definition } = service;
  return {
    id: service.versionId,
    slug: definition.slug,
    version: service.version,
    title: definition.title,
    description: definition.description,
    lifeSituations: definition.lifeSituations,
    audience: definition.audience,
    promise: definition.promise,
    responsibleUnitName: unitNames.get(definition.responsibleOrgUnitId) ?? '',
  };
}

/** The catalog (B1): published e-services, searchable and by life situation; staff-only ones for staff. */
export async function catalog(
  db: Kysely<unknown>,
  query: { q?: string | undefined; lifeSituation?: string | undefined },
  forStaff: boolean,
): Promise<CatalogEntry[]> {
  const words = (query.q ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const services = (await allPublished(db)).filter(({ definition }) => {
    if (definition.audience === 'staffOnly' && !forStaff) return false;
    if (query.lifeSituation && !definition.lifeSituations.includes(query.lifeSituation as never))
      return false;
    const haystack = [
      definition.title.sv,
      definition.title.en,
      definition.description.sv,
      definition.description.en,
    ]
      .join(' ')
      .toLocaleLowerCase('sv');
    return words.every((word) => haystack.includes(word));
  });
  const unitNames = await findOrgUnitNames(
    db,
    services.map((service) => service.definition.responsibleOrgUnitId),
  );
  return services
    .map((service) => entryOf(service, unitNames))
    .sort((a, b) => swedishOrder.compare(a.title.sv, b.title.sv));
}

export async function serviceForm(db: Kysely<unknown>, service: PublishedService): Promise<ServiceForm> {
  const unitNames = await findOrgUnitNames(db, [service.definition.responsibleOrgUnitId]);
  return { ...entryOf(service, unitNames), form: service.definition.form };
}
