import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * One failure of a value against a JSON Schema, shaped like Ajv's `ErrorObject` (the fields we use),
 * so the same mapping to friendly texts serves both validators below.
 */
export interface SchemaError {
  keyword: string;
  /** JSON Pointer to the failing value, e.g. `/email` or `/place/description`; `` for the root. */
  instancePath: string;
  params: Record<string, unknown>;
}

/** Checks a form's data against its schema, every error at once. */
export type Validate = (data: unknown) => SchemaError[];

/**
 * Compile a form's JSON Schema 2020-12 with Ajv, the validator the server uses, when this page may
 * compile code at run time. Kärna's Content-Security-Policy (`script-src 'self'`, no
 * `'unsafe-eval'`) forbids that, and Ajv generates its validators with `new Function`: there the
 * schema is checked by `interpretSchema` below, which reads the same keywords without generating
 * code. Either way the server checks the submission again with Ajv, and its 400 errors are shown next
 * to the fields too.
 */
export async function compileValidator(schema: Record<string, unknown>): Promise<Validate> {
  if (canCompileCode()) {
    try {
      const [{ Ajv2020 }, formats] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
      // ajv-formats is CommonJS: its plugin is the module's `default` property.
      const addFormats = formats.default.default;
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      return (data) => (validate(data) ? [] : (validate.errors ?? []).map(toSchemaError));
    } catch {
      // Fall through to the interpreter: a schema Ajv refuses is the server's to report.
    }
  }
  return (data) => interpretSchema(schema, data);
}

function toSchemaError(error: { keyword: string; instancePath: string; params: unknown }): SchemaError {
  return {
    keyword: error.keyword,
    instancePath: error.instancePath,
    params: (error.params ?? {}) as Record<string, unknown>,
  };
}

let compileAllowed: boolean | undefined;

/** Whether the page's Content-Security-Policy lets scripts compile code (`new Function`). */
function canCompileCode(): boolean {
  if (compileAllowed === undefined) {
    try {
      compileAllowed = new Function('return true')() === true;
    } catch {
      compileAllowed = false;
    }
  }
  return compileAllowed;
}

// ---------------------------------------------------------------------------------------------
// A JSON Schema 2020-12 interpreter for the keywords e-service forms use: types, enum and const,
// string lengths, patterns and formats (ajv-formats' own checks), number limits, arrays, objects,
// the combinators, if/then/else, local $ref, and ajv-formats' formatMinimum/formatMaximum. Errors
// come with Ajv's keyword names, paths and params (with allErrors: true).

type Schema = boolean | Record<string, unknown>;

interface Context {
  root: Record<string, unknown>;
  errors: SchemaError[];
}

/** Validate `data` against `schema` without generating code; returns Ajv-shaped errors. */
export function interpretSchema(schema: Record<string, unknown>, data: unknown): SchemaError[] {
  const context: Context = { root: schema, errors: [] };
  check(schema, data, '', context);
  return context.errors;
}

function pointerSegment(key: string | number): string {
  return `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Ajv counts a string's length in Unicode code points, not UTF-16 units. */
function codePointLength(value: string): number {
  return [...value].length;
}

function resolveRef(ref: string, context: Context): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = context.root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'boolean' || (typeof node === 'object' && node !== null)
    ? (node as Schema)
    : undefined;
}

type FormatCheck = { validate?: unknown; compare?: (a: string, b: string) => number | undefined };

function formatOf(name: string): FormatCheck | undefined {
  const format = (fullFormats as Record<string, unknown>)[name];
  if (format === undefined) return undefined;
  if (format instanceof RegExp || typeof format === 'function') return { validate: format };
  if (typeof format === 'object' && format !== null) return format as FormatCheck;
  return undefined;
}

function matchesFormat(name: string, value: string): boolean {
  const format = formatOf(name);
  if (!format) return true; // Ajv with strict: false ignores unknown formats.
  const { validate } = format;
  if (validate instanceof RegExp) return validate.test(value);
  if (typeof validate === 'function') return Boolean((validate as (value: string) => boolean)(value));
  return true;
}

/** Validate without recording: for if, anyOf, oneOf and not. */
function passes(schema: Schema, data: unknown, context: Context): boolean {
  const scratch: Context = { root: context.root, errors: [] };
  check(schema, data, '', scratch);
  return scratch.errors.length === 0;
}

function check(schema: Schema, data: unknown, path: string, context: Context): void {
  if (schema === true) return;
  if (schema === false) {
    context.errors.push({ keyword: 'false schema', instancePath: path, params: {} });
    return;
  }
  const s = schema;
  const fail = (keyword: string, params: Record<string, unknown> = {}) =>
    context.errors.push({ keyword, instancePath: path, params });

  if (typeof s.$ref === 'string') {
    const target = resolveRef(s.$ref, context);
    if (target !== undefined) check(target, data, path, context);
  }

  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    // Keywords for other types do not apply to the value (minLength to a number), as in Ajv.
    if (!types.some((type) => hasType(data, type))) fail('type', { type: types.join(',') });
  }
  if (Array.isArray(s.enum) && !s.enum.some((value) => deepEqual(value, data))) {
    fail('enum', { allowedValues: s.enum });
  }
  if ('const' in s && !deepEqual(s.const, data)) fail('const', { allowedValue: s.const });

  if (typeof data === 'string') checkString(s, data, fail);
  if (typeof data === 'number') checkNumber(s, data, fail);
  if (Array.isArray(data)) checkArray(s, data, path, context, fail);
  if (typeOf(data) === 'object') checkObject(s, data as Record<string, unknown>, path, context, fail);

  if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) check(sub, data, path, context);
  if (Array.isArray(s.anyOf)) {
    const subs = s.anyOf as Schema[];
    if (!subs.some((sub) => passes(sub, data, context))) {
      for (const sub of subs) check(sub, data, path, context);
      fail('anyOf');
    }
  }
  if (Array.isArray(s.oneOf)) {
    const subs = s.oneOf as Schema[];
    const passing = subs.filter((sub) => passes(sub, data, context)).length;
    if (passing === 0) for (const sub of subs) check(sub, data, path, context);
    if (passing !== 1) fail('oneOf', { passingSchemas: null });
  }
  if (s.not !== undefined && passes(s.not as Schema, data, context)) fail('not');
  if (s.if !== undefined) {
    const branch = passes(s.if as Schema, data, context) ? 'then' : 'else';
    const target = s[branch] as Schema | undefined;
    if (target !== undefined) {
      const before = context.errors.length;
      check(target, data, path, context);
      if (context.errors.length > before) fail('if', { failingKeyword: branch });
    }
  }
}

function checkString(
  s: Record<string, unknown>,
  data: string,
  fail: (keyword: string, params?: Record<string, unknown>) => void,
): void {
  const length = codePointLength(data);
  if (typeof s.maxLength === 'number' && length > s.maxLength) fail('maxLength', { limit: s.maxLength });
  if (typeof s.minLength === 'number' && length < s.minLength) fail('minLength', { limit: s.minLength });
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(data)) {
    fail('pattern', { pattern: s.pattern });
  }
  if (typeof s.format === 'string') {
    if (!matchesFormat(s.format, data)) {
      fail('format', { format: s.format });
      return;
    }
    const compare = formatOf(s.format)?.compare;
    if (!compare) return;
    const limits: [string, (order: number) => boolean, string][] = [
      ['formatMaximum', (order) => order <= 0, '<='],
      ['formatMinimum', (order) => order >= 0, '>='],
      ['formatExclusiveMaximum', (order) => order < 0, '<'],
      ['formatExclusiveMinimum', (order) => order > 0, '>'],
    ];
    for (const [keyword, holds, comparison] of limits) {
      const limit = s[keyword];
      if (typeof limit !== 'string') continue;
      const order = compare(data, limit);
      if (order !== undefined && !holds(order)) fail(keyword, { comparison, limit });
    }
  }
}

function checkNumber(
  s: Record<string, unknown>,
  data: number,
  fail: (keyword: string, params?: Record<string, unknown>) => void,
): void {
  if (typeof s.maximum === 'number' && data > s.maximum)
    fail('maximum', { comparison: '<=', limit: s.maximum });
  if (typeof s.minimum === 'number' && data < s.minimum)
    fail('minimum', { comparison: '>=', limit: s.minimum });
  if (typeof s.exclusiveMaximum === 'number' && data >= s.exclusiveMaximum) {
    fail('exclusiveMaximum', { comparison: '<', limit: s.exclusiveMaximum });
  }
  if (typeof s.exclusiveMinimum === 'number' && data <= s.exclusiveMinimum) {
    fail('exclusiveMinimum', { comparison: '>', limit: s.exclusiveMinimum });
  }
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0) {
    const quotient = data / s.multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) fail('multipleOf', { multipleOf: s.multipleOf });
  }
}

function checkArray(
  s: Record<string, unknown>,
  data: unknown[],
  path: string,
  context: Context,
  fail: (keyword: string, params?: Record<string, unknown>) => void,
): void {
  if (typeof s.maxItems === 'number' && data.length > s.maxItems) fail('maxItems', { limit: s.maxItems });
  if (typeof s.minItems === 'number' && data.length < s.minItems) fail('minItems', { limit: s.minItems });
  if (s.uniqueItems === true) {
    for (let j = data.length - 1; j > 0; j--) {
      const i = data.findIndex((item, index) => index < j && deepEqual(item, data[j]));
      if (i >= 0) {
        fail('uniqueItems', { i, j });
        break;
      }
    }
  }
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as Schema[]) : [];
  data.forEach((item, index) => {
    const itemSchema = index < prefix.length ? prefix[index] : (s.items as Schema | undefined);
    if (itemSchema !== undefined) check(itemSchema, item, `${path}${pointerSegment(index)}`, context);
  });
  if (s.contains !== undefined) {
    const count = data.filter((item) => passes(s.contains as Schema, item, context)).length;
    const min = typeof s.minContains === 'number' ? s.minContains : 1;
    if (count < min) fail('contains', { minContains: min });
  }
}

function checkObject(
  s: Record<string, unknown>,
  data: Record<string, unknown>,
  path: string,
  context: Context,
  fail: (keyword: string, params?: Record<string, unknown>) => void,
): void {
  if (Array.isArray(s.required)) {
    for (const name of s.required as string[]) {
      if (!(name in data)) fail('required', { missingProperty: name });
    }
  }
  const keys = Object.keys(data);
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
    fail('maxProperties', { limit: s.maxProperties });
  }
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
    fail('minProperties', { limit: s.minProperties });
  }
  if (typeof s.dependentRequired === 'object' && s.dependentRequired !== null) {
    for (const [name, needed] of Object.entries(s.dependentRequired as Record<string, string[]>)) {
      if (!(name in data)) continue;
      for (const other of needed) {
        if (!(other in data)) {
          fail('dependentRequired', {
            property: name,
            missingProperty: other,
            depsCount: needed.length,
            deps: needed.join(', '),
          });
        }
      }
    }
  }
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>).map(
    ([pattern, sub]) => [new RegExp(pattern, 'u'), sub] as const,
  );
  for (const key of keys) {
    const childPath = `${path}${pointerSegment(key)}`;
    let known = false;
    if (key in properties) {
      known = true;
      check(properties[key] as Schema, data[key], childPath, context);
    }
    for (const [pattern, sub] of patterns) {
      if (!pattern.test(key)) continue;
      known = true;
      check(sub, data[key], childPath, context);
    }
    if (known || s.additionalProperties === undefined) continue;
    if (s.additionalProperties === false) fail('additionalProperties', { additionalProperty: key });
    else check(s.additionalProperties as Schema, data[key], childPath, context);
  }
}
