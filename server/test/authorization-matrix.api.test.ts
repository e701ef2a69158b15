import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens } from '../seeds/demo-municipality.ts';
import { insertProposedRun } from '../src/modules/it-services/it-services.test-support.ts';
import { insertStagedImport } from '../src/modules/portfolio/portfolio.test-support.ts';
import {
  insertInformationType,
  insertOrganisation,
  insertPerson,
} from '../src/modules/registry/registry.test-support.ts';
import type { AuditTables } from '../src/platform/audit/audit.tables.ts';
import { type ActorKind, actorKinds, signInEveryActor, type TestActor } from './actors.ts';
import {
  authorizationMatrix,
  itService,
  type MatrixFixtures,
  portfolioSystem,
  undocumentedRoutes,
} from './authorization-matrix.ts';
import { insertBuildingPermitCase, insertCase, publishedDefinition } from './case-fixtures.ts';
import { startTestServer, type TestServer, testBackends } from './test-server.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `GET /api/users/{userId}/roles` for every operation in the OpenAPI document. */
function documentedOperations(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** Fastify's `/api/users/:userId/roles` in OpenAPI's spelling. */
function openApiPath(fastifyUrl: string): string {
  return fastifyUrl.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

describe.each(testBackends)('the authorisation matrix on %s', (backend) => {
  let server: TestServer;
  let actors: Record<ActorKind, TestActor>;
  let fixtures: MatrixFixtures;
  let documented: string[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    // The citizen who logs in, and another person, in the population register.
    const citizen = demoCitizens[0];
    if (!citizen) throw new Error('no demo citizen');
    const self = await insertPerson(server.database.db, { ...citizen, givenName: citizen.givenName });
    const other = await insertPerson(server.database.db, {
      personalNumber: '198003012385',
      givenName: 'Pia',
      familyName: 'Holm',
    });
    const company = await insertOrganisation(server.database.db, {
      organisationNumber: '5560000003',
      name: 'Matris AB',
      legalForm: 'AB',
      signatories: [self],
    });
    const infoType = await insertInformationType(server.database.db, 'matrisPerson');
    actors = await signInEveryActor(server);
    const admin = actors.administrator;
    const units = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/api/org-units');
    const unitId = (name: string) => units.body.items.find((unit) => unit.name === name)?.id ?? '';
    const users = await admin.call<{ items: { id: string; email: string }[] }>('GET', '/api/users');
    const ivar = actors.itDepartment;
    const boardId = unitId('Byggnadsnämnden');
    const newSystem = async () => {
      const created = await ivar.call<{ id: string }>(
        'POST',
        '/api/portfolio/systems',
        portfolioSystem(
          { boardId, unitInBoardId: unitId('Bygglovsenheten') } as MatrixFixtures,
          `Matrisfixtur ${crypto.randomUUID()}`,
        ),
      );
      if (created.status !== 201) throw new Error(`the matrix could not create a system: ${created.status}`);
      return created.body.id;
    };
    const [systemId, otherSystemId] = [await newSystem(), await newSystem()];
    const people = await ivar.call<{ items: { id: string }[] }>('GET', '/api/portfolio/people?q=karin%20ek');
    const portfolioPersonId = people.body.items[0]?.id ?? '';
    const staffUserId = users.body.items.find((user) => user.email.startsWith('nils.berg'))?.id ?? '';
    const model = await ivar.call<{ questions: { id: string }[] }>(
      'GET',
      '/api/portfolio/classification-model',
    );
    // Keys are letters only: the n-th type is named by n in base 26 (A, B, … Z, BA …).
    let typeCounter = 0;
    const newInformationTypeId = () =>
      insertInformationType(
        server.database.db,
        `matrisTyp${(++typeCounter).toString(26).replace(/./g, (digit) => String.fromCharCode(65 + Number.parseInt(digit, 26)))}`,
      );
    const created = async (path: string, body: unknown) => {
      const response = await ivar.call<{ id: string }>('POST', path, body);
      if (response.status !== 201) throw new Error(`the matrix could not create ${path}: ${response.status}`);
      return response.body.id;
    };
    const round = await created('/api/portfolio/rating-rounds', {
      name: 'Matrisens enkät',
      opensOn: '2026-01-01',
      closesOn: '2099-12-31',
    });
    const managementObjectId = await created('/api/portfolio/management-objects', {
      name: 'Matrisens objekt',
      description: null,
      systemIds: [],
    });
    const componentId = await created('/api/portfolio/components', {
      name: 'Matrisens komponent',
      kind: 'platform',
      status: 'standard',
      description: null,
      replacedById: null,
    });
    const departmentId = unitId('Stadsbyggnadsförvaltningen');
    const serviceId = await created('/api/it-services/services', itService('Matrisens fixturtjänst'));
    const costPoolId = await created('/api/it-services/cost-pools', {
      year: 2032,
      costType: 'Matriskostnader',
      category: 'Fixturen',
      annualAmountOre: 1_200_000,
      models: [{ model: 1, shareBasisPoints: 10_000 }],
    });
    const orderBy = async (actor: TestActor) => {
      const response = await actor.call<{ id: string }>('POST', '/api/it-services/orders', {
        serviceId,
        departmentId,
        quantity: 1,
        costCentre: '4410',
        startDate: '2032-02-01',
        note: null,
      });
      if (response.status !== 201) throw new Error(`the matrix could not order: ${response.status}`);
      return response.body.id;
    };
    const supplierId = await created('/api/it-services/suppliers', {
      name: 'Matrisens fixturleverantör AB',
      organisationNumber: '556036-0793',
      category: null,
      notes: null,
    });
    const contractId = await created('/api/it-services/contracts', {
      supplierId,
      title: 'Matrisens fixturavtal',
      reference: null,
      startsOn: '2026-01-01',
      endsOn: null,
      noticeMonths: 3,
      annualValueOre: 0,
      systemId: null,
    });
    const newLicencePool = () =>
      created('/api/it-services/licence-pools', {
        name: `Matrislicens ${crypto.randomUUID()}`,
        systemId: null,
        supplier: 'Matrisleverantören AB',
        purchased: 10,
        unitPriceOre: 100_000,
        renewalOn: null,
        notes: null,
      });
    const newLicenceAssignment = async () => {
      const poolId = await newLicencePool();
      const response = await ivar.call<{ assignments: { id: string; personId: string }[] }>(
        'POST',
        `/api/it-services/licence-pools/${poolId}/assignments`,
        { personId: staffUserId, from: '2026-01-01' },
      );
      if (response.status !== 201)
        throw new Error(`the matrix could not assign a licence: ${response.status}`);
      return {
        poolId,
        assignmentId: response.body.assignments.find((row) => row.personId === staffUserId)?.id ?? '',
      };
    };
    const licencePoolId = (await newLicenceAssignment()).poolId;
    fixtures = {
      licencePoolId,
      newLicencePool,
      newLicenceAssignment,
      supplierId,
      contractId,
      departmentId,
      serviceId,
      costPoolId,
      chargePeriod: '2032-01',
      newAwaitingOrder: () => orderBy(actors.caseOfficer),
      newApprovedOrder: () => orderBy(ivar),
      newProposedRun: () => insertProposedRun(server.database.db, '2032-01'),
      newTicket: async () => {
        const response = await actors.caseOfficer.call<{ id: string }>('POST', '/api/it-services/tickets', {
          serviceId: null,
          systemId: null,
          summary: 'Matrisens fixturfel',
          description: 'Något fungerar inte.',
          impact: 'low',
          urgency: 'low',
        });
        if (response.status !== 201)
          throw new Error(`the matrix could not report a ticket: ${response.status}`);
        return response.body.id;
      },
      componentId,
      systemId,
      otherSystemId,
      newSystem,
      portfolioPersonId,
      newRoleToEnd: () =>
        created(`/api/portfolio/systems/${systemId}/roles`, {
          role: 'systemAdministrator',
          personId: portfolioPersonId,
          validFrom: '2026-01-01',
        }),
      newRoleToAccept: async () =>
        created(`/api/portfolio/information-types/${await newInformationTypeId()}/roles`, {
          role: 'informationOwner',
          personId: staffUserId,
          validFrom: '2026-01-01',
        }),
      newInformationTypeId,
      newIntegration: () =>
        created('/api/portfolio/integrations', {
          sourceSystemId: systemId,
          targetSystemId: otherSystemId,
          informationTypeIds: [infoType],
          pattern: 'api',
          protocol: null,
          format: null,
          frequency: 'realtime',
          platform: null,
          ownerOrgUnitId: null,
          description: null,
        }),
      newDesignation: async () =>
        created('/api/portfolio/master-data', {
          informationTypeId: await newInformationTypeId(),
          systemId,
          scopeOrgUnitId: boardId,
          validFrom: '2026-01-01',
          validTo: null,
          decisionReference: null,
        }),
      ratingRoundId: round,
      managementObjectId,
      newImport: async () => {
        const ivarId = (
          await ivar.call<{ items: { id: string }[] }>('GET', '/api/portfolio/people?q=ivar%20nilsson')
        ).body.items[0]?.id;
        return insertStagedImport(server.database.db, {
          uploadedBy: ivarId ?? null,
          fileName: 'matris.csv',
          columns: ['Namn', 'Nämnd'],
          rows: [['Matrisimporten', 'Byggnadsnämnden']],
        });
      },
      classificationAnswers: Object.fromEntries(model.body.questions.map((question) => [question.id, 0])),
      staffUserId,
      unitInBoardId: unitId('Bygglovsenheten'),
      boardId: unitId('Byggnadsnämnden'),
      newApiClientId: async () => {
        const created = await admin.call<{ client: { id: string } }>('POST', '/api/api-clients', {
          name: 'Att återkalla',
          role: 'caseOfficer',
          orgUnitId: unitId('Byggnadsnämnden'),
        });
        return created.body.client.id;
      },
      personId: other.id,
      organisationId: company,
      informationTypeId: infoType,
      newCase: () => insertBuildingPermitCase(server.database.db, self.id),
      trackingToken:
        (
          await insertCase(server.database.db, {
            slug: 'allman-handling',
            applicantPersonId: null,
            data: { documents: 'Protokollet från mötet', authority: 'ks', delivery: 'pickUp' },
            anonymous: true,
          })
        ).trackingToken ?? '',
      newDraft: async () => {
        const draft = await actors.citizen.call<{ id: string }>('POST', '/api/services/drafts', {
          slug: 'allman-handling',
        });
        return draft.body.id;
      },
      unitDefinition: async () => ({
        ...(await publishedDefinition(server.database.db, 'felanmalan')),
        responsibleOrgUnitId: unitId('Bygglovsenheten'),
      }),
    };
    const document = await actors.anonymous.call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
    );
    documented = documentedOperations(document.body);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has a row for every documented route, and no row for a route that does not exist', () => {
    expect(documented.filter((operation) => !authorizationMatrix[operation])).toEqual([]);
    expect(Object.keys(authorizationMatrix).filter((operation) => !documented.includes(operation))).toEqual(
      [],
    );
  });

  it('documents every route but public reads and the bundled stand-ins, which are listed with a reason', () => {
    const unexplained = server.app.routeCatalog.filter((route) => {
      if (route.method === 'HEAD') return false;
      if (documented.includes(`${route.method} ${openApiPath(route.url)}`)) return false;
      const listed = undocumentedRoutes.find((entry) => entry.pattern.test(route.url));
      if (!listed) return true;
      if (route.external) return !route.url.startsWith('/test-idp/');
      return route.method !== 'GET' || route.access !== 'public';
    });
    expect(unexplained.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });

  it.each(Object.entries(authorizationMatrix))(
    '%s answers each kind of caller as the table says',
    async (operation, row) => {
      const method = operation.split(' ')[0] ?? 'GET';
      const audit = server.database.db.withTables<AuditTables>();
      const answered: Partial<Record<ActorKind, number>> = {};
      const expected: Partial<Record<ActorKind, number>> = {};
      for (const [column, kind] of actorKinds.entries()) {
        const { path, body } = await row.request(fixtures);
        const response = await actors[kind].call(
          method,
          path,
          body ?? (MUTATING.has(method) ? {} : undefined),
        );
        answered[kind] = response.status;
        expected[kind] = row.answers[column];
        if (row.endsSession && response.status < 400) await actors[kind].renew();

        const requestId = response.headers.get('x-request-id') ?? '';
        const entries = await audit
          .selectFrom('audit_log')
          .select(['action', 'outcome'])
          .where('request_id', '=', requestId)
          .execute();
        if (response.status >= 400) {
          expect(response.headers.get('content-type'), `${kind}: a refusal is problem+json`).toMatch(
            /^application\/problem\+json/,
          );
        }
        if (response.status === 401 || response.status === 403) {
          expect(entries, `${kind}: a refusal is audited`).toContainEqual({
            action: 'http.request',
            outcome: 'denied',
          });
        }
        if (MUTATING.has(method) && response.status < 300) {
          const own = entries.filter(
            (entry) => entry.action !== 'http.request' && entry.outcome === 'success',
          );
          expect(own.length, `${kind}: a successful write records its own audit entry`).toBeGreaterThan(0);
        }
      }
      expect(answered).toEqual(expected);
    },
  );
});
