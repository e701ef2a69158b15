import { z } from 'zod';

/** One invalid field in a request, as reported in a 400 problem. */
export const FieldError = z.object({
  /** JSON pointer-like path to the field, e.g. `body.email` or `query.realm`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const Problem = z.object({
  type: z.string().describe('A URI naming the error code, e.g. `urn:karna:error:authentication_required`'),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Stable machine-readable error code'),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;
