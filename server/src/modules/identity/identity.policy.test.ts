import type { Permission } from '@karna/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/http/access.ts';
import { can, permissionsOf } from './identity.policy.ts';

const KS = '/root/ks/';
const BN = '/root/bn/';
const BYGGLOV = '/root/bn/sbf/bygglov/';

function staff(...grants: [role: string, path: string][]): Actor {
  return person('staff', grants);
}

function person(type: 'citizen' | 'staff', grants: [role: string, path: string][] = []): Actor {
  return {
    type,
    userId: 'u',
    displayName: 'Test',
    sessionId: 's',
    sessionExpiresAt: new Date(),
    assuranceLevel: null,
    csrfToken: 't',
    personalNumber: null,
    actingFor: null,
    grants: grants.map(
      ([role, orgUnitPath]): Grant => ({
        role,
        orgUnitId: orgUnitPath,
        orgUnitPath,
        orgUnitName: orgUnitPath,
      }),
    ),
  };
}

const citizen: Actor = person('citizen');
const anonymous: Actor = { type: 'anonymous' };
const rootAdmin = staff(['administrator', '/root/']);
const bnAdmin = staff(['administrator', BN]);
const officer = staff(['caseOfficer', BYGGLOV]);

describe('can(actor, permission, orgUnitPath)', () => {
  const table: [
    name: string,
    actor: Actor,
    permission: Permission,
    path: string | undefined,
    expected: boolean,
  ][] = [
    ['anonymous holds nothing', anonymous, 'myPages.use', undefined, false],
    ['a citizen uses Mina sidor', citizen, 'myPages.use', undefined, true],
    ['a citizen has no staff workspace', citizen, 'workspace.use', undefined, false],
    ['a citizen cannot read tasks even with a path', citizen, 'tasks.read', BYGGLOV, false],
    ['an officer reads tasks in their unit', officer, 'tasks.read', BYGGLOV, true],
    ['an officer reads tasks below their unit', officer, 'tasks.read', `${BYGGLOV}team/`, true],
    ['an officer does not read tasks of the board above', officer, 'tasks.read', BN, false],
    ['an officer does not read tasks of another board', officer, 'tasks.read', KS, false],
    ['an officer cannot manage roles', officer, 'users.manageRoles', BYGGLOV, false],
    ['a board administrator manages roles in the board', bnAdmin, 'users.manageRoles', BYGGLOV, true],
    ['a board administrator does not manage roles elsewhere', bnAdmin, 'users.manageRoles', KS, false],
    ['the municipality administrator manages roles everywhere', rootAdmin, 'users.manageRoles', KS, true],
    ['an unknown role grants nothing', staff(['emperor', '/root/']), 'tasks.read', KS, false],
    ['staff without roles still have their start page', staff(), 'workspace.use', undefined, true],
    ['staff without roles read no tasks', staff(), 'tasks.read', undefined, false],
  ];
  it.each(table)('%s', (_name, actor, permission, path, expected) => {
    expect(can(actor, permission, path)).toBe(expected);
  });

  it('does not let a sibling path with the same prefix through', () => {
    expect(can(staff(['caseOfficer', '/root/bn/']), 'tasks.read', '/root/bnx/')).toBe(false);
  });
});

describe('permissionsOf', () => {
  it('unites the permissions of every role held', () => {
    const both = staff(['caseOfficer', BYGGLOV], ['itDepartment', KS]);
    expect(permissionsOf(both).sort()).toEqual([
      'cases.handle',
      'cases.read',
      'itServices.manage',
      'itServices.order',
      'itServices.read',
      'itServices.request',
      'masterData.manage',
      'org.read',
      'persons.lookup',
      'portfolio.manage',
      'portfolio.read',
      'portfolio.readConfidential',
      'registry.read',
      'tasks.read',
      'users.read',
      'workspace.use',
    ]);
    expect(permissionsOf(citizen)).toEqual(['myPages.use']);
    expect(permissionsOf(staff())).toEqual(['workspace.use', 'portfolio.read', 'itServices.read']);
    expect(permissionsOf(anonymous)).toEqual([]);
  });
});
