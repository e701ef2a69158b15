import { z } from 'zod';
import { FormData, LocalizedText, SharedStatus } from './services.ts';
import { text } from './text.ts';

/**
 * Cases (C1–C5): a submission becomes a case, numbered in its diarium series, handled in its BPMN
 * process by officers of the responsible unit, decided, and followed by the applicant on Mina sidor.
 */

export const CaseIdParams = z.object({ caseId: z.uuid() });
export const CaseDocumentParams = z.object({ caseId: z.uuid(), documentId: z.uuid() });
export const CaseTaskParams = z.object({ caseId: z.uuid(), taskId: z.uuid() });

export const CaseStatus = z.object({
  code: z.string(),
  label: LocalizedText,
  shared: SharedStatus,
});
export type CaseStatus = z.infer<typeof CaseStatus>;

export const StatusChange = CaseStatus.extend({ at: z.iso.datetime() });
export type StatusChange = z.infer<typeof StatusChange>;

export const CaseDocumentKind = z.enum(['attachment', 'receipt', 'decision', 'internal']);
export const CaseDocument = z.object({
  id: z.uuid(),
  kind: CaseDocumentKind,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  secret: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

export const Decision = z.object({
  outcome: z.string(),
  outcomeLabel: LocalizedText,
  justification: z.string(),
  appealInformation: z.string(),
  decidedAt: z.iso.datetime(),
  /** The officer's name, or null for an automatic decision. */
  decidedBy: z.string().nullable(),
  automatic: z.boolean(),
  documentId: z.uuid().nullable(),
});
export type Decision = z.infer<typeof Decision>;

/** A case as the applicant (or their guardian) sees it on Mina sidor. */
export const MyCase = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  serviceTitle: LocalizedText,
  /** Whom the case is about when it is not the applicant (a child), by first name. */
  concerns: z.string().nullable(),
  status: CaseStatus,
  submittedAt: z.iso.datetime(),
  /** From the service promise: the working day by which a decision is promised. */
  expectedDecisionBy: z.iso.date(),
  closedAt: z.iso.datetime().nullable(),
});
export type MyCase = z.infer<typeof MyCase>;
export const MyCaseListResponse = z.object({ items: z.array(MyCase) });

export const MyCaseDetail = MyCase.extend({
  statusHistory: z.array(StatusChange),
  documents: z.array(CaseDocument),
  decision: Decision.nullable(),
  data: FormData,
});
export type MyCaseDetail = z.infer<typeof MyCaseDetail>;

/** What an anonymous reporter sees through the tracking link: status only, no personal data. */
export const TrackedCase = z.object({
  registrationNumber: z.string(),
  serviceTitle: LocalizedText,
  status: CaseStatus,
  statusHistory: z.array(StatusChange),
  submittedAt: z.iso.datetime(),
  expectedDecisionBy: z.iso.date(),
  decision: Decision.pick({ outcomeLabel: true, decidedAt: true }).nullable(),
  /** The documents the tracking link gives: the receipt once it is written, the decision once made. */
  documents: z.array(z.object({ kind: z.enum(['receipt', 'decision']), fileName: z.string() })),
});
export type TrackedCase = z.infer<typeof TrackedCase>;
export const TrackingRequest = z.object({
  token: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]{20,100}$/),
});
/** One document of an anonymous submission, by the secret of its tracking link (in the body, never the URL). */
export const TrackedDocumentRequest = TrackingRequest.extend({ kind: z.enum(['receipt', 'decision']) });

/**
 * Inbox filters (C1). `assigned=me` shows the caller's cases; `overdue` those past their promise;
 * `atRisk` those not yet decided whose promise ends within the next few working days (B7).
 */
export const InboxQuery = z.object({
  status: SharedStatus.optional(),
  service: z
    .string()
    .max(63)
    .regex(/^[a-z][a-z0-9-]{1,62}$/)
    .optional(),
  orgUnitId: z.uuid().optional(),
  assigned: z.enum(['me', 'unassigned', 'any']).default('any'),
  overdue: z.enum(['true', 'false']).optional(),
  atRisk: z.enum(['true']).optional(),
  sort: z
    .enum(['dueDate', '-dueDate', 'submittedAt', '-submittedAt', 'registrationNumber'])
    .default('dueDate'),
  /** Keyset paging: the `next` of the previous page. */
  after: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxItem = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  serviceSlug: z.string(),
  serviceTitle: LocalizedText,
  status: CaseStatus,
  orgUnitId: z.uuid(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  dueDate: z.iso.date(),
  overdue: z.boolean(),
  /** Not decided, and the promise ends within the next few working days. */
  atRisk: z.boolean(),
  secret: z.boolean(),
  /** The user task waiting, by its title. */
  currentStep: LocalizedText.nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const InboxResponse = z.object({ items: z.array(InboxItem), next: z.string().nullable() });
export type InboxResponse = z.infer<typeof InboxResponse>;

export const CaseParty = z.object({
  role: z.enum(['applicant', 'concerns']),
  personId: z.uuid().nullable(),
  name: z.string(),
  /** Masked (YYYYMMDD-XXXX) — the full number is shown on the person overview with a purpose. */
  personalNumberMasked: z.string().nullable(),
  protected: z.boolean(),
});

export const CaseNote = z.object({
  id: z.uuid(),
  text: z.string(),
  author: z.string(),
  at: z.iso.datetime(),
});
export const CaseHistoryEntry = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  actor: z.string().nullable(),
  /** What the event recorded, by its type: `{ step }`, `{ from, to }`, `{ outcome, automatic }` … */
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const CaseUserTask = z.object({
  id: z.uuid(),
  elementId: z.string(),
  kind: z.enum(['task', 'decision']),
  title: LocalizedText,
  status: z.enum(['open', 'done']),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  form: z.object({ schema: z.record(z.string(), z.unknown()), fields: z.array(z.unknown()) }).nullable(),
  completedAt: z.iso.datetime().nullable(),
  /** Open, and the viewer completed a task this one is kept apart from: a colleague must do it. */
  needsAnotherPerson: z.boolean(),
});
export type CaseUserTask = z.infer<typeof CaseUserTask>;

/** The whole case screen in one answer (C1): Open Zaak needs 14–15 calls for this. */
export const CaseView = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  service: z.object({ slug: z.string(), title: LocalizedText, version: z.number().int() }),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  channel: z.enum(['web', 'anonymous', 'staff']),
  status: CaseStatus,
  statusHistory: z.array(StatusChange),
  secret: z.boolean(),
  submittedAt: z.iso.datetime(),
  dueDate: z.iso.date(),
  overdue: z.boolean(),
  /** Not decided, and the promise ends within the next few working days. */
  atRisk: z.boolean(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  parties: z.array(CaseParty),
  data: FormData,
  documents: z.array(CaseDocument),
  notes: z.array(CaseNote),
  history: z.array(CaseHistoryEntry),
  process: z.object({
    state: z.enum(['starting', 'running', 'completed', 'failed']),
    tasks: z.array(CaseUserTask),
    /** The BPMN XML, for drawing the process with its current step. */
    bpmnXml: z.string(),
    activeElementIds: z.array(z.string()),
  }),
  decision: z.lazy(() => Decision).nullable(),
  outcomeTypes: z.array(z.object({ code: z.string(), label: LocalizedText })),
  /** What the caller may do now. */
  can: z.object({ assign: z.boolean(), handle: z.boolean(), markSecret: z.boolean() }),
});
export type CaseView = z.infer<typeof CaseView>;

export const AssignRequest = z.object({ assigneeId: z.uuid().nullable() });
export const NoteRequest = z.object({ text: text({ max: 4000, multiline: true }) });
export const CompleteTaskRequest = z.object({ data: FormData });
export const DecideRequest = z.object({
  outcome: z
    .string()
    .max(63)
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/),
  justification: text({ max: 8000, multiline: true }),
  /** The case type's appeal information is used when left out. */
  appealInformation: text({ max: 4000, multiline: true }).optional(),
});
export const SecrecyRequest = z.object({
  secret: z.boolean(),
  /** The ground in the Public Access to Information and Secrecy Act (OSL), e.g. "OSL 26 kap. 1 §". */
  ground: text({ max: 200 }).optional(),
});
export const DocumentSecrecyRequest = z.object({ secret: z.boolean() });
export const CloseRequest = z.object({ reason: text({ max: 1000, multiline: true }).optional() });

/** Service promises (B7): lead times per e-service, for the insights module and the overview. */
export const LeadTimeQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const LeadTime = z.object({
  serviceSlug: z.string(),
  serviceTitle: LocalizedText,
  decided: z.number().int(),
  /** Working days from submission to decision. */
  medianWorkingDays: z.number().nullable(),
  p90WorkingDays: z.number().nullable(),
  withinPromise: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  atRisk: z.number().int(),
});
export const LeadTimeResponse = z.object({ items: z.array(LeadTime) });

/** The officers a case may be assigned to: those who may handle cases of its unit. */
export const AssigneeListResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
