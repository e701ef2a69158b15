import {
  ManagementObject,
  type ManagementObjectInput,
  ManagementObjectListResponse,
  type ManagementPlanInput,
  type PortfolioRoleAssignment,
  SystemListResponse,
  type SystemSummary,
} from '@karna/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, apiRequest } from '../../lib/api.ts';
import { managementObjectsKey, portfolioQueryKey } from './portfolio.api.ts';

/**
 * pm3 management objects (förvaltningsobjekt) as TanStack Query hooks: the list (which also serves
 * one object's page, as the API has no call for one object), creating and changing an object, and
 * its yearly plans. Roles on an object are given and ended with the roles' hooks in
 * portfolio.api.ts.
 */

/** A year's plan as the API sends and takes it. */
export type ManagementPlan = ManagementPlanInput;

const objectsKey = managementObjectsKey;

const objectPath = (objectId: string, rest = '') =>
  `/api/portfolio/management-objects/${encodeURIComponent(objectId)}${rest}`;

/** Every management object with its systems, roles and plans (`GET /api/portfolio/management-objects`). */
export function useManagementObjects() {
  return useQuery({
    queryKey: objectsKey,
    queryFn: ({ signal }) =>
      apiGet('/api/portfolio/management-objects', ManagementObjectListResponse, signal),
  });
}

/** One object, picked from the list: `data` is `null` when no object has that id. */
export function useManagementObject(objectId: string) {
  return useQuery({
    queryKey: objectsKey,
    queryFn: ({ signal }) =>
      apiGet('/api/portfolio/management-objects', ManagementObjectListResponse, signal),
    select: (list) => list.items.find((object) => object.id === objectId) ?? null,
  });
}

/**
 * Every system in the register, page by page (the list answers at most 200 at a time), to choose an
 * object's systems from. Kept under the systems' key, so a change to a system makes it stale.
 */
export function useAllSystems() {
  return useQuery({
    queryKey: [...portfolioQueryKey, 'systems', 'all'],
    queryFn: async ({ signal }) => {
      const items: SystemSummary[] = [];
      for (let page = 1; ; page += 1) {
        const query = new URLSearchParams({ limit: '200', page: String(page), sort: 'name' });
        const answer = await apiGet(`/api/portfolio/systems?${query}`, SystemListResponse, signal);
        items.push(...answer.items);
        if (answer.items.length === 0 || items.length >= answer.total) return items;
      }
    },
  });
}

/** Put an object the server answered with into the cached list, in place or added. */
function remember(queryClient: QueryClient, saved: ManagementObject): void {
  queryClient.setQueryData<{ items: ManagementObject[] }>(objectsKey, (list) => {
    if (!list) return list;
    const known = list.items.some((object) => object.id === saved.id);
    return {
      items: known
        ? list.items.map((object) => (object.id === saved.id ? saved : object))
        : [...list.items, saved],
    };
  });
}

/**
 * Create (no id) or change an object and the systems it covers (the IT department). A system
 * belongs to at most one object, so other objects and the systems' pages may have changed too.
 */
export function useSaveManagementObject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ManagementObjectInput }) =>
      id
        ? apiRequest(objectPath(id), { method: 'PUT', body, schema: ManagementObject })
        : apiRequest('/api/portfolio/management-objects', { method: 'POST', body, schema: ManagementObject }),
    onSuccess: (saved) => {
      remember(queryClient, saved);
      void queryClient.invalidateQueries({ queryKey: objectsKey });
      void queryClient.invalidateQueries({ queryKey: [...portfolioQueryKey, 'system'] });
    },
  });
}

/** Set an object's plan for a year; a year that has a plan already gets this one instead. */
export function useSavePlan(objectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ManagementPlan) =>
      apiRequest(objectPath(objectId, '/plans'), { method: 'PUT', body, schema: ManagementObject }),
    onSuccess: (saved) => remember(queryClient, saved),
  });
}

/**
 * The server's complaints about a form's fields, by field: a 400's `errors` (`body.year` → `year`)
 * and problem codes that are about one field (`management_object_name_taken` → `name`), with the
 * problem's title as the message. Empty when the failure is about no field of the form.
 */
export function serverFieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  codes: Partial<Record<string, Field>> = {},
): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const byField: Partial<Record<Field, string>> = {};
  const isField = (name: string | undefined): name is Field =>
    name !== undefined && (fields as readonly string[]).includes(name);
  for (const fieldError of error.problem.errors ?? []) {
    const name = /^body\.([A-Za-z]+)/.exec(fieldError.path)?.[1];
    if (isField(name)) byField[name] ??= fieldError.message;
  }
  const codeField = codes[error.problem.code];
  if (codeField) byField[codeField] ??= error.problem.title;
  return byField;
}

/** The roles held on a date (`YYYY-MM-DD`): begun and not yet ended. */
export function rolesOn(roles: readonly PortfolioRoleAssignment[], date: string): PortfolioRoleAssignment[] {
  return roles.filter((role) => role.validFrom <= date && (role.validTo === null || role.validTo >= date));
}
