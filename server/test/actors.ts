import { demoCitizens, demoStaff } from '../seeds/demo-municipality.ts';
import type { ApiBrowser, ApiResponse, TestServer } from './test-server.ts';

/**
 * Every kind of caller a route must be decided for. The authorisation matrix has one column per
 * kind, in this order.
 */
export const actorKinds = [
  'anonymous',
  'citizen',
  'staffWithoutRoles',
  'caseOfficer',
  'registrar',
  'systemOwner',
  'itDepartment',
  'administrator',
  'scopedAdministrator',
  'apiClient',
] as const;
export type ActorKind = (typeof actorKinds)[number];

/** A caller that can make API requests as its kind, and log in again after a logout. */
export interface TestActor {
  kind: ActorKind;
  call<T = unknown>(method: string, path: string, json?: unknown): Promise<ApiResponse<T>>;
  /** Starts a fresh session (after a route that ended it); a no-op for callers without one. */
  renew(): Promise<void>;
}

/** The demo staff member who plays each staff kind (server/seeds/demo/staff.json). */
const staffFor: Partial<Record<ActorKind, string>> = {
  staffWithoutRoles: 'Nils',
  caseOfficer: 'Anna',
  registrar: 'Reza',
  systemOwner: 'Sara',
  itDepartment: 'Ivar',
  administrator: 'Ada',
  scopedAdministrator: 'Maja',
};

function staffSubject(givenName: string): string {
  const person = demoStaff.find((candidate) => candidate.givenName === givenName);
  if (!person) throw new Error(`no demo staff member ${givenName}`);
  return person.subject;
}

function browserActor(kind: ActorKind, browser: ApiBrowser, login: () => Promise<unknown>): TestActor {
  return {
    kind,
    call: (method, path, json) => browser.api(method, path, json === undefined ? {} : { json }),
    renew: async () => {
      await login();
    },
  };
}

/**
 * Logs in one caller of every kind through the test identity provider. The API client is the
 * scoped administrator's twin: administrator for Byggnadsnämnden, created by the municipality's
 * administrator, so the matrix shows it held to the same scope as a person with that role.
 */
export async function signInEveryActor(server: TestServer): Promise<Record<ActorKind, TestActor>> {
  const actors: Partial<Record<ActorKind, TestActor>> = {};
  actors.anonymous = browserActor('anonymous', server.browser(), async () => {});

  const citizenBrowser = server.browser();
  const citizenNumber = demoCitizens[0]?.personalNumber ?? '';
  const citizenLogin = () => citizenBrowser.loginAsCitizen(citizenNumber);
  await citizenLogin();
  actors.citizen = browserActor('citizen', citizenBrowser, citizenLogin);

  for (const [kind, givenName] of Object.entries(staffFor) as [ActorKind, string][]) {
    const browser = server.browser();
    const login = () => browser.loginAsStaff(staffSubject(givenName));
    await login();
    actors[kind] = browserActor(kind, browser, login);
  }

  const administrator = actors.administrator;
  if (!administrator) throw new Error('the administrator did not log in');
  const units = await administrator.call<{ items: { id: string; name: string }[] }>('GET', '/api/org-units');
  const board = units.body.items.find((unit) => unit.name === 'Byggnadsnämnden');
  const created = await administrator.call<{ apiKey: string }>('POST', '/api/api-clients', {
    name: 'Matrisens integration',
    role: 'administrator',
    orgUnitId: board?.id,
  });
  if (created.status !== 201) throw new Error(`could not create the API client: ${created.status}`);
  const keyed = server.browser();
  const authorization = { authorization: `Bearer ${created.body.apiKey}` };
  actors.apiClient = {
    kind: 'apiClient',
    call: (method, path, json) =>
      keyed.api(
        method,
        path,
        json === undefined ? { headers: authorization } : { json, headers: authorization },
      ),
    renew: async () => {},
  };
  return actors as Record<ActorKind, TestActor>;
}
