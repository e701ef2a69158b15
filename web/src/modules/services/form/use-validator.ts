import { useEffect, useState } from 'react';
import { compileValidator, type Validate } from './schema-validator.ts';

/**
 * The form's schema compiled once per schema (a published version never changes), or `null` while
 * it is being prepared. Until then the form checks nothing and the server's answer stands alone.
 */
export function useValidator(schema: Record<string, unknown>): Validate | null {
  const [validate, setValidate] = useState<Validate | null>(null);
  const key = JSON.stringify(schema);
  useEffect(() => {
    let isCurrent = true;
    setValidate(null);
    void compileValidator(JSON.parse(key) as Record<string, unknown>).then((compiled) => {
      if (isCurrent) setValidate(() => compiled);
    });
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return validate;
}
