import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { interpretSchema, type SchemaError } from './schema-validator.ts';

// The interpreter stands in for Ajv where the Content-Security-Policy forbids compiled code: for
// the keywords forms use it must find the same errors (keyword, path, params) as Ajv itself.

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);

function viaAjv(schema: Record<string, unknown>, data: unknown): SchemaError[] {
  const validate = ajv.compile(schema);
  validate(data);
  return (validate.errors ?? []).map(({ keyword, instancePath, params }) => ({
    keyword,
    instancePath,
    params,
  }));
}

const key = (error: SchemaError) => `${error.keyword} ${error.instancePath} ${JSON.stringify(error.params)}`;
const sorted = (errors: SchemaError[]) => errors.map(key).sort();

const id = { type: 'string', format: 'uuid', maxLength: 36 };
/** Shaped like the demo forms (förskoleplats, felanmälan, allmän handling, bygglov). */
const schemas: Record<string, Record<string, unknown>> = {
  preschool: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      childId: id,
      preschools: {
        type: 'array',
        items: { type: 'string', enum: ['ekbacken', 'kvarnbyn', 'solrosen'] },
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
      },
      startDate: { type: 'string', format: 'date', maxLength: 10 },
      reason: { type: 'string', enum: ['work', 'study', 'jobSeeking'] },
      hoursPerWeek: { type: 'integer', minimum: 1, maximum: 60 },
      message: { type: 'string', maxLength: 20 },
      email: { type: 'string', format: 'email', maxLength: 254 },
      phone: { type: 'string', pattern: '^\\+?[0-9][0-9 ()-]{5,19}$', maxLength: 20 },
    },
    required: ['childId', 'preschools', 'startDate', 'reason', 'email'],
    additionalProperties: false,
    allOf: [
      {
        if: { properties: { reason: { enum: ['work', 'study'] } }, required: ['reason'] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then
        then: { properties: { hoursPerWeek: true }, required: ['hoursPerWeek'] },
      },
    ],
  },
  fault: {
    type: 'object',
    properties: {
      category: { type: 'string', enum: ['pothole', 'other'] },
      place: {
        type: 'object',
        properties: {
          description: { type: 'string', minLength: 1, maxLength: 300 },
          easting: { type: 'number', minimum: 250000, maximum: 930000 },
          northing: { type: 'number', minimum: 6100000, maximum: 7700000 },
        },
        required: ['description'],
        dependentRequired: { easting: ['northing'], northing: ['easting'] },
        additionalProperties: false,
      },
      description: { type: 'string', minLength: 1, maxLength: 2000 },
      photos: { type: 'array', items: id, minItems: 0, maxItems: 3, uniqueItems: true },
      area: { type: 'number', exclusiveMinimum: 0, maximum: 100000 },
      consent: { type: 'boolean', const: true },
    },
    required: ['category', 'place', 'description'],
    additionalProperties: false,
  },
};

const samples: [string, unknown][] = [
  ['preschool', {}],
  ['preschool', { childId: 'nope', preschools: [], startDate: '2026-02-30', reason: 'work', email: 'a@' }],
  [
    'preschool',
    {
      childId: '0195c3a1-0000-7000-8000-000000000001',
      preschools: ['solrosen', 'solrosen', 'kvarnbyn', 'ekbacken'],
      startDate: '2026-08-17',
      reason: 'study',
      hoursPerWeek: 61.5,
      message: 'åäö åäö åäö åäö åäö åäö',
      email: 'elin@example.se',
      phone: 'ring mig',
      extra: 1,
    },
  ],
  [
    'preschool',
    {
      childId: '0195c3a1-0000-7000-8000-000000000001',
      preschools: ['solrosen'],
      startDate: '2026-08-17',
      reason: 'jobSeeking',
      email: 'elin@example.se',
      phone: '070-123 45 67',
    },
  ],
  ['preschool', { reason: 'work', hoursPerWeek: '12' }],
  ['fault', { category: 'bridge', place: { easting: 320000 }, description: '', photos: ['x'], area: 0 }],
  ['fault', { category: 'pothole', place: 'Storgatan', description: 'Hål', consent: false }],
  ['fault', { category: 'pothole', place: { description: 'Storgatan 1', northing: 1, easting: 'x', z: 2 } }],
  [
    'fault',
    { category: 'other', place: { description: 'Torget' }, description: 'Trasig bänk', consent: true },
  ],
  ['fault', []],
];

describe('interpretSchema', () => {
  it.each(samples.map(([name, data], index) => [index, name, data] as const))(
    'finds what Ajv finds (sample %i, %s)',
    (_index, name, data) => {
      const schema = schemas[name] ?? {};
      expect(sorted(interpretSchema(schema, data))).toEqual(sorted(viaAjv(schema, data)));
    },
  );

  it('passes valid data', () => {
    expect(interpretSchema(schemas.fault ?? {}, samples[8]?.[1])).toEqual([]);
  });

  it('follows local $ref and counts characters, not UTF-16 units', () => {
    const schema = {
      $defs: { short: { type: 'string', maxLength: 2 } },
      type: 'object',
      properties: { name: { $ref: '#/$defs/short' } },
    };
    expect(interpretSchema(schema, { name: '😀😀' })).toEqual([]);
    expect(sorted(interpretSchema(schema, { name: 'abc' }))).toEqual(sorted(viaAjv(schema, { name: 'abc' })));
  });
});
