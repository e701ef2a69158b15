import fc from 'fast-check';

/** The part of JSON Schema (as the OpenAPI document spells it) the generators understand. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

/** Strings that have broken web services somewhere: they must get a 4xx here, or be handled. */
const HOSTILE_SEEDS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  '\r\nSet-Cookie: karna_session=x',
  '\ud800',
  'x\udfffy',
  '\u202Egnp.exe',
  'abc\u2066def\u2069',
  '\ufeff',
  '\u200b',
  '😀👩‍👩‍👧',
  'ÅÄÖåäö',
  'ǅ̈́',
  "' OR '1'='1",
  "'; drop table users; --",
  '" OR ""="',
  '\\',
  '%00',
  '%',
  '%zz',
  '%2e%2e%2f',
  '../../../etc/passwd',
  '..\\..\\windows',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the log4j probe, sent as plain text
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(40),
  '00000000-0000-0000-0000-000000000000',
  '19121212-1212',
  '//evil.example',
  'https://evil.example/',
  'a'.repeat(10_000),
  'ä'.repeat(10_000),
  '\u0000'.repeat(1_000),
];

/** The hostile strings on their own, and inside ordinary text. */
export const hostileFieldValues: string[] = HOSTILE_SEEDS.flatMap((seed) => [seed, `Bygglov ${seed}`]);

/** A few hundred hostile strings: the seeds alone, and wrapped around ordinary text. */
export const hostileStrings: string[] = HOSTILE_SEEDS.flatMap((seed) => [
  seed,
  `Bygglov ${seed}`,
  `${seed}/mina-sidor`,
  `${seed}${seed}`,
  seed.toUpperCase(),
]);

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Any JSON value a client could send where something else was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, true, 0, -1, 1e308, -0.5, [], {}, [null], { __proto__: null }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/**
 * Values for a schema: mostly valid ones (so requests get past validation into the handlers),
 * sometimes hostile ones in their place. `known` adds real ids to pick for uuid fields, so the
 * handlers meet existing records too.
 */
export function arbitraryFor(
  schema: JsonSchema | undefined,
  known: { uuids: string[] },
): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: validFor(schema, known) }, { weight: 1, arbitrary: hostileValue });
}

/** Values for a schema that should pass validation. */
export function validFor(schema: JsonSchema | undefined, known: { uuids: string[] }): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validFor(choice, known)));
  const types = [schema.type ?? 'any'].flat();
  return fc.oneof(...types.map((type) => validOfType(type, schema, known)));
}

function validOfType(type: string, schema: JsonSchema, known: { uuids: string[] }): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, -1_000_000),
        max: Math.min(schema.maximum ?? 1_000_000, 1_000_000),
      });
    case 'number':
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case 'string':
      return validString(schema, known);
    case 'array':
      return fc.array(arbitraryFor(schema.items, known), { maxLength: 5 });
    case 'object':
      return validObject(schema, known);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(schema: JsonSchema, known: { uuids: string[] }): fc.Arbitrary<string> {
  if (schema.format === 'uuid') {
    return known.uuids.length > 0 ? fc.oneof(fc.uuid(), fc.constantFrom(...known.uuids)) : fc.uuid();
  }
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  const maxLength = Math.min(schema.maxLength ?? 100, 300);
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    // fast-check cannot generate from lookaheads: generate without them, keep what the whole matches.
    const generator = new RegExp(
      schema.pattern.replace(/\(\?[=!](?:\\.|\[(?:\\.|[^\]])*\]|[^)])*\)/g, ''),
      'u',
    );
    return fc
      .stringMatching(generator)
      .filter(
        (value) =>
          pattern.test(value) && value.length <= maxLength && value.length >= (schema.minLength ?? 0),
      );
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength });
}

function validObject(schema: JsonSchema, known: { uuids: string[] }): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, arbitraryFor(property, known)]),
  );
  const object = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in shape) });
  // Now and then a property nobody asked for, or a required one left out.
  return fc.oneof(
    { weight: 5, arbitrary: object },
    {
      weight: 1,
      arbitrary: fc
        .tuple(object, fc.constantFrom(...hostileStrings.slice(0, 40)), hostileValue)
        .map(([value, key, extra]) => ({ ...value, [key]: extra })),
    },
    { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
  );
}

/** Every string in a request schema that is free text: it must carry a pattern and a maximum length. */
export function unconstrainedStrings(schema: JsonSchema | undefined, at: string): string[] {
  if (!schema) return [];
  const nested = [
    ...Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
      unconstrainedStrings(property, `${at}.${name}`),
    ),
    ...unconstrainedStrings(schema.items, `${at}[]`),
    ...(schema.anyOf ?? schema.oneOf ?? []).flatMap((choice) => unconstrainedStrings(choice, at)),
  ];
  const isString = [schema.type].flat().includes('string');
  const isConstrained =
    schema.enum !== undefined ||
    schema.const !== undefined ||
    schema.format !== undefined ||
    (schema.pattern !== undefined && schema.maxLength !== undefined);
  return isString && !isConstrained ? [at, ...nested] : nested;
}
