import { z } from 'zod';

/**
 * The one string type for text a client sends. Every request schema uses `text()` (or `localPath()`,
 * an enum, a uuid or a date format) instead of a bare `z.string()`, so that what no database,
 * header or screen should receive is refused at the contract, once, with a 400 naming the field:
 * - NUL and the other control characters (tab, line feed and carriage return only in multi-line
 *   text): PostgreSQL refuses NUL, and controls corrupt logs, CSV exports and headers;
 * - lone UTF-16 surrogates, which are not text and cannot be encoded as UTF-8;
 * - the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069),
 *   which make text read differently from what it is ("Trojan Source" spoofing of names);
 * - anything longer than the field's `max`, which every caller must choose.
 * Surrounding whitespace is trimmed before the checks.
 */
const ALWAYS_REFUSED =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF';
const SINGLE_LINE = new RegExp(`^[^${ALWAYS_REFUSED}\\t\\n\\r\\u2028\\u2029]*$`, 'u');
const MULTI_LINE = new RegExp(`^[^${ALWAYS_REFUSED}]*$`, 'u');

export interface TextOptions {
  /** Longest accepted length in UTF-16 code units, after trimming. */
  max: number;
  /** Shortest accepted length after trimming (default 1: an empty string is not text). */
  min?: number;
  /** Allow tab and line breaks (default false). */
  multiline?: boolean;
}

export function text({ max, min = 1, multiline = false }: TextOptions) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(multiline ? MULTI_LINE : SINGLE_LINE, {
      error: multiline
        ? 'must not contain control characters or invisible direction marks'
        : 'must be one line without control characters or invisible direction marks',
    });
}

/**
 * A path on this site to send a browser back to (`/mina-sidor?flik=2`): one leading slash (never
 * `//host`), and only the characters a URL may carry unencoded, so it can go into a Location header
 * as it is. Browsers give `location.pathname + location.search` in this form already.
 */
export function localPath({ max }: { max: number }) {
  return z
    .string()
    .max(max)
    .regex(/^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/, { error: 'must be a path on this site' });
}
