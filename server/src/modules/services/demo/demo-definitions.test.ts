import { readFileSync } from 'node:fs';
import { type CaseType, type FormField, ServiceDefinition, type TaskForm } from '@karna/contracts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { type DemoSample, demoSamples, type FormData } from './demo-samples.ts';
import { type DemoServiceDefinition, demoServiceDefinitions } from './index.ts';

/**
 * Holds every demo e-service to what the platform does with a definition: the contract's schema,
 * a unit of the demo organisation, forms that Ajv compiles in strict mode and that accept realistic
 * data and refuse the rest, and case types whose every status can be reached. Their processes are
 * tested in demo-processes.test.ts.
 */

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);

interface OrgUnitSeed {
  key: string;
  parent: string | null;
  kind: string;
  shortName: string | null;
}
const orgUnits = JSON.parse(
  readFileSync(new URL('../../../../seeds/demo/org-units.json', import.meta.url), 'utf8'),
) as OrgUnitSeed[];

/** The board a unit belongs to: its diarium series is the board's short name. */
function boardOf(key: string): OrgUnitSeed | undefined {
  let unit = orgUnits.find((candidate) => candidate.key === key);
  while (unit && unit.kind !== 'board') unit = orgUnits.find((candidate) => candidate.key === unit?.parent);
  return unit;
}
/** Series of their own, kept by a board apart from its diarium: the board's short name. */
const ownSeries: Record<string, string> = { LF: 'KS' };

type Schema = Record<string, unknown>;
const propertiesOf = (schema: Schema) => (schema.properties ?? {}) as Record<string, Schema>;
const fieldsOf = (definition: DemoServiceDefinition) => definition.form.steps.flatMap((step) => step.fields);

/** Every string subschema, anywhere in the schema, with where it is. */
function stringSchemas(schema: unknown, path = '#'): Array<[string, Schema]> {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: Array<[string, Schema]> = [];
  const node = schema as Schema;
  if (node.type === 'string') found.push([path, node]);
  for (const [key, value] of Object.entries(node)) {
    if (!Array.isArray(value)) found.push(...stringSchemas(value, `${path}/${key}`));
    else
      for (const [index, item] of value.entries())
        found.push(...stringSchemas(item, `${path}/${key}/${index}`));
  }
  return found;
}

/** The checks a form and a task form share: fields and schema properties name each other, options match enums. */
function expectFieldsMatchSchema(schema: Schema, fields: FormField[]): void {
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.type).toBe('object');
  expect(schema.additionalProperties).toBe(false);
  expect(() => ajv.compile(schema)).not.toThrow();
  const properties = propertiesOf(schema);
  const names = fields.map((field) => field.name);
  expect(new Set(names).size, 'field names are unique').toBe(names.length);
  expect([...names].sort()).toEqual(Object.keys(properties).sort());
  for (const name of (schema.required ?? []) as string[]) expect(properties).toHaveProperty(name);
  for (const [path, stringSchema] of stringSchemas(schema)) {
    const bounded =
      'enum' in stringSchema || 'const' in stringSchema || typeof stringSchema.maxLength === 'number';
    expect(bounded, `${path} has a maxLength`).toBe(true);
  }
  for (const field of fields) {
    const property = properties[field.name] ?? {};
    const label = `field ${field.name}`;
    if (field.widget === 'select' || field.widget === 'radio') {
      if (field.prefill) {
        expect(field.options, label).toBeUndefined();
        expect(property.format, label).toBe('uuid');
      } else expect(property.enum, label).toEqual(field.options?.map((option) => option.value));
    }
    if (field.widget === 'rankedChoice') {
      expect(property.type, label).toBe('array');
      expect((property.items as Schema).enum, label).toEqual(field.options?.map((option) => option.value));
      expect(property.uniqueItems, label).toBe(true);
    }
    if (field.widget === 'checkbox') expect(property.type, label).toBe('boolean');
    if (field.widget === 'number') expect(['number', 'integer'], label).toContain(property.type);
    if (field.widget === 'date') expect(property.format, label).toBe('date');
    if (field.widget === 'email') expect(property.format, label).toBe('email');
    if (['text', 'textarea', 'phone'].includes(field.widget)) expect(property.type, label).toBe('string');
    if (field.widget === 'place') {
      expect(property.type, label).toBe('object');
      expect(Object.keys(propertiesOf(property)).sort(), label).toEqual([
        'description',
        'easting',
        'northing',
      ]);
      expect(property.required, label).toEqual(['description']);
    }
    expect(field.widget === 'attachment', `${label} has attachment rules only as an attachment`).toBe(
      field.attachment !== undefined,
    );
    if (field.attachment) {
      expect(property.type, label).toBe('array');
      expect((property.items as Schema).format, label).toBe('uuid');
      expect(property.maxItems, label).toBe(field.attachment.maxFiles);
    }
    if (field.prefill === 'email') expect(property.format, label).toBe('email');
    if (field.prefill === 'phone') expect(field.widget, label).toBe('phone');
    if (field.prefill === 'child' || field.prefill === 'ownProperty') {
      expect(['select', 'radio'], label).toContain(field.widget);
    }
    if (field.visibleWhen) {
      expect(
        (schema.required ?? []) as string[],
        `${label} is hidden at times, so not always required`,
      ).not.toContain(field.name);
      const controller = fields.find((candidate) => candidate.name === field.visibleWhen?.field);
      expect(controller, `${label} depends on a field of the form`).toBeDefined();
      const values = controller?.options?.map((option) => option.value) ?? [true, false];
      for (const value of field.visibleWhen.in) expect(values, label).toContain(value);
    }
  }
}

function expectValid(schema: Schema, data: FormData, what: string): void {
  const validate = ajv.compile(schema);
  expect(validate(data), `${what}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}
function expectInvalid(schema: Schema, data: FormData, what: string): void {
  expect(ajv.compile(schema)(data), what).toBe(false);
}

// ---------------------------------------------------------------------------------------------

describe('the demo e-services', () => {
  it('are the six of issue 12, each with a unique slug and samples', () => {
    const slugs = demoServiceDefinitions.map((definition) => definition.slug);
    expect(slugs).toEqual([
      'forskoleplats',
      'bygglov',
      'parkeringstillstand',
      'felanmalan',
      'allman-handling',
      'leverantorsfaktura',
    ]);
    expect(Object.keys(demoSamples).sort()).toEqual([...slugs].sort());
  });
});

describe.each(demoServiceDefinitions.map((definition) => [definition.slug, definition] as const))(
  'the demo e-service %s',
  (slug, definition) => {
    const sample = demoSamples[slug] as DemoSample;
    const { caseType, process, form } = definition;
    const outcomeCodes = caseType.outcomeTypes.map((outcome) => outcome.code);

    it('is a ServiceDefinition once its unit has an id', () => {
      const { responsibleUnitKey, ...rest } = definition;
      const parsed = ServiceDefinition.safeParse({
        ...rest,
        responsibleOrgUnitId: '0196a1c2-5b7d-7e10-8f21-3a4b5c6d7eff',
      });
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(responsibleUnitKey).toBeTruthy();
    });

    it('belongs to a unit of the demo organisation, under the board whose series it uses', () => {
      const unit = orgUnits.find((candidate) => candidate.key === definition.responsibleUnitKey);
      expect(unit, definition.responsibleUnitKey).toBeDefined();
      expect(boardOf(definition.responsibleUnitKey)?.shortName).toBe(
        ownSeries[caseType.series] ?? caseType.series,
      );
    });

    it('has a form whose fields and JSON Schema match, in Ajv’s strict mode', () => {
      expectFieldsMatchSchema(form.schema, fieldsOf(definition));
      const stepIds = form.steps.map((step) => step.id);
      expect(new Set(stepIds).size).toBe(stepIds.length);
    });

    it('never asks what the register knows, and binds prefill only where the applicant is known', () => {
      const fields = fieldsOf(definition);
      if (definition.audience === 'loginRequired') {
        for (const field of fields)
          expect(field.name).not.toMatch(/personal|givenName|familyName|address|name$/i);
      }
      if (definition.audience !== 'loginRequired') {
        for (const field of fields) expect(['child', 'ownProperty']).not.toContain(field.prefill);
      }
      if (definition.audience === 'staffOnly')
        for (const field of fields) expect(field.prefill).toBeUndefined();
    });

    it('accepts realistic data', () => {
      expect(sample.valid.length).toBeGreaterThan(0);
      for (const [index, data] of sample.valid.entries())
        expectValid(form.schema, data, `valid sample ${index}`);
    });

    it('refuses data it must not accept', () => {
      expect(sample.invalid.length).toBeGreaterThanOrEqual(3);
      for (const [reason, data] of sample.invalid) expectInvalid(form.schema, data, reason);
    });

    it('has officers’ task forms that match their schemas and accept their sample data', () => {
      for (const [id, task] of Object.entries(process.userTasks)) {
        if (!task.form) continue;
        const taskForm: TaskForm = task.form;
        expectFieldsMatchSchema(taskForm.schema, taskForm.fields);
        expect(task.kind, `${id} has a form, so it is a task`).toBe('task');
        expect(sample.tasks, `${id} has sample data`).toHaveProperty(id);
        expectValid(taskForm.schema, sample.tasks[id] ?? {}, `task ${id}`);
      }
      for (const [id, reason, data] of sample.invalidTasks) {
        const schema = process.userTasks[id]?.form?.schema;
        expect(schema, id).toBeDefined();
        expectInvalid(schema ?? {}, data, `task ${id}: ${reason}`);
      }
    });

    it('has a case type whose every status can be reached and whose outcomes say how long records are kept', () => {
      expectCaseType(caseType, process.statusOnEnter);
      for (const outcome of caseType.outcomeTypes) {
        if (outcome.archive === 'preserve') expect(outcome.retentionYears, outcome.code).toBeNull();
        else expect(outcome.retentionYears, outcome.code).toBeGreaterThanOrEqual(1);
      }
      expect(new Set(outcomeCodes).size).toBe(outcomeCodes.length);
    });

    it('decides automatically only by rules on the form’s own fields, with the case type’s outcomes', () => {
      const properties = propertiesOf(form.schema);
      for (const rule of process.autoDecision ?? []) {
        expect(outcomeCodes).toContain(rule.outcome);
        expect(properties).toHaveProperty(rule.when.field);
        const allowed = properties[rule.when.field]?.enum as unknown[] | undefined;
        if (allowed && (rule.when.op === 'equals' || rule.when.op === 'notEquals')) {
          expect(allowed).toContain(rule.when.value);
        }
      }
    });
  },
);

/**
 * The case type's statuses: the initial one is "received"; a decision gives the first "decided"
 * one and the end of the process the first "closed" one (cases.run.ts); every other status is
 * some element's status on entering it. Nothing is left that a case could never show.
 */
function expectCaseType(caseType: CaseType, statusOnEnter: Record<string, string>): void {
  const codes = caseType.statusTypes.map((status) => status.code);
  expect(new Set(codes).size).toBe(codes.length);
  const initial = caseType.statusTypes.find((status) => status.code === caseType.initialStatus);
  expect(initial?.shared).toBe('received');
  const firstOf = (shared: string) => caseType.statusTypes.find((status) => status.shared === shared)?.code;
  expect(firstOf('decided')).toBeDefined();
  expect(firstOf('closed')).toBeDefined();
  const reachable = new Set([
    caseType.initialStatus,
    firstOf('decided'),
    firstOf('closed'),
    ...Object.values(statusOnEnter),
  ]);
  expect(codes.filter((code) => !reachable.has(code))).toEqual([]);
}
