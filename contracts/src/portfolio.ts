import { z } from 'zod';
import { text } from './text.ts';

/**
 * The application portfolio (M1–M8, E3, A2, A3, Q3): every system the municipality runs, who owns
 * and manages it, how critical it is (the tier), what information it holds and how that
 * information is classified (KLASSA), how systems exchange information, and what staff think of
 * them. Vocabulary from ../shared/domain/GLOSSARY.md.
 */

export const SystemCategory = z.enum(['shared', 'department']);
export type SystemCategory = z.infer<typeof SystemCategory>;

/** STH: basic (long-lived, standardised), differentiating, innovative (a trial of at most 6 months). */
export const SupportKind = z.enum(['basic', 'differentiating', 'innovative']);
export type SupportKind = z.infer<typeof SupportKind>;

/**
 * What each support kind implies (STH's IT strategy): how long such a system is expected to live
 * and who governs it. An innovative system past its months is flagged in the portfolio.
 */
export const supportKindPolicy: Record<
  SupportKind,
  { lifespan: { sv: string; en: string }; governance: { sv: string; en: string }; maxMonths: number | null }
> = {
  basic: {
    lifespan: { sv: 'Lång, tio år eller mer', en: 'Long, ten years or more' },
    governance: {
      sv: 'Gemensam styrning: standardiseras, upphandlas och förvaltas för hela kommunen',
      en: 'Shared governance: standardised, procured and managed for the whole municipality',
    },
    maxMonths: null,
  },
  differentiating: {
    lifespan: { sv: 'Medellång, tre till sju år', en: 'Medium, three to seven years' },
    governance: {
      sv: 'Förvaltningens IT-råd inom kommunens ramar och arkitektur',
      en: "The department's IT council, within the municipality's frame and architecture",
    },
    maxMonths: null,
  },
  innovative: {
    lifespan: { sv: 'Kort, ett försök på högst sex månader', en: 'Short, a trial of at most six months' },
    governance: {
      sv: 'Ett tidsbegränsat försök: därefter beslut om att införa det som grundläggande eller differentierande stöd, eller avsluta det',
      en: 'A time-limited trial: then a decision to adopt it as basic or differentiating support, or to end it',
    },
    maxMonths: 6,
  },
};

export const LifecycleStage = z.enum(['planned', 'introducing', 'operating', 'phasingOut', 'retired']);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

export const Hosting = z.enum(['ownDataCentre', 'supplier', 'cloud']);
export type Hosting = z.infer<typeof Hosting>;

export const TierCode = z.enum(['gold', 'silver', 'bronze', 'copper']);
export type TierCode = z.infer<typeof TierCode>;

export const TimeVerdict = z.enum(['tolerate', 'invest', 'migrate', 'eliminate']);
export type TimeVerdict = z.infer<typeof TimeVerdict>;

/** A calendar date the register can hold: years 1900–2199 (PostgreSQL refuses year 0, and no system is older). */
const isoDate = z.iso.date().refine((date) => date >= '1900-01-01' && date <= '2199-12-31', {
  error: 'must be a date between 1900 and 2199',
});
const url = z.url({ protocol: /^https?$/ }).max(500);
/** 1 (low) to 4 (high): the scale of the criticality assessment and of functional and technical fit. */
const fourPoint = z.number().int().min(1).max(4);

// ---------------------------------------------------------------------------------------------
// Tiers: the policy the service catalog and chargeback use.

export const TierPolicyInput = z.object({
  supportHours: text({ max: 200 }),
  availabilityPercent: z.number().min(0).max(100),
  /** Recovery time and recovery point objectives, in hours. */
  rtoHours: z.number().min(0).max(8760),
  rpoHours: z.number().min(0).max(8760),
  responseHours: z.number().min(0).max(8760),
  fixHours: z.number().min(0).max(8760),
  /** How often a system of the tier has its classification and roles reviewed. */
  reviewIntervalMonths: z.number().int().min(1).max(60),
  /** The tier's weight when system costs are distributed (chargeback model 2). */
  priceWeight: z.number().min(0).max(1000),
});
export type TierPolicyInput = z.infer<typeof TierPolicyInput>;
export const TierPolicy = TierPolicyInput.extend({ code: TierCode, updatedAt: z.iso.datetime() });
export type TierPolicy = z.infer<typeof TierPolicy>;
export const TierListResponse = z.object({ items: z.array(TierPolicy) });
export const TierCodeParams = z.object({ tier: TierCode });

// ---------------------------------------------------------------------------------------------
// Systems.

export const CriticalityAssessment = z.object({
  /** What a day without the system means for the municipality's business. */
  businessImpact: fourPoint,
  /** How many rely on it: 1 a few, 2 a unit, 3 a department, 4 the municipality or its citizens. */
  reach: fourPoint,
  /** How much passes through it: 1 occasional … 4 continuous. */
  transactionVolume: fourPoint,
});
export type CriticalityAssessment = z.infer<typeof CriticalityAssessment>;

export const TierOverride = z.object({
  tier: TierCode,
  justification: text({ max: 1000, min: 10, multiline: true }),
});
export type TierOverride = z.infer<typeof TierOverride>;

export const FitAssessment = z.object({ functionalFit: fourPoint, technicalFit: fourPoint });
export type FitAssessment = z.infer<typeof FitAssessment>;

export const SystemInput = z.object({
  name: text({ max: 120 }),
  description: text({ max: 4000, multiline: true }),
  purpose: text({ max: 2000, multiline: true }),
  category: SystemCategory,
  supportKind: SupportKind,
  /** The board (nämnd) that owns the system. */
  owningBoardId: z.uuid(),
  /** The departments (förvaltningar) or units using it. */
  usedByOrgUnitIds: z.array(z.uuid()).max(100),
  userCount: z.number().int().min(0).max(10_000_000).nullable(),
  supplier: text({ max: 200 }).nullable(),
  contractReference: text({ max: 200 }).nullable(),
  hosting: Hosting,
  technicalPlatform: text({ max: 300 }).nullable(),
  documentationUrl: url.nullable(),
  loginUrl: url.nullable(),
  /** Login with the municipality's shared account (SSO), A2. */
  singleSignOn: z.boolean(),
  /** Access administered from the central directory (metakatalog), A3. */
  centralAccessAdministration: z.boolean(),
  criticality: CriticalityAssessment.nullable(),
  tierOverride: TierOverride.nullable(),
  fit: FitAssessment.nullable(),
});
export type SystemInput = z.infer<typeof SystemInput>;

export const NewSystemInput = SystemInput.extend({
  /** The stage a new system starts in; only `planned` or `operating` (an existing system registered). */
  lifecycle: z.enum(['planned', 'operating']).default('planned'),
  lifecycleFrom: isoDate.optional(),
});
export type NewSystemInput = z.infer<typeof NewSystemInput>;

export const LifecycleChange = z.object({ stage: LifecycleStage, from: isoDate });
export type LifecycleChange = z.infer<typeof LifecycleChange>;

export const LifecycleStep = z.object({ stage: LifecycleStage, from: isoDate });

export const OrgUnitRef = z.object({ id: z.uuid(), name: z.string() });
export type OrgUnitRef = z.infer<typeof OrgUnitRef>;

/** Listed facts of a system, also what the portfolio list shows. */
export const SystemSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  category: SystemCategory,
  supportKind: SupportKind,
  lifecycle: LifecycleStage,
  owningBoard: OrgUnitRef,
  usedBy: z.array(OrgUnitRef),
  userCount: z.number().nullable(),
  supplier: z.string().nullable(),
  hosting: Hosting,
  tier: TierCode.nullable(),
  singleSignOn: z.boolean(),
  centralAccessAdministration: z.boolean(),
  time: TimeVerdict.nullable(),
  systemOwnerName: z.string().nullable(),
  /** An innovative system older than the 6 months its kind allows (STH). */
  innovationOverdue: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type SystemSummary = z.infer<typeof SystemSummary>;

export const PortfolioRole = z.enum([
  'systemOwner',
  'systemOwnerDelegate',
  'systemManager',
  'systemAdministrator',
  'systemCustodian',
  'superUser',
  'objectOwner',
  'objectManagerBusiness',
  'objectManagerIt',
  'informationOwner',
]);
export type PortfolioRole = z.infer<typeof PortfolioRole>;

export const RoleSubjectType = z.enum(['system', 'managementObject', 'informationType']);
export type RoleSubjectType = z.infer<typeof RoleSubjectType>;

/** The roles each kind of governed object has (pm3's for management objects), in the order shown. */
export const portfolioRolesBySubject: Record<RoleSubjectType, readonly PortfolioRole[]> = {
  system: [
    'systemOwner',
    'systemOwnerDelegate',
    'systemManager',
    'systemAdministrator',
    'systemCustodian',
    'superUser',
  ],
  managementObject: ['objectOwner', 'objectManagerBusiness', 'objectManagerIt'],
  informationType: ['informationOwner'],
};

export const PortfolioRoleAssignment = z.object({
  id: z.uuid(),
  subjectType: RoleSubjectType,
  subjectId: z.uuid(),
  role: PortfolioRole,
  person: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() }),
  /** The board a system owner acts for. */
  orgUnit: OrgUnitRef.nullable(),
  /** Share of a full-time position given to the role (a gold or silver system's manager works full time). */
  workSharePercent: z.number().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type PortfolioRoleAssignment = z.infer<typeof PortfolioRoleAssignment>;

export const PortfolioRoleAssignmentInput = z.object({
  role: PortfolioRole,
  personId: z.uuid(),
  orgUnitId: z.uuid().nullable().default(null),
  workSharePercent: z.number().int().min(1).max(100).nullable().default(null),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
});
export type PortfolioRoleAssignmentInput = z.infer<typeof PortfolioRoleAssignmentInput>;

export const EndRoleAssignment = z.object({ validTo: isoDate });

export const InformationAccess = z.object({
  create: z.boolean(),
  read: z.boolean(),
  update: z.boolean(),
  delete: z.boolean(),
});
export type InformationAccess = z.infer<typeof InformationAccess>;

export const SystemInformationInput = z.object({
  items: z.array(InformationAccess.extend({ informationTypeId: z.uuid() })).max(100),
});
export type SystemInformationInput = z.infer<typeof SystemInformationInput>;

// ---------------------------------------------------------------------------------------------
// Information classification, KLASSA style (Q3).

export const ClassificationAspect = z.enum(['confidentiality', 'integrity', 'availability', 'traceability']);
export type ClassificationAspect = z.infer<typeof ClassificationAspect>;

/** A level as stored: the label and its rank (0 lowest) under a named model version. */
export const ClassificationLevel = z.object({ label: z.string(), rank: z.number().int().min(0) });
export type ClassificationLevel = z.infer<typeof ClassificationLevel>;

export const ClassificationLevels = z.object({
  confidentiality: ClassificationLevel,
  integrity: ClassificationLevel,
  availability: ClassificationLevel,
  traceability: ClassificationLevel,
});
export type ClassificationLevels = z.infer<typeof ClassificationLevels>;

const Localized = z.object({ sv: z.string(), en: z.string() });

export const ClassificationModel = z.object({
  name: z.string(),
  version: z.string(),
  levels: z.array(
    z.object({ rank: z.number().int(), label: z.string(), labelEn: z.string(), number: z.number() }),
  ),
  questions: z.array(
    z.object({
      id: z.string(),
      aspect: ClassificationAspect,
      text: Localized,
      help: Localized.nullable(),
      options: z.array(z.object({ text: Localized, rank: z.number().int() })),
    }),
  ),
  controls: z.array(
    z.object({ key: z.string(), aspect: ClassificationAspect, fromRank: z.number().int(), text: Localized }),
  ),
});
export type ClassificationModel = z.infer<typeof ClassificationModel>;

export const ClassificationInput = z.object({
  /** The chosen option's index for each question of the model, by question id. */
  answers: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,40}$/), z.number().int().min(0).max(20)),
  legalBases: z
    .array(text({ max: 200 }))
    .max(20)
    .default([]),
  comment: text({ max: 2000, multiline: true }).nullable().default(null),
});
export type ClassificationInput = z.infer<typeof ClassificationInput>;

export const Classification = z.object({
  id: z.uuid(),
  informationTypeId: z.uuid(),
  model: z.string(),
  modelVersion: z.string(),
  levels: ClassificationLevels,
  answers: z.record(z.string(), z.number()),
  legalBases: z.array(z.string()),
  comment: z.string().nullable(),
  classifiedBy: z.string(),
  classifiedOn: isoDate,
  nextReviewOn: isoDate,
});
export type Classification = z.infer<typeof Classification>;

export const InformationTypeClassification = z.object({
  informationType: z.object({ id: z.uuid(), key: z.string(), nameSv: z.string(), nameEn: z.string() }),
  current: Classification.nullable(),
  overdue: z.boolean(),
  history: z.array(Classification),
  /** The systems holding the information and what each does with it (create, read, update, delete). */
  systems: z.array(InformationAccess.extend({ id: z.uuid(), name: z.string(), tier: TierCode.nullable() })),
  /** The caller may classify the type (the IT department, its information owner, or an editor of a system holding it). */
  canClassify: z.boolean(),
});
export type InformationTypeClassification = z.infer<typeof InformationTypeClassification>;

/** Information types as the portfolio sees them: held by how many systems, classified or not. */
export const PortfolioInformationTypeListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      nameSv: z.string(),
      nameEn: z.string(),
      systems: z.number().int(),
      classified: z.boolean(),
      /** Null for readers who may not see the classification. */
      levels: ClassificationLevels.nullable(),
      nextReviewOn: z.iso.date().nullable(),
      overdue: z.boolean(),
    }),
  ),
});
export type PortfolioInformationTypeListResponse = z.infer<typeof PortfolioInformationTypeListResponse>;

export const RequiredControl = z.object({ key: z.string(), aspect: ClassificationAspect, text: Localized });

/** The confidential part of a system: what it holds, how that is classified and what it demands. */
export const SystemSecurity = z.object({
  information: z.array(
    InformationAccess.extend({
      informationTypeId: z.uuid(),
      nameSv: z.string(),
      nameEn: z.string(),
      levels: ClassificationLevels.nullable(),
      nextReviewOn: isoDate.nullable(),
    }),
  ),
  /** The maximum per aspect over the information the system holds (KLASSA: the system inherits). */
  requiredProtection: ClassificationLevels.nullable(),
  requiredControls: z.array(RequiredControl),
  unclassifiedInformation: z.number().int(),
  classificationOverdue: z.boolean(),
});
export type SystemSecurity = z.infer<typeof SystemSecurity>;

export const SystemDetail = SystemSummary.extend({
  description: z.string(),
  purpose: z.string(),
  contractReference: z.string().nullable(),
  technicalPlatform: z.string().nullable(),
  documentationUrl: z.string().nullable(),
  loginUrl: z.string().nullable(),
  lifecycleHistory: z.array(LifecycleStep),
  /** The stages the system may move to from where it is. */
  nextStages: z.array(LifecycleStage),
  criticality: CriticalityAssessment.nullable(),
  assessedTier: TierCode.nullable(),
  tierOverride: TierOverride.nullable(),
  tierPolicy: TierPolicy.nullable(),
  fit: FitAssessment.nullable(),
  managementObject: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The standard assortment's components the system runs on (M8). */
  components: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), status: z.string() })),
  roles: z.array(PortfolioRoleAssignment),
  /** Rules the system breaks today: no owner, no full-time manager for gold/silver … */
  roleGaps: z.array(z.string()),
  integrations: z.array(
    z.object({
      id: z.uuid(),
      direction: z.enum(['outgoing', 'incoming']),
      otherSystem: z.object({ id: z.uuid(), name: z.string() }),
      pattern: z.string(),
      informationTypes: z.array(z.object({ id: z.uuid(), nameSv: z.string(), nameEn: z.string() })),
    }),
  ),
  /** Null for readers who may not see the classification. */
  security: SystemSecurity.nullable(),
  /** What the caller may do with this system. */
  canEdit: z.boolean(),
  canManage: z.boolean(),
  /** The roles the viewer may appoint and end on the system (separation of duties). */
  appointableRoles: z.array(PortfolioRole),
});
export type SystemDetail = z.infer<typeof SystemDetail>;

export const PeopleQuery = z.object({ q: text({ max: 100, min: 2 }) });
export const PeopleResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() })),
});
export type PeopleResponse = z.infer<typeof PeopleResponse>;
/** The caller's own roles, with the name of what each is for. */
export const MyRolesResponse = z.object({
  items: z.array(PortfolioRoleAssignment.extend({ subjectName: z.string() })),
});
export type MyRolesResponse = z.infer<typeof MyRolesResponse>;

export const SystemIdParams = z.object({ systemId: z.uuid() });
export const RoleAssignmentIdParams = z.object({ assignmentId: z.uuid() });
export const InformationTypeIdParam = z.object({ informationTypeId: z.uuid() });

const sortable = ['name', 'tier', 'lifecycle', 'owningBoard', 'userCount', 'updatedAt', 'supplier'] as const;
export const SystemSort = z.enum([...sortable, ...sortable.map((key) => `-${key}` as const)]);

export const SystemListQuery = z.object({
  q: text({ max: 100 }).optional(),
  tier: z.enum([...TierCode.options, 'none']).optional(),
  category: SystemCategory.optional(),
  supportKind: SupportKind.optional(),
  lifecycle: LifecycleStage.optional(),
  /** Systems owned by this unit's board or used by it (or a unit below it). */
  orgUnitId: z.uuid().optional(),
  informationTypeId: z.uuid().optional(),
  singleSignOn: z.enum(['true', 'false']).optional(),
  hosting: Hosting.optional(),
  time: TimeVerdict.optional(),
  /** Only the systems the caller holds a role for (the owner's page). */
  mine: z.enum(['true']).optional(),
  sort: SystemSort.default('name'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SystemListQuery = z.infer<typeof SystemListQuery>;

export const SystemListResponse = z.object({
  items: z.array(SystemSummary),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});
export type SystemListResponse = z.infer<typeof SystemListResponse>;

// ---------------------------------------------------------------------------------------------
// Integrations and master data (M5, E3).

export const IntegrationPattern = z.enum(['api', 'file', 'event', 'database']);
export const IntegrationFrequency = z.enum(['realtime', 'hourly', 'daily', 'weekly', 'monthly', 'onDemand']);

export const IntegrationInput = z.object({
  sourceSystemId: z.uuid(),
  targetSystemId: z.uuid(),
  informationTypeIds: z.array(z.uuid()).min(1).max(30),
  pattern: IntegrationPattern,
  protocol: text({ max: 100 }).nullable(),
  format: text({ max: 100 }).nullable(),
  frequency: IntegrationFrequency,
  platform: text({ max: 200 }).nullable(),
  ownerOrgUnitId: z.uuid().nullable(),
  description: text({ max: 2000, multiline: true }).nullable(),
});
export type IntegrationInput = z.infer<typeof IntegrationInput>;

export const Integration = IntegrationInput.extend({
  id: z.uuid(),
  sourceSystemName: z.string(),
  targetSystemName: z.string(),
  informationTypes: z.array(z.object({ id: z.uuid(), nameSv: z.string(), nameEn: z.string() })),
  ownerOrgUnitName: z.string().nullable(),
  /** The highest levels of the information it carries; null for readers without access to classification. */
  protection: ClassificationLevels.nullable(),
  updatedAt: z.iso.datetime(),
});
export type Integration = z.infer<typeof Integration>;
export const IntegrationIdParams = z.object({ integrationId: z.uuid() });
export const IntegrationListQuery = z.object({
  systemId: z.uuid().optional(),
  informationTypeId: z.uuid().optional(),
  /** The integrations of the systems a unit owns or uses (as the graph's), retired systems left out. */
  orgUnitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const IntegrationListResponse = z.object({ items: z.array(Integration), total: z.number().int() });

export const GraphGrouping = z.enum(['none', 'partners', 'boards']);
export const PortfolioGraphQuery = z.object({
  orgUnitId: z.uuid().optional(),
  informationTypeId: z.uuid().optional(),
  /**
   * A map for people: at most this many boxes. Above it, the systems a unit exchanges information
   * with are gathered by owning board, and if still too many its own systems too. Without it,
   * every system and integration.
   */
  maxBoxes: z.coerce.number().int().min(10).max(5_000).optional(),
});
export const PortfolioGraph = z.object({
  grouping: GraphGrouping,
  /** The systems and integrations the graph stands for, grouped or not. */
  systems: z.number().int(),
  integrations: z.number().int(),
  nodes: z.array(
    z.object({
      /** A system's id, or `focus:<board id>` / `other:<board id>` for a group of a board's systems. */
      id: z.string(),
      kind: z.enum(['system', 'group']),
      /** The system's name, or the owning board's for a group. */
      name: z.string(),
      tier: TierCode.nullable(),
      owningBoardId: z.uuid(),
      owningBoard: z.string(),
      focus: z.boolean(),
      /** 1 for a system; the systems gathered in a group. */
      systems: z.number().int(),
    }),
  ),
  edges: z.array(
    z.object({
      /** An integration's id, or `<source box>><target box>` for the integrations between two boxes. */
      id: z.string(),
      source: z.string(),
      target: z.string(),
      /** One pattern when every integration the line stands for has it. */
      pattern: z.union([IntegrationPattern, z.literal('mixed')]),
      integrations: z.number().int(),
      /** The information carried: the integration's, or every type the line's integrations carry. */
      informationTypes: z.array(z.string()),
    }),
  ),
});
export type PortfolioGraph = z.infer<typeof PortfolioGraph>;

export const MasterDataDesignationInput = z.object({
  informationTypeId: z.uuid(),
  systemId: z.uuid(),
  /** The part of the organisation the designation covers; null for the whole municipality. */
  scopeOrgUnitId: z.uuid().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  decisionReference: text({ max: 100 }).nullable(),
});
export type MasterDataDesignationInput = z.infer<typeof MasterDataDesignationInput>;
export const MasterDataDesignation = MasterDataDesignationInput.extend({
  id: z.uuid(),
  informationTypeName: z.string(),
  systemName: z.string(),
  scopeOrgUnitName: z.string().nullable(),
});
export type MasterDataDesignation = z.infer<typeof MasterDataDesignation>;
export const MasterDataDesignationQuery = z.object({
  informationTypeId: z.uuid().optional(),
  on: isoDate.optional(),
});
export const MasterDataDesignationListResponse = z.object({ items: z.array(MasterDataDesignation) });
export const DesignationIdParams = z.object({ designationId: z.uuid() });
export const EndDesignation = z.object({ validTo: isoDate });

// ---------------------------------------------------------------------------------------------
// Reports.

export const TierReport = z.object({
  rows: z.array(z.object({ tier: TierCode.nullable(), category: SystemCategory, count: z.number().int() })),
});
export const RoleCoverageReport = z.object({
  systems: z.number().int(),
  withOwner: z.number().int(),
  withAcceptedOwner: z.number().int(),
  withManager: z.number().int(),
  withCustodian: z.number().int(),
  gaps: z.array(
    z.object({
      system: z.object({ id: z.uuid(), name: z.string(), tier: TierCode.nullable() }),
      gaps: z.array(z.string()),
    }),
  ),
});
export const SsoCoverageQuery = z.object({ top: z.coerce.number().int().min(1).max(1000).default(10) });
export const SsoCoverageReport = z.object({
  top: z.number().int(),
  withSingleSignOn: z.number().int(),
  withCentralAccessAdministration: z.number().int(),
  systems: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      tier: TierCode.nullable(),
      userCount: z.number().nullable(),
      singleSignOn: z.boolean(),
      centralAccessAdministration: z.boolean(),
    }),
  ),
  /** The same share for the 10 and the 30 most important (MOL's two goals). */
  milestones: z.array(
    z.object({ top: z.number().int(), withSingleSignOn: z.number().int(), of: z.number().int() }),
  ),
});
export type SsoCoverageReport = z.infer<typeof SsoCoverageReport>;
export const ClassificationOverdueReport = z.object({
  items: z.array(
    z.object({
      informationType: z.object({ id: z.uuid(), nameSv: z.string(), nameEn: z.string() }),
      reason: z.enum(['never', 'overdue']),
      nextReviewOn: isoDate.nullable(),
      systems: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
});
export const InnovationReport = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      since: isoDate,
      months: z.number().int(),
      overdue: z.boolean(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// User ratings (M6).

export const RatingRoundInput = z.object({
  name: text({ max: 120 }),
  opensOn: isoDate,
  closesOn: isoDate,
});
export const RatingRound = RatingRoundInput.extend({
  id: z.uuid(),
  open: z.boolean(),
  ratings: z.number().int(),
});
export type RatingRound = z.infer<typeof RatingRound>;
export const RatingRoundListResponse = z.object({ items: z.array(RatingRound) });
export const RatingRoundIdParams = z.object({ roundId: z.uuid() });
export const RatingInput = z.object({
  systemId: z.uuid(),
  score: z.number().int().min(1).max(5),
  comment: text({ max: 1000, multiline: true }).nullable().default(null),
});
export const RatingResults = z.object({
  round: RatingRound,
  ratings: z.number().int(),
  /** Share of all ratings that are 4 or 5 (MOL's measure: 68 %, goal over half). */
  shareHigh: z.number().nullable(),
  systems: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      ratings: z.number().int(),
      average: z.number(),
      shareHigh: z.number(),
      distribution: z.array(z.number().int()),
      /** Free-text comments, without names; only for those who may edit the system. */
      comments: z.array(z.string()).nullable(),
    }),
  ),
  /** What the caller has rated in this round. */
  mine: z.array(z.object({ systemId: z.uuid(), score: z.number().int(), comment: z.string().nullable() })),
});
export type RatingResults = z.infer<typeof RatingResults>;

// ---------------------------------------------------------------------------------------------
// Management objects (pm3).

export const ManagementObjectInput = z.object({
  name: text({ max: 120 }),
  description: text({ max: 2000, multiline: true }).nullable(),
  systemIds: z.array(z.uuid()).max(200),
});
export type ManagementObjectInput = z.infer<typeof ManagementObjectInput>;
export const ManagementPlanInput = z.object({
  year: z.number().int().min(2000).max(2100),
  maintenanceBudget: z.number().int().min(0).max(10_000_000_000),
  developmentBudget: z.number().int().min(0).max(10_000_000_000),
  goals: text({ max: 4000, multiline: true }),
  decisionReference: text({ max: 100 }).nullable(),
});
export type ManagementPlanInput = z.infer<typeof ManagementPlanInput>;
export const ManagementObject = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  systems: z.array(z.object({ id: z.uuid(), name: z.string() })),
  roles: z.array(PortfolioRoleAssignment),
  plans: z.array(ManagementPlanInput),
});
export type ManagementObject = z.infer<typeof ManagementObject>;
export const ManagementObjectListResponse = z.object({ items: z.array(ManagementObject) });
export const ManagementObjectIdParams = z.object({ objectId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Import from a spreadsheet (M1).

/** The register's fields a spreadsheet column can be mapped to. */
export const ImportField = z.enum([
  'name',
  'description',
  'purpose',
  'category',
  'supportKind',
  'lifecycle',
  'lifecycleFrom',
  'owningBoard',
  'systemOwnerEmail',
  'usedBy',
  'userCount',
  'supplier',
  'contractReference',
  'hosting',
  'technicalPlatform',
  'documentationUrl',
  'loginUrl',
  'singleSignOn',
  'centralAccessAdministration',
  'tier',
]);
export type ImportField = z.infer<typeof ImportField>;

export const ImportPreview = z.object({
  id: z.uuid(),
  fileName: z.string(),
  columns: z.array(z.string()),
  /** A suggested field for each column (by its heading), or null. */
  suggestedMapping: z.record(z.string(), ImportField.nullable()),
  rowCount: z.number().int(),
  sample: z.array(z.array(z.string())),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRowError = z.object({
  /** The spreadsheet's row number (the heading is row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  field: ImportField.nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportCommitInput = z.object({
  /** Column heading → field; unmapped columns are ignored. */
  mapping: z.record(text({ max: 200 }), ImportField.nullable()),
  /** Import the rows without errors even when other rows have some. */
  validRowsOnly: z.boolean().default(false),
  /** Only check: report the errors and write nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportCommitInput = z.infer<typeof ImportCommitInput>;

export const ImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(ImportRowError),
  committed: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;
export const ImportIdParams = z.object({ importId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// The standard assortment (M8): equipment and platform components, each with a status.

export const ComponentKind = z.enum(['equipment', 'platform', 'software']);
export const ComponentStatus = z.enum(['standard', 'allowed', 'phasingOut', 'notAllowed']);
export type ComponentStatus = z.infer<typeof ComponentStatus>;

export const StandardComponentInput = z.object({
  name: text({ max: 120 }),
  kind: ComponentKind,
  status: ComponentStatus,
  description: text({ max: 2000, multiline: true }).nullable(),
  /** What to choose instead, for a component being phased out or not allowed. */
  replacedById: z.uuid().nullable(),
});
export type StandardComponentInput = z.infer<typeof StandardComponentInput>;
export const StandardComponent = StandardComponentInput.extend({
  id: z.uuid(),
  replacedByName: z.string().nullable(),
  systems: z.array(z.object({ id: z.uuid(), name: z.string(), tier: TierCode.nullable() })),
  updatedAt: z.iso.datetime(),
});
export type StandardComponent = z.infer<typeof StandardComponent>;
export const StandardComponentListResponse = z.object({ items: z.array(StandardComponent) });
export const ComponentIdParams = z.object({ componentId: z.uuid() });
export const SystemComponentsInput = z.object({ componentIds: z.array(z.uuid()).max(50) });
