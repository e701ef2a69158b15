import { z } from 'zod';
import { OwnedProperty, RegistryPerson } from './registry.ts';
import { text } from './text.ts';

/**
 * E-services (B1–B3): one versioned definition holds what the citizen sees (title, life
 * situations, the form), what the municipality runs (the BPMN process, the case type) and what it
 * promises (the service promise). A published version never changes; publishing a new version
 * leaves cases running on the old one as they are.
 */

/** Text in both of the platform's languages. */
export const LocalizedText = z.object({
  sv: text({ max: 4000, multiline: true }),
  en: text({ max: 4000, multiline: true }),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** The life situations the catalog groups e-services by ("livssituationer"). */
export const lifeSituations = [
  'childrenFamily',
  'schoolEducation',
  'buildingHousing',
  'trafficStreets',
  'careSupport',
  'environmentWaste',
  'municipalityPolitics',
  'business',
  'internal',
] as const;
export const LifeSituation = z.enum(lifeSituations);
export type LifeSituation = z.infer<typeof LifeSituation>;

/**
 * The shared status vocabulary every case type maps its own status types to: what integrations and
 * the person overview see, whatever words the case type shows the citizen.
 */
export const sharedStatuses = ['received', 'in_progress', 'waiting_for_you', 'decided', 'closed'] as const;
export const SharedStatus = z.enum(sharedStatuses);
export type SharedStatus = z.infer<typeof SharedStatus>;

/** Code names for things a definition names: a field, a status type, a BPMN element. */
const Code = z
  .string()
  .max(63)
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/);
/** An e-service's lasting name in addresses: lower-case letters, digits and hyphens. */
const Slug = z
  .string()
  .max(63)
  .regex(/^[a-z][a-z0-9-]{1,62}$/);

/**
 * Where a field's value comes from in the population register (B3: never ask what the
 * municipality knows). `child` and `ownProperty` turn the field into a choice among the
 * applicant's children in custody and properties they own; `email` and `phone` start the field
 * with the register's contact details, which the applicant may change.
 */
export const PrefillBinding = z.enum(['child', 'ownProperty', 'email', 'phone']);
export type PrefillBinding = z.infer<typeof PrefillBinding>;

export const FieldWidget = z.enum([
  'text',
  'textarea',
  'email',
  'phone',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  /** Several choices of one list, in the order of preference (e.g. preschools 1st, 2nd, 3rd). */
  'rankedChoice',
  /** A place: an address or a point on the map (SWEREF 99 TM or WGS 84 coordinates). */
  'place',
  'attachment',
]);
export type FieldWidget = z.infer<typeof FieldWidget>;

export const FieldOption = z.object({ value: text({ max: 100 }), label: LocalizedText });
export type FieldOption = z.infer<typeof FieldOption>;

/** What files an attachment field accepts. Content is checked by its bytes, not its name. */
export const AttachmentRule = z.object({
  mediaTypes: z
    .array(
      z
        .string()
        .max(100)
        .regex(/^[a-z]+\/[a-z0-9.+-]+$/),
    )
    .min(1),
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(20 * 1024 * 1024),
  maxFiles: z.number().int().positive().max(20),
});
export type AttachmentRule = z.infer<typeof AttachmentRule>;

/** How one property of the form's JSON Schema is shown and where its value may come from. */
export const FormField = z.object({
  /** The property's name in the form's JSON Schema (top level). */
  name: Code,
  widget: FieldWidget,
  label: LocalizedText,
  help: LocalizedText.optional(),
  options: z.array(FieldOption).optional(),
  /** Shown (and validated) only when another field holds one of these values. */
  visibleWhen: z.object({ field: Code, in: z.array(z.union([text({ max: 100 }), z.boolean()])) }).optional(),
  prefill: PrefillBinding.optional(),
  attachment: AttachmentRule.optional(),
});
export type FormField = z.infer<typeof FormField>;

export const FormStep = z.object({
  id: Code,
  title: LocalizedText,
  fields: z.array(FormField).min(1),
});
export type FormStep = z.infer<typeof FormStep>;

/**
 * The form: a JSON Schema 2020-12 for the data (validated by the same validator in the browser
 * and on the server) and the steps it is shown in. Attachment fields hold the ids of uploaded files.
 */
export const FormDefinition = z.object({
  schema: z.record(z.string(), z.unknown()),
  steps: z.array(FormStep).min(1),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

/** A status type of a case type: the citizen's word for it, and its place in the shared vocabulary. */
export const StatusType = z.object({ code: Code, label: LocalizedText, shared: SharedStatus });
export type StatusType = z.infer<typeof StatusType>;

/** An outcome a decision may have, and what becomes of the case's records after it. */
export const OutcomeType = z.object({
  code: Code,
  label: LocalizedText,
  /** Bevara (kept for ever, delivered to the archive) or gallra (disposed after the retention period). */
  archive: z.enum(['preserve', 'dispose']),
  retentionYears: z.number().int().min(0).max(100).nullable(),
});
export type OutcomeType = z.infer<typeof OutcomeType>;

export const CaseType = z.object({
  /** The diarium series, e.g. `BUN`: registration numbers read `BUN 2026/123`. */
  series: z
    .string()
    .max(8)
    .regex(/^[A-ZÅÄÖ]{1,8}$/),
  statusTypes: z.array(StatusType).min(1),
  outcomeTypes: z.array(OutcomeType).min(1),
  /** The status type a new case gets. */
  initialStatus: Code,
  /** Appeal information (överklagandehänvisning) printed with every decision of this type. */
  appealInformation: LocalizedText,
});
export type CaseType = z.infer<typeof CaseType>;

/** A form an officer fills in to complete a user task (a checklist, an assessment). */
export const TaskForm = z.object({
  schema: z.record(z.string(), z.unknown()),
  fields: z.array(FormField),
});
export type TaskForm = z.infer<typeof TaskForm>;

/**
 * A rule-clear automatic decision (`autoDecide` service task): the first rule whose condition
 * holds for the form data decides with its outcome; none holding leaves the case to an officer.
 */
export const AutoDecisionRule = z.object({
  when: z.object({
    field: Code,
    op: z.enum(['equals', 'notEquals', 'in', 'exists']),
    value: z.union([text({ max: 100 }), z.number(), z.boolean(), z.array(text({ max: 100 }))]).optional(),
  }),
  outcome: Code,
  justification: LocalizedText,
});
export type AutoDecisionRule = z.infer<typeof AutoDecisionRule>;

/**
 * The process: BPMN 2.0 XML run by bpmn-engine, and what Kärna adds to its elements. Service tasks
 * name one of the platform's automated steps as `implementation="${environment.services.<step>}"`
 * (`completenessCheck`, `autoDecide`, `notifyApplicant`, `closeCase`); each user task has an
 * entry in `userTasks` (an officer's task, or the decision).
 */
export const ProcessDefinition = z.object({
  bpmnXml: text({ max: 200_000, multiline: true }),
  /** The case's status type while the element (by BPMN id) runs. */
  statusOnEnter: z.record(Code, Code),
  userTasks: z.record(
    Code,
    z.object({
      kind: z.enum(['task', 'decision']),
      title: LocalizedText,
      form: TaskForm.optional(),
      /**
       * Separation of duties (dualitetsprincipen, e.g. an attestreglemente's review and approval):
       * whoever completed one of these user tasks (by BPMN id) in the case may not complete this one.
       */
      separateFrom: z.array(Code).max(10).optional(),
    }),
  ),
  autoDecision: z.array(AutoDecisionRule).optional(),
});
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;

export const ServicePromise = z.object({
  /** A decision within this many working days of submission (Swedish public holidays not counted). */
  decisionWithinWorkingDays: z.number().int().positive().max(365),
  text: LocalizedText,
});
export type ServicePromise = z.infer<typeof ServicePromise>;

/** Who may use an e-service: only after e-legitimation, anyone (anonymous allowed), or staff only. */
export const ServiceAudience = z.enum(['loginRequired', 'anonymousAllowed', 'staffOnly']);
export type ServiceAudience = z.infer<typeof ServiceAudience>;

/** The whole definition of one version of an e-service. */
export const ServiceDefinition = z.object({
  /** The e-service's lasting name in addresses and integrations, e.g. `forskoleplats`. */
  slug: Slug,
  title: LocalizedText,
  description: LocalizedText,
  lifeSituations: z.array(LifeSituation).min(1),
  audience: ServiceAudience,
  /** The responsible unit, by id. */
  responsibleOrgUnitId: z.uuid(),
  form: FormDefinition,
  caseType: CaseType,
  process: ProcessDefinition,
  promise: ServicePromise,
});
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

/** An e-service as the catalog lists it (the published version). */
export const CatalogEntry = z.object({
  id: z.uuid(),
  slug: z.string(),
  version: z.number().int(),
  title: LocalizedText,
  description: LocalizedText,
  lifeSituations: z.array(LifeSituation),
  audience: ServiceAudience,
  promise: ServicePromise,
  responsibleUnitName: z.string(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const CatalogQuery = z.object({
  q: text({ max: 100 }).optional(),
  lifeSituation: LifeSituation.optional(),
});
export const CatalogResponse = z.object({ items: z.array(CatalogEntry) });
export type CatalogResponse = z.infer<typeof CatalogResponse>;

export const ServiceSlugParams = z.object({ slug: Slug });

/** A published e-service with its form, for filling in. */
export const ServiceForm = CatalogEntry.extend({ form: FormDefinition });
export type ServiceForm = z.infer<typeof ServiceForm>;

/**
 * What the register knows for the logged-in applicant (B3), shown read-only on the form: the
 * applicant, their children in custody and the properties they own, for prefill bindings.
 */
export const ServicePrefill = z.object({
  applicant: RegistryPerson.nullable(),
  children: z.array(
    z.object({
      id: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      birthDate: z.iso.date(),
      age: z.number(),
    }),
  ),
  properties: z.array(OwnedProperty),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type ServicePrefill = z.infer<typeof ServicePrefill>;

/** The form's data: values of the form's JSON Schema, checked against it on the server. */
export const FormData = z.record(z.string(), z.unknown());
export type FormData = z.infer<typeof FormData>;

/** A draft saved to continue later, on this device or another (kept for the logged-in person). */
export const Draft = z.object({
  id: z.uuid(),
  serviceSlug: z.string(),
  serviceTitle: LocalizedText,
  version: z.number().int(),
  data: FormData,
  /** The step the person was on. */
  step: z.string().nullable(),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      field: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
    }),
  ),
  updatedAt: z.iso.datetime(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftListResponse = z.object({ items: z.array(Draft) });
export const DraftIdParams = z.object({ draftId: z.uuid() });
export const SaveDraftRequest = z.object({
  data: FormData,
  step: Code.nullable().optional(),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;
export const StartDraftRequest = z.object({ slug: Slug });

/**
 * Submitting a draft. `idempotencyKey` is chosen by the browser once per submit attempt and sent
 * again on a retry: the same key gives back the same case, never a second registration number.
 */
export const SubmitRequest = z.object({
  idempotencyKey: z.uuid(),
  data: FormData,
});
export type SubmitRequest = z.infer<typeof SubmitRequest>;

/** The receipt: the registration number, and for an anonymous submission the tracking link's token. */
export const SubmitResponse = z.object({
  caseId: z.uuid(),
  registrationNumber: z.string(),
  submittedAt: z.iso.datetime(),
  expectedDecisionBy: z.iso.date(),
  /** Only for anonymous submissions, only in this answer: the secret of the tracking link. */
  trackingToken: z.string().nullable(),
});
export type SubmitResponse = z.infer<typeof SubmitResponse>;

export const UploadedAttachment = z.object({
  id: z.uuid(),
  field: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type UploadedAttachment = z.infer<typeof UploadedAttachment>;
export const AttachmentUploadQuery = z.object({ field: Code, fileName: text({ max: 200 }) });
export const AttachmentIdParams = z.object({ draftId: z.uuid(), attachmentId: z.uuid() });

/** Administration: every e-service with its versions (B2). */
export const ServiceVersionSummary = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  publishedAt: z.iso.datetime().nullable(),
});
export const ServiceAdminEntry = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: LocalizedText,
  versions: z.array(ServiceVersionSummary),
});
export const ServiceAdminListResponse = z.object({ items: z.array(ServiceAdminEntry) });
export const PublishVersionRequest = z.object({ definition: ServiceDefinition });
export const PublishVersionResponse = z.object({ slug: z.string(), version: z.number().int() });

/**
 * A new draft. An anonymous person (an e-service that allows it) gets a `draftToken` here, once:
 * the browser keeps it and sends it as the `x-draft-token` header on every call about the draft.
 */
export const CreatedDraft = Draft.extend({ draftToken: z.string().nullable() });
export type CreatedDraft = z.infer<typeof CreatedDraft>;
