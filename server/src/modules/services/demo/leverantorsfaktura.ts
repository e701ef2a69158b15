import { readFileSync } from 'node:fs';
import type { FieldOption, FormDefinition } from '@karna/contracts';
import {
  attachmentProperty,
  closedStatus,
  type DemoServiceDefinition,
  dateProperty,
  objectSchema,
  requiredWhen,
} from './demo-definition.ts';

/** Mölnål's cost centres (ansvar), one per unit of the demo organisation. */
const costCentres: FieldOption[] = [
  { value: '1100', label: { sv: '1100 Stadsledningsförvaltningen', en: '1100 City Management Department' } },
  { value: '1200', label: { sv: '1200 IT-avdelningen', en: '1200 IT Department' } },
  { value: '1300', label: { sv: '1300 Ekonomiservice', en: '1300 Finance Services' } },
  { value: '1400', label: { sv: '1400 Registratur och arkiv', en: '1400 Registry and Archives' } },
  { value: '2100', label: { sv: '2100 Bygglovsenheten', en: '2100 Building Permit Unit' } },
  { value: '3100', label: { sv: '3100 Förskoleenheten', en: '3100 Preschool Unit' } },
  { value: '4100', label: { sv: '4100 Försörjningsstöd', en: '4100 Income Support' } },
  { value: '5100', label: { sv: '5100 Trafikenheten', en: '5100 Traffic Unit' } },
  { value: '5200', label: { sv: '5200 Gata- och parkenheten', en: '5200 Streets and Parks Unit' } },
];
const agreements: FieldOption[] = [
  { value: 'none', label: { sv: 'Inget avtal (direktupphandling)', en: 'No agreement (direct award)' } },
  {
    value: 'officeSupplies',
    label: {
      sv: 'Ramavtal kontorsmaterial (KS 2024/118)',
      en: 'Framework agreement, office supplies (KS 2024/118)',
    },
  },
  {
    value: 'streetLighting',
    label: {
      sv: 'Driftavtal gatubelysning (TN 2023/412)',
      en: 'Maintenance contract, street lighting (TN 2023/412)',
    },
  },
  {
    value: 'preschoolFood',
    label: { sv: 'Ramavtal livsmedel (KS 2025/037)', en: 'Framework agreement, food (KS 2025/037)' },
  },
  {
    value: 'itConsulting',
    label: {
      sv: 'Ramavtal IT-konsulter (KS 2024/233)',
      en: 'Framework agreement, IT consultants (KS 2024/233)',
    },
  },
];
const orderMatches: FieldOption[] = [
  {
    value: 'matched',
    label: {
      sv: 'Ja – beställning, leverans och pris stämmer i e-handelssystemet',
      en: 'Yes – order, delivery and price match in the e-procurement system',
    },
  },
  {
    value: 'notMatched',
    label: { sv: 'Nej – ingen beställning, eller något avviker', en: 'No – no order, or something differs' },
  },
];

const form: FormDefinition = {
  schema: objectSchema(
    {
      supplierName: { type: 'string', minLength: 1, maxLength: 200 },
      supplierOrgNumber: { type: 'string', pattern: '^[0-9]{6}-[0-9]{4}$', maxLength: 11 },
      invoiceNumber: { type: 'string', minLength: 1, maxLength: 50 },
      invoiceDate: dateProperty,
      dueDate: dateProperty,
      amount: { type: 'number', exclusiveMinimum: 0, maximum: 100000000 },
      vatAmount: { type: 'number', minimum: 0, maximum: 100000000 },
      costCentre: { type: 'string', enum: costCentres.map((option) => option.value) },
      agreement: { type: 'string', enum: agreements.map((option) => option.value) },
      orderMatch: { type: 'string', enum: orderMatches.map((option) => option.value) },
      orderNumber: { type: 'string', pattern: '^[A-Z0-9-]{4,20}$', maxLength: 20 },
      invoiceFile: attachmentProperty(1, 3),
    },
    [
      'supplierName',
      'supplierOrgNumber',
      'invoiceNumber',
      'invoiceDate',
      'dueDate',
      'amount',
      'vatAmount',
      'costCentre',
      'agreement',
      'orderMatch',
      'invoiceFile',
    ],
    { allOf: [requiredWhen('orderMatch', ['matched'], ['orderNumber'])] },
  ),
  steps: [
    {
      id: 'invoice',
      title: { sv: 'Fakturan', en: 'The invoice' },
      fields: [
        { name: 'supplierName', widget: 'text', label: { sv: 'Leverantör', en: 'Supplier' } },
        {
          name: 'supplierOrgNumber',
          widget: 'text',
          label: { sv: 'Leverantörens organisationsnummer', en: 'Supplier’s organisation number' },
          help: { sv: 'Som 556123-4567.', en: 'As in 556123-4567.' },
        },
        { name: 'invoiceNumber', widget: 'text', label: { sv: 'Fakturanummer', en: 'Invoice number' } },
        { name: 'invoiceDate', widget: 'date', label: { sv: 'Fakturadatum', en: 'Invoice date' } },
        { name: 'dueDate', widget: 'date', label: { sv: 'Förfallodag', en: 'Due date' } },
        {
          name: 'amount',
          widget: 'number',
          label: { sv: 'Belopp att betala, kronor med moms', en: 'Amount to pay, kronor including VAT' },
        },
        {
          name: 'vatAmount',
          widget: 'number',
          label: { sv: 'Varav moms, kronor', en: 'Of which VAT, kronor' },
        },
        {
          name: 'invoiceFile',
          widget: 'attachment',
          label: { sv: 'Fakturan', en: 'The invoice' },
          help: {
            sv: 'Fakturan och eventuella bilagor som PDF, PNG eller JPEG, högst 10 MB var.',
            en: 'The invoice and any appendices as PDF, PNG or JPEG, at most 10 MB each.',
          },
          attachment: {
            mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
            maxBytes: 10 * 1024 * 1024,
            maxFiles: 3,
          },
        },
      ],
    },
    {
      id: 'coding',
      title: { sv: 'Kontering och avtal', en: 'Coding and agreement' },
      fields: [
        {
          name: 'costCentre',
          widget: 'select',
          label: { sv: 'Kostnadsställe', en: 'Cost centre' },
          options: costCentres,
        },
        {
          name: 'agreement',
          widget: 'select',
          label: { sv: 'Avtal', en: 'Agreement' },
          options: agreements,
        },
        {
          name: 'orderMatch',
          widget: 'radio',
          label: {
            sv: 'Matchar fakturan en attesterad beställning?',
            en: 'Does the invoice match an approved order?',
          },
          help: {
            sv: 'Svara ja bara om e-handelssystemet visar att beställningen är attesterad, att leveransen är mottagen och att pris och antal stämmer. Då attesteras fakturan utan granskning.',
            en: 'Answer yes only if the e-procurement system shows that the order is approved, the delivery received and price and quantity match. The invoice is then approved without review.',
          },
          options: orderMatches,
        },
        {
          name: 'orderNumber',
          widget: 'text',
          label: { sv: 'Beställningsnummer', en: 'Order number' },
          visibleWhen: { field: 'orderMatch', in: ['matched'] },
        },
      ],
    },
  ],
};

/** Attestering av leverantörsfaktura (C7): an internal process on the same engine as the e-services. */
export const leverantorsfaktura: DemoServiceDefinition = {
  slug: 'leverantorsfaktura',
  title: { sv: 'Attestera leverantörsfaktura', en: 'Approve a supplier invoice' },
  description: {
    sv: 'För ekonomiservice: registrera en leverantörsfaktura för granskning och attest. E-fakturor kommer in från ekonomisystemet av sig själva. Här registrerar du fakturor som kommit på annat sätt.',
    en: 'For finance services: register a supplier invoice for review and approval. E-invoices arrive from the finance system by themselves. Here you register invoices that came some other way.',
  },
  lifeSituations: ['internal'],
  audience: 'staffOnly',
  responsibleUnitKey: 'ekonomiservice',
  form,
  caseType: {
    // Invoices are kept in a series of their own, apart from the board's diarium: they are kept
    // in order in the accounts, which OSL 5 kap. 1 § allows instead of registration.
    series: 'LF',
    statusTypes: [
      { code: 'registered', label: { sv: 'Registrerad', en: 'Registered' }, shared: 'received' },
      { code: 'inReview', label: { sv: 'Granskas', en: 'Being reviewed' }, shared: 'in_progress' },
      {
        code: 'awaitingApproval',
        label: { sv: 'Väntar på beslutsattest', en: 'Waiting for approval' },
        shared: 'in_progress',
      },
      // The status any decision gives the case, approved or disputed, automatic or not.
      { code: 'decided', label: { sv: 'Attestbeslut fattat', en: 'Approval decided' }, shared: 'decided' },
      { code: 'disputed', label: { sv: 'Bestriden', en: 'Disputed' }, shared: 'decided' },
      closedStatus,
    ],
    initialStatus: 'registered',
    // Accounting records: ten years after the end of the financial year (lag om kommunal
    // bokföring och redovisning), counted here from the decision.
    outcomeTypes: [
      {
        code: 'approved',
        label: { sv: 'Attesterad för betalning', en: 'Approved for payment' },
        archive: 'dispose',
        retentionYears: 10,
      },
      {
        code: 'disputed',
        label: { sv: 'Bestriden hos leverantören', en: 'Disputed with the supplier' },
        archive: 'dispose',
        retentionYears: 10,
      },
    ],
    appealInformation: {
      sv: 'Attesten är ett internt ställningstagande i kommunens ekonomi och inget beslut som kan överklagas. En leverantör som inte godtar att fakturan bestrids får svar enligt avtalets villkor.',
      en: 'The approval is an internal step in the municipality’s finances and not a decision that can be appealed. A supplier who does not accept that the invoice is disputed is answered under the terms of the agreement.',
    },
  },
  process: {
    bpmnXml: readFileSync(new URL('./leverantorsfaktura.bpmn', import.meta.url), 'utf8'),
    statusOnEnter: {
      review: 'inReview',
      approve: 'awaitingApproval',
      dispute: 'disputed',
    },
    userTasks: {
      review: {
        kind: 'task',
        title: { sv: 'Granska fakturan (granskningsattest)', en: 'Review the invoice' },
        form: {
          schema: objectSchema(
            {
              deliveryReceived: { type: 'boolean' },
              priceCorrect: { type: 'boolean' },
              account: { type: 'string', pattern: '^[0-9]{4}$', maxLength: 4 },
              codingCorrect: { type: 'boolean' },
              note: { type: 'string', maxLength: 1000 },
            },
            ['deliveryReceived', 'priceCorrect', 'account', 'codingCorrect'],
          ),
          fields: [
            {
              name: 'deliveryReceived',
              widget: 'checkbox',
              label: { sv: 'Varan eller tjänsten är levererad', en: 'The goods or service were delivered' },
            },
            {
              name: 'priceCorrect',
              widget: 'checkbox',
              label: {
                sv: 'Pris och antal stämmer med avtal eller beställning',
                en: 'Price and quantity match the agreement or order',
              },
            },
            {
              name: 'account',
              widget: 'text',
              label: { sv: 'Konto (Kommun-Bas)', en: 'Account (municipal chart of accounts)' },
            },
            {
              name: 'codingCorrect',
              widget: 'checkbox',
              label: {
                sv: 'Konteringen stämmer: konto, kostnadsställe och moms',
                en: 'The coding is right: account, cost centre and VAT',
              },
            },
            { name: 'note', widget: 'textarea', label: { sv: 'Anteckning', en: 'Note' } },
          ],
        },
      },
      approve: {
        kind: 'decision',
        title: { sv: 'Beslutsattestera fakturan', en: 'Approve the invoice' },
        // The attestreglemente's two people: the reviewer may not also approve.
        separateFrom: ['review'],
      },
      dispute: {
        kind: 'task',
        title: { sv: 'Bestrid fakturan hos leverantören', en: 'Dispute the invoice with the supplier' },
        form: {
          schema: objectSchema(
            {
              disputedOn: dateProperty,
              reason: { type: 'string', minLength: 1, maxLength: 1000 },
            },
            ['disputedOn', 'reason'],
          ),
          fields: [
            { name: 'disputedOn', widget: 'date', label: { sv: 'Bestriden den', en: 'Disputed on' } },
            {
              name: 'reason',
              widget: 'textarea',
              label: { sv: 'Skäl som leverantören fått', en: 'Reason given to the supplier' },
            },
          ],
        },
      },
    },
    // The order was approved by someone allowed to, and the delivery and price checked, in the
    // e-procurement system: under the attest rules that is the approval, and no one need repeat it.
    autoDecision: [
      {
        when: { field: 'orderMatch', op: 'equals', value: 'matched' },
        outcome: 'approved',
        justification: {
          sv: 'Fakturan matchar en beställning som redan attesterats av behörig beställare, med mottagen leverans och rätt pris. Enligt attestreglementet räcker den attesten.',
          en: 'The invoice matches an order already approved by an authorised orderer, with the delivery received and the right price. Under the attest rules, that approval is enough.',
        },
      },
    ],
  },
  promise: {
    decisionWithinWorkingDays: 10,
    text: {
      sv: 'Fakturan är attesterad inom tio arbetsdagar från att den registrerats, så att den kan betalas i tid. Kommunen betalar inom 30 dagar.',
      en: 'The invoice is approved within ten working days of registration, so that it can be paid on time. The municipality pays within 30 days.',
    },
  },
};
