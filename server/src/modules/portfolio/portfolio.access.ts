import { swedishDate } from '@karna/contracts';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { cachedOrgUnits, can, type OrgUnitRow } from '../identity/index.ts';
import { portfolioDb } from './portfolio.tables.ts';

/**
 * Who may do what with a system. The IT department (`portfolio.manage` over the owning board)
 * keeps everything; the people who hold a system's governing roles today edit that system (M2);
 * readers with `portfolio.readConfidential` over the owning board, and anyone with a role on the
 * system, also see its classification; everyone else with `portfolio.read` sees the open parts.
 */

/** The roles that make a person one of those who edit the system. */
export const EDITING_ROLES = new Set([
  'systemOwner',
  'systemOwnerDelegate',
  'systemManager',
  'systemCustodian',
]);

/** A unit of the organisation as identity keeps it. */
export type OrgUnit = OrgUnitRow;

export class PortfolioAccess {
  readonly actor: Actor;
  readonly units: Map<string, OrgUnit>;
  /** The roles the actor holds today, by system id. */
  private readonly heldRoles: Map<string, Set<string>>;
  readonly today: string;

  private constructor(
    actor: Actor,
    units: Map<string, OrgUnit>,
    heldRoles: Map<string, Set<string>>,
    today: string,
  ) {
    this.actor = actor;
    this.units = units;
    this.heldRoles = heldRoles;
    this.today = today;
  }

  /** The operator at the command line: the IT department for the whole municipality. */
  static async forOperator(db: Kysely<unknown>): Promise<PortfolioAccess> {
    const units = new Map((await cachedOrgUnits(db)).map((unit) => [unit.id, unit]));
    const root = [...units.values()].find((unit) => unit.parentId === null);
    const actor: Actor = {
      type: 'apiClient',
      clientId: 'karna-cli',
      displayName: 'karna',
      grants: root
        ? [{ role: 'itDepartment', orgUnitId: root.id, orgUnitPath: root.path, orgUnitName: root.name }]
        : [],
    };
    return new PortfolioAccess(actor, units, new Map(), swedishDate());
  }

  static async load(db: Kysely<unknown>, actor: Actor): Promise<PortfolioAccess> {
    const today = swedishDate();
    const [units, heldRoles] = await Promise.all([
      cachedOrgUnits(db),
      actor.type === 'staff' ? rolesHeldBy(db, actor.userId, today) : new Map<string, Set<string>>(),
    ]);
    return new PortfolioAccess(actor, new Map(units.map((unit) => [unit.id, unit])), heldRoles, today);
  }

  get userId(): string | null {
    return this.actor.type === 'staff' ? this.actor.userId : null;
  }

  unitName(id: string | null): string | null {
    return id ? (this.units.get(id)?.name ?? null) : null;
  }

  /** The ids of the unit and every unit below it. */
  subtree(unitId: string): string[] {
    const root = this.units.get(unitId);
    if (!root) return [];
    return [...this.units.values()].filter((unit) => unit.path.startsWith(root.path)).map((unit) => unit.id);
  }

  private pathOf(unitId: string): string {
    // An unknown unit gets a path no grant covers, so only the municipality-wide check decides.
    return this.units.get(unitId)?.path ?? '\u0000';
  }

  /** Keeps the portfolio for systems owned by this board (the IT department). */
  manages(boardId: string): boolean {
    return can(this.actor, 'portfolio.manage', this.pathOf(boardId));
  }

  managesAnything(): boolean {
    return can(this.actor, 'portfolio.manage');
  }

  rolesOn(systemId: string): ReadonlySet<string> {
    return this.heldRoles.get(systemId) ?? new Set();
  }

  systemIdsWithRoles(): string[] {
    return [...this.heldRoles.keys()];
  }

  canEdit(system: { id: string; owning_board_id: string }): boolean {
    return (
      this.manages(system.owning_board_id) ||
      [...this.rolesOn(system.id)].some((role) => EDITING_ROLES.has(role))
    );
  }

  canReadConfidential(system: { id: string; owning_board_id: string }): boolean {
    return (
      this.manages(system.owning_board_id) ||
      can(this.actor, 'portfolio.readConfidential', this.pathOf(system.owning_board_id)) ||
      this.rolesOn(system.id).size > 0
    );
  }

  /**
   * May read an information type's classification: those who read classifications for the
   * municipality or a part of it (the IT department, system owners by their staff role), and those
   * who may read the classification of a system holding the information.
   */
  readsClassificationOf(holders: readonly { id: string; owning_board_id: string }[]): boolean {
    return (
      can(this.actor, 'portfolio.readConfidential') ||
      holders.some((system) => this.canReadConfidential(system))
    );
  }

  /** Keeps master data for the scope (a unit, or the whole municipality when null). */
  managesMasterData(scopeUnitId: string | null): boolean {
    const root = [...this.units.values()].find((unit) => unit.parentId === null);
    const scope = scopeUnitId ?? root?.id;
    return scope !== undefined && can(this.actor, 'masterData.manage', this.pathOf(scope));
  }

  assertEdit(system: { id: string; owning_board_id: string }): void {
    if (!this.canEdit(system)) throw forbidden();
  }

  assertManage(boardId: string): void {
    if (!this.manages(boardId)) throw forbidden();
  }
}

/** The roles a person holds on systems on the day, by system id. */
async function rolesHeldBy(db: Kysely<unknown>, personId: string, day: string) {
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_role_assignments')
    .select(['subject_id', 'role'])
    .where('subject_type', '=', 'system')
    .where('person_id', '=', personId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .execute();
  const held = new Map<string, Set<string>>();
  for (const row of rows) held.set(row.subject_id, (held.get(row.subject_id) ?? new Set()).add(row.role));
  return held;
}

/** A refusal: the platform's 403 `forbidden`. */
export function forbidden(): AppError<'forbidden'> {
  return new AppError('forbidden');
}
