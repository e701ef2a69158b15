import { CaughtMailListResponse } from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { MailCatcher } from './mail-catcher.ts';

/**
 * `GET /api/dev/mails`: what the local SMTP catcher took, newest first, for the development page
 * /utveckling/e-post. buildApp registers it only when the catcher runs (no SMTP_URL, not
 * production), so in production, or wherever a real mail server is configured, the route does not
 * exist at all and answers 404 like any unknown path.
 *
 * Access is `'public'`, on purpose. The mails may hold addresses, but they are this process's own
 * test mails: they never left the machine, are kept in its memory only (the newest 50, gone at
 * restart), and reading them here is the only way they are delivered. Who can reach a server
 * with the catcher can also log in through the bundled test identity provider (on by default
 * outside production) as any demo account, so a permission would add a login step, not
 * protection; and a developer trying a citizen's journey would have to switch to a staff login to
 * read the citizen's mail. Reads are not audited for the same reason: nothing here is register
 * data. A shared test server that must keep its mails private sets SMTP_URL (README).
 */
export function registerCaughtMailRoutes(fastify: FastifyInstance, catcher: MailCatcher): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/dev/mails',
    {
      schema: {
        tags: ['development'],
        summary: 'The mails the local SMTP catcher took, newest first (development and tests only)',
        response: { 200: CaughtMailListResponse },
      },
      config: { access: 'public' },
    },
    async () => ({
      smtpUrl: catcher.url,
      // A copy, in the contract's shape: the catcher's own objects are not the response's.
      items: catcher.caught.map(({ id, from, to, subject, text, receivedAt }) => ({
        id,
        from,
        to: [...to],
        subject,
        text,
        receivedAt,
      })),
    }),
  );
}
