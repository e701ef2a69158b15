import { describe, expect, it } from 'vitest';
import { auditPurpose, readAuditPurpose } from './registry.purpose.ts';

describe('a lookup purpose in the audit trail', () => {
  it('reads back as it was given, with and without the officer’s words', () => {
    expect(readAuditPurpose(auditPurpose('caseHandling', undefined))).toEqual({
      purpose: 'caseHandling',
      purposeText: null,
    });
    expect(readAuditPurpose(auditPurpose('other', 'Telefonsamtal: återkoppling'))).toEqual({
      purpose: 'other',
      purposeText: 'Telefonsamtal: återkoppling',
    });
  });

  it('gives a purpose the list does not know back whole, as text', () => {
    expect(readAuditPurpose('user administration')).toEqual({
      purpose: null,
      purposeText: 'user administration',
    });
    expect(readAuditPurpose('gissning: något')).toEqual({ purpose: null, purposeText: 'gissning: något' });
    expect(readAuditPurpose(null)).toEqual({ purpose: null, purposeText: null });
  });
});
