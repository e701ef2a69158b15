import type { SystemDetail, SystemInput, SystemListResponse } from '@karna/contracts';
import { swedishDate } from '@karna/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';
const today = swedishDate();

/** A valid system owned by `boardId`, named `name`. */
function systemInput(name: string, boardId: string, changes: Partial<SystemInput> = {}): SystemInput {
  return {
    name,
    description: 'Ett verksamhetssystem som testet registrerar.',
    purpose: 'Att visa hur portföljen fungerar.',
    category: 'department',
    supportKind: 'basic',
    owningBoardId: boardId,
    usedByOrgUnitIds: [],
    userCount: 40,
    supplier: 'Testleverantören AB',
    contractReference: 'AVT-2026-1',
    hosting: 'supplier',
    technicalPlatform: 'Webb',
    documentationUrl: 'https://wiki.molnal.example/system',
    loginUrl: null,
    singleSignOn: false,
    centralAccessAdministration: false,
    criticality: { businessImpact: 2, reach: 2, transactionVolume: 2 },
    tierOverride: null,
    fit: { functionalFit: 3, technicalFit: 2 },
    ...changes,
  };
}

/** Answers to every question of the model, each the option at `index` (or the last one). */
function answersAt(model: { questions: { id: string; options: unknown[] }[] }, index: number) {
  return Object.fromEntries(
    model.questions.map((question) => [question.id, Math.min(index, question.options.length - 1)]),
  );
}

describe.each(testBackends)('the application portfolio on %s', (backend) => {
  let server: TestServer;
  let ivar: ApiBrowser; // IT strategist: keeps the portfolio
  let sara: ApiBrowser; // Stadsdirektör: becomes system owner
  let anna: ApiBrowser; // case officer: reads the open parts
  let nils: ApiBrowser; // staff without roles
  let citizen: ApiBrowser;
  const unit = new Map<string, string>();
  let saraId: string;
  let annaId: string;

  const create = async (name: string, board: string, changes: Partial<SystemInput> = {}) => {
    const response = await ivar.api<SystemDetail>('POST', '/api/portfolio/systems', {
      json: systemInput(name, unit.get(board) ?? '', changes),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const newInformationType = async (key: string) => {
    const created = await ivar.api<{ id: string }>('POST', '/api/master-data/information-types', {
      json: {
        key,
        nameSv: key,
        nameEn: key,
        description: 'Skapad av portföljens test.',
        sourceSystem: 'Kärna',
        sourceSystemRef: null,
        stewardOrgUnitId: null,
        concepts: [],
      },
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const personId = async (query: string) => {
    const found = await ivar.api<{ items: { id: string }[] }>(
      'GET',
      `/api/portfolio/people?q=${encodeURIComponent(query)}`,
    );
    expect(found.status).toBe(200);
    return found.body.items[0]?.id ?? '';
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    ivar = server.browser();
    sara = server.browser();
    anna = server.browser();
    nils = server.browser();
    citizen = server.browser();
    await ivar.loginAsStaff(staff('Ivar'));
    await sara.loginAsStaff(staff('Sara'));
    await anna.loginAsStaff(staff('Anna'));
    await nils.loginAsStaff(staff('Nils'));
    await citizen.loginAsCitizen(demoCitizens[0]?.personalNumber ?? '');
    const units = await ivar.api<{ items: { id: string; name: string }[] }>('GET', '/api/org-units');
    const byName = (name: string) => units.body.items.find((item) => item.name === name)?.id ?? '';
    unit.set('bn', byName('Byggnadsnämnden'));
    unit.set('ks', byName('Kommunstyrelsen'));
    unit.set('bygglov', byName('Bygglovsenheten'));
    unit.set('sbf', byName('Stadsbyggnadsförvaltningen'));
    saraId = await personId('Sara Lind');
    annaId = await personId('Anna Svensson');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('registers a system with derived tier and TIME, and refuses a taken name and a non-board owner', async () => {
    const system = await create('Bygglovsportalen Test', 'bn', {
      criticality: { businessImpact: 4, reach: 3, transactionVolume: 4 },
      usedByOrgUnitIds: [unit.get('bygglov') ?? ''],
    });
    expect(system.tier).toBe('gold');
    expect(system.assessedTier).toBe('gold');
    expect(system.time).toBe('migrate');
    expect(system.lifecycle).toBe('planned');
    expect(system.usedBy.map((used) => used.name)).toEqual(['Bygglovsenheten']);
    expect(system.tierPolicy?.availabilityPercent).toBeGreaterThan(99);

    const taken = await ivar.api('POST', '/api/portfolio/systems', {
      json: systemInput('BYGGLOVSPORTALEN test', unit.get('bn') ?? ''),
    });
    expect(taken.status).toBe(409);
    expect(taken.headers.get('content-type')).toContain('application/problem+json');
    const notBoard = await ivar.api<{ code: string }>('POST', '/api/portfolio/systems', {
      json: systemInput('Fel ägare', unit.get('bygglov') ?? ''),
    });
    expect(notBoard.body.code).toBe('owning_board_invalid');
    const badUrl = await ivar.api('POST', '/api/portfolio/systems', {
      json: { ...systemInput('Dålig länk', unit.get('bn') ?? ''), loginUrl: 'javascript:alert(1)' },
    });
    expect(badUrl.status).toBe(400);
    // Only the IT department registers systems.
    const byAnna = await anna.api('POST', '/api/portfolio/systems', {
      json: systemInput('Annas', unit.get('bn') ?? ''),
    });
    expect(byAnna.status).toBe(403);
  });

  it('introduces a system only with a named owner who has accepted, and keeps one owner at a time', async () => {
    const system = await create('Införandesystemet', 'ks');
    const introduce = { stage: 'introducing', from: today };
    const noOwner = await ivar.api<{ code: string }>(
      'POST',
      `/api/portfolio/systems/${system.id}/lifecycle`,
      { json: introduce },
    );
    expect(noOwner.status).toBe(409);
    expect(noOwner.body.code).toBe('accepted_owner_required');

    const given = await ivar.api<{ id: string; orgUnit: { name: string }; acceptedAt: string | null }>(
      'POST',
      `/api/portfolio/systems/${system.id}/roles`,
      { json: { role: 'systemOwner', personId: saraId, validFrom: '2026-01-01' } },
    );
    expect(given.status).toBe(201);
    expect(given.body.orgUnit.name).toBe('Kommunstyrelsen');
    expect(given.body.acceptedAt).toBeNull();
    const notAccepted = await ivar.api<{ code: string }>(
      'POST',
      `/api/portfolio/systems/${system.id}/lifecycle`,
      {
        json: introduce,
      },
    );
    expect(notAccepted.body.code).toBe('accepted_owner_required');

    expect((await anna.api('POST', `/api/portfolio/role-assignments/${given.body.id}/accept`)).status).toBe(
      403,
    );
    const mine = await sara.api<{ items: { id: string; subjectName: string; acceptedAt: string | null }[] }>(
      'GET',
      '/api/portfolio/role-assignments/mine',
    );
    expect(mine.body.items.find((item) => item.id === given.body.id)?.subjectName).toBe('Införandesystemet');
    const accepted = await sara.api<{ acceptedAt: string }>(
      'POST',
      `/api/portfolio/role-assignments/${given.body.id}/accept`,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptedAt).not.toBeNull();

    const introduced = await ivar.api<SystemDetail>('POST', `/api/portfolio/systems/${system.id}/lifecycle`, {
      json: introduce,
    });
    expect(introduced.status).toBe(200);
    expect(introduced.body.lifecycle).toBe('introducing');
    expect(introduced.body.systemOwnerName).toBe('Sara Lind');
    const operating = await sara.api<SystemDetail>('POST', `/api/portfolio/systems/${system.id}/lifecycle`, {
      json: { stage: 'operating', from: today },
    });
    expect(operating.body.lifecycle).toBe('operating');
    expect(operating.body.lifecycleHistory.map((step) => step.stage)).toEqual([
      'planned',
      'introducing',
      'operating',
    ]);
    const skip = await ivar.api<{ code: string }>('POST', `/api/portfolio/systems/${system.id}/lifecycle`, {
      json: { stage: 'retired', from: today },
    });
    expect(skip.body.code).toBe('lifecycle_move_not_allowed');

    // Exactly one owner: a second one overlapping is refused, and the only one cannot be ended.
    const second = await ivar.api<{ code: string }>('POST', `/api/portfolio/systems/${system.id}/roles`, {
      json: { role: 'systemOwner', personId: annaId, validFrom: '2026-01-01' },
    });
    expect(second.body.code).toBe('role_already_held');
    const endOnly = await ivar.api<{ code: string }>(
      'POST',
      `/api/portfolio/role-assignments/${given.body.id}/end`,
      {
        json: { validTo: '2026-12-31' },
      },
    );
    expect(endOnly.body.code).toBe('system_owner_required');
    // A successor from a later date takes over: Sara's role ends the day before.
    const successor = await ivar.api('POST', `/api/portfolio/systems/${system.id}/roles`, {
      json: { role: 'systemOwner', personId: annaId, validFrom: '2099-01-01' },
    });
    expect(successor.status).toBe(201);
    const handedOver = await ivar.api<SystemDetail>('GET', `/api/portfolio/systems/${system.id}`);
    const owners = handedOver.body.roles.filter((role) => role.role === 'systemOwner');
    expect(owners.map((role) => [role.person.name, role.validTo])).toEqual([
      ['Anna Svensson', null],
      ['Sara Lind', '2098-12-31'],
    ]);
    expect(handedOver.body.systemOwnerName).toBe('Sara Lind');
  });

  it('lets system owners edit their own system but not the owning board or tier override; others only read', async () => {
    const system = await create('Ägarsystemet', 'bn', { lifecycle: 'operating' } as Partial<SystemInput>);
    expect(
      (
        await ivar.api('POST', `/api/portfolio/systems/${system.id}/roles`, {
          json: { role: 'systemManager', personId: saraId, validFrom: '2026-01-01', workSharePercent: 50 },
        })
      ).status,
    ).toBe(201);
    const input = systemInput('Ägarsystemet', unit.get('bn') ?? '', {
      description: 'Beskrivet av systemansvarig.',
    });
    const bySara = await sara.api<SystemDetail>('PUT', `/api/portfolio/systems/${system.id}`, {
      json: input,
    });
    expect(bySara.status).toBe(200);
    expect(bySara.body.description).toBe('Beskrivet av systemansvarig.');
    expect(bySara.body.canEdit).toBe(true);
    expect(bySara.body.canManage).toBe(false);
    expect(bySara.body.security).not.toBeNull();

    const moveBoard = await sara.api<{ code: string }>('PUT', `/api/portfolio/systems/${system.id}`, {
      json: { ...input, owningBoardId: unit.get('ks') },
    });
    expect(moveBoard.status).toBe(403);
    expect(moveBoard.body.code).toBe('reserved_for_it_department');
    const override = await sara.api<{ code: string }>('PUT', `/api/portfolio/systems/${system.id}`, {
      json: { ...input, tierOverride: { tier: 'gold', justification: 'Vi tycker att det är viktigt.' } },
    });
    expect(override.body.code).toBe('reserved_for_it_department');
    const ownerRole = await sara.api('POST', `/api/portfolio/systems/${system.id}/roles`, {
      json: { role: 'systemOwner', personId: saraId, validFrom: today },
    });
    expect(ownerRole.status).toBe(403);

    // The IT department overrides the tier, with a justification.
    const overridden = await ivar.api<SystemDetail>('PUT', `/api/portfolio/systems/${system.id}`, {
      json: {
        ...input,
        tierOverride: { tier: 'silver', justification: 'Stödjer myndighetsutövning med lagkrav.' },
      },
    });
    expect(overridden.body.tier).toBe('silver');
    expect(overridden.body.assessedTier).toBe('bronze');
    expect(overridden.body.roleGaps).toEqual(
      expect.arrayContaining(['noSystemOwner', 'managerNotFullTime', 'noSystemCustodian']),
    );

    // Anna holds no role and no confidential reading: she sees the open parts only.
    const byAnna = await anna.api<SystemDetail>('GET', `/api/portfolio/systems/${system.id}`);
    expect(byAnna.status).toBe(200);
    expect(byAnna.body.security).toBeNull();
    expect(byAnna.body.canEdit).toBe(false);
    expect((await anna.api('PUT', `/api/portfolio/systems/${system.id}`, { json: input })).status).toBe(403);
    expect((await nils.api('GET', '/api/portfolio/systems')).status).toBe(200);
    expect((await citizen.api('GET', '/api/portfolio/systems')).status).toBe(403);
    expect((await server.browser().api('GET', '/api/portfolio/systems')).status).toBe(401);
  });

  it('separates duties: a role is given by one above it, never to oneself, and owner and custodian are two people', async () => {
    const system = await create('Rollsystemet', 'bn');
    const ivarId = await personId('Ivar Nilsson');
    const appoint = (browser: ApiBrowser, role: string, person: string) =>
      browser.api<{ code: string }>('POST', `/api/portfolio/systems/${system.id}/roles`, {
        json: { role, personId: person, validFrom: today, workSharePercent: null },
      });
    // The IT department appoints the owner, never itself, and records its own custodian.
    expect((await appoint(ivar, 'systemOwner', ivarId)).body.code).toBe('role_granted_by_others');
    expect((await appoint(ivar, 'systemOwner', saraId)).status).toBe(201);
    expect((await appoint(ivar, 'systemCustodian', saraId)).body.code).toBe('roles_conflict');
    expect((await appoint(ivar, 'systemCustodian', ivarId)).status).toBe(201);
    // The owner appoints a manager; nobody gives themselves a role.
    expect((await appoint(sara, 'systemAdministrator', saraId)).body.code).toBe('role_granted_by_others');
    expect((await appoint(sara, 'systemManager', annaId)).status).toBe(201);
    // The manager gives roles below hers, not those beside or above it.
    const refused = await appoint(anna, 'systemOwnerDelegate', await personId('Nils'));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('role_above_yours');
    expect((await appoint(anna, 'systemManager', await personId('Nils'))).body.code).toBe('role_above_yours');
    expect((await appoint(anna, 'systemCustodian', await personId('Nils'))).body.code).toBe(
      'reserved_for_it_department',
    );
    expect((await appoint(anna, 'superUser', await personId('Nils'))).status).toBe(201);
    // Ending follows the same rule: the manager cannot end the owner's role.
    const detail = await ivar.api<SystemDetail>('GET', `/api/portfolio/systems/${system.id}`);
    const owner = detail.body.roles.find((role) => role.role === 'systemOwner');
    const ended = await anna.api<{ code: string }>(
      'POST',
      `/api/portfolio/role-assignments/${owner?.id}/end`,
      {
        json: { validTo: today },
      },
    );
    expect(ended.body.code).toBe('reserved_for_it_department');
    // The system page offers each person the roles they may appoint.
    const forAnna = await anna.api<SystemDetail>('GET', `/api/portfolio/systems/${system.id}`);
    expect(forAnna.body.appointableRoles).toEqual(['systemAdministrator', 'superUser']);
    const forSara = await sara.api<SystemDetail>('GET', `/api/portfolio/systems/${system.id}`);
    expect(forSara.body.appointableRoles).toEqual([
      'systemOwnerDelegate',
      'systemManager',
      'systemAdministrator',
      'superUser',
    ]);
    expect(detail.body.appointableRoles).toHaveLength(6);
    const forNils = await nils.api<SystemDetail>('GET', `/api/portfolio/systems/${system.id}`);
    expect(forNils.body.appointableRoles).toEqual([]);
  });

  it('classifies information through the questionnaire; a system inherits the highest levels and their controls', async () => {
    const model = await ivar.api<{
      name: string;
      version: string;
      questions: { id: string; options: unknown[] }[];
    }>('GET', '/api/portfolio/classification-model');
    expect(model.body.name).toBe('KLASSA');
    const low = await newInformationType('testOpenData');
    const high = await newInformationType('testCareRecords');

    const incomplete = await ivar.api<{ code: string; errors: unknown[] }>(
      'POST',
      `/api/portfolio/information-types/${low.id}/classifications`,
      { json: { answers: { personalData: 1 } } },
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.code).toBe('classification_answers_invalid');
    const unknownOption = await ivar.api(
      'POST',
      `/api/portfolio/information-types/${low.id}/classifications`,
      {
        json: { answers: { ...answersAt(model.body, 0), personalData: 19 } },
      },
    );
    expect(unknownOption.status).toBe(400);

    const lowResult = await ivar.api<{
      current: { levels: Record<string, { label: string }>; modelVersion: string };
    }>('POST', `/api/portfolio/information-types/${low.id}/classifications`, {
      json: { answers: answersAt(model.body, 0) },
    });
    expect(lowResult.status).toBe(201);
    expect(lowResult.body.current.levels.confidentiality?.label).toBe('Försumbar');
    expect(lowResult.body.current.modelVersion).toBe(model.body.version);
    const highResult = await ivar.api<{ current: { levels: Record<string, { label: string }> } }>(
      'POST',
      `/api/portfolio/information-types/${high.id}/classifications`,
      { json: { answers: answersAt(model.body, 3), legalBases: ['OSL 26 kap. 1 §'] } },
    );
    expect(highResult.body.current.levels.confidentiality?.label).toBe('Synnerligen allvarlig');

    const system = await create('Klassningssystemet', 'bn');
    const held = await ivar.api<SystemDetail>('PUT', `/api/portfolio/systems/${system.id}/information`, {
      json: {
        items: [
          { informationTypeId: low.id, create: true, read: true, update: true, delete: false },
          { informationTypeId: high.id, create: false, read: true, update: false, delete: false },
        ],
      },
    });
    expect(held.status).toBe(200);
    const security = held.body.security;
    expect(security?.requiredProtection?.confidentiality.label).toBe('Synnerligen allvarlig');
    expect(security?.requiredControls.map((control) => control.key)).toEqual(
      expect.arrayContaining(['mfa', 'encryptionAtRest']),
    );
    expect(security?.unclassifiedInformation).toBe(0);

    // Integrations carrying the information inherit its levels.
    const other = await create('Mottagarsystemet', 'bn');
    const integration = await ivar.api<{ protection: { confidentiality: { label: string } } }>(
      'POST',
      '/api/portfolio/integrations',
      {
        json: {
          sourceSystemId: system.id,
          targetSystemId: other.id,
          informationTypeIds: [high.id],
          pattern: 'api',
          protocol: 'REST',
          format: 'JSON',
          frequency: 'realtime',
          platform: null,
          ownerOrgUnitId: null,
          description: null,
        },
      },
    );
    expect(integration.status).toBe(201);
    expect(integration.body.protection.confidentiality.label).toBe('Synnerligen allvarlig');
    const loop = await ivar.api('POST', '/api/portfolio/integrations', {
      json: {
        sourceSystemId: system.id,
        targetSystemId: system.id,
        informationTypeIds: [high.id],
        pattern: 'api',
        protocol: null,
        format: null,
        frequency: 'daily',
        platform: null,
        ownerOrgUnitId: null,
        description: null,
      },
    });
    expect(loop.status).toBe(400);
    const graph = await ivar.api<{ nodes: { id: string }[]; edges: { source: string; target: string }[] }>(
      'GET',
      `/api/portfolio/graph?informationTypeId=${high.id}`,
    );
    expect(graph.body.edges).toContainEqual(expect.objectContaining({ source: system.id, target: other.id }));

    // Anna may not see classifications, nor classify.
    expect((await anna.api('GET', `/api/portfolio/information-types/${high.id}/classification`)).status).toBe(
      403,
    );
    expect(
      (
        await anna.api('POST', `/api/portfolio/information-types/${high.id}/classifications`, {
          json: { answers: answersAt(model.body, 0) },
        })
      ).status,
    ).toBe(403);
  });

  it('keeps at most one authoritative system per information type and scope on any day', async () => {
    const typeId = (await newInformationType('testMasterData')).id;
    const first = await create('Masterkällan', 'ks');
    const second = await create('Masterkällan två', 'ks');
    const designation = (systemId: string, scope: string | null, validFrom: string) => ({
      informationTypeId: typeId,
      systemId,
      scopeOrgUnitId: scope,
      validFrom,
      validTo: null,
      decisionReference: 'KS 2026/1',
    });
    const scope = unit.get('sbf') ?? '';
    const made = await ivar.api<{ id: string; systemName: string }>('POST', '/api/portfolio/master-data', {
      json: designation(first.id, scope, '2026-01-01'),
    });
    expect(made.status).toBe(201);
    const overlapping = await ivar.api<{ code: string }>('POST', '/api/portfolio/master-data', {
      json: designation(second.id, scope, '2026-06-01'),
    });
    expect(overlapping.body.code).toBe('designation_overlaps');
    expect(
      (
        await ivar.api('POST', '/api/portfolio/master-data', {
          json: designation(second.id, unit.get('bygglov') ?? '', '2026-06-01'),
        })
      ).status,
    ).toBe(201);
    const ended = await ivar.api('POST', `/api/portfolio/master-data/${made.body.id}/end`, {
      json: { validTo: '2026-05-31' },
    });
    expect(ended.status).toBe(200);
    expect(
      (
        await ivar.api('POST', '/api/portfolio/master-data', {
          json: designation(second.id, scope, '2026-06-01'),
        })
      ).status,
    ).toBe(201);
    const onDay = await ivar.api<{ items: { systemName: string; scopeOrgUnitName: string }[] }>(
      'GET',
      `/api/portfolio/master-data?informationTypeId=${typeId}&on=2026-03-01`,
    );
    expect(
      onDay.body.items
        .filter((item) => item.scopeOrgUnitName === 'Stadsbyggnadsförvaltningen')
        .map((item) => item.systemName),
    ).toEqual(['Masterkällan']);
    // The register names the system designated for the whole municipality today beside its own text.
    const authoritative = async () =>
      (
        await ivar.api<{ items: { id: string; authoritativeSystem: { id: string; name: string } | null }[] }>(
          'GET',
          '/api/master-data/information-types',
        )
      ).body.items.find((item) => item.id === typeId)?.authoritativeSystem;
    expect(await authoritative()).toBeNull();
    const wide = await ivar.api('POST', '/api/portfolio/master-data', {
      json: designation(first.id, null, today),
    });
    expect(wide.status).toBe(201);
    expect(await authoritative()).toEqual({ id: first.id, name: 'Masterkällan' });
    expect(
      (
        await anna.api('POST', '/api/portfolio/master-data', {
          json: designation(first.id, null, '2030-01-01'),
        })
      ).status,
    ).toBe(403);
  });

  it('draws a large graph as a map of boards, and lists the integrations behind it page by page', async () => {
    type Graph = {
      grouping: string;
      systems: number;
      integrations: number;
      nodes: { id: string; kind: string; systems: number; focus: boolean }[];
      edges: { integrations: number; pattern: string }[];
    };
    const whole = await ivar.api<Graph>('GET', '/api/portfolio/graph');
    expect(whole.body.grouping).toBe('none');
    expect(whole.body.nodes).toHaveLength(whole.body.systems);
    const map = await ivar.api<Graph>('GET', '/api/portfolio/graph?maxBoxes=10');
    expect(map.body.grouping).toBe('boards');
    expect(map.body.systems).toBe(whole.body.systems);
    expect(map.body.integrations).toBe(whole.body.integrations);
    expect(map.body.nodes.every((node) => node.kind === 'group')).toBe(true);
    expect(map.body.nodes.reduce((sum, node) => sum + node.systems, 0)).toBe(whole.body.systems);
    const drawn = map.body.edges.reduce((sum, edge) => sum + edge.integrations, 0);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(whole.body.integrations);
    expect((await ivar.api('GET', '/api/portfolio/graph?maxBoxes=1')).status).toBe(400);

    // A department: its own systems stay boxes while its partners are gathered by board.
    const department = `orgUnitId=${unit.get('sbf')}`;
    const full = await ivar.api<Graph>('GET', `/api/portfolio/graph?${department}`);
    const own = full.body.nodes.filter((node) => node.focus).length;
    const partners = await ivar.api<Graph>('GET', `/api/portfolio/graph?${department}&maxBoxes=${own + 8}`);
    expect(partners.body.grouping).toBe('partners');
    expect(partners.body.nodes.filter((node) => node.kind === 'system')).toHaveLength(own);

    // The table under the map: the same integrations, by the systems' names, a page at a time.
    const pageOf = async (page: number) =>
      (
        await ivar.api<{ total: number; items: { sourceSystemName: string; targetSystemName: string }[] }>(
          'GET',
          `/api/portfolio/integrations?${department}&limit=10&page=${page}`,
        )
      ).body;
    const first = await pageOf(1);
    expect(first.total).toBe(full.body.integrations);
    const rows = [...first.items, ...(await pageOf(2)).items];
    const collator = new Intl.Collator('sv');
    const names = rows.map((row) => row.sourceSystemName);
    expect(names).toEqual([...names].sort(collator.compare));
  });

  it('lists, filters and sorts in Swedish order, and reports single sign-on among the most important', async () => {
    await create('Öppet system', 'ks', { criticality: null });
    await create('Ärendesystem Z', 'ks', { criticality: null });
    await create('Zebrasystemet', 'ks', { criticality: null });
    const list = await ivar.api<SystemListResponse>(
      'GET',
      '/api/portfolio/systems?tier=none&sort=name&limit=200',
    );
    const names = list.body.items.map((item) => item.name);
    expect(names.indexOf('Zebrasystemet')).toBeLessThan(names.indexOf('Ärendesystem Z'));
    expect(names.indexOf('Ärendesystem Z')).toBeLessThan(names.indexOf('Öppet system'));
    const searched = await ivar.api<SystemListResponse>('GET', '/api/portfolio/systems?q=zebra');
    expect(searched.body.items.map((item) => item.name)).toEqual(['Zebrasystemet']);
    const mine = await sara.api<SystemListResponse>('GET', '/api/portfolio/systems?mine=true&limit=200');
    expect(mine.body.items.map((item) => item.name)).toContain('Ägarsystemet');
    expect(mine.body.items.map((item) => item.name)).not.toContain('Zebrasystemet');

    // By owning board: boards in Swedish order, names within each; pages cut across boards.
    const byBoard = async (sort: string, limit: number, page = 1) =>
      (
        await ivar.api<SystemListResponse>(
          'GET',
          `/api/portfolio/systems?sort=${sort}&limit=${limit}&page=${page}`,
        )
      ).body;
    const whole = await byBoard('owningBoard', 200);
    expect(whole.items).toHaveLength(whole.total);
    const key = (item: SystemListResponse['items'][number]) => `${item.owningBoard.name}\u0000${item.name}`;
    const collator = new Intl.Collator('sv');
    const boardsInOrder = [...new Set(whole.items.map((item) => item.owningBoard.name))];
    expect(boardsInOrder).toEqual([...boardsInOrder].sort(collator.compare));
    expect(boardsInOrder.length).toBeGreaterThan(2);
    const pages = [];
    for (let page = 1; page <= Math.ceil(whole.total / 13); page++)
      pages.push(...(await byBoard('owningBoard', 13, page)).items);
    expect(pages.map(key)).toEqual(whole.items.map(key));
    const descending = await byBoard('-owningBoard', 200);
    expect(descending.items.map((item) => item.id)).toEqual(whole.items.map((item) => item.id).reverse());
    expect((await byBoard('owningBoard', 50, 99)).items).toEqual([]);

    const before = await ivar.api<{
      withSingleSignOn: number;
      systems: { id: string; singleSignOn: boolean }[];
    }>('GET', '/api/portfolio/reports/sso-coverage?top=10');
    expect(before.status).toBe(200);
    const gold = await create('Guldsystemet utan SSO', 'ks', {
      criticality: { businessImpact: 4, reach: 4, transactionVolume: 4 },
      userCount: 10_000_000,
      lifecycle: 'operating',
    } as Partial<SystemInput>);
    const withGold = await ivar.api<{ withSingleSignOn: number; systems: { id: string }[] }>(
      'GET',
      '/api/portfolio/reports/sso-coverage?top=10',
    );
    expect(withGold.body.systems[0]?.id).toBe(gold.id);
    await ivar.api('PUT', `/api/portfolio/systems/${gold.id}`, {
      json: systemInput('Guldsystemet utan SSO', unit.get('ks') ?? '', {
        criticality: { businessImpact: 4, reach: 4, transactionVolume: 4 },
        userCount: 10_000_000,
        singleSignOn: true,
      }),
    });
    const after = await ivar.api<{ withSingleSignOn: number }>(
      'GET',
      '/api/portfolio/reports/sso-coverage?top=10',
    );
    expect(after.body.withSingleSignOn).toBe(withGold.body.withSingleSignOn + 1);

    for (const report of ['tiers', 'role-coverage', 'classification-overdue', 'innovation']) {
      expect((await nils.api('GET', `/api/portfolio/reports/${report}`)).status).toBe(200);
    }
  });

  it('collects ratings in an open round and reports the share rated 4 or 5', async () => {
    const round = await ivar.api<{ id: string; open: boolean }>('POST', '/api/portfolio/rating-rounds', {
      json: { name: 'Testenkät', opensOn: '2026-01-01', closesOn: '2099-12-31' },
    });
    expect(round.status).toBe(201);
    expect(round.body.open).toBe(true);
    const system = await create('Betygssystemet', 'ks');
    const rateAs = (browser: ApiBrowser, score: number, comment: string | null = null) =>
      browser.api('POST', `/api/portfolio/rating-rounds/${round.body.id}/ratings`, {
        json: { systemId: system.id, score, comment },
      });
    expect((await rateAs(nils, 2)).status).toBe(204);
    expect((await rateAs(nils, 5, 'Bättre nu.')).status).toBe(204); // a second rating replaces the first
    expect((await rateAs(anna, 3)).status).toBe(204);
    expect((await rateAs(nils, 6)).status).toBe(400);
    const results = await ivar.api<{
      ratings: number;
      shareHigh: number;
      systems: { id: string; comments: string[] | null; distribution: number[] }[];
    }>('GET', `/api/portfolio/rating-rounds/${round.body.id}/results`);
    expect(results.body.ratings).toBe(2);
    expect(results.body.shareHigh).toBe(0.5);
    const row = results.body.systems.find((item) => item.id === system.id);
    expect(row?.distribution).toEqual([0, 0, 1, 0, 1]);
    expect(row?.comments).toEqual(['Bättre nu.']);
    const byNils = await nils.api<{
      systems: { id: string; comments: string[] | null }[];
      mine: { score: number }[];
    }>('GET', `/api/portfolio/rating-rounds/${round.body.id}/results`);
    expect(byNils.body.systems.find((item) => item.id === system.id)?.comments).toBeNull();
    expect(byNils.body.mine.map((item) => item.score)).toEqual([5]);

    const closed = await ivar.api<{ id: string }>('POST', '/api/portfolio/rating-rounds', {
      json: { name: 'Gammal enkät', opensOn: '2020-01-01', closesOn: '2020-01-31' },
    });
    const late = await nils.api<{ code: string }>(
      'POST',
      `/api/portfolio/rating-rounds/${closed.body.id}/ratings`,
      {
        json: { systemId: system.id, score: 4, comment: null },
      },
    );
    expect(late.body.code).toBe('rating_round_closed');
  });

  it('keeps the standard assortment and shows the systems standing on a component being phased out', async () => {
    const components = await nils.api<{
      items: { id: string; name: string; status: string; systems: unknown[] }[];
    }>('GET', '/api/portfolio/components');
    const oracle = components.body.items.find((item) => item.name === 'Oracle Database');
    expect(oracle?.status).toBe('phasingOut');
    expect(oracle?.systems.length).toBeGreaterThan(0);

    const component = (body: Record<string, unknown> = {}) => ({
      name: 'Testplattformen',
      kind: 'platform',
      status: 'standard',
      description: null,
      replacedById: null,
      ...body,
    });
    const created = await ivar.api<{ id: string }>('POST', '/api/portfolio/components', {
      json: component(),
    });
    expect(created.status).toBe(201);
    expect(
      (await ivar.api('POST', '/api/portfolio/components', { json: component({ name: 'TESTPLATTFORMEN' }) }))
        .status,
    ).toBe(409);
    expect(
      (await anna.api('POST', '/api/portfolio/components', { json: component({ name: 'Annas' }) })).status,
    ).toBe(403);
    const system = await create('Komponentsystemet', 'ks');
    const set = await ivar.api<SystemDetail>('PUT', `/api/portfolio/systems/${system.id}/components`, {
      json: { componentIds: [created.body.id] },
    });
    expect(set.body.components.map((item) => item.name)).toEqual(['Testplattformen']);
    const phasedOut = await ivar.api<{ status: string; replacedByName: string; systems: { name: string }[] }>(
      'PUT',
      `/api/portfolio/components/${created.body.id}`,
      { json: component({ status: 'phasingOut', replacedById: oracle?.id ?? null }) },
    );
    expect(phasedOut.body).toMatchObject({ status: 'phasingOut', replacedByName: 'Oracle Database' });
    expect(phasedOut.body.systems.map((item) => item.name)).toEqual(['Komponentsystemet']);
    const itself = await ivar.api('PUT', `/api/portfolio/components/${created.body.id}`, {
      json: component({ replacedById: created.body.id }),
    });
    expect(itself.status).toBe(404);
    expect(
      (
        await anna.api('PUT', `/api/portfolio/systems/${system.id}/components`, {
          json: { componentIds: [] },
        })
      ).status,
    ).toBe(403);
    const csv = await nils.api<string>('GET', '/api/portfolio/exports/components');
    expect(csv.body).toContain('Testplattformen;plattform;avvecklas;Oracle Database;1;Komponentsystemet');
  });

  it("reports on the demo municipality's portfolio: tiers near MOL's mix, role gaps, overdue classification, overdue trials, ratings", async () => {
    const tiers = await nils.api<{ rows: { tier: string | null; count: number }[] }>(
      'GET',
      '/api/portfolio/reports/tiers',
    );
    const perTier = (tier: string) =>
      tiers.body.rows.filter((row) => row.tier === tier).reduce((sum, row) => sum + row.count, 0);
    expect(perTier('gold')).toBeGreaterThanOrEqual(8);
    expect(perTier('silver')).toBeGreaterThanOrEqual(20);
    const coverage = await nils.api<{
      systems: number;
      withOwner: number;
      gaps: { system: { tier: string }; gaps: string[] }[];
    }>('GET', '/api/portfolio/reports/role-coverage');
    expect(coverage.body.withOwner).toBeLessThanOrEqual(coverage.body.systems);
    expect(
      coverage.body.gaps.some(
        (entry) => entry.system.tier === 'gold' && entry.gaps.includes('noSystemManager'),
      ),
    ).toBe(true);
    expect(coverage.body.gaps.flatMap((entry) => entry.gaps)).toContain('ownerNotAccepted');
    const overdue = await ivar.api<{ items: { reason: string }[] }>(
      'GET',
      '/api/portfolio/reports/classification-overdue',
    );
    expect(new Set(overdue.body.items.map((item) => item.reason))).toEqual(new Set(['never', 'overdue']));
    const trials = await nils.api<{ items: { overdue: boolean }[] }>(
      'GET',
      '/api/portfolio/reports/innovation',
    );
    expect(trials.body.items.filter((item) => item.overdue).length).toBeGreaterThanOrEqual(3);
    const rounds = await nils.api<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/portfolio/rating-rounds',
    );
    const survey = rounds.body.items.find((round) => round.name === 'Systemenkät 2026');
    const results = await nils.api<{ shareHigh: number; ratings: number }>(
      'GET',
      `/api/portfolio/rating-rounds/${survey?.id}/results`,
    );
    expect(results.body.ratings).toBeGreaterThan(1000);
    expect(results.body.shareHigh).toBeGreaterThan(0.6);
    expect(results.body.shareHigh).toBeLessThan(0.75);
  });
});
