import {
  deepCompareStrict,
  dereference,
  format,
  type OutputUnit,
  type Schema,
  Validator,
} from '@cfworker/json-schema';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * One failure of a value against a JSON Schema, shaped like Ajv's `ErrorObject` (the fields we use):
 * the server checks every submission again with Ajv, and one mapping to friendly texts serves both.
 */
export interface SchemaError {
  keyword: string;
  /** JSON Pointer to the failing value, e.g. `/email` or `/place/description`; `` for the root. */
  instancePath: string;
  params: Record<string, unknown>;
}

/** Checks a form's data against its schema, every error at once. */
export type Validate = (data: unknown) => SchemaError[];

type Node = Record<string, unknown>;
type FormatDefinition = { validate?: unknown; compare?: (a: string, b: string) => number | undefined };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function formatDefinition(name: unknown): FormatDefinition | undefined {
  const definition = (fullFormats as Record<string, unknown>)[String(name)];
  if (definition instanceof RegExp || typeof definition === 'function') return { validate: definition };
  return isNode(definition) ? (definition as FormatDefinition) : undefined;
}

// @cfworker reads formats from this exported table. ajv-formats' checks (plain regular expressions
// and functions, no generated code) take the place of its own for every string format, so that
// `elin@example` or `urn:uuid:…` is judged here as the server's Ajv judges it.
for (const name of Object.keys(fullFormats)) {
  const definition = formatDefinition(name);
  if ((definition as { type?: string } | undefined)?.type === 'number') continue;
  const check = definition?.validate;
  if (check instanceof RegExp) format[name] = (value) => check.test(value);
  else if (typeof check === 'function') format[name] = (value) => Boolean(check(value));
}

/**
 * Prepare a form's JSON Schema 2020-12 for checking in the browser. Kärna's Content-Security-Policy
 * (`script-src 'self'`, no `'unsafe-eval'`) forbids the `new Function` Ajv compiles with, so the
 * schema is read by @cfworker/json-schema, which interprets it; its errors are told the way Ajv
 * tells them (see `toAjvErrors`). A schema it cannot read checks nothing here: that is the
 * server's to report, and its 400 errors are shown next to the fields too.
 */
export function compileValidator(schema: Record<string, unknown>): Validate {
  let validator: Validator;
  let lookup: Record<string, Schema | boolean>;
  try {
    validator = new Validator(schema as Schema, '2020-12', false);
    lookup = dereference(schema as Schema);
  } catch {
    return () => [];
  }
  return (data) => {
    try {
      const { errors } = validator.validate(data);
      return [...toAjvErrors(errors, { root: schema, lookup, data }), ...checkFormatLimits(schema, data)];
    } catch {
      return []; // An unresolved $ref, found only while validating.
    }
  };
}

interface Context {
  root: Node;
  lookup: Record<string, Schema | boolean>;
  data: unknown;
}

/**
 * @cfworker reports a wrapper error for each applicator whose sub-schema failed (`properties`,
 * `items`, `allOf`, `$ref`, …) before the failures themselves; Ajv reports only the failures.
 */
const wrappers = new Set([
  '$ref',
  '$recursiveRef',
  'allOf',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'prefixItems',
  'items',
  'additionalItems',
  'unevaluatedItems',
  'propertyNames',
  'dependentSchemas',
]);

const comparisons: Record<string, string> = {
  maximum: '<=',
  minimum: '>=',
  exclusiveMaximum: '<',
  exclusiveMinimum: '>',
};
const limits = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);

/** The segments of a location (`#/a/b%20c`), percent-decoded but still JSON Pointer-escaped. */
function segmentsOf(location: string): string[] {
  return location.split('/').slice(1).map(decodeURIComponent);
}

const unescapeSegment = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** The schema holding the keyword at `keywordLocation`, following `$ref`s as @cfworker did. */
function schemaAt(keywordLocation: string, context: Context): Node | undefined {
  let node: unknown = context.root;
  for (const segment of segmentsOf(keywordLocation).slice(0, -1)) {
    if (!isNode(node) && !Array.isArray(node)) return undefined;
    node =
      segment === '$ref' && isNode(node)
        ? context.lookup[String(node.__absolute_ref__ ?? node.$ref)]
        : (node as Node)[unescapeSegment(segment)];
  }
  return isNode(node) ? node : undefined;
}

function instanceAt(instanceLocation: string, data: unknown): unknown {
  return segmentsOf(instanceLocation).reduce<unknown>(
    (value, segment) =>
      isNode(value) || Array.isArray(value) ? (value as Node)[unescapeSegment(segment)] : undefined,
    data,
  );
}

const has = (value: unknown, key: string) => isNode(value) && Object.hasOwn(value, key);

/**
 * The pair of equal items Ajv names. It scans from the end: items of a declared scalar type by
 * value (the lower index first), others pairwise (the higher first), and skips items of another type.
 */
function duplicatePair(items: unknown[], itemSchema: unknown): Node | undefined {
  const types = [isNode(itemSchema) ? (itemSchema.type ?? []) : []].flat() as string[];
  const isByValue = types.length > 0 && !types.some((type) => type === 'object' || type === 'array');
  const isOfType = (item: unknown) =>
    types.some((type) =>
      type === 'integer' ? Number.isInteger(item) : type === 'null' ? item === null : typeof item === type,
    );
  for (let i = items.length - 1; i >= 0; i--) {
    if (isByValue) {
      if (!isOfType(items[i])) continue;
      for (let j = i + 1; j < items.length; j++) if (items[j] === items[i]) return { i, j };
    } else {
      for (let j = i - 1; j >= 0; j--) if (deepCompareStrict(items[i], items[j])) return { i, j };
    }
  }
  return undefined;
}

/**
 * Ajv's params for one @cfworker error, one set per Ajv error: @cfworker reports each missing
 * property too, but without its name, so `required` and `dependentRequired` are worked out from the
 * schema and the data (once per location, see `toAjvErrors`).
 */
function paramsOf(unit: OutputUnit, schema: Node, context: Context): Node[] {
  const { keyword } = unit;
  const value = schema[keyword];
  const instance = () => instanceAt(unit.instanceLocation, context.data);
  if (limits.has(keyword)) return [{ limit: value }];
  if (keyword in comparisons) return [{ comparison: comparisons[keyword], limit: value }];
  switch (keyword) {
    case 'type':
      return [{ type: value }];
    case 'enum':
      return [{ allowedValues: value }];
    case 'const':
      return [{ allowedValue: value }];
    case 'pattern':
    case 'format':
    case 'multipleOf':
      return [{ [keyword]: value }];
    case 'required':
      return (value as string[])
        .filter((name) => !has(instance(), name))
        .map((missingProperty) => ({ missingProperty }));
    case 'dependentRequired':
      return Object.entries(value as Record<string, string[]>)
        .filter(([property]) => has(instance(), property))
        .flatMap(([property, deps]) =>
          deps
            .filter((name) => !has(instance(), name))
            .map((missingProperty) => ({
              property,
              missingProperty,
              depsCount: deps.length,
              deps: deps.join(', '),
            })),
        );
    case 'uniqueItems': {
      // No pair when the equal items are all of another type: Ajv skips those (the type errors say it).
      const pair = duplicatePair(instance() as unknown[], schema.items);
      return pair ? [pair] : [];
    }
    case 'contains':
      return [{ minContains: schema.minContains ?? 1 }];
    case 'oneOf':
      // Ajv names the passing branches when more than one passes; forms do not use oneOf.
      return [{ passingSchemas: null }];
    default:
      return [{}];
  }
}

/**
 * @cfworker's errors as Ajv (allErrors: true) reports them: keyword, JSON Pointer and params, the
 * wrappers left out, in Ajv's order where forms can tell (each field shows its first error).
 */
function toAjvErrors(units: OutputUnit[], context: Context): SchemaError[] {
  const errors: SchemaError[] = [];
  const seen = new Set<string>();
  // Where each object's `properties` errors begin: Ajv reports unknown properties before them.
  const propertiesStart = new Map<string, number>();
  for (let index = 0; index < units.length; index++) {
    const unit = units[index] as OutputUnit;
    const next = units[index + 1];
    const instancePath = decodeURIComponent(unit.instanceLocation.slice(1));
    // A `false` schema's error carries no schema location of its own. After `additionalProperties:
    // false` its wrapper has taken it (below); anywhere else it is Ajv's `false schema`.
    if (unit.keyword === 'false') {
      errors.push({ keyword: 'false schema', instancePath, params: {} });
      continue;
    }
    const schema = schemaAt(unit.keywordLocation, context);
    if (!schema) continue;
    const object = `${unit.keywordLocation.slice(0, unit.keywordLocation.lastIndexOf('/'))} ${unit.instanceLocation}`;
    if (unit.keyword === 'properties' || unit.keyword === 'patternProperties') {
      if (!propertiesStart.has(object)) propertiesStart.set(object, errors.length);
    }
    if (isClosedObjectError(unit, schema, next)) {
      index++;
      const name = unit.keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty';
      const key = unescapeSegment(segmentsOf(next?.instanceLocation ?? '').at(-1) ?? '');
      const at = propertiesStart.get(object) ?? errors.length;
      errors.splice(at, 0, { keyword: unit.keyword, instancePath, params: { [name]: key } });
      if (propertiesStart.has(object)) propertiesStart.set(object, at + 1);
      continue;
    }
    if (wrappers.has(unit.keyword)) continue;
    if (unit.keyword === 'if') {
      // Ajv names the branch that failed; the errors that follow are that branch's.
      const elseLocation = `${unit.keywordLocation.slice(0, -'/if'.length)}/else`;
      const failingKeyword = next?.keywordLocation.startsWith(elseLocation) ? 'else' : 'then';
      errors.push({ keyword: 'if', instancePath, params: { failingKeyword } });
      continue;
    }
    // @cfworker reports each missing property of one `required` as an error of its own; all of
    // them are named at the first.
    const at = `${unit.keywordLocation} ${unit.instanceLocation}`;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const params of paramsOf(unit, schema, context)) {
      errors.push({ keyword: unit.keyword, instancePath, params });
    }
  }
  return errors;
}

/** `additionalProperties: false` (or unevaluated…) refusing a property: the next error is its `false`. */
function isClosedObjectError(unit: OutputUnit, schema: Node, next: OutputUnit | undefined): boolean {
  const isPropertiesKeyword =
    unit.keyword === 'additionalProperties' || unit.keyword === 'unevaluatedProperties';
  return isPropertiesKeyword && schema[unit.keyword] === false && next?.keyword === 'false';
}

const formatLimits: [keyword: string, comparison: string, holds: (order: number) => boolean][] = [
  ['formatMaximum', '<=', (order) => order <= 0],
  ['formatMinimum', '>=', (order) => order >= 0],
  ['formatExclusiveMaximum', '<', (order) => order < 0],
  ['formatExclusiveMinimum', '>', (order) => order > 0],
];

/**
 * ajv-formats' formatMinimum, formatMaximum and their exclusive forms (the earliest and latest
 * date a date field takes), which @cfworker does not know. They are checked on each field's own
 * schema (`properties.<field>`), where the date field reads its `min` and `max` too, with the same
 * comparison (ajv-formats' `compare`) as the server.
 */
function checkFormatLimits(schema: Node, data: unknown): SchemaError[] {
  if (!isNode(schema.properties) || !isNode(data)) return [];
  return Object.entries(schema.properties).flatMap(([name, property]) => {
    const value = data[name];
    const compare = isNode(property) ? formatDefinition(property.format)?.compare : undefined;
    if (!isNode(property) || typeof value !== 'string' || !compare) return [];
    return formatLimits.flatMap(([keyword, comparison, holds]) => {
      const limit = property[keyword];
      if (typeof limit !== 'string') return [];
      const order = compare(value, limit);
      const instancePath = `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return order === undefined || holds(order)
        ? []
        : [{ keyword, instancePath, params: { comparison, limit } }];
    });
  });
}
