import { type LookupPurpose, lookupPurposes } from '@karna/contracts';

/** The purpose as the audit trail keeps it: the code, and the officer's own words when given. */
export function auditPurpose(purpose: LookupPurpose, purposeText: string | undefined): string {
  return purposeText ? `${purpose}: ${purposeText}` : purpose;
}

function isLookupPurpose(code: string): code is LookupPurpose {
  return (lookupPurposes as readonly string[]).includes(code);
}

/**
 * A recorded purpose read back (`caseHandling`, or `other: Telefonsamtal`). A purpose the list does
 * not know (an entry written by something else) comes back whole, as text.
 */
export function readAuditPurpose(recorded: string | null): {
  purpose: LookupPurpose | null;
  purposeText: string | null;
} {
  if (!recorded) return { purpose: null, purposeText: null };
  const separator = recorded.indexOf(': ');
  const code = separator === -1 ? recorded : recorded.slice(0, separator);
  if (!isLookupPurpose(code)) return { purpose: null, purposeText: recorded };
  return { purpose: code, purposeText: separator === -1 ? null : recorded.slice(separator + 2) };
}
