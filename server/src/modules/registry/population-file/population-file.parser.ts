import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
  PopulationFileError,
  type PopulationFileErrorCode,
  RecordRejection,
} from './population-file.errors.ts';
import { hasRefusedCharacters, PersonalNumberReader, type XmlElement } from './population-file.fields.ts';
import { readRecord } from './population-file.records.ts';
import type {
  PopulationFileHeader,
  PopulationFileItem,
  PopulationFileKind,
} from './population-file.types.ts';

export type PopulationFileSource = string | AsyncIterable<Uint8Array | string>;

export type ReadPopulationFileOptions = {
  /** "Today" for personal numbers: a birth date after it is refused. Default: now. */
  now?: Date;
};

/**
 * Input is decoded and parsed in pieces of at most this size, however large the source's chunks:
 * the text of a small piece stays in V8's young generation and is freed at once, where a megabyte
 * string would wait for a full collection and the resident memory would grow with the file.
 */
const PIECE_BYTES = 32 * 1024;
/** Guards against a hostile record: more elements, deeper nesting or longer text than any real one. */
const MAX_ELEMENTS_PER_RECORD = 5000;
const MAX_DEPTH = 12;
const MAX_TEXT = 4000;

/**
 * Reads a population file (docs/population-file-format.md) as it streams: the header first, then one
 * typed record or rejection per record element, in file order. Reading waits for the consumer, so
 * memory stays flat whatever the file's size. A fault in the file as a whole (not XML, not UTF-8,
 * malformed, truncated) throws a `PopulationFileError` after the records before it were yielded.
 */
export async function* readPopulationFile(
  source: PopulationFileSource,
  options: ReadPopulationFileOptions = {},
): AsyncGenerator<PopulationFileItem, void, undefined> {
  const input =
    typeof source === 'string' ? createReadStream(source, { highWaterMark: PIECE_BYTES }) : source;
  const parser = new RecordCollector(options.now ?? new Date());
  const decoder = new Utf8Chunks();
  for await (const chunk of input) {
    for (const piece of piecesOf(chunk)) {
      const decoded = decoder.decode(piece);
      parser.write(decoded.text);
      if (decoded.isInvalid) parser.failEncoding('the file is not valid UTF-8 here; only UTF-8 is accepted');
      yield* parser.take();
      parser.throwIfFailed();
    }
  }
  const rest = decoder.flush();
  parser.write(rest.text);
  if (rest.isInvalid) parser.failEncoding('the file is not valid UTF-8 at its end; only UTF-8 is accepted');
  parser.end();
  yield* parser.take();
  parser.throwIfFailed();
}

function* piecesOf(chunk: Uint8Array | string): Generator<Uint8Array | string> {
  if (typeof chunk === 'string' || chunk.length <= PIECE_BYTES) {
    yield chunk;
    return;
  }
  for (let offset = 0; offset < chunk.length; offset += PIECE_BYTES)
    yield chunk.subarray(offset, offset + PIECE_BYTES);
}

/** Drives saxes and collects each record's elements into a small tree, then reads it. */
class RecordCollector {
  private readonly sax = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly numbers: PersonalNumberReader;
  private items: PopulationFileItem[] = [];
  private failure: PopulationFileError | null = null;
  private depth = 0;
  private hasStarted = false;
  private isRootOpen = false;
  private isRootClosed = false;
  private fileKind: PopulationFileKind = 'full';
  private recordNumber = 0;
  private recordLine = 0;
  private stack: XmlElement[] = [];
  private elementCount = 0;
  private isOversized = false;

  constructor(now: Date) {
    this.numbers = new PersonalNumberReader(now);
    this.sax.on('xmldecl', (declaration) => {
      const encoding = declaration.encoding;
      if (encoding !== undefined && !/^utf-8$/i.test(encoding)) {
        const named = /^[A-Za-z0-9._-]{1,40}$/.test(encoding) ? ` ${encoding}` : ' another encoding';
        this.fail('encoding', `the file declares${named}; only UTF-8 is accepted`);
      }
    });
    this.sax.on('doctype', () => this.fail('malformed', 'a DOCTYPE is not allowed in a population file'));
    this.sax.on('opentag', (tag) => this.open(tag));
    this.sax.on('closetag', () => this.close());
    this.sax.on('text', (text) => this.addText(text));
    this.sax.on('cdata', (text) => this.addText(text));
    this.sax.on('error', (error) => {
      // saxes says where: "12:5: unexpected close tag." Its messages quote names, never text.
      const where = /^(\d+):\d+: /.exec(error.message);
      const line = where ? Number(where[1]) : this.sax.line;
      const detail = error.message.replace(/^\d+:\d+: /, '').replace(/\d{6,}/g, '…');
      if (this.isRootOpen) this.fail('malformed', `malformed XML: ${detail}`, line);
      else this.fail('not_xml', `not an XML population file: ${detail}`, line);
    });
  }

  write(text: string): void {
    if (this.failure || text === '') return;
    if (!this.hasStarted) {
      // A file that does not start with markup (CSV, JSON) is named at its first line, not at its end.
      const first = /\S/.exec(text);
      if (first) this.hasStarted = true;
      if (first && text[first.index] !== '<') {
        const line = 1 + (text.slice(0, first.index).match(/\n/g)?.length ?? 0);
        this.fail('not_xml', 'not an XML population file: it does not begin with <', line);
        return;
      }
    }
    this.sax.write(text);
  }

  end(): void {
    if (this.failure) return;
    if (this.isRootOpen && !this.isRootClosed) {
      if (this.depth > 1) {
        this.fail(
          'truncated',
          `the file ends inside record ${this.recordNumber} (line ${this.recordLine}): it is truncated`,
        );
      } else this.fail('truncated', 'the file ends before </Avisering>: it is truncated');
      return;
    }
    if (!this.isRootOpen) {
      this.fail('not_xml', 'not an XML population file: there is no Avisering element');
      return;
    }
    this.sax.close();
  }

  /** The items completed since the last call. */
  take(): PopulationFileItem[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  failEncoding(detail: string): void {
    this.fail('encoding', detail);
  }

  private fail(code: PopulationFileErrorCode, detail: string, line = this.sax.line): void {
    if (!this.failure) this.failure = new PopulationFileError(code, line, detail);
  }

  private open(tag: SaxesTagPlain): void {
    if (this.failure) return;
    const depth = this.depth++;
    if (depth === 0) {
      this.openRoot(tag);
    } else if (depth === 1) {
      this.recordNumber++;
      this.recordLine = this.sax.line;
      this.stack = [{ name: tag.name, children: NO_CHILDREN, text: '' }];
      this.elementCount = 1;
      this.isOversized = false;
    } else if (!this.isOversized) {
      if (++this.elementCount > MAX_ELEMENTS_PER_RECORD || depth > MAX_DEPTH) {
        this.isOversized = true;
        return;
      }
      const element: XmlElement = { name: tag.name, children: NO_CHILDREN, text: '' };
      const parent = this.stack[this.stack.length - 1] as XmlElement;
      if (parent.children === NO_CHILDREN) parent.children = [element];
      else parent.children.push(element);
      this.stack.push(element);
    }
  }

  private close(): void {
    if (this.failure) return;
    const depth = --this.depth;
    if (depth === 0) {
      this.isRootClosed = true;
    } else if (depth === 1) {
      this.finishRecord();
    } else if (!this.isOversized) {
      this.stack.pop();
    }
  }

  private addText(text: string): void {
    if (this.failure || this.isOversized) return;
    if (this.depth === 1) {
      const first = /\S/.exec(text);
      if (first) {
        // saxes reports text when the next tag begins: count back to where the text did.
        const linesAfter = text.slice(first.index).match(/\n/g)?.length ?? 0;
        this.fail(
          'malformed',
          'text between records, outside any record element',
          this.sax.line - linesAfter,
        );
      }
      return;
    }
    if (this.depth < 1) return;
    const element = this.stack[this.stack.length - 1] as XmlElement;
    if (element.text.length + text.length > MAX_TEXT) this.isOversized = true;
    else element.text += text;
  }

  private openRoot(tag: SaxesTagPlain): void {
    this.isRootOpen = true;
    if (tag.name !== 'Avisering') {
      const name = /^[\w.-]{1,40}$/.test(tag.name) ? ` ${tag.name}` : '';
      this.fail('wrong_root', `the root element${name} is not Avisering`);
      return;
    }
    const header = this.readHeader(tag.attributes);
    if (header) {
      this.fileKind = header.fileKind;
      this.items.push(header);
    }
  }

  private readHeader(attributes: Record<string, string>): PopulationFileHeader | null {
    const { typ, skapad, kalla, version, syntetisk } = attributes;
    if (typ !== 'fullstandig' && typ !== 'andring') {
      this.fail('bad_header', 'Avisering needs typ="fullstandig" or typ="andring"');
      return null;
    }
    if (skapad === undefined || !isTimestamp(skapad)) {
      this.fail('bad_header', 'Avisering needs skapad, a time such as 2026-11-23T12:00:00Z');
      return null;
    }
    const source = kalla?.trim() ?? '';
    if (source === '' || source.length > 200 || hasRefusedCharacters(source)) {
      this.fail('bad_header', 'Avisering needs kalla, who made the file (at most 200 characters)');
      return null;
    }
    if (version !== undefined && version !== '1') {
      this.fail('bad_header', 'Avisering has a version this parser does not read (version="1" is)');
      return null;
    }
    if (syntetisk !== undefined && syntetisk !== 'J' && syntetisk !== 'N') {
      this.fail('bad_header', 'Avisering syntetisk is neither J nor N');
      return null;
    }
    return {
      kind: 'header',
      fileKind: typ === 'fullstandig' ? 'full' : 'change',
      created: skapad,
      source,
      isSynthetic: syntetisk === 'J',
      line: this.sax.line,
    };
  }

  private finishRecord(): void {
    const element = this.stack[0] as XmlElement;
    const position = { record: this.recordNumber, line: this.recordLine };
    this.stack = [];
    if (this.isOversized) {
      this.items.push({
        kind: 'rejected',
        position,
        element: element.name,
        code: 'malformed_record',
        reason: `${element.name} is larger or deeper than any valid record`,
      });
      return;
    }
    try {
      this.items.push(readRecord(element, position, { fileKind: this.fileKind, numbers: this.numbers }));
    } catch (error) {
      if (!(error instanceof RecordRejection)) throw error;
      this.items.push({
        kind: 'rejected',
        position,
        element: element.name,
        code: error.code,
        reason: error.message,
      });
    }
  }
}

/** Shared by every leaf element (most of them), so reading one allocates no empty array. */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Turns byte chunks into text, refusing anything but UTF-8: a character split across chunks is
 * carried to the next one; at the first invalid byte the valid text before it is still returned,
 * so the records before the fault are read and the error can name its line.
 */
class Utf8Chunks {
  private carry: Buffer | null = null;
  private isFirst = true;

  decode(chunk: Uint8Array | string): { text: string; isInvalid: boolean } {
    if (typeof chunk === 'string') return { text: chunk, isInvalid: false };
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry) {
      bytes = Buffer.concat([this.carry, bytes]);
      this.carry = null;
    }
    if (this.isFirst) {
      // A byte-order mark may be split across the first chunks: wait for three bytes.
      if (bytes.length < 3) {
        this.carry = Buffer.from(bytes);
        return { text: '', isInvalid: false };
      }
      this.isFirst = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const complete = completeLength(bytes);
    if (complete < bytes.length) this.carry = Buffer.from(bytes.subarray(complete));
    const body = bytes.subarray(0, complete);
    if (isUtf8(body)) return { text: body.toString('utf8'), isInvalid: false };
    return { text: body.toString('utf8', 0, firstInvalidOffset(body)), isInvalid: true };
  }

  /** What is left at the end of the input: a short file's bytes, or a character cut off. */
  flush(): { text: string; isInvalid: boolean } {
    const rest = this.carry;
    this.carry = null;
    if (!rest) return { text: '', isInvalid: false };
    if (isUtf8(rest)) return { text: rest.toString('utf8'), isInvalid: false };
    return { text: rest.toString('utf8', 0, firstInvalidOffset(rest)), isInvalid: true };
  }
}

/** How many leading bytes end on a whole character; the rest (1–3 bytes) wait for the next chunk. */
function completeLength(bytes: Buffer): number {
  const length = bytes.length;
  for (let index = length - 1; index >= 0 && index >= length - 3; index--) {
    const byte = bytes[index] as number;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length - index < needed ? index : length;
    }
  }
  return length;
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidOffset(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] as number;
    if (byte < 0x80) {
      index++;
      continue;
    }
    const needed = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 0;
    if (needed === 0 || byte > 0xf4 || index + needed > bytes.length) return index;
    const second = bytes[index + 1] as number;
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return index;
    for (let next = 2; next < needed; next++) {
      const continuation = bytes[index + next] as number;
      if (continuation < 0x80 || continuation > 0xbf) return index;
    }
    index += needed;
  }
  return bytes.length;
}
