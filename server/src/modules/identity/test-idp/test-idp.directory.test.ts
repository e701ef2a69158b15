import { describe, expect, it } from 'vitest';
import {
  citizenClaims,
  citizenSubject,
  createCitizenDirectory,
  GENERATED_GIVEN_NAMES,
  generatedCitizen,
} from './test-idp.directory.ts';

describe('citizen directory', () => {
  const demo = [{ personalNumber: '198501012382', givenName: 'Elin', familyName: 'Lindqvist' }];
  const directory = createCitizenDirectory(demo, new Set(['198501012382', '199001012385']));

  it('accepts only numbers on the test list', () => {
    expect(directory.lookUp('19850709-9805')).toEqual({ ok: false, problem: 'not_test_number' });
    expect(directory.lookUp('850101-2382')).toMatchObject({ ok: true, citizen: demo[0] });
    const other = directory.lookUp('199001012385');
    expect(other).toMatchObject({ ok: true, citizen: generatedCitizen('199001012385') });
    expect(directory.findBySubject(citizenSubject('199001012385'))?.personalNumber).toBe('199001012385');
  });

  it('refuses demo citizens that are not test numbers', () => {
    const real = [{ personalNumber: '198507099805', givenName: 'X', familyName: 'Y' }];
    expect(() => createCitizenDirectory(real, new Set())).toThrow(/test numbers/);
  });

  it('derives stable names that match the gender of the number', () => {
    const female = generatedCitizen('199001012385');
    expect(generatedCitizen('199001012385')).toEqual(female);
    expect(GENERATED_GIVEN_NAMES.female).toContain(female.givenName);
    expect(GENERATED_GIVEN_NAMES.male).toContain(generatedCitizen('199001032391').givenName);
    expect(citizenSubject('199001012385')).not.toContain('199001012385');
  });

  it('uses the coordination number claim for a samordningsnummer', () => {
    const claims = citizenClaims('s', { personalNumber: '197010632391', givenName: 'A', familyName: 'B' });
    expect(claims['https://id.oidc.se/claim/coordinationNumber']).toBe('197010632391');
    expect(claims['https://id.oidc.se/claim/personalIdentityNumber']).toBeUndefined();
    expect(claims.birthdate).toBe('1970-10-03');
  });
});
