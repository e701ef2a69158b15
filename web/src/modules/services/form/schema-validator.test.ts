import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { firstErrorByField } from './form-model.ts';
import { compileValidator, type SchemaError } from './schema-validator.ts';

// The browser checks forms with @cfworker/json-schema (the Content-Security-Policy forbids Ajv's
// compiled code), the server with Ajv: for the schemas forms are made of, the browser must find the
// same errors (keyword, path, params) as Ajv, and so show each field the error the server would.

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

const viaBrowser = (schema: Record<string, unknown>, data: unknown) => compileValidator(schema)(data);
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
  /** Delivery by e-mail or by post (allmän handling), with if/then/else. */
  request: {
    type: 'object',
    properties: {
      delivery: { type: 'string', enum: ['email', 'post'] },
      email: { type: 'string', format: 'email', maxLength: 254 },
      postalAddress: { type: 'string', minLength: 1, maxLength: 300 },
      pages: { type: ['integer', 'null'], minimum: 0 },
    },
    required: ['delivery'],
    additionalProperties: false,
    if: { properties: { delivery: { const: 'email' } }, required: ['delivery'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then
    then: { properties: { email: true }, required: ['email'] },
    else: { properties: { postalAddress: true }, required: ['postalAddress'] },
  },
  /** Objects inside objects and arrays, dates with limits, ids, and a $ref. */
  nested: {
    $defs: { code: { type: 'string', pattern: '^[A-Z0-9-]{4,20}$' } },
    type: 'object',
    properties: {
      applicant: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1 },
          address: {
            type: 'object',
            properties: {
              street: { type: 'string' },
              postcode: { type: 'string', pattern: '^[0-9]{3} ?[0-9]{2}$' },
            },
            required: ['street', 'postcode'],
          },
        },
        required: ['name', 'address'],
      },
      rows: {
        type: 'array',
        items: {
          type: 'object',
          properties: { order: { $ref: '#/$defs/code' }, amount: { type: 'number', exclusiveMinimum: 0 } },
          required: ['order', 'amount'],
        },
        uniqueItems: true,
      },
      tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      from: {
        type: 'string',
        format: 'date',
        formatMinimum: '2026-01-01',
        formatExclusiveMaximum: '2027-01-01',
      },
      propertyId: { type: 'string', format: 'uuid' },
      'a/b~c d%': { type: 'string' },
    },
    additionalProperties: { type: 'number' },
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
  ['request', { delivery: 'email' }],
  ['request', { delivery: 'post', email: 'elin@example', pages: 1.5 }],
  ['request', { delivery: 'post', postalAddress: 'Storgatan 1', pages: null }],
  ['request', { delivery: 'fax', email: 'elin@kommun.se', postalAddress: '' }],
  ['nested', { applicant: {}, rows: [{}], from: '2025-12-31' }],
  ['nested', { applicant: { name: '', address: { street: 'Storgatan 1' } }, from: '2027-01-01' }],
  [
    'nested',
    {
      applicant: { name: 'Elin', address: { street: 'Storgatan 1', postcode: '41' } },
      rows: [
        { order: 'AB-12', amount: 10 },
        { order: 'ab', amount: 0 },
        { order: 'AB-12', amount: 10 },
      ],
      tags: ['a', 'b', 'a', 'b', 'a'],
      from: '2026-02-30',
      propertyId: 'urn:uuid:0195c3a1-0000-7000-8000-000000000001',
      'a/b~c d%': 1,
      extra: 'x',
    },
  ],
  ['nested', { from: '2026-13-01', propertyId: '0195c3a1-0000-7000-8000', tags: [1, 1] }],
  ['nested', { from: '2026-06-01', propertyId: '0195C3A1-0000-7000-8000-000000000001', extra: 2 }],
];

describe('compileValidator', () => {
  it.each(samples.map(([name, data], index) => [index, name, data] as const))(
    'finds what Ajv finds (sample %i, %s)',
    (_index, name, data) => {
      const schema = schemas[name] ?? {};
      const browser = viaBrowser(schema, data);
      const server = viaAjv(schema, data);
      expect(sorted(browser)).toEqual(sorted(server));
      // …and each field shows the same error first.
      const fields = new Set([...Object.keys((schema.properties ?? {}) as object), 'extra']);
      expect(firstErrorByField(browser, fields)).toEqual(firstErrorByField(server, fields));
    },
  );

  it('passes valid data', () => {
    expect(viaBrowser(schemas.fault ?? {}, samples[8]?.[1])).toEqual([]);
    expect(viaBrowser(schemas.request ?? {}, samples[12]?.[1])).toEqual([]);
  });

  it('follows local $ref and counts characters, not UTF-16 units', () => {
    const schema = {
      $defs: { short: { type: 'string', maxLength: 2 } },
      type: 'object',
      properties: { name: { $ref: '#/$defs/short' } },
    };
    expect(viaBrowser(schema, { name: '😀😀' })).toEqual([]);
    expect(viaBrowser(schema, { name: 'abc' })).toEqual([
      { keyword: 'maxLength', instancePath: '/name', params: { limit: 2 } },
    ]);
  });

  it('names a missing property at the object that lacks it, as Ajv does', () => {
    const schema = schemas.nested ?? {};
    expect(viaBrowser(schema, { applicant: { name: 'Elin', address: {} } })).toEqual([
      { keyword: 'required', instancePath: '/applicant/address', params: { missingProperty: 'street' } },
      { keyword: 'required', instancePath: '/applicant/address', params: { missingProperty: 'postcode' } },
    ]);
  });

  it('judges formats with the checks of the server (ajv-formats), not those of @cfworker', () => {
    const schema = { type: 'object', properties: { email: { format: 'email' }, id: { format: 'uuid' } } };
    // @cfworker alone takes an address without a dot in the domain and refuses the urn: prefix.
    expect(
      viaBrowser(schema, { email: 'elin@example', id: 'urn:uuid:0195c3a1-0000-7000-8000-000000000001' }),
    ).toEqual([{ keyword: 'format', instancePath: '/email', params: { format: 'email' } }]);
  });

  it('checks nothing when the schema cannot be read, leaving it to the server', () => {
    expect(viaBrowser({ properties: { a: { $ref: '#/$defs/missing' } } }, { a: 1 })).toEqual([]);
  });
});
