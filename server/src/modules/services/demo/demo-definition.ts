import type { FormField, LocalizedText, ServiceDefinition, StatusType } from '@karna/contracts';

/**
 * A demo e-service as data: a `ServiceDefinition` whose responsible unit is named by its `key` in
 * `server/seeds/demo/org-units.json`; the seed loader puts the unit's id in its place.
 */
export type DemoServiceDefinition = Omit<ServiceDefinition, 'responsibleOrgUnitId'> & {
  responsibleUnitKey: string;
};

/** JSON Schema 2020-12, the dialect every form and task form is written in. */
export const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * A form's (or task form's) JSON Schema: an object of the given properties and nothing else.
 * `extra` holds the conditional rules (`allOf` with `if`/`then`, `dependentRequired`).
 */
export function objectSchema(
  properties: Record<string, Record<string, unknown>>,
  required: string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    $schema: JSON_SCHEMA_2020,
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    ...extra,
  };
}

/**
 * "When `field` holds one of `values`, these are required too" — for fields with `visibleWhen`,
 * which must not be required at the top level. (`then` names its properties again, as `true`,
 * because Ajv's strict mode wants every required property declared beside `required`.)
 */
export function requiredWhen(field: string, values: (string | boolean)[], required: string[]) {
  return {
    if: { properties: { [field]: { enum: values } }, required: [field] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable.
    then: { properties: Object.fromEntries(required.map((name) => [name, true])), required },
  };
}

/** An e-mail address, as wide as RFC 5321 allows. */
export const emailProperty = { type: 'string', format: 'email', maxLength: 254 };
/** A Swedish or international phone number as people write it: "070-123 45 67", "+46 31 390 06 00". */
export const phoneProperty = { type: 'string', pattern: '^\\+?[0-9][0-9 ()-]{5,19}$', maxLength: 20 };
/** A calendar date, `2026-08-17`. */
export const dateProperty = { type: 'string', format: 'date', maxLength: 10 };
/** The id of something the register knows (a child, a property), chosen from the prefill. */
export const idProperty = { type: 'string', format: 'uuid', maxLength: 36 };
/** Ids of uploaded files. */
export function attachmentProperty(minItems: number, maxItems: number) {
  return { type: 'array', items: idProperty, minItems, maxItems, uniqueItems: true };
}

/** The applicant's e-mail, started from what the register knows (B3); they may change it. */
export function contactEmailField(help?: LocalizedText): FormField {
  return {
    name: 'email',
    widget: 'email',
    label: { sv: 'E-postadress', en: 'Email address' },
    help: help ?? {
      sv: 'Vi skickar ett meddelande hit när något händer i ditt ärende. Själva beslutet läser du på Mina sidor.',
      en: 'We send a message here when something happens in your case. You read the decision itself on My pages.',
    },
    prefill: 'email',
  };
}

/** The applicant's phone number, started from what the register knows. */
export function contactPhoneField(): FormField {
  return {
    name: 'phone',
    widget: 'phone',
    label: { sv: 'Telefonnummer (om du vill)', en: 'Phone number (optional)' },
    help: {
      sv: 'Om vi behöver fråga något. Du behöver inte lämna telefonnummer.',
      en: 'In case we need to ask something. You do not have to give a phone number.',
    },
    prefill: 'phone',
  };
}

/** The status every case type ends in: the platform closes the case when its process ends. */
export const closedStatus: StatusType = {
  code: 'closed',
  label: { sv: 'Avslutat', en: 'Closed' },
  shared: 'closed',
};
