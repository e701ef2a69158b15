/**
 * The population file: a streaming parser and writer for the register import's file format
 * (docs/population-file-format.md), and a generator of synthetic files for the demo municipality.
 * Database-free: the registry's apply step decides what the records do to the register.
 *
 * Reading:
 * ```ts
 * for await (const item of readPopulationFile(path)) {
 *   if (item.kind === 'header') …          // always first
 *   else if (item.kind === 'rejected') …    // formatRejection(item) is safe to log
 *   else …                                   // a PopulationRecord, by item.kind
 * }                                          // a PopulationFileError means: commit nothing
 * ```
 */
export { demoMunicipality } from './demo-municipality.ts';
export {
  formatPosition,
  formatRejection,
  PopulationFileError,
  type PopulationFileErrorCode,
  populationFileErrorCodes,
} from './population-file.errors.ts';
export {
  type PopulationFileSource,
  type ReadPopulationFileOptions,
  readPopulationFile,
} from './population-file.parser.ts';
export type * from './population-file.types.ts';
export { legalForms, populationFileKinds, rejectionCodes } from './population-file.types.ts';
export {
  type PopulationFileHeaderInput,
  type PopulationRecordInput,
  writeFileEnd,
  writeFileStart,
  writeRecord,
} from './population-file.writer.ts';
export {
  type ChangeFileOptions,
  type ChangeFileSummary,
  generateChangeFile,
} from './population-generator.changes.ts';
export {
  type DemoCitizen,
  type GeneratorInputs,
  generatePopulationFile,
  type PopulationFileOptions,
  type PopulationFileSummary,
} from './population-generator.ts';
