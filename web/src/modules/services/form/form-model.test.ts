import type { FormDefinition, FormField } from '@karna/contracts';
import { describe, expect, it } from 'vitest';
import { servicesEn, servicesSv } from '../services.messages.ts';
import { friendlyMessage } from './error-messages.ts';
import {
  answersToSend,
  fieldOfError,
  fieldOfServerPath,
  firstErrorByField,
  innerPathOfError,
  isFieldVisible,
} from './form-model.ts';
import { compileValidator } from './schema-validator.ts';
import { swerefFromWgs84 } from './sweref.ts';

const label = { sv: 'Fråga', en: 'Question' };
const field = (name: string, widget: FormField['widget'], extra: Partial<FormField> = {}): FormField => ({
  name,
  widget,
  label,
  ...extra,
});

const form: FormDefinition = {
  schema: {
    type: 'object',
    properties: {
      reason: { type: 'string', enum: ['work', 'other'] },
      hours: { type: 'integer', minimum: 1 },
      email: { type: 'string', format: 'email' },
      place: {
        type: 'object',
        properties: { description: { type: 'string', minLength: 1 } },
        required: ['description'],
      },
    },
    required: ['reason', 'email', 'place'],
    allOf: [
      {
        if: { properties: { reason: { enum: ['work'] } }, required: ['reason'] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then
        then: { required: ['hours'] },
      },
    ],
  },
  steps: [
    {
      id: 'one',
      title: label,
      fields: [
        field('reason', 'radio'),
        field('hours', 'number', { visibleWhen: { field: 'reason', in: ['work'] } }),
        field('email', 'email'),
      ],
    },
    { id: 'two', title: label, fields: [field('place', 'place')] },
  ],
};

describe('the form model', () => {
  it('shows a field only while the field it depends on holds one of its values', () => {
    const hours = form.steps[0]?.fields[1] as FormField;
    expect(isFieldVisible(hours, { reason: 'work' })).toBe(true);
    expect(isFieldVisible(hours, { reason: 'other' })).toBe(false);
    expect(isFieldVisible(hours, {})).toBe(false);
  });

  it('sends neither empty answers nor answers to hidden questions, and trims text', () => {
    expect(
      answersToSend(form, {
        reason: 'other',
        hours: 12,
        email: '  elin@example.se ',
        place: { description: '   ' },
        unknown: 'x',
      }),
    ).toEqual({ reason: 'other', email: 'elin@example.se' });
  });

  it('names the field of each error, also of a missing one and of one inside an object', () => {
    const errors = compileValidator(form.schema)(
      answersToSend(form, { reason: 'work', place: { description: '' } }),
    );
    const byField = firstErrorByField(errors, new Set(['reason', 'hours', 'email', 'place']));
    expect([...byField.keys()].sort()).toEqual(['email', 'hours', 'place']);
    expect(byField.get('hours')?.keyword).toBe('required');
    expect(fieldOfError({ keyword: 'minLength', instancePath: '/place/description', params: {} })).toBe(
      'place',
    );
    expect(
      innerPathOfError({ keyword: 'required', instancePath: '/place', params: { missingProperty: 'x' } }),
    ).toBe('/x');
    expect(fieldOfServerPath('body.data.email')).toBe('email');
    expect(fieldOfServerPath('body.data.place.description')).toBe('place');
    expect(fieldOfServerPath('body.idempotencyKey')).toBeNull();
  });

  it('says what to do in plain words, in both languages', () => {
    const email = field('email', 'email');
    const formatError = { keyword: 'format', instancePath: '/email', params: { format: 'email' } };
    expect(friendlyMessage(formatError, email, servicesSv.errors, 'sv-SE')).toBe(
      'Skriv e-postadressen som namn@exempel.se.',
    );
    expect(friendlyMessage(formatError, email, servicesEn.errors, 'en-GB')).toBe(
      'Write the email address as name@example.com.',
    );
    const missing = { keyword: 'required', instancePath: '', params: { missingProperty: 'reason' } };
    expect(friendlyMessage(missing, field('reason', 'radio'), servicesSv.errors, 'sv-SE')).toBe(
      'Välj ett alternativ.',
    );
    expect(friendlyMessage(missing, field('hours', 'number'), servicesSv.errors, 'sv-SE')).toBe(
      'Fyll i ett svar.',
    );
    expect(
      friendlyMessage(
        { keyword: 'type', instancePath: '/hours', params: { type: 'integer' } },
        field('hours', 'number'),
        servicesSv.errors,
        'sv-SE',
      ),
    ).toBe('Skriv ett heltal, utan decimaler.');
    expect(
      friendlyMessage(
        { keyword: 'maximum', instancePath: '/area', params: { limit: 100000 } },
        field('area', 'number'),
        servicesSv.errors,
        'sv-SE',
      ),
    ).toBe('Skriv 100\u00a0000 eller mindre.');
    expect(
      friendlyMessage(
        { keyword: 'maxItems', instancePath: '/photos', params: { limit: 3 } },
        field('photos', 'attachment'),
        servicesSv.errors,
        'sv-SE',
      ),
    ).toBe('Ladda upp högst 3 filer.');
  });
});

describe('swerefFromWgs84', () => {
  // Reference values from proj4 (EPSG:3006 as the registry module defines it).
  it.each([
    [59.3293, 18.0686, 6580743.008, 674571.866],
    [57.7089, 11.9746, 6400326.036, 319758.02],
    [67.8558, 20.2253, 7536069.97, 719583.123],
    [55.605, 13.0038, 6163926.553, 374243.759],
    [63.8258, 20.263, 7088280.798, 758803.435],
  ])('agrees with proj4 at %f, %f', (latitude, longitude, northing, easting) => {
    const point = swerefFromWgs84(latitude, longitude);
    expect(Math.abs(point.northing - northing)).toBeLessThan(0.01);
    expect(Math.abs(point.easting - easting)).toBeLessThan(0.01);
  });
});
