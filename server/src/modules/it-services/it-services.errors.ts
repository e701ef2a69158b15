import { AppError, type ErrorCatalog, type FieldErrorDetail } from '../../platform/http/errors.ts';

export const itServicesErrorCodes = [
  'service_not_found',
  'service_name_taken',
  'service_system_unknown',
  'service_not_available',
  'department_unknown',
  'order_start_in_past',
  'order_not_found',
  'order_not_awaiting_approval',
  'order_own_approval',
  'order_not_deliverable',
  'order_not_cancellable',
  'order_end_before_notice',
  'cost_pool_not_found',
  'cost_pool_taken',
  'driver_sum_zero',
  'no_cost_pools',
  'allocation_run_not_found',
  'allocation_run_not_proposed',
  'allocation_run_own_approval',
  'driver_file_invalid',
  'ticket_not_found',
  'ticket_resolved',
  'ticket_already_on_line',
  'supplier_not_found',
  'supplier_taken',
  'contract_not_found',
  'spend_file_invalid',
  'supplier_targets_invalid',
] as const;
export type ItServicesErrorCode = (typeof itServicesErrorCodes)[number];

export function itServicesError(
  code: ItServicesErrorCode,
  options: { detail?: string; fieldErrors?: FieldErrorDetail[] } = {},
): AppError<ItServicesErrorCode> {
  return new AppError(code, options);
}

export const itServicesErrors: ErrorCatalog<ItServicesErrorCode> = {
  service_not_found: {
    status: 404,
    title: { sv: 'Tjänsten finns inte.', en: 'The service does not exist.' },
  },
  service_name_taken: {
    status: 409,
    title: {
      sv: 'Det finns redan en tjänst med det namnet.',
      en: 'A service with that name already exists.',
    },
  },
  service_system_unknown: {
    status: 400,
    title: { sv: 'Systemet finns inte i portföljen.', en: 'The system is not in the portfolio.' },
  },
  service_not_available: {
    status: 409,
    title: {
      sv: 'Tjänsten går inte att beställa från det datumet: den levereras inte då.',
      en: 'The service cannot be ordered from that date: it is not delivered then.',
    },
  },
  department_unknown: {
    status: 400,
    title: { sv: 'Förvaltningen finns inte.', en: 'The department does not exist.' },
  },
  order_start_in_past: {
    status: 400,
    title: {
      sv: 'Startdatumet har redan varit. Välj i dag eller ett senare datum.',
      en: 'The start date has passed. Choose today or a later date.',
    },
  },
  order_not_found: {
    status: 404,
    title: { sv: 'Beställningen finns inte.', en: 'The order does not exist.' },
  },
  order_not_awaiting_approval: {
    status: 409,
    title: {
      sv: 'Beställningen väntar inte på godkännande.',
      en: 'The order is not awaiting approval.',
    },
  },
  order_own_approval: {
    status: 403,
    title: {
      sv: 'Den som beställer kan inte själv godkänna beställningen. En annan avropsberättigad beställare godkänner.',
      en: 'Whoever placed an order cannot approve it. Another authorised orderer approves.',
    },
  },
  order_not_deliverable: {
    status: 409,
    title: {
      sv: 'Bara en godkänd beställning kan levereras.',
      en: 'Only an approved order can be delivered.',
    },
  },
  order_not_cancellable: {
    status: 409,
    title: {
      sv: 'Beställningen är redan avslutad eller avslagen.',
      en: 'The order has already ended or was rejected.',
    },
  },
  order_end_before_notice: {
    status: 409,
    title: {
      sv: 'Slutdatumet ligger före tjänstens uppsägningstid eller före startdatumet.',
      en: "The end date is within the service's notice period or before the start date.",
    },
  },
  cost_pool_not_found: {
    status: 404,
    title: { sv: 'Kostnadsposten finns inte.', en: 'The cost pool does not exist.' },
  },
  cost_pool_taken: {
    status: 409,
    title: {
      sv: 'Det finns redan en kostnadspost med den kostnadstypen och kategorin det året.',
      en: 'A cost pool with that cost type and category already exists for the year.',
    },
  },
  driver_sum_zero: {
    status: 409,
    title: {
      sv: 'En kostnadspost ska fördelas efter en fördelningsnyckel som är noll för alla förvaltningar.',
      en: 'A cost pool is to be distributed by a driver that is zero for every department.',
    },
  },
  no_cost_pools: {
    status: 409,
    title: {
      sv: 'Det finns inga kostnadsposter för året att fördela.',
      en: 'There are no cost pools for the year to distribute.',
    },
  },
  allocation_run_not_found: {
    status: 404,
    title: { sv: 'Fördelningskörningen finns inte.', en: 'The allocation run does not exist.' },
  },
  allocation_run_not_proposed: {
    status: 409,
    title: {
      sv: 'Körningen är redan godkänd, ersatt eller förkastad och ändras aldrig.',
      en: 'The run is already approved, superseded or discarded, and is never changed.',
    },
  },
  allocation_run_own_approval: {
    status: 403,
    title: {
      sv: 'Den som gjorde körningen kan inte själv godkänna den. En annan person på IT-avdelningen godkänner.',
      en: 'Whoever made the run cannot approve it. Someone else in the IT department approves.',
    },
  },
  driver_file_invalid: {
    status: 400,
    title: {
      sv: 'Filen med fördelningsnycklar kunde inte läsas. Inget har sparats.',
      en: 'The driver file could not be read. Nothing was saved.',
    },
  },
  ticket_not_found: {
    status: 404,
    title: { sv: 'Supportärendet finns inte.', en: 'The support ticket does not exist.' },
  },
  ticket_resolved: {
    status: 409,
    title: {
      sv: 'Ärendet är redan åtgärdat. Anmälaren öppnar det igen genom att svara.',
      en: 'The ticket is already resolved. The reporter reopens it by answering.',
    },
  },
  ticket_already_on_line: {
    status: 409,
    title: { sv: 'Ärendet ligger redan på den linjen.', en: 'The ticket is already on that line.' },
  },
  supplier_not_found: {
    status: 404,
    title: { sv: 'Leverantören finns inte.', en: 'The supplier does not exist.' },
  },
  supplier_taken: {
    status: 409,
    title: {
      sv: 'Det finns redan en leverantör med det organisationsnumret.',
      en: 'A supplier with that organisation number already exists.',
    },
  },
  contract_not_found: {
    status: 404,
    title: { sv: 'Avtalet finns inte.', en: 'The contract does not exist.' },
  },
  spend_file_invalid: {
    status: 400,
    title: {
      sv: 'Filen med leverantörsutfall kunde inte läsas. Inget har sparats.',
      en: 'The supplier spend file could not be read. Nothing was saved.',
    },
  },
  supplier_targets_invalid: {
    status: 400,
    title: {
      sv: 'Varje mål ska gälla ett eget år efter basåret.',
      en: 'Each target must be for its own year after the baseline year.',
    },
  },
};
