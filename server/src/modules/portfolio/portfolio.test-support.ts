import type { Kysely } from 'kysely';
import { portfolioDb } from './portfolio.tables.ts';

/** A spreadsheet staged for import as if `uploadedBy` had uploaded it (tests that cannot send files). */
export async function insertStagedImport(
  db: Kysely<unknown>,
  staged: { uploadedBy: string | null; fileName: string; columns: string[]; rows: string[][] },
): Promise<string> {
  const row = await portfolioDb(db)
    .insertInto('portfolio_imports')
    .values({
      file_name: staged.fileName,
      uploaded_by: staged.uploadedBy,
      columns: JSON.stringify(staged.columns),
      rows: JSON.stringify(staged.rows),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
