import type { PopulationRejection, RecordPosition, RejectionCode } from './population-file.types.ts';

export const populationFileErrorCodes = [
  'not_xml',
  'encoding',
  'malformed',
  'truncated',
  'wrong_root',
  'bad_header',
] as const;
export type PopulationFileErrorCode = (typeof populationFileErrorCodes)[number];

/**
 * A fault in the file as a whole: not XML, not UTF-8, broken or cut off. Raised after every record
 * before the fault was yielded; whoever applies the file must then commit none of it. The message
 * names the line and the fault and never carries content from the file.
 */
export class PopulationFileError extends Error {
  readonly code: PopulationFileErrorCode;
  readonly line: number;

  constructor(code: PopulationFileErrorCode, line: number, detail: string) {
    super(`line ${line}: ${detail}`);
    this.name = 'PopulationFileError';
    this.code = code;
    this.line = line;
  }
}

/** Thrown inside the record readers and turned into a `PopulationRejection`; never escapes the parser. */
export class RecordRejection extends Error {
  readonly code: RejectionCode;

  constructor(code: RejectionCode, reason: string) {
    super(reason);
    this.code = code;
  }
}

export function reject(code: RejectionCode, reason: string): never {
  throw new RecordRejection(code, reason);
}

/** `record 1234 (line 5678): the personal number fails the check digit` — safe to log. */
export function formatRejection(rejection: PopulationRejection): string {
  return `${formatPosition(rejection.position)}: ${rejection.reason}`;
}

export function formatPosition(position: RecordPosition): string {
  return `record ${position.record} (line ${position.line})`;
}
