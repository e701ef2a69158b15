import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Draft, FormField, ServiceDefinition, SubmitResponse } from '@karna/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditTrail } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import { AppError, type FieldErrorDetail } from '../../platform/http/errors.ts';
import { validateAgainst } from '../../platform/json-schema/index.ts';
import { type RegisteredCase, registrationOf } from '../cases/index.ts';
import { type Prefill, prefillFor } from '../registry/index.ts';
import { type PublishedService, versionById } from './services.catalog.ts';
import { servicesError } from './services.errors.ts';
import { submissionWriter } from './services.submissions.ts';
import { servicesDb } from './services.tables.ts';

/**
 * Drafts, attachments and the submit (B3, B4). A draft belongs to the logged-in person who began
 * it, or — for an e-service that allows anonymous use — to whoever holds its secret token. Every
 * lookup asks for the owner too, so another person's draft id finds nothing.
 */

export type DraftOwner = { userId: string } | { tokenHash: string };

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Who owns drafts made by this request: the person logged in, else the draft token's holder. */
export function draftOwnerOf(actor: Actor, draftToken: string | undefined): DraftOwner | undefined {
  if (actor.type === 'citizen' || actor.type === 'staff') return { userId: actor.userId };
  if (draftToken && /^[A-Za-z0-9_-]{20,100}$/.test(draftToken)) return { tokenHash: tokenHash(draftToken) };
  return undefined;
}

function submitterOf(owner: DraftOwner): string {
  return 'userId' in owner ? `user:${owner.userId}` : `token:${owner.tokenHash}`;
}

/** May this actor use the e-service at all? Staff-only and login-required ones are closed to others. */
export function refuseUnlessAllowed(actor: Actor, definition: ServiceDefinition): void {
  // Forms are filled in by people; an integration registers cases another way (C6).
  if (actor.type === 'apiClient') throw new AppError('forbidden');
  if (definition.audience === 'staffOnly' && actor.type !== 'staff') throw servicesError('service_not_found');
  if (definition.audience === 'loginRequired' && actor.type !== 'citizen' && actor.type !== 'staff') {
    throw servicesError('login_required_for_service');
  }
}

export async function createDraft(
  db: Kysely<unknown>,
  actor: Actor,
  service: PublishedService,
  data: Record<string, unknown>,
): Promise<{ id: string; draftToken: string | null }> {
  refuseUnlessAllowed(actor, service.definition);
  const draftToken = actor.type === 'anonymous' ? randomBytes(24).toString('base64url') : null;
  const owner = draftOwnerOf(actor, draftToken ?? undefined);
  if (!owner) throw servicesError('login_required_for_service');
  const row = await servicesDb(db)
    .insertInto('service_drafts')
    .values({
      version_id: service.versionId,
      owner_user_id: 'userId' in owner ? owner.userId : null,
      token_hash: 'tokenHash' in owner ? owner.tokenHash : null,
      data: JSON.stringify(data),
      step: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, draftToken };
}

export async function findDraft(db: Kysely<unknown>, owner: DraftOwner | undefined, draftId: string) {
  if (!owner) throw servicesError('draft_not_found');
  let query = servicesDb(db).selectFrom('service_drafts').selectAll().where('id', '=', draftId);
  query =
    'userId' in owner
      ? query.where('owner_user_id', '=', owner.userId)
      : query.where('token_hash', '=', owner.tokenHash);
  const row = await query.executeTakeFirst();
  if (!row) throw servicesError('draft_not_found');
  return row;
}
type DraftRow = Awaited<ReturnType<typeof findDraft>>;

export async function presentDraft(db: Kysely<unknown>, row: DraftRow): Promise<Draft> {
  const service = await versionById(db, row.version_id);
  const attachments = await servicesDb(db)
    .selectFrom('service_attachments')
    .select(['id', 'field', 'file_name', 'media_type', 'size'])
    .where('draft_id', '=', row.id)
    .orderBy('created_at')
    .execute();
  return {
    id: row.id,
    serviceSlug: service.definition.slug,
    serviceTitle: service.definition.title,
    version: service.version,
    data: row.data,
    step: row.step,
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      field: attachment.field,
      fileName: attachment.file_name,
      mediaType: attachment.media_type,
      size: attachment.size,
    })),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listDrafts(db: Kysely<unknown>, userId: string): Promise<Draft[]> {
  const rows = await servicesDb(db)
    .selectFrom('service_drafts')
    .selectAll()
    .where('owner_user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(100)
    .execute();
  return Promise.all(rows.map((row) => presentDraft(db, row)));
}

export async function saveDraft(
  db: Kysely<unknown>,
  row: DraftRow,
  change: { data: Record<string, unknown>; step?: string | null | undefined },
): Promise<DraftRow> {
  return servicesDb(db)
    .updateTable('service_drafts')
    .set({ data: JSON.stringify(change.data), step: change.step ?? row.step, updated_at: new Date() })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDraft(db: Kysely<unknown>, row: DraftRow): Promise<void> {
  await servicesDb(db).deleteFrom('service_drafts').where('id', '=', row.id).execute();
}

function fieldsOf(definition: ServiceDefinition): FormField[] {
  return definition.form.steps.flatMap((step) => step.fields);
}

/**
 * Files an attachment to a draft after checking it by its content (magic bytes, not its name or
 * the type the browser claimed), its size and the field's count.
 */
export async function addAttachment(
  db: Kysely<unknown>,
  row: DraftRow,
  upload: { field: string; fileName: string; bytes: Buffer },
) {
  const service = await versionById(db, row.version_id);
  const field = fieldsOf(service.definition).find(
    (candidate) => candidate.name === upload.field && candidate.widget === 'attachment',
  );
  if (!field?.attachment) {
    throw new AppError('validation_failed', {
      fieldErrors: [{ path: 'query.field', message: 'is not an attachment field of this e-service' }],
    });
  }
  if (upload.bytes.length === 0) throw servicesError('attachment_refused');
  if (upload.bytes.length > field.attachment.maxBytes) throw servicesError('attachment_too_large');
  const detected = await fileTypeFromBuffer(upload.bytes);
  if (!detected || !field.attachment.mediaTypes.includes(detected.mime))
    throw servicesError('attachment_refused');
  const existing = await servicesDb(db)
    .selectFrom('service_attachments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('draft_id', '=', row.id)
    .where('field', '=', upload.field)
    .executeTakeFirstOrThrow();
  if (Number(existing.count) >= field.attachment.maxFiles) throw servicesError('attachment_limit_reached');
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const saved = await servicesDb(db)
    .insertInto('service_attachments')
    .values({
      draft_id: row.id,
      field: upload.field,
      file_name: upload.fileName,
      media_type: detected.mime,
      size: upload.bytes.length,
      sha256,
      content: upload.bytes,
    })
    .returning(['id', 'field', 'file_name', 'media_type', 'size', 'sha256'])
    .executeTakeFirstOrThrow();
  await servicesDb(db)
    .updateTable('service_drafts')
    .set({ updated_at: new Date() })
    .where('id', '=', row.id)
    .execute();
  return {
    id: saved.id,
    field: saved.field,
    fileName: saved.file_name,
    mediaType: saved.media_type,
    size: saved.size,
    sha256: saved.sha256,
  };
}

export async function removeAttachment(
  db: Kysely<unknown>,
  row: DraftRow,
  attachmentId: string,
): Promise<void> {
  const removed = await servicesDb(db)
    .deleteFrom('service_attachments')
    .where('draft_id', '=', row.id)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw servicesError('attachment_not_found');
}

/** A field is shown (and so asked and validated) unless its condition names another answer. */
function isVisible(field: FormField, data: Record<string, unknown>): boolean {
  if (!field.visibleWhen) return true;
  return field.visibleWhen.in.includes(data[field.visibleWhen.field] as string | boolean);
}

/**
 * The data as it will be kept: answers to hidden fields dropped, then checked against the form's
 * schema, the register (a chosen child or property must be the applicant's own today) and the
 * draft's files.
 */
function checkedData(
  definition: ServiceDefinition,
  submitted: Record<string, unknown>,
  prefill: Prefill | undefined,
  attachments: Array<{ id: string; field: string }>,
): { data: Record<string, unknown>; errors: FieldErrorDetail[] } {
  const fields = fieldsOf(definition);
  const data = Object.fromEntries(
    Object.entries(submitted).filter(([name]) => {
      const field = fields.find((candidate) => candidate.name === name);
      return !field || isVisible(field, submitted);
    }),
  );
  const errors = validateAgainst(definition.form.schema, data, 'body.data');
  for (const field of fields) {
    const value = data[field.name];
    if (value === undefined) continue;
    const path = `body.data.${field.name}`;
    if (field.prefill === 'child' && !prefill?.children.some((child) => child.id === value)) {
      errors.push({ path, message: 'is not a child in your custody' });
    }
    if (field.prefill === 'ownProperty' && !prefill?.properties.some((property) => property.id === value)) {
      errors.push({ path, message: 'is not a property you own' });
    }
    if (field.widget === 'attachment' && Array.isArray(value)) {
      const filed = value.every((id) =>
        attachments.some((attachment) => attachment.id === id && attachment.field === field.name),
      );
      if (!filed) errors.push({ path, message: 'names a file that is not attached to this draft' });
    }
  }
  return { data, errors };
}

async function previousSubmission(
  db: Kysely<unknown>,
  submitter: string,
  key: string,
): Promise<SubmitResponse | undefined> {
  const row = await servicesDb(db)
    .selectFrom('service_submissions')
    .select('case_id')
    .where('submitter', '=', submitter)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  const registered = row && (await registrationOf(db, row.case_id));
  if (!registered) return undefined;
  return {
    caseId: registered.caseId,
    registrationNumber: registered.registrationNumber,
    submittedAt: registered.submittedAt.toISOString(),
    expectedDecisionBy: registered.expectedDecisionBy,
    // The tracking token was given once, in the first answer; a retry cannot show it again.
    trackingToken: null,
  };
}

export type SubmitResult = { created: boolean; response: SubmitResponse };

/**
 * Submits a draft as a case (B4, C4) in one transaction, shared with other submissions that arrive
 * at the same moment (services.submissions.ts): the idempotency key claimed and the draft removed
 * (a concurrent retry waits on the key, then finds the case), the case registered and numbered,
 * and `audit.entry` appended. Everything that only reads — the draft, the register's facts, the
 * checks — happens before, outside the transaction.
 */
export async function submitDraft(
  db: Kysely<unknown>,
  actor: Actor,
  owner: DraftOwner | undefined,
  draftId: string,
  request: { idempotencyKey: string; data: Record<string, unknown> },
  audit: { trail: AuditTrail; entry: (registered: RegisteredCase) => AuditEntry },
): Promise<SubmitResult> {
  if (!owner) throw servicesError('draft_not_found');
  const submitter = submitterOf(owner);
  const draft = await findDraft(db, owner, draftId).catch(async (error: unknown) => {
    // A retry of a submit that went through finds its draft gone, and its case.
    const earlier = await previousSubmission(db, submitter, request.idempotencyKey);
    if (earlier) return earlier;
    throw error;
  });
  if ('registrationNumber' in draft) return { created: false, response: draft };

  const service = await versionById(db, draft.version_id);
  refuseUnlessAllowed(actor, service.definition);
  const personalNumber = actor.type === 'citizen' ? actor.personalNumber : null;
  const fields = fieldsOf(service.definition);
  // Only what the form binds is checked against the register.
  const bound = {
    children: fields.some((field) => field.prefill === 'child'),
    properties: fields.some((field) => field.prefill === 'ownProperty'),
    organisations: false,
  };
  const [prefill, attachments] = await Promise.all([
    personalNumber ? prefillFor(db, personalNumber, bound) : undefined,
    // A form without file fields has no files to read.
    fields.some((field) => field.widget === 'attachment')
      ? servicesDb(db)
          .selectFrom('service_attachments')
          .selectAll()
          .where('draft_id', '=', draft.id)
          .execute()
      : [],
  ]);
  const { data, errors } = checkedData(service.definition, request.data, prefill, attachments);
  if (errors.length > 0) throw new AppError('validation_failed', { fieldErrors: errors });
  const childField = fields.find((field) => field.prefill === 'child');
  const emailField = fields.find((field) => field.widget === 'email');
  const kept = new Set(Object.values(data).flat());
  const caseId = randomUUID();

  const claim = { submitter, idempotencyKey: request.idempotencyKey, caseId, draftId: draft.id };
  const written = await submissionWriter(db, audit.trail).write({
    claim,
    newCase: {
      caseId,
      kindId: service.versionId,
      channel: actor.type === 'anonymous' ? 'anonymous' : actor.type === 'staff' ? 'staff' : 'web',
      applicant: {
        userId: actor.type === 'citizen' || actor.type === 'staff' ? actor.userId : null,
        personId: prefill?.person.id ?? null,
      },
      concernsPersonId: childField ? ((data[childField.name] as string | undefined) ?? null) : null,
      data,
      notifyEmail: emailField ? ((data[emailField.name] as string | undefined) ?? null) : null,
      attachments: attachments
        .filter((attachment) => kept.has(attachment.id))
        .map((attachment) => ({
          field: attachment.field,
          fileName: attachment.file_name,
          mediaType: attachment.media_type,
          size: attachment.size,
          sha256: attachment.sha256,
          content: attachment.content,
        })),
      actorName: actor.type === 'anonymous' ? null : actor.displayName,
    },
    auditEntry: audit.entry,
  });
  if (written.outcome === 'draftGone') throw servicesError('draft_not_found');
  if (written.outcome === 'keyUsed') {
    // A retry that raced its first attempt: that one's case, once committed, is the answer.
    const other = await previousSubmission(db, submitter, request.idempotencyKey);
    if (!other) throw servicesError('draft_not_found');
    return { created: false, response: other };
  }
  const { registered } = written;
  return {
    created: true,
    response: {
      caseId: registered.caseId,
      registrationNumber: registered.registrationNumber,
      submittedAt: registered.submittedAt.toISOString(),
      expectedDecisionBy: registered.expectedDecisionBy,
      trackingToken: registered.trackingToken,
    },
  };
}
