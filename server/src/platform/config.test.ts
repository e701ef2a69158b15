import { describe, expect, it } from 'vitest';
import { problemsOf, productionEnv as productionIssuers } from './config.test-support.ts';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for development: test IdP, demo seed, PGlite in ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:3000',
      dataDir: './data',
      databaseUrl: undefined,
      testIdp: true,
      seedDemo: true,
    });
    expect(config.citizenOidc.issuer).toBe('http://127.0.0.1:3000/test-idp/citizen');
    expect(config.session.cookieSecure).toBe(false);
  });

  it('names each bad value in one line, and hides secrets', () => {
    const problems = problemsOf({ PORT: 'eighty', KARNA_ENV: 'staging', DATABASE_URL: 'mysql://u:p@h/db' });
    expect(problems).toHaveLength(3);
    expect(problems.find((line) => line.startsWith('PORT'))).toContain('"eighty"');
    expect(problems.find((line) => line.startsWith('KARNA_ENV'))).toContain('"staging"');
    const database = problems.find((line) => line.startsWith('DATABASE_URL'));
    expect(database).toContain('(hidden)');
    expect(database).not.toContain('u:p');
  });

  it('refuses the test identity provider and demo seeding in production', () => {
    expect(problemsOf({ ...productionIssuers, KARNA_TEST_IDP: 'true' })).toEqual([
      'KARNA_TEST_IDP: the test identity provider cannot run when KARNA_ENV=production',
    ]);
    expect(problemsOf({ ...productionIssuers, KARNA_SEED_DEMO: 'true' })).toEqual([
      'KARNA_SEED_DEMO: demo data cannot be seeded when KARNA_ENV=production',
    ]);
  });

  it('requires real issuers and https in production, and marks cookies Secure', () => {
    const problems = problemsOf({ KARNA_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'KARNA_PUBLIC_URL: must be an https:// URL when KARNA_ENV=production',
        'KARNA_CITIZEN_OIDC_ISSUER: required when the test identity provider is off',
        'KARNA_STAFF_OIDC_ISSUER: required when the test identity provider is off',
      ]),
    );
    const config = loadConfig(productionIssuers);
    expect(config).toMatchObject({ testIdp: false, seedDemo: false, session: { cookieSecure: true } });
  });

  it('refuses OpenID Connect issuers without TLS in production, allows them in development', () => {
    expect(
      problemsOf({ ...productionIssuers, KARNA_CITIZEN_OIDC_ISSUER: 'http://eid-broker.example' }),
    ).toEqual(['KARNA_CITIZEN_OIDC_ISSUER: must be an https:// URL when KARNA_ENV=production']);
    expect(problemsOf({ ...productionIssuers, KARNA_STAFF_OIDC_ISSUER: 'http://login.example' })).toEqual([
      'KARNA_STAFF_OIDC_ISSUER: must be an https:// URL when KARNA_ENV=production',
    ]);
    const development = loadConfig({
      KARNA_STAFF_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/molnal',
      KARNA_STAFF_OIDC_CLIENT_ID: 'karna',
      KARNA_STAFF_OIDC_CLIENT_SECRET: 'secret',
    });
    expect(development.staffOidc.issuer).toBe('http://127.0.0.1:8080/realms/molnal');
  });

  it('requires client credentials with a configured issuer', () => {
    expect(problemsOf({ KARNA_STAFF_OIDC_ISSUER: 'https://login.example' })).toEqual([
      'KARNA_STAFF_OIDC_CLIENT_ID: required when KARNA_STAFF_OIDC_ISSUER is set',
      'KARNA_STAFF_OIDC_CLIENT_SECRET: required when KARNA_STAFF_OIDC_ISSUER is set',
    ]);
  });

  it('has no population drop directory unless one is set, and refuses synthetic files in production', () => {
    expect(loadConfig({}).populationImport).toEqual({
      refuseSynthetic: false,
      dropDir: undefined,
      dropIntervalMinutes: 15,
    });
    const production = loadConfig({
      ...productionIssuers,
      KARNA_POPULATION_DROP_DIR: '/srv/navet/inkommande',
      KARNA_POPULATION_DROP_MINUTES: '60',
    });
    expect(production.populationImport).toEqual({
      refuseSynthetic: true,
      dropDir: '/srv/navet/inkommande',
      dropIntervalMinutes: 60,
    });
  });

  it.each(['0', '1441', 'often', '2.5'])('names a drop interval of %s minutes in one line', (minutes) => {
    expect(problemsOf({ KARNA_POPULATION_DROP_MINUTES: minutes })).toEqual([
      `KARNA_POPULATION_DROP_MINUTES: must be a whole number of minutes from 1 to 1440 (got "${minutes}")`,
    ]);
  });
});
