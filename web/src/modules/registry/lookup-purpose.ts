import { type LookupPurpose, lookupPurposes, PersonOverviewQuery } from '@karna/contracts';
import type { Messages } from '../../lib/i18n.tsx';

/** The purpose as the officer is filling it in. */
export interface PurposeDraft {
  purpose: LookupPurpose | null;
  purposeText: string;
}

export const emptyPurpose: PurposeDraft = { purpose: null, purposeText: '' };

export interface PurposeErrors {
  purpose: string | null;
  purposeText: string | null;
}

const PURPOSE_TEXT_MAX = 200;

export function isLookupPurpose(value: string | null): value is LookupPurpose {
  return (lookupPurposes as readonly (string | null)[]).includes(value);
}

/** What is wrong with a purpose draft, in the user's language (nothing: both null). */
export function purposeErrors(draft: PurposeDraft, t: Messages): PurposeErrors {
  const text = draft.purposeText.trim();
  let purposeText: string | null = null;
  if (draft.purpose === 'other' && text === '') purposeText = t.personSearch.purposeTextRequired;
  else if (text.length > PURPOSE_TEXT_MAX) purposeText = t.personSearch.purposeTextTooLong;
  return { purpose: draft.purpose ? null : t.personSearch.purposeRequired, purposeText };
}

/** A complete draft as the API takes it, or null when it is not complete. */
export function toPurpose(draft: PurposeDraft): PersonOverviewQuery | null {
  const parsed = PersonOverviewQuery.safeParse({
    purpose: draft.purpose,
    ...(draft.purposeText.trim() ? { purposeText: draft.purposeText.trim() } : {}),
  });
  return parsed.success ? parsed.data : null;
}

/**
 * The router state that carries a purpose from the search to an overview. The purpose, and above
 * all its free text, never goes into the page's address: addresses end up in logs and history.
 */
export interface LookupState {
  purpose: PersonOverviewQuery;
}

/** The purpose in a page's router state, or null when there is none (a bookmark, a new tab). */
export function purposeFromState(state: unknown): PersonOverviewQuery | null {
  if (typeof state !== 'object' || state === null || !('purpose' in state)) return null;
  const parsed = PersonOverviewQuery.safeParse(state.purpose);
  return parsed.success ? parsed.data : null;
}

/** A purpose for display: its name, and the officer's own words after it. */
export function formatPurpose(purpose: PersonOverviewQuery, t: Messages): string {
  const name = t.lookupPurposes[purpose.purpose];
  return purpose.purposeText ? `${name}: ${purpose.purposeText}` : name;
}

/** A purpose as a citizen's lookup list shows it: the chosen purpose, or the recorded words alone. */
export function formatRecordedPurpose(
  recorded: { purpose: LookupPurpose | null; purposeText: string | null },
  t: Messages,
): string {
  if (!recorded.purpose) return recorded.purposeText ?? '';
  return formatPurpose(
    recorded.purposeText
      ? { purpose: recorded.purpose, purposeText: recorded.purposeText }
      : { purpose: recorded.purpose },
    t,
  );
}
