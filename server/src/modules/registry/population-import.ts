import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { swedishDate } from '@karna/contracts';
import { type CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import { type AuditTrail, NOT_A_REQUEST, systemActor } from '../../platform/audit/index.ts';
import {
  PopulationFileError,
  type PopulationFileHeader,
  type PopulationRecord,
  type RecordPosition,
  readPopulationFile,
} from './population-file/index.ts';
import {
  createStagingTable,
  type KeyedUpsert,
  mergeStaged,
  stagingCopy,
  WriteQueue,
} from './population-import.bulk.ts';
import {
  analyzeEntityTables,
  analyzeRegisterTables,
  beginStagedRelations,
  createRelationStaging,
  endUnlistedRelations,
  findRelationsInForce,
  findUnknownReferences,
  prepareStagedRelations,
  type RelationsInForce,
  relationsCopy,
  type StagedRelation,
  type StagedRelationKind,
  touchRelationSubjects,
} from './population-import.relations.ts';
import { type RegistryDb, type RegistryTables, registryDb } from './registry.tables.ts';

/** How one record changed the register. */
type Outcome = 'added' | 'changed' | 'unchanged';

export interface ImportRejection {
  position: RecordPosition;
  /** Safe to log: names the fault, never a personal number, name or address. */
  reason: string;
}

export interface ImportSummary {
  batchId: string;
  fileKind: 'full' | 'change';
  records: number;
  added: number;
  changed: number;
  unchanged: number;
  rejected: number;
  /** Relations (custody, signatories, ownership) begun and ended by the file. */
  relations: { added: number; ended: number };
  rejections: ImportRejection[];
}

export interface ImportProgress {
  records: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportOptions {
  /** Called every 1,000 records with how far the file has been read, for a progress display. */
  onProgress?: (progress: ImportProgress) => void;
  now?: Date;
  /** Refuse files marked synthetic (`syntetisk="J"`): production takes only real register data. */
  refuseSynthetic?: boolean;
  /**
   * Apply a file created before the newest one already applied. Refused by default: its facts are
   * older than the register's, and applying them would undo newer changes.
   */
  allowOlder?: boolean;
}

/** A file refused as a whole before anything in it was applied, for a reason other than its form. */
export class ImportRefusedError extends Error {
  readonly code: 'synthetic' | 'older_than_applied';

  constructor(code: ImportRefusedError['code'], message: string) {
    super(message);
    this.name = 'ImportRefusedError';
    this.code = code;
  }
}

/** A file marked as synthetic test data, refused where only real register data belongs. */
export class SyntheticFileRefusedError extends ImportRefusedError {
  constructor() {
    super(
      'synthetic',
      'the file is marked as synthetic test data (syntetisk="J"), which production does not take',
    );
  }
}

/** A file created before the newest file already applied (a file that arrived late, or a re-run). */
export class OlderFileRefusedError extends ImportRefusedError {
  constructor(created: Date, newestApplied: Date) {
    super(
      'older_than_applied',
      `the file was created ${created.toISOString()}, before the newest file already applied ` +
        `(${newestApplied.toISOString()}); applying it would undo newer changes`,
    );
  }
}

/** A load that adds or changes this many rows refreshes the tables' statistics before it commits. */
const ANALYZE_AFTER_ROWS = 10_000;

/** Records are staged this many at a time (one COPY per chunk). */
const CHUNK = 2500;

/**
 * Staged records are merged into the register this many at a time, while the file is read on: the
 * database merges one part while the importer reads the next.
 */
const MERGE_EVERY = 25_000;

/** Chunks and merges that may wait their turn: about one merge's worth (~10 MB of COPY text). */
const QUEUE_DEPTH = 16;

/** The register facts a version keeps: everything the population file decides about a person. */
const FACT_COLUMNS = [
  'given_name',
  'calling_name',
  'middle_name',
  'family_name',
  'registered_since',
  'registered_property',
  'county_code',
  'municipality_code',
  'northing',
  'easting',
  'care_of',
  'extra_address_line',
  'street_address',
  'postal_code',
  'postal_town',
  'protection',
  'protected_since',
  'deceased_on',
  'emigrated_on',
  'emigrated_to',
] as const;
type Facts = Pick<Selectable<RegistryTables['registry_persons']>, (typeof FACT_COLUMNS)[number]>;

const PERSONS: KeyedUpsert = {
  table: 'registry_persons',
  staging: 'import_persons',
  listedAs: 'person',
  versioned: true,
  key: 'personal_number',
  compared: FACT_COLUMNS,
  insertedOnly: ['is_coordination_number', 'birth_date', 'facts_valid_from', 'facts_change_kind'],
  columns: [
    ['ord', 'integer'],
    ['personal_number', 'text'],
    ['is_coordination_number', 'boolean'],
    ['birth_date', 'date'],
    ['given_name', 'text'],
    ['calling_name', 'text'],
    ['middle_name', 'text'],
    ['family_name', 'text'],
    ['registered_since', 'date'],
    ['registered_property', 'text'],
    ['county_code', 'text'],
    ['municipality_code', 'text'],
    ['northing', 'float8'],
    ['easting', 'float8'],
    ['care_of', 'text'],
    ['extra_address_line', 'text'],
    ['street_address', 'text'],
    ['postal_code', 'text'],
    ['postal_town', 'text'],
    ['protection', 'text'],
    ['protected_since', 'date'],
    ['deceased_on', 'date'],
    ['emigrated_on', 'date'],
    ['emigrated_to', 'text'],
    ['facts_valid_from', 'date'],
    ['facts_change_kind', 'text'],
  ],
};

const ORGANISATIONS: KeyedUpsert = {
  table: 'registry_organisations',
  staging: 'import_organisations',
  listedAs: 'organisation',
  versioned: false,
  key: 'organisation_number',
  compared: ['name', 'legal_form'],
  insertedOnly: [],
  columns: [
    ['ord', 'integer'],
    ['organisation_number', 'text'],
    ['name', 'text'],
    ['legal_form', 'text'],
  ],
};

const PROPERTIES: KeyedUpsert = {
  table: 'registry_properties',
  staging: 'import_properties',
  listedAs: 'property',
  versioned: false,
  key: 'designation',
  compared: ['municipality_code', 'area_square_metres', 'northing', 'easting'],
  insertedOnly: [],
  columns: [
    ['ord', 'integer'],
    ['designation', 'text'],
    ['municipality_code', 'text'],
    ['area_square_metres', 'float8'],
    ['northing', 'float8'],
    ['easting', 'float8'],
  ],
};

/** A person's row as a complete record of the file gives it. */
type PersonValues = Facts & {
  personal_number: string;
  is_coordination_number: boolean;
  birth_date: string;
  facts_valid_from: string;
  facts_change_kind: 'registered' | 'birth';
  batch_id: string;
};

function factsOf(values: Facts): Facts {
  return Object.fromEntries(FACT_COLUMNS.map((column) => [column, values[column] ?? null])) as Facts;
}

function sameFacts(a: Facts, b: Facts): boolean {
  return FACT_COLUMNS.every((column) => (a[column] ?? null) === (b[column] ?? null));
}

/**
 * A person's row values from a complete record of the file (the import benchmark's COPY uses them
 * too). A birth's facts hold from the birth; a registered person's from when they were registered.
 */
export function personValues(
  record: Extract<PopulationRecord, { kind: 'person' | 'birth' }>,
  batchId: string,
): PersonValues {
  const { person } = record;
  const { name, registration, address, deregistration } = person;
  return {
    personal_number: person.personalNumber,
    is_coordination_number: person.isCoordinationNumber,
    birth_date: person.birthDate,
    given_name: name.givenNames,
    calling_name: name.callingName,
    middle_name: name.middleName,
    family_name: name.familyName,
    registered_since: registration.since,
    registered_property: registration.propertyDesignation,
    county_code: registration.countyCode,
    municipality_code: registration.municipalityCode,
    northing: registration.point?.northing ?? null,
    easting: registration.point?.easting ?? null,
    care_of: address?.careOf ?? null,
    extra_address_line: address?.extraLine ?? null,
    street_address: address?.streetAddress ?? null,
    postal_code: address?.postalCode ?? null,
    postal_town: address?.postalTown ?? null,
    protection: person.protection,
    protected_since: person.protectedSince,
    deceased_on: deregistration?.reason === 'death' ? deregistration.date : null,
    emigrated_on: deregistration?.reason === 'emigration' ? deregistration.date : null,
    emigrated_to: null,
    facts_valid_from: record.kind === 'birth' ? record.date : (registration.since ?? person.birthDate),
    facts_change_kind: record.kind === 'birth' ? 'birth' : 'registered',
    batch_id: batchId,
  };
}

/**
 * Applies a population file to the register in one transaction: a file-level fault (not XML, cut
 * off, wrong encoding) commits nothing, and a crash leaves the register as it was. Records the file
 * shows to be wrong, and references to people or organisations the register does not know, are
 * listed with their position and never stop the run. Running the same file again changes nothing.
 */
export async function importPopulationFile(
  db: Kysely<unknown>,
  audit: AuditTrail,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const totalBytes = (await stat(path)).size;
  const reading: FileReading = { bytesRead: 0, hash: createHash('sha256') };
  return db.transaction().execute(async (trx) => {
    // The merges join a million staged rows with the register: with room for their hash tables in
    // memory they do not spill to disk in batches.
    await sql`set local work_mem = '64MB'`.execute(trx);
    const run = new ImportRun(registryDb(trx), now);
    let header: PopulationFileHeader | undefined;
    for await (const item of readPopulationFile(readCounted(path, reading), { now })) {
      if (item.kind === 'header') {
        if (item.isSynthetic && options.refuseSynthetic) throw new SyntheticFileRefusedError();
        header = item;
        if (!options.allowOlder) await refuseOlderThanApplied(registryDb(trx), new Date(header.created));
        await run.begin(basename(path), header);
        continue;
      }
      if (item.kind === 'rejected') run.reject(item.position, item.reason);
      else await run.apply(item);
      if (run.records % 1000 === 0)
        options.onProgress?.({ records: run.records, bytesRead: reading.bytesRead, totalBytes });
    }
    if (!header) throw new PopulationFileError('bad_header', 1, 'the file has no header');
    const fileSha256 = await finishHash(path, reading);
    const summary = await run.finish(fileSha256);
    await audit.append(trx, systemActor('population import'), NOT_A_REQUEST, {
      action: 'registry.population.import',
      outcome: 'success',
      resourceType: 'importBatch',
      resourceId: summary.batchId,
      details: {
        file: basename(path),
        sha256: fileSha256,
        kind: summary.fileKind,
        added: summary.added,
        changed: summary.changed,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
      },
    });
    return summary;
  });
}

/** How far the file has been read, and the hash of what has been read: one pass serves both. */
interface FileReading {
  bytesRead: number;
  hash: Hash;
}

/** The file's bytes, counted and hashed as they are read (back-pressure is the parser's). */
async function* readCounted(path: string, reading: FileReading): AsyncIterable<Uint8Array> {
  for await (const chunk of createReadStream(path)) {
    reading.bytesRead += (chunk as Buffer).length;
    reading.hash.update(chunk as Buffer);
    yield chunk as Buffer;
  }
}

/** The file's SHA-256: the bytes read, and any the parser left after the document's end. */
async function finishHash(path: string, reading: FileReading): Promise<string> {
  for await (const chunk of createReadStream(path, { start: reading.bytesRead })) {
    reading.hash.update(chunk as Buffer);
  }
  return reading.hash.digest('hex');
}

/** Refuses a file created before the newest file already applied (the same moment is a re-run). */
async function refuseOlderThanApplied(db: RegistryDb, created: Date): Promise<void> {
  const newest = await db
    .selectFrom('registry_import_batches')
    .select((eb) => eb.fn.max('file_created_at').as('created'))
    .where('finished_at', 'is not', null)
    .executeTakeFirst();
  const newestApplied = newest?.created ? new Date(newest.created) : undefined;
  if (newestApplied && created.getTime() < newestApplied.getTime()) {
    throw new OlderFileRefusedError(created, newestApplied);
  }
}

/** The state of one import while it runs inside its transaction. */
class ImportRun {
  readonly #db: RegistryDb;
  readonly #now: Date;
  readonly #today: string;
  #batchId = '';
  #fileKind: 'full' | 'change' = 'full';
  #fileDate = '';
  readonly #persons = new StagedRecords(PERSONS);
  readonly #organisations = new StagedRecords(ORGANISATIONS);
  readonly #properties = new StagedRecords(PROPERTIES);
  readonly #counts = { added: 0, changed: 0, unchanged: 0 };
  readonly #rejections: ImportRejection[] = [];
  records = 0;

  constructor(db: RegistryDb, now: Date) {
    this.#db = db;
    this.#now = now;
    this.#today = swedishDate(now);
  }

  /** The batch row is written at the header; its file hash once the whole file has been read. */
  async begin(fileName: string, header: PopulationFileHeader): Promise<void> {
    this.#fileKind = header.fileKind;
    this.#fileDate = swedishDate(new Date(header.created));
    const batch = await this.#db
      .insertInto('registry_import_batches')
      .values({
        file_name: fileName,
        file_sha256: '',
        kind: header.fileKind,
        file_created_at: new Date(header.created),
        source: header.source,
        started_at: this.#now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.#batchId = batch.id;
    // Only a full load ends relations it no longer names, and only of kinds in force before it.
    if (header.fileKind === 'full') this.#relationsToEnd = await findRelationsInForce(this.#db);
    for (const { target } of [this.#persons, this.#organisations, this.#properties]) {
      await createStagingTable(this.#db, target.staging, target.columns);
    }
    await createRelationStaging(this.#db);
  }

  reject(position: RecordPosition, reason: string): void {
    this.records += 1;
    this.#rejections.push({ position, reason });
  }

  async apply(record: PopulationRecord): Promise<void> {
    this.records += 1;
    switch (record.kind) {
      case 'person':
      case 'birth': {
        await this.#stage(this.#persons, {
          ...personValues(record, this.#batchId),
          ord: record.position.record,
        });
        await this.#stageRelations(
          record.position,
          'custody',
          record.person.personalNumber,
          record.person.guardians.map((guardian) => ({
            party: guardian.personalNumber,
            from: guardian.from,
          })),
        );
        return;
      }
      case 'organisation':
        return this.#applyOrganisation(record);
      case 'property':
        return this.#applyProperty(record);
      default:
        // A change reads the register, and may concern someone born earlier in the same file.
        await this.#merge(this.#persons);
        await this.#flushRelations();
        await this.#writes.drain();
        return this.#applyChange(record);
    }
  }

  /** Keeps a record for its staging table: staged a chunk at a time, merged every MERGE_EVERY. */
  async #stage(records: StagedRecords, row: Record<string, unknown> & { ord: number }): Promise<void> {
    records.pending.push(row);
    if (records.pending.length >= CHUNK) await this.#flush(records);
    if (records.staged >= MERGE_EVERY) await this.#merge(records);
  }

  async #flush(records: StagedRecords): Promise<void> {
    const rows = records.pending.splice(0);
    if (rows.length === 0) return;
    records.staged += rows.length;
    await this.#queueCopy(stagingCopy(records.target.staging, records.target.columns, rows));
  }

  /** Queues a COPY made now (its rows already COPY text) to run in its turn. */
  async #queueCopy(copy: CompiledQuery): Promise<void> {
    await this.#writes.add(async () => {
      await this.#db.executeQuery(copy);
    });
  }

  /**
   * Queues the merge of the records staged since the last one: compared with the register, and
   * what differs written. The file is read on meanwhile.
   */
  async #merge(records: StagedRecords): Promise<void> {
    await this.#flush(records);
    const { staged } = records;
    if (staged === 0) return;
    records.staged = 0;
    const written = this.#written();
    const options = this.#mustList(records.target) ? { listAs: records.target.listedAs } : {};
    await this.#writes.add(async () => {
      this.#countMerged(staged, await mergeStaged(this.#db, records.target, written, options));
    });
  }

  /** Whether a merge must list its keys: when their relations of this kind may be ended. */
  #mustList(target: KeyedUpsert): boolean {
    return this.#relationsToEnd[relationsOf[target.listedAs]];
  }

  /** The writes waiting their turn on the transaction's connection while the file is read on. */
  readonly #writes = new WriteQueue(QUEUE_DEPTH);

  #written() {
    return { batchId: this.#batchId, now: this.#now, changedFrom: this.#fileDate };
  }

  #countMerged(records: number, counts: { added: number; changed: number }): void {
    this.#counts.added += counts.added;
    this.#counts.changed += counts.changed;
    this.#counts.unchanged += records - counts.added - counts.changed;
  }

  /** Keeps relations named by personal or organisation number until every record has been read. */
  async #stageRelations(
    position: RecordPosition,
    kind: StagedRelationKind,
    subject: string,
    parties: { party: string; from: string | null; numerator?: number; denominator?: number }[],
  ): Promise<void> {
    for (const party of parties) {
      this.#stagedRelations.push({
        record: position.record,
        line: position.line,
        kind,
        subject,
        party: party.party,
        valid_from: party.from,
        numerator: party.numerator ?? null,
        denominator: party.denominator ?? null,
      });
    }
    if (this.#stagedRelations.length >= CHUNK) await this.#flushRelations();
  }

  readonly #stagedRelations: StagedRelation[] = [];

  async #flushRelations(): Promise<void> {
    const rows = this.#stagedRelations.splice(0);
    if (rows.length > 0) await this.#queueCopy(relationsCopy(rows));
  }

  async #applyOrganisation(record: Extract<PopulationRecord, { kind: 'organisation' }>): Promise<void> {
    await this.#stage(this.#organisations, {
      ord: record.position.record,
      organisation_number: record.organisationNumber,
      name: record.name,
      legal_form: record.legalForm,
    });
    await this.#stageRelations(
      record.position,
      'signatory',
      record.organisationNumber,
      record.signatories.map((signatory) => ({ party: signatory.personalNumber, from: signatory.from })),
    );
  }

  async #applyProperty(record: Extract<PopulationRecord, { kind: 'property' }>): Promise<void> {
    await this.#stage(this.#properties, {
      ord: record.position.record,
      designation: record.designation,
      municipality_code: record.municipalityCode,
      area_square_metres: record.areaSquareMetres,
      northing: record.point.northing,
      easting: record.point.easting,
    });
    for (const kind of ['owner_person', 'owner_organisation'] as const) {
      const owners = record.owners.filter(
        (owner) => (owner.owner.type === 'person') === (kind === 'owner_person'),
      );
      await this.#stageRelations(
        record.position,
        kind,
        record.designation,
        owners.map((owner) => ({
          party: owner.owner.type === 'person' ? owner.owner.personalNumber : owner.owner.organisationNumber,
          from: owner.from,
          numerator: owner.share.numerator,
          denominator: owner.share.denominator,
        })),
      );
    }
  }

  /** A dated change to one person already in the register. */
  async #applyChange(
    record: Exclude<PopulationRecord, { kind: 'person' | 'birth' | 'organisation' | 'property' }>,
  ) {
    const current = await this.#db
      .selectFrom('registry_persons')
      .selectAll()
      .where('personal_number', '=', record.personalNumber)
      .executeTakeFirst();
    if (!current) {
      this.#rejections.push({ position: record.position, reason: 'the person is not in the register' });
      return;
    }
    if (record.kind === 'custody') {
      await this.#stageRelations(
        record.position,
        'custody',
        record.personalNumber,
        record.changes
          .filter((change) => change.change === 'added')
          .map((change) => ({ party: change.guardian, from: change.date })),
      );
      const outcome = await this.#endCustody(
        current.id,
        record.changes.filter((change) => change.change === 'ended'),
      );
      this.#count(outcome);
      return;
    }
    const next: Facts = { ...factsOf(current), ...this.#changedFacts(record, current) };
    if (sameFacts(current, next)) {
      this.#counts.unchanged += 1;
      return;
    }
    // What was true until this change is kept, with the dates it held between.
    await this.#db
      .insertInto('registry_person_versions')
      .values({
        person_id: current.id,
        valid_from: current.facts_valid_from,
        valid_to: record.date,
        change_kind: current.facts_change_kind,
        facts: JSON.stringify(factsOf(current)),
        batch_id: current.batch_id,
      })
      .execute();
    await this.#db
      .updateTable('registry_persons')
      .set({
        ...next,
        facts_valid_from: record.date,
        facts_change_kind: record.kind,
        batch_id: this.#batchId,
        register_changed_at: this.#now,
        updated_at: this.#now,
      })
      .where('id', '=', current.id)
      .execute();
    this.#counts.changed += 1;
  }

  #changedFacts(
    record: Exclude<PopulationRecord, { kind: 'person' | 'birth' | 'organisation' | 'property' | 'custody' }>,
    current: Facts,
  ): Partial<Facts> {
    switch (record.kind) {
      case 'move':
        return { ...registrationFacts(record.registration), ...addressFacts(record.address) };
      case 'death':
        return { deceased_on: record.date };
      case 'emigration':
        return { emigrated_on: record.date, emigrated_to: record.country };
      case 'nameChange':
        return {
          given_name: record.name.givenNames,
          calling_name: record.name.callingName,
          middle_name: record.name.middleName,
          family_name: record.name.familyName,
        };
      case 'protection': {
        if (record.action === 'set') {
          // Protected registration: the register keeps no real address or place for the person.
          const hidden =
            record.protection === 'protected_registration'
              ? { ...addressFacts(null), northing: null, easting: null }
              : {};
          const stronger =
            current.protection === 'protected_registration' ? 'protected_registration' : record.protection;
          return {
            ...hidden,
            protection: stronger,
            protected_since: current.protection === 'none' ? record.date : current.protected_since,
          };
        }
        const lifted: Partial<Facts> = { protection: 'none', protected_since: null };
        return record.registration
          ? { ...lifted, ...registrationFacts(record.registration), ...addressFacts(record.address) }
          : lifted;
      }
    }
  }

  /** Ends the custody a change record ends; a custody that is not in force changes nothing. */
  async #endCustody(childId: string, ended: { guardian: string; date: string }[]): Promise<Outcome> {
    let outcome: Outcome = 'unchanged';
    for (const change of ended) {
      const result = await sql`update registry_custody set valid_to = ${change.date}, updated_at = now()
        where child_id = ${childId} and valid_to is null
          and guardian_id = (select id from registry_persons where personal_number = ${change.guardian})`.execute(
        this.#db,
      );
      if (Number(result.numAffectedRows ?? 0) > 0) {
        outcome = 'changed';
        this.#relations.ended += 1;
      }
    }
    return outcome;
  }

  readonly #relations = { added: 0, ended: 0 };
  /** The kinds of relation this load may end (none for a change file, or a first load). */
  #relationsToEnd: RelationsInForce = { custody: false, signatories: false, owners: false };

  #count(outcome: Outcome): void {
    this.#counts[outcome] += 1;
  }

  /** Resolves the staged relations, reports unknown references, and records the batch's counts. */
  async finish(fileSha256: string): Promise<ImportSummary> {
    await this.#flushRelations();
    await this.#merge(this.#persons);
    await this.#merge(this.#organisations);
    await this.#merge(this.#properties);
    await this.#writes.drain();
    // The relations are resolved by joining the staged references to the people, organisations and
    // properties just written: after a large load, with statistics from before it, the planner
    // would take a table of a million rows for an empty one.
    const large = this.#counts.added + this.#counts.changed >= ANALYZE_AFTER_ROWS;
    if (large) await analyzeEntityTables(this.#db);
    await prepareStagedRelations(this.#db, this.#relationsToEnd);
    this.#rejections.push(...(await findUnknownReferences(this.#db)));
    const today = this.#fileDate || this.#today;
    this.#relations.added += await beginStagedRelations(this.#db, this.#batchId, today);
    this.#relations.ended += await endUnlistedRelations(this.#db, today, this.#relationsToEnd);
    await touchRelationSubjects(this.#db);
    // A large load changes the tables' shape more than autovacuum notices in time: fresh statistics
    // now keep the first lookups after it on their indexes (a stale estimate chose a parallel scan).
    if (large) await analyzeRegisterTables(this.#db);
    const rejectedRecords = new Set(this.#rejections.map((rejection) => rejection.position.record)).size;
    await this.#db
      .updateTable('registry_import_batches')
      .set({
        file_sha256: fileSha256,
        finished_at: new Date(),
        ...this.#counts,
        rejected: rejectedRecords,
        updated_at: new Date(),
      })
      .where('id', '=', this.#batchId)
      .execute();
    return {
      batchId: this.#batchId,
      fileKind: this.#fileKind,
      records: this.records,
      ...this.#counts,
      rejected: rejectedRecords,
      relations: this.#relations,
      rejections: this.#rejections.sort((a, b) => a.position.record - b.position.record),
    };
  }
}

/** The relations a full load decides for the people, organisations or properties it lists. */
const relationsOf = {
  person: 'custody',
  organisation: 'signatories',
  property: 'owners',
} as const satisfies Record<KeyedUpsert['listedAs'], keyof RelationsInForce>;

/** Records of one kind on their way to the register: in memory, then staged, then merged. */
class StagedRecords {
  readonly target: KeyedUpsert;
  /** Kept in memory until a chunk is full. */
  readonly pending: (Record<string, unknown> & { ord: number })[] = [];
  /** How many records were staged since the last merge. */
  staged = 0;

  constructor(target: KeyedUpsert) {
    this.target = target;
  }
}

function registrationFacts(registration: {
  since: string | null;
  countyCode: string;
  municipalityCode: string;
  propertyDesignation: string | null;
  point: { northing: number; easting: number } | null;
}): Partial<Facts> {
  return {
    registered_since: registration.since,
    county_code: registration.countyCode,
    municipality_code: registration.municipalityCode,
    registered_property: registration.propertyDesignation,
    northing: registration.point?.northing ?? null,
    easting: registration.point?.easting ?? null,
  };
}

function addressFacts(
  address: {
    careOf: string | null;
    extraLine: string | null;
    streetAddress: string;
    postalCode: string;
    postalTown: string;
  } | null,
): Partial<Facts> {
  return {
    care_of: address?.careOf ?? null,
    extra_address_line: address?.extraLine ?? null,
    street_address: address?.streetAddress ?? null,
    postal_code: address?.postalCode ?? null,
    postal_town: address?.postalTown ?? null,
  };
}
