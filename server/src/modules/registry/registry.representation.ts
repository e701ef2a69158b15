import { type ActingFor, type ChooseActingForRequest, yearsBetween } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { isProtected } from './registry.presenters.ts';
import {
  findCustodyOf,
  findOrganisationsSignedBy,
  type OrganisationRow,
  type PersonRow,
} from './registry.repository.ts';

/**
 * Acting on behalf (A5): a guardian for a child in their custody, a signatory for an organisation
 * the companies register names them for. Every right is decided from the register as it stands
 * today — when the choice is made and again each time it is used — so a custody that has ended, a
 * child who has come of age or a signatory who has been removed stops at once.
 */

/** Whom a person may act for today. */
export interface Representable {
  /** Children in custody who are minors and alive; protected ones are listed but cannot be chosen. */
  children: PersonRow[];
  organisations: OrganisationRow[];
}

const MAJORITY_AGE = 18;

function isMinorAndAlive(child: PersonRow, today: string): boolean {
  return child.deceased_on === null && yearsBetween(child.birth_date, today) < MAJORITY_AGE;
}

export async function findRepresentable(
  db: Kysely<unknown>,
  self: PersonRow,
  today: string,
  wanted: { children: boolean; organisations: boolean } = { children: true, organisations: true },
): Promise<Representable> {
  const [custody, organisations] = await Promise.all([
    wanted.children ? findCustodyOf(db, self.id, today) : { children: [] },
    wanted.organisations ? findOrganisationsSignedBy(db, self.id, today) : [],
  ]);
  return { children: custody.children.filter((child) => isMinorAndAlive(child, today)), organisations };
}

/** What the register decides for one choice: whom the person then acts for, or a refusal. */
export type Confirmation =
  | { ok: true; actingFor: ActingFor | null; subject: PersonRow | OrganisationRow | null }
  | { ok: false };

/**
 * Confirms a choice against the register today. A protected child is refused: the register must
 * not tell the web (and whoever holds the guardian's session) where the child is, and a guardian
 * of a protected child is served in person instead.
 */
export async function confirmChoice(
  db: Kysely<unknown>,
  self: PersonRow,
  choice: ChooseActingForRequest,
  today: string,
): Promise<Confirmation> {
  if (choice.kind === 'self') return { ok: true, actingFor: null, subject: null };
  const representable = await findRepresentable(db, self, today);
  if (choice.kind === 'child') {
    const child = representable.children.find((candidate) => candidate.id === choice.personId);
    if (!child || isProtected(child)) return { ok: false };
    return {
      ok: true,
      actingFor: { kind: 'child', personId: child.id, name: `${child.given_name} ${child.family_name}` },
      subject: child,
    };
  }
  const organisation = representable.organisations.find(
    (candidate) => candidate.id === choice.organisationId,
  );
  if (!organisation) return { ok: false };
  return {
    ok: true,
    actingFor: {
      kind: 'organisation',
      organisationId: organisation.id,
      organisationNumber: organisation.organisation_number,
      name: organisation.name,
    },
    subject: organisation,
  };
}

/** The choice a session holds, as a request to confirm again. */
export function choiceOf(actingFor: ActingFor | null): ChooseActingForRequest {
  if (!actingFor) return { kind: 'self' };
  return actingFor.kind === 'child'
    ? { kind: 'child', personId: actingFor.personId }
    : { kind: 'organisation', organisationId: actingFor.organisationId };
}
