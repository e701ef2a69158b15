import { chargebackEn, chargebackSv } from './chargeback.messages.ts';

/**
 * The IT services' texts in Swedish (the source of the type) and English: the words for the
 * catalog's values, the catalog with its order form, and the orders here; a department's charges
 * and the IT department's chargeback in chargeback.messages.ts.
 */

const termsSv = {
  category: {
    workplace: 'Arbetsplats',
    infrastructure: 'Infrastruktur',
    application: 'Applikation',
    support: 'Support',
    consulting: 'Konsulttjänst',
  },
  tier: { gold: 'Guld', silver: 'Silver', bronze: 'Brons', copper: 'Koppar' },
  driver: {
    systemGold: 'guldsystem',
    systemSilver: 'silversystem',
    systemBronze: 'bronssystem',
    systemCopper: 'kopparsystem',
    computerStaff: 'datorer',
    computerPupil: 'elevdatorer (1-1)',
    user: 'användare',
    connection: 'anslutningar',
    projectDemand: 'timmar projektbehov',
  },
  model: {
    1: 'IT:s egen budget',
    2: 'per system efter nivå',
    3: 'per dator',
    4: 'per användare',
    5: 'per anslutning',
    6: 'efter behov av förändringsprojekt',
  },
  orderStatus: {
    awaitingApproval: 'Väntar på godkännande',
    approved: 'Godkänd',
    rejected: 'Avslagen',
    delivered: 'Levererad',
    cancelled: 'Avslutad',
  },
  late: 'Sen leverans',
  any: 'Alla',
};

const subNavSv = {
  label: 'IT-tjänster',
  catalog: 'Tjänstekatalog',
  orders: 'Beställningar',
  charges: 'Debitering',
  allocation: 'Fördelning',
};

const catalogSv = {
  title: 'Tjänstekatalog',
  lead: 'IT-avdelningens tjänster: vad som ingår, hur du beställer, hur snabbt de levereras, vilken servicenivå som gäller och vad de kostar.',
  filtersHeading: 'Sök och filtrera',
  search: 'Sök tjänst',
  searchHelp: 'Namn eller beskrivning.',
  searchButton: 'Sök',
  category: 'Kategori',
  showAll: 'Visa även tjänster som inte går att beställa nu',
  count: (count: number) => (count === 1 ? '1 tjänst.' : `${count} tjänster.`),
  empty: 'Inga tjänster matchar sökningen.',
  notAvailable: 'Går inte att beställa nu',
  questions: {
    included: 'Det här ingår',
    notIncluded: 'Det här ingår inte',
    howToOrder: 'Så beställer du',
    delivery: 'Leveranstid',
    howToReport: 'Så anmäler du fel',
    serviceLevel: 'Servicenivå',
    price: 'Pris',
    howToCancel: 'Så avbeställer du',
  },
  deliveryDays: (days: number) =>
    days === 1 ? '1 arbetsdag från godkänd beställning.' : `${days} arbetsdagar från godkänd beställning.`,
  hours: (hours: number, text: string) => (hours === 1 ? `${text} timme` : `${text} timmar`),
  serviceLevel: (tier: string, response: string, fix: string, availability: string) =>
    `Nivå ${tier}: svar inom ${response} och åtgärd inom ${fix}. Tillgänglighet ${availability}\u00a0%.`,
  supportHours: (hours: string) => `Support: ${hours}.`,
  levelOfSystem: (system: string) => `Följer nivån för systemet ${system}.`,
  noServiceLevel: 'Systemet har ingen nivå än.',
  priceMonthly: (price: string, unit: string) => `${price} per ${unit} och månad.`,
  priceOneOff: (price: string, unit: string) => `${price} per ${unit}, en gång.`,
  priceAllocated: (driver: string) =>
    `Ingen egen avgift. Kostnaden fördelas på förvaltningarna efter antal ${driver}.`,
  notice: (days: number) =>
    days === 0
      ? 'Ingen uppsägningstid.'
      : days === 1
        ? 'Uppsägningstid 1 dag.'
        : `Uppsägningstid ${days} dagar.`,
  availablePeriod: (from: string, to: string | null) =>
    to ? `Levereras ${from}–${to}.` : `Levereras från ${from}.`,
  order: 'Beställ',
  placedApproved: (number: string, date: string) =>
    `Beställning ${number} är lagd och godkänd. IT-avdelningen levererar senast ${date}.`,
  placedWaiting: (number: string) =>
    `Beställning ${number} är skickad till förvaltningens avropsberättigade beställare för godkännande.`,
  toOrders: 'Se beställningarna',
};

const orderFormSv = {
  heading: (service: string) => `Beställ ${service}`,
  department: 'Förvaltning',
  departmentHelp: 'Förvaltningen som beställer och betalar.',
  chooseDepartment: 'Välj förvaltning',
  quantity: 'Antal',
  quantityHelp: (unit: string) => `Antal ${unit}.`,
  costCentre: 'Kostnadsställe',
  costCentreHelp: 'Där förvaltningen bokför kostnaden, högst 20 tecken.',
  startDate: 'Startdatum',
  startDateHelp: 'Från den dagen debiteras tjänsten.',
  note: 'Meddelande till IT-avdelningen (frivilligt)',
  approvedAtOnce:
    'Du är avropsberättigad beställare för förvaltningen, så beställningen godkänns när du skickar den.',
  needsApproval:
    'Förvaltningens avropsberättigade beställare godkänner beställningen innan IT-avdelningen levererar.',
  submit: 'Skicka beställningen',
  sending: 'Skickar …',
  cancel: 'Avbryt',
  errors: {
    departmentId: 'Välj förvaltning.',
    quantity: 'Skriv antal som ett heltal från 1 till 100 000.',
    costCentre: 'Skriv kostnadsställe, högst 20 tecken.',
    startDate: 'Välj ett startdatum.',
    startDatePast: 'Startdatumet kan inte vara före i dag.',
    note: 'Meddelandet får vara högst 1 000 tecken.',
  },
};

const ordersSv = {
  title: 'Beställningar',
  lead: 'Beställningar för dina förvaltningar: status, när leveransen är utlovad och om den är sen.',
  filtersHeading: 'Filtrera',
  department: 'Förvaltning',
  allDepartments: 'Alla mina förvaltningar',
  status: 'Status',
  count: (count: number) => (count === 1 ? '1 beställning.' : `${count} beställningar.`),
  empty: 'Det finns inga beställningar.',
  listHeading: 'Beställningar',
  itemTitle: (number: string, service: string) => `${number}: ${service}`,
  facts: {
    department: 'Förvaltning',
    quantity: 'Antal',
    costCentre: 'Kostnadsställe',
    startDate: 'Start',
    endDate: 'Slut',
    orderedBy: 'Beställd av',
    decision: 'Beslut',
    promisedBy: 'Utlovad leverans',
    deliveredOn: 'Levererad',
    rejectionReason: 'Motivering',
    note: 'Meddelande',
  },
  quantityText: (quantity: string, unit: string) => `${quantity} ${unit}`,
  byOn: (name: string, date: string) => `${name}, ${date}`,
  approvedBy: (name: string, date: string) => `Godkänd av ${name}, ${date}`,
  rejectedBy: (name: string, date: string) => `Avslagen av ${name}, ${date}`,
  actions: {
    approve: 'Godkänn',
    reject: 'Avslå',
    deliver: 'Registrera leverans',
    cancel: 'Avsluta',
    rejectHeading: (number: string) => `Avslå ${number}`,
    deliverHeading: (number: string) => `Leverans av ${number}`,
    cancelHeading: (number: string) => `Avsluta ${number}`,
    reason: 'Motivering',
    reasonHelp: 'Den som beställde får motiveringen i ett e-postmeddelande.',
    deliveredOn: 'Leveransdatum',
    endDate: 'Slutdatum',
    endDateHelp: 'Sista dagen förvaltningen betalar för tjänsten. Tjänstens uppsägningstid gäller.',
    confirmReject: 'Avslå beställningen',
    confirmDeliver: 'Spara leveransen',
    confirmCancel: 'Avsluta beställningen',
    close: 'Avbryt',
    errors: {
      reason: 'Skriv varför beställningen avslås, högst 1 000 tecken.',
      date: 'Välj ett datum.',
    },
    done: {
      approved: (number: string) => `Beställning ${number} är godkänd.`,
      rejected: (number: string) => `Beställning ${number} är avslagen.`,
      delivered: (number: string) => `Leveransen av ${number} är registrerad.`,
      cancelled: (number: string) => `Beställning ${number} är avslutad.`,
    },
  },
};

export const itServicesSv = {
  nav: 'IT-tjänster',
  terms: termsSv,
  subNav: subNavSv,
  catalog: catalogSv,
  orderForm: orderFormSv,
  orders: ordersSv,
  chargeback: chargebackSv,
};

export type ItServicesMessages = typeof itServicesSv;

export const itServicesEn: ItServicesMessages = {
  nav: 'IT services',
  terms: {
    category: {
      workplace: 'Workplace',
      infrastructure: 'Infrastructure',
      application: 'Application',
      support: 'Support',
      consulting: 'Consulting',
    },
    tier: { gold: 'Gold', silver: 'Silver', bronze: 'Bronze', copper: 'Copper' },
    driver: {
      systemGold: 'gold systems',
      systemSilver: 'silver systems',
      systemBronze: 'bronze systems',
      systemCopper: 'copper systems',
      computerStaff: 'computers',
      computerPupil: "pupils' computers (1-to-1)",
      user: 'users',
      connection: 'connections',
      projectDemand: 'hours of project demand',
    },
    model: {
      1: "IT's own budget",
      2: 'per system by tier',
      3: 'per computer',
      4: 'per user',
      5: 'per connection',
      6: 'by change-project demand',
    },
    orderStatus: {
      awaitingApproval: 'Awaiting approval',
      approved: 'Approved',
      rejected: 'Rejected',
      delivered: 'Delivered',
      cancelled: 'Ended',
    },
    late: 'Delivery late',
    any: 'All',
  },
  subNav: {
    label: 'IT services',
    catalog: 'Service catalog',
    orders: 'Orders',
    charges: 'Charges',
    allocation: 'Allocation',
  },
  catalog: {
    title: 'Service catalog',
    lead: "The IT department's services: what is included, how to order, how fast they are delivered, the service level and what they cost.",
    filtersHeading: 'Search and filter',
    search: 'Search services',
    searchHelp: 'Name or description.',
    searchButton: 'Search',
    category: 'Category',
    showAll: 'Also show services that cannot be ordered now',
    count: (count: number) => (count === 1 ? '1 service.' : `${count} services.`),
    empty: 'No services match the search.',
    notAvailable: 'Cannot be ordered now',
    questions: {
      included: 'What is included',
      notIncluded: 'What is not included',
      howToOrder: 'How to order',
      delivery: 'Delivery time',
      howToReport: 'How to report a problem',
      serviceLevel: 'Service level',
      price: 'Price',
      howToCancel: 'How to cancel',
    },
    deliveryDays: (days: number) =>
      days === 1 ? '1 working day from an approved order.' : `${days} working days from an approved order.`,
    hours: (hours: number, text: string) => (hours === 1 ? `${text} hour` : `${text} hours`),
    serviceLevel: (tier: string, response: string, fix: string, availability: string) =>
      `Tier ${tier}: response within ${response} and fix within ${fix}. Availability ${availability}%.`,
    supportHours: (hours: string) => `Support: ${hours}.`,
    levelOfSystem: (system: string) => `Follows the tier of the system ${system}.`,
    noServiceLevel: 'The system has no tier yet.',
    priceMonthly: (price: string, unit: string) => `${price} per ${unit} a month.`,
    priceOneOff: (price: string, unit: string) => `${price} per ${unit}, once.`,
    priceAllocated: (driver: string) =>
      `No price of its own. The cost is distributed to the departments by their number of ${driver}.`,
    notice: (days: number) =>
      days === 0 ? 'No notice.' : days === 1 ? 'Notice: 1 day.' : `Notice: ${days} days.`,
    availablePeriod: (from: string, to: string | null) =>
      to ? `Delivered ${from}–${to}.` : `Delivered from ${from}.`,
    order: 'Order',
    placedApproved: (number: string, date: string) =>
      `Order ${number} is placed and approved. The IT department delivers by ${date}.`,
    placedWaiting: (number: string) =>
      `Order ${number} has been sent to the department's authorised orderer for approval.`,
    toOrders: 'See the orders',
  },
  orderForm: {
    heading: (service: string) => `Order ${service}`,
    department: 'Department',
    departmentHelp: 'The department that orders and pays.',
    chooseDepartment: 'Choose a department',
    quantity: 'Quantity',
    quantityHelp: (unit: string) => `Number of ${unit}.`,
    costCentre: 'Cost centre',
    costCentreHelp: 'Where the department books the cost, at most 20 characters.',
    startDate: 'Start date',
    startDateHelp: 'The service is charged from that day.',
    note: 'Message to the IT department (optional)',
    approvedAtOnce: "You are the department's authorised orderer, so the order is approved when you send it.",
    needsApproval:
      "The department's authorised orderer approves the order before the IT department delivers.",
    submit: 'Send the order',
    sending: 'Sending …',
    cancel: 'Cancel',
    errors: {
      departmentId: 'Choose a department.',
      quantity: 'Enter the quantity as a whole number from 1 to 100,000.',
      costCentre: 'Enter the cost centre, at most 20 characters.',
      startDate: 'Choose a start date.',
      startDatePast: 'The start date cannot be before today.',
      note: 'The message may be at most 1,000 characters.',
    },
  },
  orders: {
    title: 'Orders',
    lead: 'Orders for your departments: their status, when delivery is promised and whether it is late.',
    filtersHeading: 'Filter',
    department: 'Department',
    allDepartments: 'All my departments',
    status: 'Status',
    count: (count: number) => (count === 1 ? '1 order.' : `${count} orders.`),
    empty: 'There are no orders.',
    listHeading: 'Orders',
    itemTitle: (number: string, service: string) => `${number}: ${service}`,
    facts: {
      department: 'Department',
      quantity: 'Quantity',
      costCentre: 'Cost centre',
      startDate: 'Start',
      endDate: 'End',
      orderedBy: 'Ordered by',
      decision: 'Decision',
      promisedBy: 'Delivery promised',
      deliveredOn: 'Delivered',
      rejectionReason: 'Reason',
      note: 'Message',
    },
    quantityText: (quantity: string, unit: string) => `${quantity} ${unit}`,
    byOn: (name: string, date: string) => `${name}, ${date}`,
    approvedBy: (name: string, date: string) => `Approved by ${name}, ${date}`,
    rejectedBy: (name: string, date: string) => `Rejected by ${name}, ${date}`,
    actions: {
      approve: 'Approve',
      reject: 'Reject',
      deliver: 'Record delivery',
      cancel: 'End',
      rejectHeading: (number: string) => `Reject ${number}`,
      deliverHeading: (number: string) => `Delivery of ${number}`,
      cancelHeading: (number: string) => `End ${number}`,
      reason: 'Reason',
      reasonHelp: 'Whoever placed the order gets the reason by e-mail.',
      deliveredOn: 'Delivery date',
      endDate: 'End date',
      endDateHelp: "The last day the department pays for the service. The service's notice applies.",
      confirmReject: 'Reject the order',
      confirmDeliver: 'Save the delivery',
      confirmCancel: 'End the order',
      close: 'Cancel',
      errors: {
        reason: 'Write why the order is rejected, at most 1,000 characters.',
        date: 'Choose a date.',
      },
      done: {
        approved: (number: string) => `Order ${number} is approved.`,
        rejected: (number: string) => `Order ${number} is rejected.`,
        delivered: (number: string) => `The delivery of ${number} is recorded.`,
        cancelled: (number: string) => `Order ${number} is ended.`,
      },
    },
  },
  chargeback: chargebackEn,
};
