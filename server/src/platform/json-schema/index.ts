import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FieldErrorDetail } from '../http/errors.ts';

/**
 * JSON Schema 2020-12 validation for data whose shape is itself data (e-service forms, task
 * forms), with Ajv. The browser checks the same schema with @cfworker/json-schema (Ajv's compiled
 * code is forbidden there by our Content-Security-Policy), with ajv-formats' format checks and its
 * errors told as Ajv tells them (web/src/modules/services/form/schema-validator.ts, tested against
 * Ajv), so a field judged valid in the browser is valid here. Compiled validators are kept by
 * schema text: a published form never changes.
 */
// strictRequired is off: a conditional `then: { required: [...] }` names properties defined at the top.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema (throws with Ajv's message when the schema itself is invalid). */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/**
 * Validates data against a schema; the errors name each field as `<prefix>.<property path>`
 * (e.g. `body.data.startDate`), a missing required property by its own name.
 */
export function validateAgainst(
  schema: Record<string, unknown>,
  data: unknown,
  prefix: string,
): FieldErrorDetail[] {
  const validate = compileSchema(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => {
    const pointer = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'required') pointer.push(String(error.params.missingProperty));
    if (error.keyword === 'additionalProperties') pointer.push(String(error.params.additionalProperty));
    return { path: [prefix, ...pointer].join('.'), message: error.message ?? error.keyword };
  });
}
