import { z } from 'zod';
import { OrganisationNumberInput } from './organisation-number/index.ts';
import { TierCode } from './portfolio.ts';
import { text } from './text.ts';

/**
 * The IT department's services (N1–N7, P4): the service catalog answering MOL 4.3's seven
 * questions, orders (avrop) by the departments, and chargeback by the six distribution models of
 * MOL appendix 8.2. Money travels as whole öre (integers); the web app shows kronor.
 */

/** A calendar date the catalog can hold. */
const isoDate = z.iso.date().refine((date) => date >= '2000-01-01' && date <= '2199-12-31', {
  error: 'must be a date between 2000 and 2199',
});
/** Whole öre: up to 100 billion kronor, which no municipality's IT budget reaches. */
const ore = z.number().int().min(0).max(10_000_000_000_000);
const localized = z.object({ sv: z.string(), en: z.string() });

// ---------------------------------------------------------------------------------------------
// The service catalog (N1, N3).

export const ServiceCategory = z.enum([
  'workplace',
  'infrastructure',
  'application',
  'support',
  'consulting',
]);
export type ServiceCategory = z.infer<typeof ServiceCategory>;

/**
 * How a service is priced (MOL 4.3 question 6):
 * - `monthlyPerUnit`: the price per unit and month, charged from the order's start to its end;
 * - `oneOff`: the price per unit once, in the month the order starts;
 * - `allocated`: no price of its own — its cost is in a cost pool, and its orders count as the
 *   department's driver quantity (`driverKind`) when the pool is distributed.
 */
export const PriceModel = z.enum(['monthlyPerUnit', 'oneOff', 'allocated']);
export type PriceModel = z.infer<typeof PriceModel>;

/** The quantities the distribution models count (MOL 8.2, models 2–6). */
export const DriverKind = z.enum([
  'systemGold',
  'systemSilver',
  'systemBronze',
  'systemCopper',
  'computerStaff',
  'computerPupil',
  'user',
  'connection',
  'projectDemand',
]);
export type DriverKind = z.infer<typeof DriverKind>;

/** MOL 8.2: 1 IT's own budget, 2 per system by tier, 3 per computer, 4 per user, 5 per connection, 6 per project demand. */
export const DistributionModel = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);
export type DistributionModel = z.infer<typeof DistributionModel>;

export const ServiceInput = z
  .object({
    name: text({ max: 120 }),
    category: ServiceCategory,
    summary: text({ max: 500, multiline: true }),
    /** 1. What is included, and 1b. what is not. */
    included: text({ max: 4000, multiline: true }),
    notIncluded: text({ max: 4000, multiline: true }),
    /** 2. How to order. */
    howToOrder: text({ max: 2000, multiline: true }),
    /** 3. Delivery time, in working days from an approved order. */
    deliveryWorkingDays: z.number().int().min(0).max(365),
    /** 4. How to report a problem with the delivery. */
    howToReport: text({ max: 2000, multiline: true }),
    /**
     * 5. The service level: a tier of the tier policy (response, troubleshooting and fix times
     * follow it), or null when the level follows the tier of `systemId` (N3).
     */
    serviceLevel: TierCode.nullable(),
    /** The application the service is for (a licence, support for a system), if any. */
    systemId: z.uuid().nullable(),
    /** 6. The price. */
    priceModel: PriceModel,
    priceOre: ore,
    unit: text({ max: 60 }),
    driverKind: DriverKind.nullable(),
    /** 7. How to cancel, and the notice in days. */
    howToCancel: text({ max: 2000, multiline: true }),
    cancellationNoticeDays: z.number().int().min(0).max(365),
    /** The first day the service can be delivered, and the last (null: until further notice). */
    availableFrom: isoDate,
    availableTo: isoDate.nullable(),
  })
  .superRefine((service, context) => {
    if (service.serviceLevel === null && service.systemId === null) {
      context.addIssue({
        code: 'custom',
        path: ['serviceLevel'],
        message: 'a service without a system needs its own service level',
      });
    }
    if ((service.priceModel === 'allocated') !== (service.driverKind !== null)) {
      context.addIssue({
        code: 'custom',
        path: ['driverKind'],
        message: 'an allocated service names the driver its orders count as, and only it',
      });
    }
    if (service.availableTo !== null && service.availableTo < service.availableFrom) {
      context.addIssue({
        code: 'custom',
        path: ['availableTo'],
        message: 'must not be before availableFrom',
      });
    }
  });
export type ServiceInput = z.infer<typeof ServiceInput>;

/** What a service level promises, from the tier policy (portfolio). */
export const ServiceLevel = z.object({
  tier: TierCode,
  supportHours: z.string(),
  availabilityPercent: z.number(),
  responseHours: z.number(),
  fixHours: z.number(),
  /** Where the level comes from: the service's own, or the tier of its system (N3). */
  source: z.enum(['service', 'system']),
});
export type ServiceLevel = z.infer<typeof ServiceLevel>;

export const Service = z.object({
  id: z.uuid(),
  name: z.string(),
  category: ServiceCategory,
  summary: z.string(),
  included: z.string(),
  notIncluded: z.string(),
  howToOrder: z.string(),
  deliveryWorkingDays: z.number().int(),
  howToReport: z.string(),
  serviceLevel: ServiceLevel.nullable(),
  system: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  priceModel: PriceModel,
  priceOre: z.number().int(),
  unit: z.string(),
  driverKind: DriverKind.nullable(),
  howToCancel: z.string(),
  cancellationNoticeDays: z.number().int(),
  availableFrom: z.string(),
  availableTo: z.string().nullable(),
  /** Orderable today. */
  available: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type Service = z.infer<typeof Service>;

export const ServiceListQuery = z.object({
  q: text({ max: 100 }).optional(),
  category: ServiceCategory.optional(),
  /** Include services no longer or not yet available (the IT department's view). */
  all: z.enum(['true', 'false']).default('false'),
});
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;
export const ServiceListResponse = z.object({ items: z.array(Service) });
export const ServiceIdParams = z.object({ serviceId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Orders (avrop, N2).

export const OrderStatus = z.enum(['awaitingApproval', 'approved', 'rejected', 'delivered', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderInput = z.object({
  serviceId: z.uuid(),
  /** The department (förvaltning) that orders and pays. */
  departmentId: z.uuid(),
  quantity: z.number().int().min(1).max(100_000),
  costCentre: text({ max: 20 }),
  startDate: isoDate,
  note: text({ max: 1000, multiline: true }).nullable(),
});
export type OrderInput = z.infer<typeof OrderInput>;

export const OrderDecisionInput = z.object({
  approve: z.boolean(),
  reason: text({ max: 1000, multiline: true }).nullable(),
});
export const OrderCancellationInput = z.object({
  /** The last day the department pays for the service. */
  endDate: isoDate,
});
export const OrderDeliveryInput = z.object({ deliveredOn: isoDate });

export const Order = z.object({
  id: z.uuid(),
  number: z.string(),
  service: z.object({
    id: z.uuid(),
    name: z.string(),
    priceModel: PriceModel,
    priceOre: z.number().int(),
    unit: z.string(),
  }),
  department: z.object({ id: z.uuid(), name: z.string() }),
  quantity: z.number().int(),
  costCentre: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  note: z.string().nullable(),
  status: OrderStatus,
  orderedBy: z.string(),
  orderedAt: z.iso.datetime(),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  /** The delivery date promised: the service's delivery time in working days from approval. */
  promisedBy: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  /** Delivered after the promise, or not delivered and the promise has passed. */
  late: z.boolean(),
  /** The earliest end date a cancellation by the department may set now (the service's notice). */
  earliestEndDate: z.string(),
  /** What the caller may do with it now. */
  canDecide: z.boolean(),
  canDeliver: z.boolean(),
  canCancel: z.boolean(),
});
export type Order = z.infer<typeof Order>;

export const OrderListQuery = z.object({
  departmentId: z.uuid().optional(),
  status: OrderStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const OrderListResponse = z.object({ items: z.array(Order) });
export const OrderIdParams = z.object({ orderId: z.uuid() });

/** The departments the caller may order for, pay for or see the charges of. */
export const ItServicesDepartments = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      /** May place and approve orders (the authorised orderer) and read the charges. */
      orders: z.boolean(),
      /** May ask for an order, which the authorised orderer approves. */
      requests: z.boolean(),
    }),
  ),
});
export type ItServicesDepartments = z.infer<typeof ItServicesDepartments>;

// ---------------------------------------------------------------------------------------------
// Chargeback (N4).

export const PoolModelShare = z.object({
  model: DistributionModel,
  /** The share of the pool distributed by this model, in hundredths of a per cent (10000 = all). */
  shareBasisPoints: z.number().int().min(1).max(10_000),
});

export const CostPoolInput = z
  .object({
    year: z.number().int().min(2000).max(2199),
    /** MOL 8.2's cost type (Lönekostnader, Mjukvara/Licenser, Nätverk …) and category. */
    costType: text({ max: 80 }),
    category: text({ max: 160 }),
    annualAmountOre: ore,
    models: z.array(PoolModelShare).min(1).max(6),
  })
  .superRefine((pool, context) => {
    const models = pool.models.map((share) => share.model);
    if (new Set(models).size !== models.length) {
      context.addIssue({ code: 'custom', path: ['models'], message: 'each model at most once' });
    }
    const total = pool.models.reduce((sum, share) => sum + share.shareBasisPoints, 0);
    if (total !== 10_000) {
      context.addIssue({ code: 'custom', path: ['models'], message: 'the shares must sum to 100 %' });
    }
  });
export type CostPoolInput = z.infer<typeof CostPoolInput>;

export const CostPool = z.object({
  id: z.uuid(),
  year: z.number().int(),
  costType: z.string(),
  category: z.string(),
  annualAmountOre: z.number().int(),
  models: z.array(PoolModelShare),
  updatedAt: z.iso.datetime(),
});
export type CostPool = z.infer<typeof CostPool>;
export const CostPoolListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2199) });
export const CostPoolListResponse = z.object({ items: z.array(CostPool) });
export const CostPoolIdParams = z.object({ poolId: z.uuid() });

/** A month of chargeback: `YYYY-MM`. */
export const ChargePeriod = z
  .string()
  .max(7)
  .regex(/^(20\d\d|21\d\d)-(0[1-9]|1[0-2])$/, { error: 'must be a month, YYYY-MM' });

export const DriverValue = z.object({
  departmentId: z.uuid(),
  kind: DriverKind,
  quantity: z.number().min(0).max(10_000_000),
});
export const DriverSetInput = z.object({
  /** Replaces the imported quantities of these kinds for the period (other kinds are kept). */
  values: z.array(DriverValue).max(20_000),
});
export const DriverSet = z.object({
  period: z.string(),
  items: z.array(
    DriverValue.extend({
      departmentName: z.string(),
      /** Imported, counted from the portfolio's systems, or from the month's orders (day-weighted). */
      source: z.enum(['imported', 'portfolio', 'orders']),
    }),
  ),
});
export type DriverSet = z.infer<typeof DriverSet>;
export const PeriodParams = z.object({ period: ChargePeriod });

export const AllocationRunStatus = z.enum(['proposed', 'approved', 'superseded', 'discarded']);
export type AllocationRunStatus = z.infer<typeof AllocationRunStatus>;

export const AllocationRunInput = z.object({
  period: ChargePeriod,
  /** Weight of a pupil's 1-to-1 computer against a staff computer in model 3 (MOL: a lower amount). */
  pupilComputerWeight: z.number().min(0).max(1).default(0.4),
});

export const ChargeLine = z.object({
  departmentId: z.uuid(),
  departmentName: z.string(),
  /** A cost-pool line (pool, model, drivers, rate) or an order's service charge. */
  kind: z.enum(['pool', 'service']),
  poolId: z.uuid().nullable(),
  costType: z.string().nullable(),
  category: z.string().nullable(),
  model: DistributionModel.nullable(),
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
  serviceName: z.string().nullable(),
  costCentre: z.string().nullable(),
  /** The department's driver quantities for the model, with the weight of each unit. */
  drivers: z.array(z.object({ kind: DriverKind, quantity: z.number(), weight: z.number() })),
  units: z.number(),
  totalUnits: z.number(),
  /** Öre per weighted unit (pool lines), or the service's price per unit (service lines). */
  rateOre: z.number(),
  /** For service lines: the days of the month the order ran. */
  days: z.number().int().nullable(),
  amountOre: z.number().int(),
  /** Whole öre the line received from the remainder (0 or 1). */
  roundingOre: z.number().int(),
  /** Plain words: how the amount was reached. */
  explanation: localized,
});
export type ChargeLine = z.infer<typeof ChargeLine>;

export const AllocationRunSummary = z.object({
  id: z.uuid(),
  period: z.string(),
  version: z.number().int(),
  status: AllocationRunStatus,
  pupilComputerWeight: z.number(),
  /** Distributed to departments (pool lines and service lines), retained by IT (model 1). */
  distributedOre: z.number().int(),
  retainedOre: z.number().int(),
  serviceChargesOre: z.number().int(),
  lineCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  /** The caller may approve it: proposed, and the caller is IT but did not run it (four eyes). */
  canApprove: z.boolean(),
});
export type AllocationRunSummary = z.infer<typeof AllocationRunSummary>;
export const AllocationRunListResponse = z.object({ items: z.array(AllocationRunSummary) });
export const AllocationRunIdParams = z.object({ runId: z.uuid() });

export const DepartmentTotal = z.object({
  departmentId: z.uuid(),
  departmentName: z.string(),
  amountOre: z.number().int(),
  /** Against the run it reran (null for a first version): this version's amount minus the previous. */
  changeOre: z.number().int().nullable(),
});
export const AllocationRunDetail = AllocationRunSummary.extend({
  previousVersionId: z.uuid().nullable(),
  departments: z.array(DepartmentTotal),
  retained: z.array(
    z.object({ poolId: z.uuid(), costType: z.string(), category: z.string(), amountOre: z.number().int() }),
  ),
});
export type AllocationRunDetail = z.infer<typeof AllocationRunDetail>;

export const ChargeLineQuery = z.object({ departmentId: z.uuid().optional() });
export const ChargeLineListResponse = z.object({ items: z.array(ChargeLine) });

/** A department's charges for a month, from the approved run (what the department sees). */
export const DepartmentChargesQuery = z.object({ departmentId: z.uuid(), period: ChargePeriod });
export const DepartmentCharges = z.object({
  period: z.string(),
  department: z.object({ id: z.uuid(), name: z.string() }),
  /** The approved run, or null when the month has none yet. */
  run: z
    .object({ id: z.uuid(), version: z.number().int(), approvedAt: z.iso.datetime().nullable() })
    .nullable(),
  totalOre: z.number().int(),
  lines: z.array(ChargeLine),
});
export type DepartmentCharges = z.infer<typeof DepartmentCharges>;

// ---------------------------------------------------------------------------------------------
// Support (N5): one point of contact, first/second/third line, deadlines from the service level.

export const ImpactLevel = z.enum(['high', 'medium', 'low']);
export type ImpactLevel = z.infer<typeof ImpactLevel>;
/** 1 critical, 2 high, 3 normal, 4 low: from impact × urgency. */
export const TicketPriority = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type TicketPriority = z.infer<typeof TicketPriority>;
/** 1 the service desk, 2 the IT department's specialists and system management, 3 the supplier. */
/** ITIL's matrix, impact (rows) × urgency (columns): the server decides by it, the form shows it ahead. */
const PRIORITY_MATRIX: Record<ImpactLevel, Record<ImpactLevel, TicketPriority>> = {
  high: { high: 1, medium: 2, low: 3 },
  medium: { high: 2, medium: 3, low: 4 },
  low: { high: 3, medium: 4, low: 4 },
};
export function ticketPriority(impact: ImpactLevel, urgency: ImpactLevel): TicketPriority {
  return PRIORITY_MATRIX[impact][urgency];
}
export const SupportLine = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type SupportLine = z.infer<typeof SupportLine>;
export const TicketStatus = z.enum(['new', 'inProgress', 'resolved']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TicketInput = z
  .object({
    /** What the problem is with: a service of the catalog, a system of the portfolio, or neither. */
    serviceId: z.uuid().nullable(),
    systemId: z.uuid().nullable(),
    summary: text({ max: 200 }),
    description: text({ max: 8000, multiline: true }),
    /** How many it stops: high (a department or more), medium (a unit), low (one person). */
    impact: ImpactLevel,
    /** How soon it hurts: high (work has stopped), medium (work is hampered), low (it can wait). */
    urgency: ImpactLevel,
  })
  .refine((ticket) => !(ticket.serviceId && ticket.systemId), {
    path: ['systemId'],
    error: 'name a service or a system, not both',
  });
export type TicketInput = z.infer<typeof TicketInput>;

export const TicketEvent = z.object({
  at: z.iso.datetime(),
  by: z.string(),
  kind: z.enum(['reported', 'comment', 'taken', 'escalated', 'resolved', 'reopened']),
  text: z.string().nullable(),
  /** An internal note of the IT department, which the reporter does not see. */
  internal: z.boolean(),
});
export const Ticket = z.object({
  id: z.uuid(),
  number: z.string(),
  summary: z.string(),
  description: z.string(),
  service: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  system: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reporter: z.string(),
  impact: ImpactLevel,
  urgency: ImpactLevel,
  priority: TicketPriority,
  line: SupportLine,
  status: TicketStatus,
  assignee: z.string().nullable(),
  /** The service level the deadlines follow. */
  tier: TierCode,
  supportHours: z.string(),
  reportedAt: z.iso.datetime(),
  responseDueAt: z.iso.datetime(),
  fixDueAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolution: z.string().nullable(),
  responseBreached: z.boolean(),
  fixBreached: z.boolean(),
  events: z.array(TicketEvent),
  canHandle: z.boolean(),
});
export type Ticket = z.infer<typeof Ticket>;
export const TicketSummary = Ticket.omit({ description: true, events: true });
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketListQuery = z.object({
  /** Only the caller's own tickets (what a reporter always gets). */
  mine: z.enum(['true', 'false']).default('false'),
  status: TicketStatus.optional(),
  line: z.coerce.number().int().min(1).max(3).optional(),
  /** Tickets past their response or fix deadline (resolved late, or still open). */
  breached: z.enum(['response', 'fix']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const TicketListResponse = z.object({ items: z.array(TicketSummary) });
export const TicketIdParams = z.object({ ticketId: z.uuid() });
export const TicketCommentInput = z.object({
  text: text({ max: 4000, multiline: true }),
  /** IT only: a note the reporter does not see. */
  internal: z.boolean().default(false),
});
export const TicketEscalationInput = z.object({
  line: SupportLine,
  note: text({ max: 2000, multiline: true }),
});
export const TicketResolutionInput = z.object({ resolution: text({ max: 4000, multiline: true }) });

/** How well the service levels were kept (N3): per tier, tickets reported in the year. */
export const SlaReportQuery = z.object({ year: z.coerce.number().int().min(2000).max(2199) });
export const SlaReport = z.object({
  year: z.number().int(),
  tiers: z.array(
    z.object({
      tier: TierCode,
      tickets: z.number().int(),
      resolved: z.number().int(),
      respondedInTime: z.number().int(),
      fixedInTime: z.number().int(),
      /** Share of tickets answered and fixed within the deadline, 0–1; null without tickets. */
      responseRate: z.number().nullable(),
      fixRate: z.number().nullable(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Suppliers and contracts (N7), yearly spend from the finance system, the supplier-count trend.

export const SupplierInput = z.object({
  name: text({ max: 200 }),
  organisationNumber: OrganisationNumberInput,
  category: text({ max: 100 }).nullable(),
  notes: text({ max: 2000, multiline: true }).nullable(),
});
export type SupplierInput = z.infer<typeof SupplierInput>;

export const Supplier = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationNumber: z.string(),
  category: z.string().nullable(),
  notes: z.string().nullable(),
  /** Spend per year from the finance system, newest first. */
  spend: z.array(z.object({ year: z.number().int(), amountOre: z.number().int() })),
  contractCount: z.number().int(),
});
export type Supplier = z.infer<typeof Supplier>;
export const SupplierListQuery = z.object({
  q: text({ max: 100 }).optional(),
  /** Only suppliers paid in this year. */
  year: z.coerce.number().int().min(2000).max(2199).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const SupplierListResponse = z.object({ items: z.array(Supplier), total: z.number().int() });
export const SupplierIdParams = z.object({ supplierId: z.uuid() });

export const ContractInput = z
  .object({
    supplierId: z.uuid(),
    title: text({ max: 200 }),
    reference: text({ max: 60 }).nullable(),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    /** Months before the end by which the contract must be renewed or given notice. */
    noticeMonths: z.number().int().min(0).max(60),
    annualValueOre: ore,
    /** The portfolio system the contract is for, if any. */
    systemId: z.uuid().nullable(),
  })
  .refine((contract) => contract.endsOn === null || contract.endsOn >= contract.startsOn, {
    path: ['endsOn'],
    error: 'must not be before startsOn',
  });
export type ContractInput = z.infer<typeof ContractInput>;
export const Contract = z.object({
  id: z.uuid(),
  supplier: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  reference: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  noticeMonths: z.number().int(),
  /** The last day to renew or give notice: the end date less the notice. */
  noticeBy: z.string().nullable(),
  annualValueOre: z.number().int(),
  system: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Running today, and whether its notice date is within the coming 120 days (or passed). */
  active: z.boolean(),
  renewalDue: z.boolean(),
});
export type Contract = z.infer<typeof Contract>;
export const ContractListQuery = z.object({
  supplierId: z.uuid().optional(),
  /** Only contracts whose notice date is within 120 days or passed, still running. */
  renewalDue: z.enum(['true', 'false']).default('false'),
});
export const ContractListResponse = z.object({ items: z.array(Contract) });
export const ContractIdParams = z.object({ contractId: z.uuid() });

/** What an import of the finance system's spend file did (all rows or none). */
export const SpendImportResult = z.object({
  rows: z.number().int(),
  years: z.array(z.number().int()),
  suppliersCreated: z.number().int(),
  suppliersUpdated: z.number().int(),
});
export type SpendImportResult = z.infer<typeof SpendImportResult>;

export const SupplierTargetInput = z.object({
  baselineYear: z.number().int().min(2000).max(2199),
  /** MOL: −20 %, then −50 % of the baseline's number of suppliers. */
  targets: z
    .array(
      z.object({ year: z.number().int().min(2000).max(2199), reductionPercent: z.number().min(0).max(100) }),
    )
    .max(10),
});
export const SupplierTrend = z.object({
  baselineYear: z.number().int().nullable(),
  baselineCount: z.number().int().nullable(),
  years: z.array(
    z.object({ year: z.number().int(), suppliers: z.number().int(), spendOre: z.number().int() }),
  ),
  targets: z.array(
    z.object({
      year: z.number().int(),
      reductionPercent: z.number(),
      /** At most this many suppliers, from the baseline. */
      targetCount: z.number().int().nullable(),
      actualCount: z.number().int().nullable(),
      met: z.boolean().nullable(),
    }),
  ),
});
export type SupplierTrend = z.infer<typeof SupplierTrend>;

// ---------------------------------------------------------------------------------------------
// IT cost as a share of turnover (P4; MOL: 1.7–2.2 %, the national average 2.0 %).

export const KeyFigureInput = z.object({
  /** The municipality's turnover (omsättning) for the year. */
  municipalityTurnoverOre: ore,
  /** The reference the user enters, e.g. the national average for municipalities (MOL: 2.0 %). */
  nationalAveragePercent: z.number().min(0).max(100).nullable(),
  departments: z
    .array(
      z.object({
        departmentId: z.uuid(),
        turnoverOre: ore,
        /** IT costs the department pays itself, outside the IT department's charges. */
        ownItCostOre: ore,
      }),
    )
    .max(500),
});
export type KeyFigureInput = z.infer<typeof KeyFigureInput>;
export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2199) });

const share = z.number().nullable();
export const KeyFigures = z.object({
  year: z.number().int(),
  nationalAveragePercent: z.number().nullable(),
  municipality: z.object({
    turnoverOre: z.number().int().nullable(),
    /** The IT department's costs: the year's cost pools. */
    itDepartmentCostOre: z.number().int(),
    departmentsOwnCostOre: z.number().int(),
    itCostOre: z.number().int(),
    /** IT cost as a per cent of turnover; null without a turnover. */
    sharePercent: share,
  }),
  departments: z.array(
    z.object({
      departmentId: z.uuid(),
      departmentName: z.string(),
      turnoverOre: z.number().int().nullable(),
      /** What the approved runs of the year's months charged it. */
      chargedOre: z.number().int(),
      ownItCostOre: z.number().int(),
      itCostOre: z.number().int(),
      sharePercent: share,
    }),
  ),
  /** The municipality's share in the years with a turnover, oldest first. */
  trend: z.array(
    z.object({
      year: z.number().int(),
      sharePercent: z.number(),
      nationalAveragePercent: z.number().nullable(),
    }),
  ),
});
export type KeyFigures = z.infer<typeof KeyFigures>;
