import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { findFreePort } from '../../../../test/test-browser.ts';
import { registerTestIdentityProvider, type TestIdpClient } from './index.ts';

/** Absolute path of server/seeds. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../../seeds', import.meta.url));

/** A bare Fastify server with only the test identity provider, listening on a free port. */
export async function startTestIdpServer(): Promise<{
  app: FastifyInstance;
  publicUrl: string;
  clients: { citizen: TestIdpClient; staff: TestIdpClient };
}> {
  const port = await findFreePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const client = (realm: string): TestIdpClient => ({
    clientId: `karna-${realm}`,
    clientSecret: `karna-${realm}-secret`,
    redirectUris: [`${publicUrl}/auth/callback/${realm}`],
    postLogoutRedirectUris: [`${publicUrl}/`],
  });
  const clients = { citizen: client('citizen'), staff: client('staff') };
  const app = Fastify();
  await registerTestIdentityProvider(app, {
    publicUrl,
    citizenClient: clients.citizen,
    staffClient: clients.staff,
    seedsDir: SEEDS_DIR,
    // Unlimited here: the platform's login rate limit is tested through the platform.
    limitFormPosts: async () => {},
  });
  await app.listen({ host: '127.0.0.1', port });
  return { app, publicUrl, clients };
}
