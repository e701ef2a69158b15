/**
 * Realistic form data for each demo e-service, for tests and journeys that submit one: a valid
 * submission (with variants), submissions the form must refuse and why, the data of each officer's
 * task form, and paths through each process. File and register ids are placeholders: a test that
 * submits for real replaces them with a child, a property or uploaded files of its own.
 */

/** Placeholder ids: a child in custody, an owned property, uploaded files. */
export const sampleIds = {
  child: '0196a1c2-5b7d-7e10-8f21-3a4b5c6d7e01',
  property: '0196a1c2-5b7d-7e10-8f21-3a4b5c6d7e02',
  files: [
    '0196a1c2-5b7d-7e10-8f21-3a4b5c6d7e11',
    '0196a1c2-5b7d-7e10-8f21-3a4b5c6d7e12',
    '0196a1c2-5b7d-7e10-8f21-3a4b5c6d7e13',
    '0196a1c2-5b7d-7e10-8f21-3a4b5c6d7e14',
  ],
} as const;
const [fileA, fileB, fileC, fileD] = sampleIds.files;
const elevenFiles = Array.from(
  { length: 11 },
  (_, index) => `0196a1c2-5b7d-7e10-8f21-3a4b5c6d7f${String(index).padStart(2, '0')}`,
);

export type FormData = Record<string, unknown>;

/** The data without the named fields (as a browser sends a form with them left empty). */
function without(data: FormData, ...names: string[]): FormData {
  return Object.fromEntries(Object.entries(data).filter(([name]) => !names.includes(name)));
}

/** One way through a process: the form data, what the automated steps find and what officers decide. */
export interface ProcessPath {
  name: string;
  data: FormData;
  /** What `completenessCheck` answers (the attachments' files may be missing). Default: complete. */
  complete?: boolean;
  /** The outcome each decision task is given, by BPMN id. */
  decisions: Record<string, string>;
  /** The user tasks the path waits at, in order. */
  expectedTasks: string[];
  /** The outcome the process ends with (decided by an officer or by a rule). */
  expectedOutcome: string;
}

export interface DemoSample {
  valid: FormData[];
  invalid: Array<[reason: string, data: FormData]>;
  /** Data for each officer's task form, by BPMN id. */
  tasks: Record<string, FormData>;
  invalidTasks: Array<[taskId: string, reason: string, data: FormData]>;
  paths: ProcessPath[];
}

const preschoolApplication: FormData = {
  childId: sampleIds.child,
  preschools: ['kvarnbyn', 'ekbacken'],
  startDate: '2026-08-17',
  reason: 'work',
  hoursPerWeek: 40,
  message: 'Vi flyttar till Kvarnbyn i sommar.',
  email: 'elin.lindqvist@example.se',
  phone: '070-123 45 67',
};

const permitApplication: FormData = {
  propertyId: sampleIds.property,
  measure: 'extension',
  buildingType: 'residential',
  area: 24.5,
  description:
    'Tillbyggnad av enplansvilla med ett sovrum mot trädgården, 24,5 m² byggnadsarea, stående träpanel i samma kulör som huset och sadeltak med betongpannor.',
  drawings: [fileA, fileB, fileC],
  email: 'johan.berg@example.se',
};

const parkingApplication: FormData = {
  role: 'driver',
  walkingDistance: 'under50',
  walkingAid: 'rollator',
  duration: 'threeYears',
  certificate: [fileA],
  portrait: [fileB],
  email: 'ingrid.akesson@example.se',
  phone: '031-12 34 56',
};

const faultReport: FormData = {
  category: 'streetLight',
  place: {
    description: 'Gångvägen bakom Kvarnbyns förskola, vid stolpe 1123',
    easting: 321450,
    northing: 6393210,
  },
  description: 'Lampan i stolpen har varit släckt i en vecka. Det är mörkt på vägen till förskolan.',
  photos: [fileA],
};

const documentRequest: FormData = {
  documents: 'Protokollet från kommunstyrelsens sammanträde den 11 mars 2026, med bilagor.',
  caseNumber: 'KS 2026/123',
  authority: 'ks',
  delivery: 'pickUp',
};

const invoice: FormData = {
  supplierName: 'Kontorsvaruhuset i Mölnål AB',
  supplierOrgNumber: '556123-4567',
  invoiceNumber: 'F-2026-0457',
  invoiceDate: '2026-03-02',
  dueDate: '2026-04-01',
  amount: 12487.5,
  vatAmount: 2497.5,
  costCentre: '2100',
  agreement: 'officeSupplies',
  orderMatch: 'matched',
  orderNumber: 'EH-240117',
  invoiceFile: [fileA],
};
const unmatchedInvoice: FormData = { ...without(invoice, 'orderNumber'), orderMatch: 'notMatched' };

/** Samples by e-service slug. */
export const demoSamples: Record<string, DemoSample> = {
  forskoleplats: {
    valid: [
      preschoolApplication,
      {
        childId: sampleIds.child,
        preschools: ['sjovik'],
        startDate: '2027-01-11',
        reason: 'parentalLeave',
        email: 'a@example.se',
      },
    ],
    invalid: [
      ['hours are missing though the parents work', without(preschoolApplication, 'hoursPerWeek')],
      ['the same preschool twice', { ...preschoolApplication, preschools: ['kvarnbyn', 'kvarnbyn'] }],
      [
        'four preschools',
        { ...preschoolApplication, preschools: ['kvarnbyn', 'ekbacken', 'sjovik', 'solrosen'] },
      ],
      ['no preschool', { ...preschoolApplication, preschools: [] }],
      ['a preschool Mölnål does not have', { ...preschoolApplication, preschools: ['hogwarts'] }],
      ['a day that does not exist', { ...preschoolApplication, startDate: '2026-02-30' }],
      ['what the register knows (the child’s name)', { ...preschoolApplication, childName: 'Oskar' }],
      ['a child chosen by name instead of id', { ...preschoolApplication, childId: 'Oskar Lindqvist' }],
    ],
    tasks: {
      placement: {
        queueDateSet: true,
        choicesInOrder: true,
        priorityRulesApplied: true,
        proposedPreschool: 'kvarnbyn',
      },
      awaitAnswer: { answer: 'accepted', startDate: '2026-08-17' },
    },
    invalidTasks: [
      [
        'placement',
        'a checklist item not done',
        { queueDateSet: false, choicesInOrder: true, priorityRulesApplied: true },
      ],
      ['awaitAnswer', 'an accepted offer without a start date', { answer: 'accepted' }],
    ],
    paths: [
      {
        name: 'an offer at a preschool of the wishes, accepted',
        data: preschoolApplication,
        decisions: { decide: 'offered' },
        expectedTasks: ['placement', 'decide', 'awaitAnswer'],
        expectedOutcome: 'offered',
      },
      {
        name: 'an offer at another preschool',
        data: preschoolApplication,
        decisions: { decide: 'offeredOther' },
        expectedTasks: ['placement', 'decide', 'awaitAnswer'],
        expectedOutcome: 'offeredOther',
      },
      {
        name: 'a refusal',
        data: preschoolApplication,
        decisions: { decide: 'rejected' },
        expectedTasks: ['placement', 'decide'],
        expectedOutcome: 'rejected',
      },
    ],
  },
  bygglov: {
    valid: [
      permitApplication,
      {
        propertyId: sampleIds.property,
        measure: 'facade',
        description: 'Byte av fasadfärg från gul till grå på hela huset.',
        drawings: [fileA],
        email: 'johan.berg@example.se',
        phone: '+46 70 123 45 67',
      },
    ],
    invalid: [
      ['an extension without its area', without(permitApplication, 'area')],
      ['an extension without the kind of building', without(permitApplication, 'buildingType')],
      ['no drawings', { ...permitApplication, drawings: [] }],
      ['eleven drawings', { ...permitApplication, drawings: elevenFiles }],
      ['a drawing that is not an uploaded file', { ...permitApplication, drawings: ['ritning.pdf'] }],
      ['a description of one word', { ...permitApplication, description: 'Altan' }],
      ['a broken e-mail address', { ...permitApplication, email: 'johan.berg@' }],
      ['a negative area', { ...permitApplication, area: -5 }],
    ],
    tasks: {
      supplement: { deadline: '2026-05-04', supplementReceived: true, note: 'Sektionsritning saknades.' },
      review: { planChecked: true, neighbours: 'notNeeded', controlOfficerRequired: false },
      announce: { publishedInPoit: true, publishedOn: '2026-06-01', neighboursInformed: true },
    },
    invalidTasks: [
      [
        'review',
        'the detailed plan not checked',
        { planChecked: false, neighbours: 'heard', controlOfficerRequired: true },
      ],
    ],
    paths: [
      {
        name: 'a complete application, granted and announced',
        data: permitApplication,
        decisions: { decide: 'approved' },
        expectedTasks: ['review', 'decide', 'announce'],
        expectedOutcome: 'approved',
      },
      {
        name: 'an incomplete application, supplemented and refused',
        data: permitApplication,
        complete: false,
        decisions: { decide: 'refused' },
        expectedTasks: ['supplement', 'review', 'decide'],
        expectedOutcome: 'refused',
      },
    ],
  },
  parkeringstillstand: {
    valid: [
      parkingApplication,
      { ...without(parkingApplication, 'phone'), role: 'passenger', canWaitAlone: 'no' },
    ],
    invalid: [
      ['a passenger who did not say if they can wait alone', { ...parkingApplication, role: 'passenger' }],
      ['no doctor’s certificate', { ...parkingApplication, certificate: [] }],
      ['two photos', { ...parkingApplication, portrait: [fileB, fileC] }],
      ['four certificate files', { ...parkingApplication, certificate: [fileA, fileB, fileC, fileD] }],
      ['a duration the permit cannot have', { ...parkingApplication, duration: 'forever' }],
      ['no e-mail address', without(parkingApplication, 'email')],
    ],
    tasks: {
      supplement: { deadline: '2026-04-20', supplementReceived: true },
      assess: {
        residentChecked: true,
        lastingDisability: true,
        significantDifficulty: true,
        assessment:
          'Läkarintyget visar en varaktig nedsättning; sökanden går kortare än 50 meter med rollator.',
      },
      issueCard: { permitNumber: 'MOL-2026-0042', validUntil: '2029-05-31' },
    },
    invalidTasks: [
      [
        'assess',
        'no written assessment',
        { residentChecked: true, lastingDisability: true, significantDifficulty: true },
      ],
      ['issueCard', 'a permit number in lower case', { permitNumber: 'mol-42', validUntil: '2029-05-31' }],
    ],
    paths: [
      {
        name: 'a complete application, granted',
        data: parkingApplication,
        decisions: { decide: 'granted' },
        expectedTasks: ['assess', 'decide', 'issueCard'],
        expectedOutcome: 'granted',
      },
      {
        name: 'an application without its certificate file, supplemented and refused',
        data: parkingApplication,
        complete: false,
        decisions: { decide: 'refused' },
        expectedTasks: ['supplement', 'assess', 'decide'],
        expectedOutcome: 'refused',
      },
    ],
  },
  felanmalan: {
    valid: [
      faultReport,
      {
        category: 'pothole',
        place: { description: 'Storgatan 12, utanför biblioteket' },
        description: 'Djupt hål i cykelbanan.',
        email: 'anonym.cyklist@example.se',
      },
    ],
    invalid: [
      [
        'a point with only an easting',
        { ...faultReport, place: { description: 'Storgatan', easting: 321450 } },
      ],
      [
        'a point in WGS 84 degrees instead of SWEREF 99 TM metres',
        { ...faultReport, place: { description: 'Storgatan', easting: 11.97, northing: 57.7 } },
      ],
      ['a point without a description', { ...faultReport, place: { easting: 321450, northing: 6393210 } }],
      ['a place given as text only', { ...faultReport, place: 'Storgatan 12' }],
      ['four photos', { ...faultReport, photos: [fileA, fileB, fileC, fileD] }],
      ['an empty description', { ...faultReport, description: '' }],
      ['a category that does not exist', { ...faultReport, category: 'ufo' }],
    ],
    tasks: {
      repair: { workOrder: 'AO-88231', fixedOn: '2026-03-09' },
    },
    invalidTasks: [['repair', 'no work order', { fixedOn: '2026-03-09' }]],
    paths: [
      {
        name: 'a street light, sent to the contractor by the rule',
        data: faultReport,
        decisions: {},
        expectedTasks: ['repair'],
        expectedOutcome: 'sentToContractor',
      },
      {
        name: 'a pothole, assessed and sent to the contractor',
        data: { ...faultReport, category: 'pothole' },
        decisions: { assess: 'sentToContractor' },
        expectedTasks: ['assess', 'repair'],
        expectedOutcome: 'sentToContractor',
      },
      {
        name: 'graffiti on a private wall, passed on',
        data: { ...faultReport, category: 'graffiti' },
        decisions: { assess: 'forwarded' },
        expectedTasks: ['assess'],
        expectedOutcome: 'forwarded',
      },
    ],
  },
  'allman-handling': {
    valid: [
      documentRequest,
      {
        documents: 'Bygglovsritningarna för Kvarnbyn 3:14.',
        authority: 'unknown',
        delivery: 'email',
        email: 'x@example.se',
      },
      {
        documents: 'Delegationsbeslut om förskoleplacering, mars 2026.',
        authority: 'bun',
        delivery: 'post',
        postalAddress: 'Box 12, 439 91 Mölnål',
      },
    ],
    invalid: [
      ['delivery by e-mail without an address', { ...documentRequest, delivery: 'email' }],
      ['delivery by post without an address', { ...documentRequest, delivery: 'post' }],
      ['no documents named', { ...documentRequest, documents: '' }],
      ['a way of delivery the form does not offer', { ...documentRequest, delivery: 'fax' }],
      ['a question about who asks', { ...documentRequest, purpose: 'Journalistik' }],
    ],
    tasks: {
      locate: { found: 'all', secrecyReviewNeeded: false, pages: 12 },
      deliver: { deliveredOn: '2026-03-03', fee: 0 },
    },
    invalidTasks: [
      ['locate', 'an answer the task does not offer', { found: 'maybe', secrecyReviewNeeded: false }],
    ],
    paths: [
      {
        name: 'released in full',
        data: documentRequest,
        decisions: { review: 'disclosed' },
        expectedTasks: ['locate', 'review', 'deliver'],
        expectedOutcome: 'disclosed',
      },
      {
        name: 'released with secret information masked',
        data: documentRequest,
        decisions: { review: 'partlyDisclosed' },
        expectedTasks: ['locate', 'review', 'deliver'],
        expectedOutcome: 'partlyDisclosed',
      },
      {
        name: 'refused because of secrecy',
        data: documentRequest,
        decisions: { review: 'refused' },
        expectedTasks: ['locate', 'review'],
        expectedOutcome: 'refused',
      },
    ],
  },
  leverantorsfaktura: {
    valid: [invoice, unmatchedInvoice],
    invalid: [
      ['matched without the order number', without(invoice, 'orderNumber')],
      ['nothing to pay', { ...invoice, amount: 0 }],
      ['an organisation number without its hyphen', { ...invoice, supplierOrgNumber: '5561234567' }],
      ['a cost centre that does not exist', { ...invoice, costCentre: '9999' }],
      ['no invoice file', { ...invoice, invoiceFile: [] }],
    ],
    tasks: {
      review: { deliveryReceived: true, priceCorrect: true, account: '6110', codingCorrect: true },
      dispute: { disputedOn: '2026-03-10', reason: 'Fakturan gäller 40 förpackningar, men 20 levererades.' },
    },
    invalidTasks: [
      [
        'review',
        'an account of three digits',
        { deliveryReceived: true, priceCorrect: true, account: '611', codingCorrect: true },
      ],
    ],
    paths: [
      {
        name: 'matching an approved order, approved by the rule',
        data: invoice,
        decisions: {},
        expectedTasks: [],
        expectedOutcome: 'approved',
      },
      {
        name: 'without an order, reviewed and approved',
        data: unmatchedInvoice,
        decisions: { approve: 'approved' },
        expectedTasks: ['review', 'approve'],
        expectedOutcome: 'approved',
      },
      {
        name: 'without an order, reviewed and disputed',
        data: unmatchedInvoice,
        decisions: { approve: 'disputed' },
        expectedTasks: ['review', 'approve', 'dispute'],
        expectedOutcome: 'disputed',
      },
    ],
  },
};
