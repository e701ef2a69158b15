import { swedishDate } from '@karna/contracts';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { cachedOrgUnits, can, type OrgUnitRow } from '../identity/index.ts';
import { itServicesError } from './it-services.errors.ts';

/**
 * Who may do what with IT services. One scope rule, through identity's `can`:
 * - the IT department keeps the catalog and chargeback for the whole municipality
 *   (`itServices.manage` granted at the municipality, the organisation's root);
 * - a department's authorised orderer (`itServices.order` over the department) places and
 *   approves its orders and reads its charges; the IT department holds that for every department;
 * - staff who work in a department (`itServices.request` through a grant on the department, a unit
 *   in it, or above it) ask for orders there, which the orderer approves.
 * Charges are per department (förvaltning): a unit's order is the department's.
 */
export class ItServicesAccess {
  readonly actor: Actor;
  readonly units: Map<string, OrgUnitRow>;
  readonly today: string;

  private constructor(actor: Actor, units: Map<string, OrgUnitRow>, today: string) {
    this.actor = actor;
    this.units = units;
    this.today = today;
  }

  static async load(db: Kysely<unknown>, actor: Actor): Promise<ItServicesAccess> {
    const units = await cachedOrgUnits(db);
    return new ItServicesAccess(actor, new Map(units.map((unit) => [unit.id, unit])), swedishDate());
  }

  /** The operator at the command line and the demo seed: the IT department for the whole municipality. */
  static async forOperator(db: Kysely<unknown>): Promise<ItServicesAccess> {
    const units = await cachedOrgUnits(db);
    const root = units.find((unit) => unit.parentId === null);
    const actor: Actor = {
      type: 'apiClient',
      clientId: 'karna-cli',
      displayName: 'karna',
      grants: root
        ? [{ role: 'itDepartment', orgUnitId: root.id, orgUnitPath: root.path, orgUnitName: root.name }]
        : [],
    };
    return new ItServicesAccess(actor, new Map(units.map((unit) => [unit.id, unit])), swedishDate());
  }

  get userId(): string | null {
    return this.actor.type === 'staff' ? this.actor.userId : null;
  }

  get displayName(): string {
    return this.actor.type === 'anonymous' ? '' : this.actor.displayName;
  }

  get root(): OrgUnitRow | undefined {
    return [...this.units.values()].find((unit) => unit.parentId === null);
  }

  /** The departments (förvaltningar): the units that order and pay. */
  departments(): OrgUnitRow[] {
    return [...this.units.values()].filter((unit) => unit.kind === 'department');
  }

  department(id: string): OrgUnitRow {
    const unit = this.units.get(id);
    if (unit?.kind !== 'department') throw itServicesError('department_unknown');
    return unit;
  }

  departmentName(id: string): string {
    return this.units.get(id)?.name ?? '';
  }

  /** Keeps the catalog, deliveries and chargeback: the IT department for the whole municipality. */
  manages(): boolean {
    const root = this.root;
    return root !== undefined && can(this.actor, 'itServices.manage', root.path);
  }

  /** The department's authorised orderer (or the IT department): orders, approves, reads charges. */
  ordersFor(department: OrgUnitRow): boolean {
    return can(this.actor, 'itServices.order', department.path);
  }

  /** Works in the department (or above it) with a role that may ask for orders. */
  requestsFor(department: OrgUnitRow): boolean {
    if (can(this.actor, 'itServices.request', department.path)) return true;
    if (this.actor.type === 'anonymous' || this.actor.type === 'citizen') return false;
    return this.actor.grants.some(
      (grant) =>
        grant.orgUnitPath.startsWith(department.path) &&
        can(this.actor, 'itServices.request', grant.orgUnitPath),
    );
  }

  assertManage(): void {
    if (!this.manages()) throw forbidden();
  }
}

export function forbidden(): AppError<'forbidden'> {
  return new AppError('forbidden');
}
