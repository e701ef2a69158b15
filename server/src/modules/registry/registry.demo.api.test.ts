import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POPULATION_SIZE, demoCitizens, seedDemoPopulation } from '../../../seeds/demo-municipality.ts';
import { startTestServer, type TestServer, testBackends } from '../../../test/test-server.ts';
import { AuditTrail } from '../../platform/audit/index.ts';
import { registryDb } from './registry.tables.ts';

const number = (givenName: string) =>
  demoCitizens.find((citizen) => citizen.givenName === givenName)?.personalNumber ?? '';

interface Overview {
  person: { givenName: string; address: { postalTown: string } | null };
  children: { protected: boolean; givenName?: string }[];
  organisations: { name: string }[];
}

/** The demo population `npm start` seeds: every test citizen who logs in finds themself there. */
describe.each(testBackends)('the demo population on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const { db } = server.database;
    await seedDemoPopulation(db, await AuditTrail.load(db));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('holds the generated people, the test citizens among them', async () => {
    const { count } = await registryDb(server.database.db)
      .selectFrom('registry_persons')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(DEMO_POPULATION_SIZE);
  });

  it.each(demoCitizens.map((citizen) => citizen.givenName))(
    'lets %s find themself on Mina sidor',
    async (name) => {
      const citizen = server.browser();
      await citizen.loginAsCitizen(number(name));
      const response = await citizen.api<Overview>('GET', '/api/me/person');
      expect(response.status).toBe(200);
      expect(response.body.person.givenName).toBe(name);
    },
  );

  it('gives Elin her son Oskar in custody and an organisation she signs for', async () => {
    const citizen = server.browser();
    await citizen.loginAsCitizen(number('Elin'));
    const response = await citizen.api<Overview>('GET', '/api/me/person');
    expect(response.body.children).toEqual([
      expect.objectContaining({ protected: false, givenName: 'Oskar' }),
    ]);
    expect(response.body.organisations.length).toBeGreaterThan(0);
    expect(response.body.person.address?.postalTown).toBeTruthy();
  });
});
