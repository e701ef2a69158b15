import { useMemo } from 'react';
import { compileValidator, type Validate } from './schema-validator.ts';

/** The form's schema prepared for checking, once per schema (a published version never changes). */
export function useValidator(schema: Record<string, unknown>): Validate {
  const key = JSON.stringify(schema);
  // A copy: preparing the schema marks its objects (non-enumerable) with their resolved URIs.
  return useMemo(() => compileValidator(JSON.parse(key) as Record<string, unknown>), [key]);
}
