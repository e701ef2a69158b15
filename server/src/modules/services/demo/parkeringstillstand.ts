import { readFileSync } from 'node:fs';
import type { FieldOption, FormDefinition } from '@karna/contracts';
import {
  attachmentProperty,
  closedStatus,
  contactEmailField,
  contactPhoneField,
  type DemoServiceDefinition,
  dateProperty,
  emailProperty,
  objectSchema,
  phoneProperty,
  requiredWhen,
} from './demo-definition.ts';

const roles: FieldOption[] = [
  { value: 'driver', label: { sv: 'Jag kör bilen själv', en: 'I drive the car myself' } },
  { value: 'passenger', label: { sv: 'Jag åker med som passagerare', en: 'I travel as a passenger' } },
];
const yesNo: FieldOption[] = [
  { value: 'yes', label: { sv: 'Ja', en: 'Yes' } },
  { value: 'no', label: { sv: 'Nej', en: 'No' } },
];
const walkingDistances: FieldOption[] = [
  { value: 'under50', label: { sv: 'Kortare än 50 meter', en: 'Less than 50 metres' } },
  { value: 'from50to100', label: { sv: '50–100 meter', en: '50–100 metres' } },
  { value: 'from100to200', label: { sv: '100–200 meter', en: '100–200 metres' } },
  { value: 'over200', label: { sv: 'Längre än 200 meter', en: 'More than 200 metres' } },
];
const walkingAids: FieldOption[] = [
  { value: 'none', label: { sv: 'Inget hjälpmedel', en: 'No aid' } },
  { value: 'stick', label: { sv: 'Käpp eller kryckor', en: 'Walking stick or crutches' } },
  { value: 'rollator', label: { sv: 'Rollator', en: 'Rollator' } },
  { value: 'wheelchair', label: { sv: 'Rullstol', en: 'Wheelchair' } },
  { value: 'other', label: { sv: 'Annat hjälpmedel', en: 'Another aid' } },
];
const durations: FieldOption[] = [
  { value: 'sixMonths', label: { sv: 'Sex månader', en: 'Six months' } },
  { value: 'oneYear', label: { sv: 'Ett år', en: 'One year' } },
  { value: 'twoYears', label: { sv: 'Två år', en: 'Two years' } },
  { value: 'threeYears', label: { sv: 'Tre år', en: 'Three years' } },
  { value: 'fiveYears', label: { sv: 'Fem år', en: 'Five years' } },
];
const codes = (options: FieldOption[]) => options.map((option) => option.value);

const form: FormDefinition = {
  schema: objectSchema(
    {
      role: { type: 'string', enum: codes(roles) },
      canWaitAlone: { type: 'string', enum: codes(yesNo) },
      walkingDistance: { type: 'string', enum: codes(walkingDistances) },
      walkingAid: { type: 'string', enum: codes(walkingAids) },
      duration: { type: 'string', enum: codes(durations) },
      previousPermit: { type: 'string', maxLength: 20 },
      certificate: attachmentProperty(1, 3),
      portrait: attachmentProperty(1, 1),
      email: emailProperty,
      phone: phoneProperty,
    },
    ['role', 'walkingDistance', 'walkingAid', 'duration', 'certificate', 'portrait', 'email'],
    { allOf: [requiredWhen('role', ['passenger'], ['canWaitAlone'])] },
  ),
  steps: [
    {
      id: 'travel',
      title: { sv: 'Hur du reser', en: 'How you travel' },
      fields: [
        {
          name: 'role',
          widget: 'radio',
          label: { sv: 'Kör du själv eller åker du med?', en: 'Do you drive or travel as a passenger?' },
          options: roles,
        },
        {
          name: 'canWaitAlone',
          widget: 'radio',
          label: {
            sv: 'Kan du vänta ensam en kort stund medan föraren parkerar bilen?',
            en: 'Can you wait alone for a short while as the driver parks the car?',
          },
          help: {
            sv: 'Som passagerare kan du få tillstånd om du behöver förarens hjälp även utanför bilen.',
            en: 'As a passenger you can get a permit if you need the driver’s help outside the car too.',
          },
          options: yesNo,
          visibleWhen: { field: 'role', in: ['passenger'] },
        },
      ],
    },
    {
      id: 'walking',
      title: { sv: 'Hur långt du kan gå', en: 'How far you can walk' },
      fields: [
        {
          name: 'walkingDistance',
          widget: 'radio',
          label: { sv: 'Hur långt kan du gå utan att vila?', en: 'How far can you walk without resting?' },
          help: {
            sv: 'Tänk på en vanlig dag, med de hjälpmedel du brukar använda.',
            en: 'Think of an ordinary day, with the aids you usually use.',
          },
          options: walkingDistances,
        },
        {
          name: 'walkingAid',
          widget: 'select',
          label: {
            sv: 'Vilket hjälpmedel använder du när du går?',
            en: 'What aid do you use when you walk?',
          },
          options: walkingAids,
        },
        {
          name: 'duration',
          widget: 'select',
          label: { sv: 'Hur länge behöver du tillståndet?', en: 'For how long do you need the permit?' },
          help: {
            sv: 'Tillståndet gäller som längst fem år. Vi utgår från vad läkarintyget säger om hur länge din funktionsnedsättning varar.',
            en: 'The permit is valid for at most five years. We go by what the doctor’s certificate says about how long your disability lasts.',
          },
          options: durations,
        },
        {
          name: 'previousPermit',
          widget: 'text',
          label: {
            sv: 'Har du haft tillstånd förut? Skriv dess nummer',
            en: 'Have you had a permit before? Enter its number',
          },
        },
      ],
    },
    {
      id: 'documents',
      title: { sv: 'Läkarintyg och foto', en: 'Doctor’s certificate and photo' },
      fields: [
        {
          name: 'certificate',
          widget: 'attachment',
          label: { sv: 'Läkarintyg', en: 'Doctor’s certificate' },
          help: {
            sv: 'Intyget ska beskriva din funktionsnedsättning, hur länge den väntas vara och hur långt du kan gå. Det ska vara högst tre månader gammalt. PDF, JPEG eller PNG, högst 10 MB.',
            en: 'The certificate should describe your disability, how long it is expected to last and how far you can walk. It should be at most three months old. PDF, JPEG or PNG, at most 10 MB.',
          },
          attachment: {
            mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
            maxBytes: 10 * 1024 * 1024,
            maxFiles: 3,
          },
        },
        {
          name: 'portrait',
          widget: 'attachment',
          label: { sv: 'Ett foto av dig', en: 'A photo of you' },
          help: {
            sv: 'Fotot trycks på tillståndet. Ta det framifrån mot en ljus bakgrund, som ett passfoto. JPEG eller PNG, högst 5 MB.',
            en: 'The photo is printed on the permit. Take it from the front against a light background, like a passport photo. JPEG or PNG, at most 5 MB.',
          },
          attachment: { mediaTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024, maxFiles: 1 },
        },
      ],
    },
    {
      id: 'contact',
      title: { sv: 'Kontaktuppgifter', en: 'Contact details' },
      fields: [contactEmailField(), contactPhoneField()],
    },
  ],
};

/** Parkeringstillstånd för rörelsehindrade (TN): a permit to park where others may not. */
export const parkeringstillstand: DemoServiceDefinition = {
  slug: 'parkeringstillstand',
  title: {
    sv: 'Ansök om parkeringstillstånd för rörelsehindrade',
    en: 'Apply for a disabled parking permit',
  },
  description: {
    sv: 'Har du svårt att gå på grund av en funktionsnedsättning som varar länge, kan du få parkera närmare dit du ska. Det gäller både om du kör själv och om du åker med. Du behöver ett läkarintyg och ett foto av dig.',
    en: 'If a lasting disability makes it hard for you to walk, you can get to park closer to where you are going. This applies whether you drive or travel as a passenger. You need a doctor’s certificate and a photo of yourself.',
  },
  lifeSituations: ['trafficStreets', 'careSupport'],
  audience: 'loginRequired',
  responsibleUnitKey: 'trafik',
  form,
  caseType: {
    series: 'TN',
    statusTypes: [
      { code: 'received', label: { sv: 'Mottagen', en: 'Received' }, shared: 'received' },
      {
        code: 'incomplete',
        label: { sv: 'Vi behöver fler uppgifter från dig', en: 'We need more information from you' },
        shared: 'waiting_for_you',
      },
      { code: 'inAssessment', label: { sv: 'Bedöms', en: 'Being assessed' }, shared: 'in_progress' },
      { code: 'decided', label: { sv: 'Beslut fattat', en: 'Decided' }, shared: 'decided' },
      closedStatus,
    ],
    initialStatus: 'received',
    // The records hold health data: kept two years past the permit's longest validity (five
    // years), a refusal three years (time for an appeal through both instances).
    outcomeTypes: [
      {
        code: 'granted',
        label: { sv: 'Parkeringstillstånd beviljas', en: 'Permit granted' },
        archive: 'dispose',
        retentionYears: 7,
      },
      { code: 'refused', label: { sv: 'Avslag', en: 'Refused' }, archive: 'dispose', retentionYears: 3 },
    ],
    appealInformation: {
      sv: 'Du kan överklaga beslutet till Länsstyrelsen i Västra Götalands län. Skicka överklagandet till Tekniska nämnden i Mölnåls stad, inte till länsstyrelsen. Det ska ha kommit in inom tre veckor från den dag du fick del av beslutet. Skriv vilket beslut du överklagar, hur du vill att det ska ändras och varför. Skicka gärna med ett nytt läkarintyg om du har ett.',
      en: 'You can appeal the decision to the County Administrative Board of Västra Götaland. Send the appeal to the Technical Committee of Mölnål, not to the county board. It must arrive within three weeks of the day you received the decision. Write which decision you appeal, how you want it changed and why. Feel free to include a new doctor’s certificate if you have one.',
    },
  },
  process: {
    bpmnXml: readFileSync(new URL('./parkeringstillstand.bpmn', import.meta.url), 'utf8'),
    statusOnEnter: {
      check: 'received',
      notifyIncomplete: 'incomplete',
      supplement: 'incomplete',
      assess: 'inAssessment',
      decide: 'inAssessment',
      issueCard: 'decided',
      notifyDecision: 'decided',
    },
    userTasks: {
      supplement: {
        kind: 'task',
        title: { sv: 'Begär och ta emot komplettering', en: 'Request and receive additional information' },
        form: {
          schema: objectSchema(
            {
              deadline: dateProperty,
              supplementReceived: { type: 'boolean' },
            },
            ['deadline', 'supplementReceived'],
          ),
          fields: [
            {
              name: 'deadline',
              widget: 'date',
              label: { sv: 'Sista dag för komplettering', en: 'Last day for additional information' },
            },
            {
              name: 'supplementReceived',
              widget: 'checkbox',
              label: { sv: 'Kompletteringen har kommit in', en: 'The additional information has arrived' },
            },
          ],
        },
      },
      assess: {
        kind: 'task',
        title: { sv: 'Bedöm ansökan och läkarintyget', en: 'Assess the application and the certificate' },
        form: {
          // The questions of trafikförordningen 13 kap. 8 §, the same for every applicant (C5).
          schema: objectSchema(
            {
              residentChecked: { type: 'boolean', const: true },
              lastingDisability: { type: 'boolean' },
              significantDifficulty: { type: 'boolean' },
              needsDriverOutside: { type: 'boolean' },
              assessment: { type: 'string', minLength: 1, maxLength: 2000 },
            },
            ['residentChecked', 'lastingDisability', 'significantDifficulty', 'assessment'],
          ),
          fields: [
            {
              name: 'residentChecked',
              widget: 'checkbox',
              label: {
                sv: 'Sökanden är folkbokförd i Mölnål (kontrollerat i folkbokföringen)',
                en: 'The applicant is registered in Mölnål (checked in the population register)',
              },
            },
            {
              name: 'lastingDisability',
              widget: 'checkbox',
              label: { sv: 'Funktionsnedsättningen är varaktig', en: 'The disability is lasting' },
            },
            {
              name: 'significantDifficulty',
              widget: 'checkbox',
              label: {
                sv: 'Väsentliga svårigheter att förflytta sig på egen hand',
                en: 'Significant difficulty moving about on one’s own',
              },
            },
            {
              name: 'needsDriverOutside',
              widget: 'checkbox',
              label: {
                sv: 'Passagerare: behöver regelbundet förarens hjälp utanför fordonet',
                en: 'Passenger: regularly needs the driver’s help outside the vehicle',
              },
            },
            { name: 'assessment', widget: 'textarea', label: { sv: 'Bedömning', en: 'Assessment' } },
          ],
        },
      },
      decide: {
        kind: 'decision',
        title: { sv: 'Besluta om parkeringstillstånd', en: 'Decide on the parking permit' },
      },
      issueCard: {
        kind: 'task',
        title: { sv: 'Tillverka och skicka kortet', en: 'Make and send the permit card' },
        form: {
          schema: objectSchema(
            {
              permitNumber: { type: 'string', pattern: '^[0-9A-Z-]{1,20}$', maxLength: 20 },
              validUntil: dateProperty,
            },
            ['permitNumber', 'validUntil'],
          ),
          fields: [
            {
              name: 'permitNumber',
              widget: 'text',
              label: { sv: 'Tillståndets nummer', en: 'Permit number' },
            },
            { name: 'validUntil', widget: 'date', label: { sv: 'Gäller till och med', en: 'Valid until' } },
          ],
        },
      },
    },
  },
  promise: {
    decisionWithinWorkingDays: 20,
    text: {
      sv: 'Du får beslut inom fyra veckor (20 arbetsdagar) från den dag vi fick din ansökan. Saknas något, till exempel läkarintyget, hör vi av oss, och då kan det ta längre tid.',
      en: 'You get a decision within four weeks (20 working days) of the day we received your application. If something is missing, such as the doctor’s certificate, we contact you, and it may then take longer.',
    },
  },
};
