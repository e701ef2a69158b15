import { z } from 'zod';
import { staffRoles } from './access.ts';
import { text } from './text.ts';

export const ApiClient = z.object({
  id: z.uuid(),
  name: z.string(),
  keyId: z.string(),
  role: z.enum(staffRoles),
  orgUnitId: z.uuid(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiClient = z.infer<typeof ApiClient>;

export const ApiClientListResponse = z.object({ items: z.array(ApiClient) });
export type ApiClientListResponse = z.infer<typeof ApiClientListResponse>;

export const CreateApiClientRequest = z.object({
  name: text({ max: 200 }),
  role: z.enum(staffRoles),
  orgUnitId: z.uuid(),
});
export type CreateApiClientRequest = z.infer<typeof CreateApiClientRequest>;

export const CreateApiClientResponse = z.object({
  client: ApiClient,
  /** The whole key, `karna_<keyId>_<secret>`: shown once, stored only as a hash. */
  apiKey: z.string(),
});
export type CreateApiClientResponse = z.infer<typeof CreateApiClientResponse>;

export const ApiClientIdParams = z.object({ clientId: z.uuid() });
export type ApiClientIdParams = z.infer<typeof ApiClientIdParams>;
