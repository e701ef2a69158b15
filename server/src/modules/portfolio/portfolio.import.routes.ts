import { ImportCommitInput, ImportIdParams, ImportPreview, ImportResult, text } from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PlatformContext } from '../../platform/module.ts';
import { portfolioError } from './portfolio.errors.ts';
import {
  findImport,
  MAX_IMPORT_BYTES,
  previewOf,
  readSpreadsheet,
  runImport,
  stageImport,
} from './portfolio.import.ts';
import { accessOf } from './portfolio.routes.ts';

/** Import of the register from a spreadsheet: upload, map the columns, check and write (M1). */

const ImportUploadQuery = z.object({ fileName: text({ max: 200 }) });
const MANAGE = { access: { permission: 'portfolio.manage' } } as const;

export async function registerPortfolioImportRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Uploads arrive as the file's bytes (the e-services' attachments use the same parser).
  if (!fastify.hasContentTypeParser('application/octet-stream')) {
    fastify.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
  }

  app.post(
    '/api/portfolio/imports',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Upload a spreadsheet (.xlsx or CSV, the body is the file) to import systems; answers its columns',
        querystring: ImportUploadQuery,
        response: { 201: ImportPreview },
      },
      config: MANAGE,
      bodyLimit: MAX_IMPORT_BYTES,
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length > MAX_IMPORT_BYTES)
        throw portfolioError('import_file_unreadable');
      const access = await accessOf(db, request);
      const sheet = await readSpreadsheet(request.body);
      const preview = await stageImport(db, access, request.query.fileName, sheet);
      await request.recordRead({
        action: 'portfolio.import.upload',
        outcome: 'success',
        resourceType: 'portfolioImport',
        resourceId: preview.id,
        details: { rows: preview.rowCount, columns: preview.columns.length },
      });
      reply.code(201);
      return preview;
    },
  );

  app.get(
    '/api/portfolio/imports/:importId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'An uploaded spreadsheet waiting for its column mapping (the uploader’s own, for a day)',
        params: ImportIdParams,
        response: { 200: ImportPreview },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const staged = await findImport(db, access, request.params.importId);
      return previewOf(request.params.importId, staged.fileName, staged.sheet);
    },
  );

  app.post(
    '/api/portfolio/imports/:importId/commit',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Check every row with the column mapping and import: nothing from a file with errors unless valid rows only are chosen',
        params: ImportIdParams,
        body: ImportCommitInput,
        response: { 200: ImportResult },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const staged = await findImport(db, access, request.params.importId);
      const result = await runImport(db, access, staged.sheet, request.body, (trx, committed) =>
        request.recordAudit(trx, {
          action: 'portfolio.import.commit',
          outcome: 'success',
          resourceType: 'portfolioImport',
          resourceId: request.params.importId,
          details: {
            file: staged.fileName,
            created: committed.created,
            updated: committed.updated,
            skipped: committed.skipped,
          },
        }),
      );
      if (!result.committed) {
        await request.recordRead({
          action: 'portfolio.import.check',
          outcome: 'success',
          resourceType: 'portfolioImport',
          resourceId: request.params.importId,
          details: { errors: result.errors.length, dryRun: request.body.dryRun },
        });
      }
      return result;
    },
  );
}
