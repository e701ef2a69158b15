import { luhnCheckDigit, swedishDate } from '@karna/contracts';

/**
 * The authorisation matrix: for every documented route, what each kind of caller gets. A route
 * registered without a row here fails `authorization-matrix.api.test.ts`, so a new module's routes
 * are held to it from their first commit. Columns follow `actorKinds` (server/test/actors.ts):
 *
 *   anon     anonymous                       itDep    IT department (Ivar, IT-avdelningen)
 *   citiz    a citizen (Elin)                admin    administrator for the municipality (Ada)
 *   staff    staff without roles (Nils)      scoped   administrator for Byggnadsnämnden (Maja)
 *   caseO    case officer (Anna, Bygglov)    apiCl    API client, administrator for Byggnadsnämnden
 *   regis    registrar (Reza, BN)
 *   sysOw    system owner (Sara, KS)
 *
 * The sample request of each row acts inside Byggnadsnämnden, so the scoped administrator and the
 * API client may do what they are allowed to; grants outside their scope are tested in
 * roles.api.test.ts.
 */
export type Answers = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** What a row's request needs from the seeded database. */
export interface MatrixFixtures {
  /** A staff member (Nils Berg) whom roles are granted to and taken from. */
  staffUserId: string;
  /** Bygglovsenheten, inside Byggnadsnämnden. */
  unitInBoardId: string;
  /** Byggnadsnämnden. */
  boardId: string;
  /** Creates a new API client of Byggnadsnämnden (as the municipality's administrator) to revoke. */
  newApiClientId(): Promise<string>;
  /** A person in the population register (not the citizen who logs in). */
  personId: string;
  /** An organisation the citizen who logs in signs for. */
  organisationId: string;
  /** An information type (master-data designation) to change. */
  informationTypeId: string;
  /** A new building-permit case of the citizen who logs in (Bygglovsenheten), its process started. */
  newCase(): Promise<{ caseId: string; documentId: string; taskId: string }>;
  /** The tracking token of an anonymous request for official documents. */
  trackingToken: string;
  /** A new draft of the citizen who logs in (request for official documents). */
  newDraft(): Promise<string>;
  /** A publishable e-service definition whose responsible unit is Bygglovsenheten. */
  unitDefinition(): Promise<Record<string, unknown>>;
  /** A planned system of the application portfolio owned by Byggnadsnämnden, and a second one. */
  systemId: string;
  otherSystemId: string;
  /** A new planned system owned by Byggnadsnämnden (to move to another stage). */
  newSystem(): Promise<string>;
  /** A staff member who is none of the callers (Karin Ek), to be given portfolio roles. */
  portfolioPersonId: string;
  /** A new system administrator role on `systemId`, held by Karin Ek (to end). */
  newRoleToEnd(): Promise<string>;
  /** A new information owner role held by the staff member without roles (Nils), to accept. */
  newRoleToAccept(): Promise<string>;
  /** A new information type (master data), with nothing pointing at it. */
  newInformationTypeId(): Promise<string>;
  /** A new integration from `systemId` to `otherSystemId`. */
  newIntegration(): Promise<string>;
  /** A new master-data designation for Byggnadsnämnden (to end). */
  newDesignation(): Promise<string>;
  /** An open rating round. */
  ratingRoundId: string;
  /** A pm3 management object. */
  managementObjectId: string;
  /** Every question of the classification model answered with its first option. */
  classificationAnswers: Record<string, number>;
  /** A spreadsheet the IT department (Ivar) uploaded for import, waiting for its mapping. */
  newImport(): Promise<string>;
  /** A component of the standard assortment. */
  componentId: string;
  /** Stadsbyggnadsförvaltningen (in Byggnadsnämnden): the department the it-services rows order for. */
  departmentId: string;
  /** A monthly service of the IT service catalog. */
  serviceId: string;
  /** A new order awaiting approval, asked for by the case officer (Anna) for the department. */
  newAwaitingOrder(): Promise<string>;
  /** A new order approved as placed by the IT department (Ivar) for the department. */
  newApprovedOrder(): Promise<string>;
  /** A month whose year has a cost pool kept by IT (model 1), so it can always be run. */
  chargePeriod: string;
  costPoolId: string;
  /** A new proposed run of `chargePeriod`, made by the operator (so Ivar may approve it). */
  newProposedRun(): Promise<string>;
  /** A new support ticket reported by the case officer (Anna). */
  newTicket(): Promise<string>;
  /** A supplier in the register, and a contract with it. */
  supplierId: string;
  contractId: string;
  /** A licence pool kept by IT, with the staff member without roles (Nils) holding a licence. */
  licencePoolId: string;
  /** A new licence pool with room and nobody assigned. */
  newLicencePool(): Promise<string>;
  /** A new pool with Nils assigned from 2026-01-01 (to release). */
  newLicenceAssignment(): Promise<{ poolId: string; assignmentId: string }>;
}

export interface MatrixRow {
  request(
    fixtures: MatrixFixtures,
  ): Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
  /** The route ends the caller's session: the test logs the caller in again afterwards. */
  endsSession?: boolean;
  answers: Answers;
}

const grantInBoard = (fixtures: MatrixFixtures) => ({
  role: 'caseOfficer',
  orgUnitId: fixtures.unitInBoardId,
});

/** A valid information type with the given key (keys are unique, so each POST gets its own). */
export function informationType(key: string) {
  return {
    key,
    nameSv: 'Matristyp',
    nameEn: 'Matrix type',
    description: 'Skapad av behörighetstestet.',
    sourceSystem: 'Kärna',
    sourceSystemRef: null,
    stewardOrgUnitId: null,
    concepts: [{ term: 'Term', definition: 'En definition.' }],
  };
}
/** A valid system owned by Byggnadsnämnden (names are unique, so each POST gets its own). */
export function portfolioSystem(fixtures: MatrixFixtures, name: string) {
  return {
    name,
    description: 'Registrerat av behörighetstestet.',
    purpose: 'Att pröva behörigheter.',
    category: 'department',
    supportKind: 'basic',
    owningBoardId: fixtures.boardId,
    usedByOrgUnitIds: [fixtures.unitInBoardId],
    userCount: 10,
    supplier: null,
    contractReference: null,
    hosting: 'cloud',
    technicalPlatform: null,
    documentationUrl: null,
    loginUrl: null,
    singleSignOn: true,
    centralAccessAdministration: false,
    criticality: { businessImpact: 2, reach: 2, transactionVolume: 1 },
    tierOverride: null,
    fit: null,
  };
}
const integration = (f: MatrixFixtures, informationTypeId: string) => ({
  sourceSystemId: f.systemId,
  targetSystemId: f.otherSystemId,
  informationTypeIds: [informationTypeId],
  pattern: 'file',
  protocol: 'SFTP',
  format: 'CSV',
  frequency: 'daily',
  platform: null,
  ownerOrgUnitId: f.boardId,
  description: null,
});
const tierPolicy = {
  supportHours: 'Vardagar 08–17',
  availabilityPercent: 99,
  rtoHours: 24,
  rpoHours: 24,
  responseHours: 4,
  fixHours: 24,
  reviewIntervalMonths: 24,
  priceWeight: 2,
};
/** A valid service of the catalog (names are unique, so each POST gets its own). */
export function itService(name: string) {
  return {
    name,
    category: 'workplace',
    summary: 'En tjänst från behörighetstestet.',
    included: 'Det som ingår.',
    notIncluded: 'Det som inte ingår.',
    howToOrder: 'Beställ i Kärna.',
    deliveryWorkingDays: 5,
    howToReport: 'Ring servicedesk.',
    serviceLevel: 'bronze',
    systemId: null,
    priceModel: 'monthlyPerUnit',
    priceOre: 10_000,
    unit: 'st',
    driverKind: null,
    howToCancel: 'Avbeställ i Kärna.',
    cancellationNoticeDays: 0,
    availableFrom: '2020-01-01',
    availableTo: null,
  };
}
const itOrder = (f: MatrixFixtures) => ({
  serviceId: f.serviceId,
  departmentId: f.departmentId,
  quantity: 1,
  costCentre: '4410',
  startDate: '2032-02-01',
  note: null,
});
const costPool = (category: string) => ({
  year: 2032,
  costType: 'Matriskostnader',
  category,
  annualAmountOre: 120_000,
  models: [{ model: 1, shareBasisPoints: 10_000 }],
});
const ticket = {
  serviceId: null,
  systemId: null,
  summary: 'Matrisens fel',
  description: 'Något fungerar inte.',
  impact: 'low',
  urgency: 'medium',
};
const contract = (f: MatrixFixtures) => ({
  supplierId: f.supplierId,
  title: 'Matrisens avtal',
  reference: null,
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  noticeMonths: 6,
  annualValueOre: 100_000,
  systemId: null,
});
/** A valid licence pool (names are unique, so each POST gets its own). */
const licencePool = (name: string) => ({
  name,
  systemId: null,
  supplier: 'Matrisleverantören AB',
  purchased: 10,
  unitPriceOre: 100_000,
  renewalOn: null,
  notes: null,
});
let portfolioCounter = 0;
const nextName = (prefix: string) => `${prefix} ${++portfolioCounter}`;

let organisationCounter = 0;
/** A valid organisation number no other row uses: 559 and six digits of a counter, then the Luhn digit. */
function nextOrganisationNumber(): string {
  const nine = `559${String(++organisationCounter).padStart(6, '0')}`;
  return `${nine}${luhnCheckDigit(nine)}`;
}

let keyCounter = 0;
const nextKey = () =>
  String.fromCharCode(65 + (keyCounter++ % 26)) + 'x'.repeat(Math.floor(keyCounter / 26) + 1);

// biome-ignore format: a table reads best aligned
export const authorizationMatrix: Record<string, MatrixRow> = {
  //                                                             anon citiz staff caseO regis sysOw itDep admin scoped apiCl
  'GET /api/health': {
    request: () => ({ path: '/api/health' }),                    answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/ready': {
    request: () => ({ path: '/api/ready' }),                     answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  // Development and tests only (the local mail catcher); public on purpose, see caught-mails.routes.ts.
  'GET /api/dev/mails': {
    request: () => ({ path: '/api/dev/mails' }),                 answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/session': {
    request: () => ({ path: '/api/session' }),                   answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/session/extend': {
    request: () => ({ path: '/api/session/extend', body: {} }),  answers: [401, 200, 200, 200, 200, 200, 200, 200, 200, 403] },
  'GET /api/auth/login': {
    request: () => ({ path: '/api/auth/login?realm=staff' }),    answers: [302, 302, 302, 302, 302, 302, 302, 302, 302, 302] },
  'GET /api/auth/callback/{realm}': {
    request: () => ({ path: '/api/auth/callback/staff?state=x&code=y' }),
                                                                 answers: [302, 302, 302, 302, 302, 302, 302, 302, 302, 302] },
  'POST /api/auth/logout': {
    request: () => ({ path: '/api/auth/logout', body: {} }),
    endsSession: true,                                           answers: [401, 200, 200, 200, 200, 200, 200, 200, 200, 403] },
  'GET /api/org-units': {
    request: () => ({ path: '/api/org-units' }),                 answers: [401, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/users': {
    request: () => ({ path: '/api/users' }),                     answers: [401, 403, 403, 403, 403, 403, 200, 200, 200, 200] },
  'POST /api/users/{userId}/roles': {
    request: (f) => ({ path: `/api/users/${f.staffUserId}/roles`, body: grantInBoard(f) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 403, 200, 200, 200] },
  'DELETE /api/users/{userId}/roles': {
    request: (f) => ({ path: `/api/users/${f.staffUserId}/roles?${new URLSearchParams(grantInBoard(f))}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 403, 200, 200, 200] },
  'GET /api/api-clients': {
    request: () => ({ path: '/api/api-clients' }),               answers: [401, 403, 403, 403, 403, 403, 403, 200, 200, 200] },
  'POST /api/api-clients': {
    request: (f) => ({ path: '/api/api-clients', body: { name: 'Matrisklient', role: 'caseOfficer', orgUnitId: f.boardId } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 403, 201, 201, 201] },
  'DELETE /api/api-clients/{clientId}': {
    request: async (f) => ({ path: `/api/api-clients/${await f.newApiClientId()}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 403, 204, 204, 204] },
  'POST /api/registry/person-searches': {
    request: () => ({ path: '/api/registry/person-searches', body: { personalNumber: '198003012385', purpose: 'caseHandling' } }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'GET /api/registry/persons/{personId}': {
    request: (f) => ({ path: `/api/registry/persons/${f.personId}?purpose=caseHandling` }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'GET /api/me/person': {
    request: () => ({ path: '/api/me/person' }),                 answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'PUT /api/me/contact': {
    request: () => ({ path: '/api/me/contact', body: { phone: '070-123 45 67', email: null } }),
                                                                 answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'GET /api/me/representations': {
    request: () => ({ path: '/api/me/representations' }),        answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'PUT /api/me/acting-for': {
    request: () => ({ path: '/api/me/acting-for', body: { kind: 'self' } }),
                                                                 answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'GET /api/me/organisations/{organisationId}': {
    request: (f) => ({ path: `/api/me/organisations/${f.organisationId}` }),
                                                                 answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  // E-services (issue 12): the catalog is open; drafts are their owner's (others get 404).
  'GET /api/services/catalog': {
    request: () => ({ path: '/api/services/catalog?q=bygg' }),   answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/services/catalog/{slug}': {
    request: () => ({ path: '/api/services/catalog/bygglov' }),  answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/services/prefill': {
    request: () => ({ path: '/api/services/prefill' }),          answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'GET /api/services/drafts': {
    request: () => ({ path: '/api/services/drafts' }),           answers: [401, 200, 200, 200, 200, 200, 200, 200, 200, 403] },
  'POST /api/services/drafts': {
    request: () => ({ path: '/api/services/drafts', body: { slug: 'allman-handling' } }),
                                                                 answers: [201, 201, 201, 201, 201, 201, 201, 201, 201, 403] },
  'GET /api/services/drafts/{draftId}': {
    request: async (f) => ({ path: `/api/services/drafts/${await f.newDraft()}` }),
                                                                 answers: [404, 200, 404, 404, 404, 404, 404, 404, 404, 404] },
  'PUT /api/services/drafts/{draftId}': {
    request: async (f) => ({ path: `/api/services/drafts/${await f.newDraft()}`, body: { data: { documents: 'Protokoll' }, step: 'request' } }),
                                                                 answers: [404, 200, 404, 404, 404, 404, 404, 404, 404, 404] },
  'DELETE /api/services/drafts/{draftId}': {
    request: async (f) => ({ path: `/api/services/drafts/${await f.newDraft()}` }),
                                                                 answers: [404, 204, 404, 404, 404, 404, 404, 404, 404, 404] },
  // The body must be the file's bytes: the matrix's JSON body is refused once the draft is found.
  'POST /api/services/drafts/{draftId}/attachments': {
    request: async (f) => ({ path: `/api/services/drafts/${await f.newDraft()}/attachments?field=documents&fileName=a.pdf` }),
                                                                 answers: [404, 415, 404, 404, 404, 404, 404, 404, 404, 404] },
  'DELETE /api/services/drafts/{draftId}/attachments/{attachmentId}': {
    request: async (f) => ({ path: `/api/services/drafts/${await f.newDraft()}/attachments/00000000-0000-4000-8000-000000000000` }),
                                                                 answers: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] },
  'POST /api/services/drafts/{draftId}/submit': {
    request: async (f) => ({
      path: `/api/services/drafts/${await f.newDraft()}/submit`,
      body: { idempotencyKey: crypto.randomUUID(), data: { documents: 'Protokollet', authority: 'ks', delivery: 'pickUp' } },
    }),                                                          answers: [404, 201, 404, 404, 404, 404, 404, 404, 404, 404] },
  'POST /api/services/admin/versions': {
    request: async (f) => ({ path: '/api/services/admin/versions', body: { definition: await f.unitDefinition() } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 403, 201, 201, 201] },
  // Cases (issue 12): officers of the case's unit; a case outside it is answered as not found.
  'GET /api/cases/inbox': {
    request: () => ({ path: '/api/cases/inbox?assigned=any&sort=dueDate' }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'GET /api/cases/lead-times': {
    request: () => ({ path: '/api/cases/lead-times' }),          answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'GET /api/cases/{caseId}': {
    request: async (f) => ({ path: `/api/cases/${(await f.newCase()).caseId}` }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'GET /api/cases/{caseId}/documents/{documentId}': {
    request: async (f) => {
      const { caseId, documentId } = await f.newCase();
      return { path: `/api/cases/${caseId}/documents/${documentId}` };
    },                                                           answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'GET /api/cases/{caseId}/assignees': {
    request: async (f) => ({ path: `/api/cases/${(await f.newCase()).caseId}/assignees` }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'POST /api/cases/{caseId}/assign': {
    request: async (f) => ({ path: `/api/cases/${(await f.newCase()).caseId}/assign`, body: { assigneeId: null } }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'POST /api/cases/{caseId}/notes': {
    request: async (f) => ({ path: `/api/cases/${(await f.newCase()).caseId}/notes`, body: { text: 'Matrisens anteckning' } }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'POST /api/cases/{caseId}/tasks/{taskId}/complete': {
    request: async (f) => {
      const { caseId, taskId } = await f.newCase();
      return { path: `/api/cases/${caseId}/tasks/${taskId}/complete`, body: { data: {} } };
    },                                                           answers: [401, 403, 403, 400, 400, 403, 403, 403, 403, 403] },
  // The new case waits for its application to be completed, not for a decision.
  'POST /api/cases/{caseId}/decision': {
    request: async (f) => ({
      path: `/api/cases/${(await f.newCase()).caseId}/decision`,
      body: { outcome: 'granted', justification: 'Åtgärden följer detaljplanen.' },
    }),                                                          answers: [401, 403, 403, 409, 409, 403, 403, 403, 403, 403] },
  'POST /api/cases/{caseId}/secrecy': {
    request: async (f) => ({ path: `/api/cases/${(await f.newCase()).caseId}/secrecy`, body: { secret: true, ground: 'OSL 21 kap. 1 §' } }),
                                                                 answers: [401, 403, 403, 403, 200, 403, 403, 403, 403, 403] },
  'POST /api/cases/{caseId}/documents/{documentId}/secrecy': {
    request: async (f) => {
      const { caseId, documentId } = await f.newCase();
      return { path: `/api/cases/${caseId}/documents/${documentId}/secrecy`, body: { secret: true } };
    },                                                           answers: [401, 403, 403, 403, 200, 403, 403, 403, 403, 403] },
  'POST /api/cases/{caseId}/close': {
    request: async (f) => ({ path: `/api/cases/${(await f.newCase()).caseId}/close`, body: { reason: 'Återkallad' } }),
                                                                 answers: [401, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
  'POST /api/cases/track': {
    request: (f) => ({ path: '/api/cases/track', body: { token: f.trackingToken } }),
                                                                 answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/cases/track/document': {
    request: (f) => ({ path: '/api/cases/track/document', body: { token: f.trackingToken, kind: 'receipt' } }),
                                                                 answers: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/me/cases': {
    request: () => ({ path: '/api/me/cases' }),                  answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'GET /api/me/cases/{caseId}': {
    request: async (f) => ({ path: `/api/me/cases/${(await f.newCase()).caseId}` }),
                                                                 answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'GET /api/me/cases/{caseId}/documents/{documentId}': {
    request: async (f) => {
      const { caseId, documentId } = await f.newCase();
      return { path: `/api/me/cases/${caseId}/documents/${documentId}` };
    },                                                           answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'GET /api/me/lookups': {
    request: () => ({ path: '/api/me/lookups' }),                answers: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403] },
  'GET /api/registry/sync/persons': {
    request: () => ({ path: '/api/registry/sync/persons?limit=5' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 200, 200, 200] },
  'GET /api/registry/sync/organisations': {
    request: () => ({ path: '/api/registry/sync/organisations?limit=5' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 200, 200, 200] },
  'GET /api/registry/sync/properties': {
    request: () => ({ path: '/api/registry/sync/properties?limit=5' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 200, 200, 200] },
  'GET /api/master-data/information-types': {
    request: () => ({ path: '/api/master-data/information-types' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/master-data/information-types': {
    request: () => ({ path: '/api/master-data/information-types', body: informationType(`matris${nextKey()}`) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 201, 201, 201] },
  'PUT /api/master-data/information-types/{informationTypeId}': {
    request: (f) => ({ path: `/api/master-data/information-types/${f.informationTypeId}`, body: informationType('matrisPerson') }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 200, 200, 200] },
  'GET /api/portfolio/systems': {
    request: () => ({ path: '/api/portfolio/systems?tier=bronze&sort=-userCount' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/portfolio/systems': {
    request: (f) => ({ path: '/api/portfolio/systems', body: portfolioSystem(f, nextName('Matrissystem')) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'GET /api/portfolio/systems/{systemId}': {
    request: (f) => ({ path: `/api/portfolio/systems/${f.systemId}` }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'PUT /api/portfolio/systems/{systemId}': {
    request: (f) => ({ path: `/api/portfolio/systems/${f.systemId}`, body: portfolioSystem(f, 'Matrisens system') }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/portfolio/systems/{systemId}/lifecycle': {
    request: async (f) => ({ path: `/api/portfolio/systems/${await f.newSystem()}/lifecycle`, body: { stage: 'retired', from: swedishDate() } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/portfolio/systems/{systemId}/information': {
    request: (f) => ({ path: `/api/portfolio/systems/${f.systemId}/information`, body: { items: [{ informationTypeId: f.informationTypeId, create: true, read: true, update: true, delete: false }] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/portfolio/systems/{systemId}/roles': {
    request: (f) => ({ path: `/api/portfolio/systems/${f.systemId}/roles`, body: { role: 'superUser', personId: f.portfolioPersonId, validFrom: '2026-01-01' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'POST /api/portfolio/information-types/{informationTypeId}/roles': {
    request: async (f) => ({ path: `/api/portfolio/information-types/${await f.newInformationTypeId()}/roles`, body: { role: 'informationOwner', personId: f.portfolioPersonId, validFrom: '2026-01-01' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'POST /api/portfolio/management-objects/{objectId}/roles': {
    request: (f) => ({ path: `/api/portfolio/management-objects/${f.managementObjectId}/roles`, body: { role: 'objectManagerIt', personId: f.portfolioPersonId, validFrom: '2026-01-01' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'POST /api/portfolio/role-assignments/{assignmentId}/accept': {
    request: async (f) => ({ path: `/api/portfolio/role-assignments/${await f.newRoleToAccept()}/accept` }),
                                                                 answers: [401, 403, 200, 403, 403, 403, 403, 403, 403, 403] },
  'POST /api/portfolio/role-assignments/{assignmentId}/end': {
    request: async (f) => ({ path: `/api/portfolio/role-assignments/${await f.newRoleToEnd()}/end`, body: { validTo: '2026-12-31' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/portfolio/role-assignments/mine': {
    request: () => ({ path: '/api/portfolio/role-assignments/mine' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/people': {
    request: () => ({ path: '/api/portfolio/people?q=karin' }),  answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/tiers': {
    request: () => ({ path: '/api/portfolio/tiers' }),           answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'PUT /api/portfolio/tiers/{tier}': {
    request: () => ({ path: '/api/portfolio/tiers/bronze', body: tierPolicy }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/portfolio/classification-model': {
    request: () => ({ path: '/api/portfolio/classification-model' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/information-types': {
    request: () => ({ path: '/api/portfolio/information-types' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/information-types/{informationTypeId}/classification': {
    request: async (f) => ({ path: `/api/portfolio/information-types/${await f.newInformationTypeId()}/classification` }),
                                                                 answers: [401, 403, 403, 403, 403, 200, 200, 403, 403, 403] },
  'POST /api/portfolio/information-types/{informationTypeId}/classifications': {
    request: async (f) => ({ path: `/api/portfolio/information-types/${await f.newInformationTypeId()}/classifications`, body: { answers: f.classificationAnswers } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'GET /api/portfolio/integrations': {
    request: (f) => ({ path: `/api/portfolio/integrations?systemId=${f.systemId}` }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/portfolio/integrations': {
    request: (f) => ({ path: '/api/portfolio/integrations', body: integration(f, f.informationTypeId) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'PUT /api/portfolio/integrations/{integrationId}': {
    request: async (f) => ({ path: `/api/portfolio/integrations/${await f.newIntegration()}`, body: { ...integration(f, f.informationTypeId), frequency: 'hourly' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'DELETE /api/portfolio/integrations/{integrationId}': {
    request: async (f) => ({ path: `/api/portfolio/integrations/${await f.newIntegration()}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 204, 403, 403, 403] },
  'GET /api/portfolio/graph': {
    request: (f) => ({ path: `/api/portfolio/graph?orgUnitId=${f.boardId}` }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/master-data': {
    request: () => ({ path: '/api/portfolio/master-data?on=2026-06-01' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/portfolio/master-data': {
    request: async (f) => ({ path: '/api/portfolio/master-data', body: { informationTypeId: await f.newInformationTypeId(), systemId: f.systemId, scopeOrgUnitId: f.boardId, validFrom: '2026-01-01', validTo: null, decisionReference: 'BN 2026/9' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 201, 201, 201] },
  'POST /api/portfolio/master-data/{designationId}/end': {
    request: async (f) => ({ path: `/api/portfolio/master-data/${await f.newDesignation()}/end`, body: { validTo: '2026-12-31' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 200, 200, 200] },
  'GET /api/portfolio/reports/tiers': {
    request: () => ({ path: '/api/portfolio/reports/tiers' }),   answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/reports/role-coverage': {
    request: () => ({ path: '/api/portfolio/reports/role-coverage' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/reports/sso-coverage': {
    request: () => ({ path: '/api/portfolio/reports/sso-coverage?top=30' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/reports/classification-overdue': {
    request: () => ({ path: '/api/portfolio/reports/classification-overdue' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/reports/innovation': {
    request: () => ({ path: '/api/portfolio/reports/innovation' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/rating-rounds': {
    request: () => ({ path: '/api/portfolio/rating-rounds' }),   answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/portfolio/rating-rounds': {
    request: () => ({ path: '/api/portfolio/rating-rounds', body: { name: nextName('Matrisenkät'), opensOn: '2026-01-01', closesOn: '2026-12-31' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'POST /api/portfolio/rating-rounds/{roundId}/ratings': {
    request: (f) => ({ path: `/api/portfolio/rating-rounds/${f.ratingRoundId}/ratings`, body: { systemId: f.systemId, score: 4, comment: null } }),
                                                                 answers: [401, 403, 204, 204, 204, 204, 204, 204, 204, 403] },
  'GET /api/portfolio/rating-rounds/{roundId}/results': {
    request: (f) => ({ path: `/api/portfolio/rating-rounds/${f.ratingRoundId}/results` }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/management-objects': {
    request: () => ({ path: '/api/portfolio/management-objects' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/portfolio/management-objects': {
    request: (f) => ({ path: '/api/portfolio/management-objects', body: { name: nextName('Matrisobjekt'), description: null, systemIds: [f.otherSystemId] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'PUT /api/portfolio/management-objects/{objectId}': {
    request: (f) => ({ path: `/api/portfolio/management-objects/${f.managementObjectId}`, body: { name: 'Matrisens förvaltningsobjekt', description: 'Ändrat.', systemIds: [f.systemId] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/portfolio/management-objects/{objectId}/plans': {
    request: (f) => ({ path: `/api/portfolio/management-objects/${f.managementObjectId}/plans`, body: { year: 2027, maintenanceBudget: 400000, developmentBudget: 250000, goals: 'Färre incidenter.', decisionReference: null } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  // The upload's body is the file's bytes; the matrix sends JSON, which the IT department has refused as unreadable.
  'POST /api/portfolio/imports': {
    request: () => ({ path: '/api/portfolio/imports?fileName=system.csv', body: { not: 'a file' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 400, 403, 403, 403] },
  'GET /api/portfolio/imports/{importId}': {
    request: async (f) => ({ path: `/api/portfolio/imports/${await f.newImport()}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/portfolio/imports/{importId}/commit': {
    request: async (f) => ({ path: `/api/portfolio/imports/${await f.newImport()}/commit`, body: { mapping: { Namn: 'name', Nämnd: 'owningBoard' }, dryRun: true } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/portfolio/exports/{list}': {
    request: () => ({ path: '/api/portfolio/exports/systems?tier=gold' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/portfolio/components': {
    request: () => ({ path: '/api/portfolio/components' }),      answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/portfolio/components': {
    request: () => ({ path: '/api/portfolio/components', body: { name: nextName('Matrisplattform'), kind: 'platform', status: 'allowed', description: null, replacedById: null } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'PUT /api/portfolio/components/{componentId}': {
    request: (f) => ({ path: `/api/portfolio/components/${f.componentId}`, body: { name: 'Matrisens komponent', kind: 'platform', status: 'phasingOut', description: 'Avvecklas.', replacedById: null } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/portfolio/systems/{systemId}/components': {
    request: (f) => ({ path: `/api/portfolio/systems/${f.systemId}/components`, body: { componentIds: [f.componentId] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/tasks/mine': {
    request: () => ({ path: '/api/tasks/mine' }),                answers: [401, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/it-services/services': {
    request: () => ({ path: '/api/it-services/services?q=tjänst' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 403] },
  'POST /api/it-services/services': {
    request: () => ({ path: '/api/it-services/services', body: itService(nextName('Matristjänst')) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'GET /api/it-services/services/{serviceId}': {
    request: (f) => ({ path: `/api/it-services/services/${f.serviceId}` }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 403] },
  'PUT /api/it-services/services/{serviceId}': {
    request: (f) => ({ path: `/api/it-services/services/${f.serviceId}`, body: itService('Matrisens tjänst') }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/departments': {
    request: () => ({ path: '/api/it-services/departments' }),   answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 403] },
  // Staff ask for orders in the departments they work in: Anna (Bygglov) and Reza (Byggnadsnämnden) in
  // Stadsbyggnadsförvaltningen; Sara (Kommunstyrelsen) does not work there and does not see its orders.
  'GET /api/it-services/orders': {
    request: () => ({ path: '/api/it-services/orders?status=approved' }),
                                                                 answers: [401, 403, 403, 200, 200, 200, 200, 403, 403, 403] },
  'POST /api/it-services/orders': {
    request: (f) => ({ path: '/api/it-services/orders', body: itOrder(f) }),
                                                                 answers: [401, 403, 403, 201, 201, 403, 201, 403, 403, 403] },
  'GET /api/it-services/orders/{orderId}': {
    request: async (f) => ({ path: `/api/it-services/orders/${await f.newAwaitingOrder()}` }),
                                                                 answers: [401, 403, 403, 200, 200, 404, 200, 403, 403, 403] },
  'POST /api/it-services/orders/{orderId}/decision': {
    request: async (f) => ({ path: `/api/it-services/orders/${await f.newAwaitingOrder()}/decision`, body: { approve: true, reason: null } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/orders/{orderId}/delivery': {
    request: async (f) => ({ path: `/api/it-services/orders/${await f.newApprovedOrder()}/delivery`, body: { deliveredOn: '2032-02-01' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/orders/{orderId}/cancellation': {
    request: async (f) => ({ path: `/api/it-services/orders/${await f.newApprovedOrder()}/cancellation`, body: { endDate: '2032-06-30' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/cost-pools': {
    request: () => ({ path: '/api/it-services/cost-pools?year=2032' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/cost-pools': {
    request: () => ({ path: '/api/it-services/cost-pools', body: costPool(nextName('Matriskategori')) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'PUT /api/it-services/cost-pools/{poolId}': {
    request: (f) => ({ path: `/api/it-services/cost-pools/${f.costPoolId}`, body: costPool('Matrisens kategori') }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/drivers/{period}': {
    request: (f) => ({ path: `/api/it-services/drivers/${f.chargePeriod}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/it-services/drivers/{period}': {
    request: (f) => ({ path: `/api/it-services/drivers/${f.chargePeriod}`, body: { values: [{ departmentId: f.departmentId, kind: 'user', quantity: 12 }] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  // The upload's body is the CSV file; the matrix sends JSON, which the IT department has refused as unreadable.
  'POST /api/it-services/drivers/{period}/file': {
    request: (f) => ({ path: `/api/it-services/drivers/${f.chargePeriod}/file`, body: {} }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 400, 403, 403, 403] },
  'GET /api/it-services/allocation-runs': {
    request: (f) => ({ path: `/api/it-services/allocation-runs?period=${f.chargePeriod}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/allocation-runs': {
    request: (f) => ({ path: '/api/it-services/allocation-runs', body: { period: f.chargePeriod } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'GET /api/it-services/allocation-runs/{runId}': {
    request: async (f) => ({ path: `/api/it-services/allocation-runs/${await f.newProposedRun()}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/allocation-runs/{runId}/lines': {
    request: async (f) => ({ path: `/api/it-services/allocation-runs/${await f.newProposedRun()}/lines` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/allocation-runs/{runId}/approve': {
    request: async (f) => ({ path: `/api/it-services/allocation-runs/${await f.newProposedRun()}/approve` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/allocation-runs/{runId}/discard': {
    request: async (f) => ({ path: `/api/it-services/allocation-runs/${await f.newProposedRun()}/discard` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/allocation-runs/{runId}/export': {
    request: async (f) => ({ path: `/api/it-services/allocation-runs/${await f.newProposedRun()}/export` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/charges': {
    request: (f) => ({ path: `/api/it-services/charges?departmentId=${f.departmentId}&period=${f.chargePeriod}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/tickets': {
    request: () => ({ path: '/api/it-services/tickets', body: ticket }),
                                                                 answers: [401, 403, 201, 201, 201, 201, 201, 201, 201, 403] },
  'GET /api/it-services/tickets': {
    request: () => ({ path: '/api/it-services/tickets?breached=fix' }),
                                                                 answers: [401, 403, 200, 200, 200, 200, 200, 200, 200, 403] },
  // A ticket is its reporter's (Anna's) and the IT department's: anyone else gets 404.
  'GET /api/it-services/tickets/{ticketId}': {
    request: async (f) => ({ path: `/api/it-services/tickets/${await f.newTicket()}` }),
                                                                 answers: [401, 403, 404, 200, 404, 404, 200, 404, 404, 403] },
  'POST /api/it-services/tickets/{ticketId}/comments': {
    request: async (f) => ({ path: `/api/it-services/tickets/${await f.newTicket()}/comments`, body: { text: 'Fortfarande trasigt.' } }),
                                                                 answers: [401, 403, 404, 200, 404, 404, 200, 404, 404, 403] },
  'POST /api/it-services/tickets/{ticketId}/take': {
    request: async (f) => ({ path: `/api/it-services/tickets/${await f.newTicket()}/take` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/tickets/{ticketId}/escalate': {
    request: async (f) => ({ path: `/api/it-services/tickets/${await f.newTicket()}/escalate`, body: { line: 2, note: 'Till specialisterna.' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/tickets/{ticketId}/resolve': {
    request: async (f) => ({ path: `/api/it-services/tickets/${await f.newTicket()}/resolve`, body: { resolution: 'Åtgärdat.' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/sla-report': {
    request: () => ({ path: '/api/it-services/sla-report?year=2026' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/suppliers': {
    request: () => ({ path: '/api/it-services/suppliers?q=matris&year=2026' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  // Organisation numbers are unique: a valid one made from the counter's nine digits and their Luhn digit.
  'POST /api/it-services/suppliers': {
    request: () => ({ path: '/api/it-services/suppliers', body: { name: nextName('Matrisleverantör'), organisationNumber: nextOrganisationNumber(), category: null, notes: null } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'GET /api/it-services/suppliers/{supplierId}': {
    request: (f) => ({ path: `/api/it-services/suppliers/${f.supplierId}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/it-services/suppliers/{supplierId}': {
    request: (f) => ({ path: `/api/it-services/suppliers/${f.supplierId}`, body: { name: 'Matrisens leverantör AB', organisationNumber: '556036-0793', category: 'Drift', notes: null } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  // The body is the finance system's CSV file; the matrix sends JSON, which IT has refused as unreadable.
  'POST /api/it-services/suppliers/spend': {
    request: () => ({ path: '/api/it-services/suppliers/spend', body: {} }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 400, 403, 403, 403] },
  'GET /api/it-services/supplier-trend': {
    request: () => ({ path: '/api/it-services/supplier-trend' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/it-services/supplier-trend/targets': {
    request: () => ({ path: '/api/it-services/supplier-trend/targets', body: { baselineYear: 2011, targets: [{ year: 2015, reductionPercent: 20 }, { year: 2018, reductionPercent: 50 }] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/contracts': {
    request: () => ({ path: '/api/it-services/contracts?renewalDue=true' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/contracts': {
    request: (f) => ({ path: '/api/it-services/contracts', body: contract(f) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'PUT /api/it-services/contracts/{contractId}': {
    request: (f) => ({ path: `/api/it-services/contracts/${f.contractId}`, body: contract(f) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/key-figures/{year}': {
    request: () => ({ path: '/api/it-services/key-figures/2032' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/it-services/key-figures/{year}': {
    request: (f) => ({ path: '/api/it-services/key-figures/2032', body: { municipalityTurnoverOre: 100_000_00, nationalAveragePercent: 2, departments: [{ departmentId: f.departmentId, turnoverOre: 10_000_00, ownItCostOre: 100_00 }] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'GET /api/it-services/licence-pools': {
    request: () => ({ path: '/api/it-services/licence-pools' }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/licence-pools': {
    request: () => ({ path: '/api/it-services/licence-pools', body: licencePool(nextName('Matrislicens')) }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'GET /api/it-services/licence-pools/{poolId}': {
    request: (f) => ({ path: `/api/it-services/licence-pools/${f.licencePoolId}` }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'PUT /api/it-services/licence-pools/{poolId}': {
    request: (f) => ({ path: `/api/it-services/licence-pools/${f.licencePoolId}`, body: licencePool('Matrisens licenspool') }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/licence-pools/{poolId}/assignments': {
    request: async (f) => ({ path: `/api/it-services/licence-pools/${await f.newLicencePool()}/assignments`, body: { personId: f.staffUserId, from: '2026-01-01' } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403] },
  'POST /api/it-services/licence-pools/{poolId}/assignments/{assignmentId}/release': {
    request: async (f) => {
      const { poolId, assignmentId } = await f.newLicenceAssignment();
      return { path: `/api/it-services/licence-pools/${poolId}/assignments/${assignmentId}/release`, body: { on: '2026-06-30' } };
    },                                                           answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  'POST /api/it-services/licence-pools/{poolId}/usage': {
    request: (f) => ({ path: `/api/it-services/licence-pools/${f.licencePoolId}/usage`, body: { items: [{ email: 'nils.berg@molnal.example', lastUsedOn: '2026-06-15' }] } }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 200, 403, 403, 403] },
  // The upload's body is the CSV file; the matrix sends JSON, which the IT department has refused as unreadable.
  'POST /api/it-services/licence-pools/{poolId}/usage/file': {
    request: (f) => ({ path: `/api/it-services/licence-pools/${f.licencePoolId}/usage/file`, body: {} }),
                                                                 answers: [401, 403, 403, 403, 403, 403, 400, 403, 403, 403] },
};

/**
 * Routes that are not in the API documentation, and why. Each must be a public read (GET or HEAD)
 * or a bundled stand-in's route (`config.external`, only under /test-idp/); the test checks both.
 */
export const undocumentedRoutes: { pattern: RegExp; why: string }[] = [
  { pattern: /^\/api\/openapi\.json$/, why: 'the OpenAPI document itself' },
  { pattern: /^\/api\/docs(\/.*)?$/, why: "the documentation page (@fastify/swagger-ui's own routes)" },
  { pattern: /^\/\*$/, why: "the web app's pages and assets" },
  { pattern: /^\/test-idp\//, why: 'the bundled test identity provider (development and tests only)' },
];
