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
  idProperty,
  objectSchema,
  phoneProperty,
  requiredWhen,
} from './demo-definition.ts';

const measures: FieldOption[] = [
  { value: 'newBuilding', label: { sv: 'Nybyggnad', en: 'New building' } },
  { value: 'extension', label: { sv: 'Tillbyggnad', en: 'Extension' } },
  {
    value: 'alteration',
    label: {
      sv: 'Ändring, till exempel en ny bostad i huset',
      en: 'Alteration, for example a new home in the building',
    },
  },
  {
    value: 'facade',
    label: {
      sv: 'Ändrad fasad – färg, material eller fönster',
      en: 'Changed facade – colour, material or windows',
    },
  },
  {
    value: 'changeOfUse',
    label: { sv: 'Ändrad användning av byggnaden', en: 'Changed use of the building' },
  },
  { value: 'sign', label: { sv: 'Skylt eller ljusanordning', en: 'Sign or lighting' } },
  { value: 'other', label: { sv: 'Något annat', en: 'Something else' } },
];
/** The measures that add floor area, for which the kind of building and its area are asked. */
const addsArea = ['newBuilding', 'extension'];

const buildingTypes: FieldOption[] = [
  { value: 'residential', label: { sv: 'Bostadshus', en: 'Residential building' } },
  {
    value: 'outbuilding',
    label: {
      sv: 'Garage, carport, förråd eller annan komplementbyggnad',
      en: 'Garage, carport, shed or other outbuilding',
    },
  },
  { value: 'other', label: { sv: 'Annan byggnad', en: 'Other building' } },
];

const form: FormDefinition = {
  schema: objectSchema(
    {
      propertyId: idProperty,
      measure: { type: 'string', enum: measures.map((option) => option.value) },
      buildingType: { type: 'string', enum: buildingTypes.map((option) => option.value) },
      area: { type: 'number', exclusiveMinimum: 0, maximum: 100000 },
      description: { type: 'string', minLength: 10, maxLength: 4000 },
      controlOfficer: { type: 'string', maxLength: 200 },
      drawings: attachmentProperty(1, 10),
      email: emailProperty,
      phone: phoneProperty,
    },
    ['propertyId', 'measure', 'description', 'drawings', 'email'],
    { allOf: [requiredWhen('measure', addsArea, ['buildingType', 'area'])] },
  ),
  steps: [
    {
      id: 'property',
      title: { sv: 'Fastigheten', en: 'The property' },
      fields: [
        {
          name: 'propertyId',
          widget: 'select',
          label: { sv: 'Vilken fastighet gäller ansökan?', en: 'Which property is the application for?' },
          help: {
            sv: 'Här visas de fastigheter du äger enligt fastighetsregistret. Gäller det en fastighet du inte äger, kontakta bygglovsenheten.',
            en: 'These are the properties you own according to the property register. If it is a property you do not own, contact the building permit unit.',
          },
          prefill: 'ownProperty',
        },
      ],
    },
    {
      id: 'measure',
      title: { sv: 'Det du vill göra', en: 'What you want to do' },
      fields: [
        {
          name: 'measure',
          widget: 'select',
          label: { sv: 'Vad vill du göra?', en: 'What do you want to do?' },
          options: measures,
        },
        {
          name: 'buildingType',
          widget: 'select',
          label: { sv: 'Vilken sorts byggnad?', en: 'What kind of building?' },
          options: buildingTypes,
          visibleWhen: { field: 'measure', in: addsArea },
        },
        {
          name: 'area',
          widget: 'number',
          label: {
            sv: 'Hur stor blir byggnadsarean, i kvadratmeter?',
            en: 'How large is the building area, in square metres?',
          },
          help: {
            sv: 'Byggnadsarean är den yta som byggnaden tar upp på marken. Vid en tillbyggnad: bara den nya delen.',
            en: 'The building area is the ground the building covers. For an extension: only the new part.',
          },
          visibleWhen: { field: 'measure', in: addsArea },
        },
        {
          name: 'description',
          widget: 'textarea',
          label: {
            sv: 'Beskriv vad du vill bygga eller ändra',
            en: 'Describe what you want to build or change',
          },
          help: {
            sv: 'Till exempel storlek, höjd, material och färg, och hur du ska använda byggnaden.',
            en: 'For example size, height, materials and colour, and how you will use the building.',
          },
        },
        {
          name: 'controlOfficer',
          widget: 'text',
          label: { sv: 'Kontrollansvarig (om det behövs)', en: 'Certified inspector (if needed)' },
          help: {
            sv: 'Namnet på den certifierade kontrollansvariga. Vet du inte om det behövs, talar vi om det för dig.',
            en: 'The name of the certified inspector. If you do not know whether one is needed, we will tell you.',
          },
        },
      ],
    },
    {
      id: 'drawings',
      title: { sv: 'Ritningar', en: 'Drawings' },
      fields: [
        {
          name: 'drawings',
          widget: 'attachment',
          label: { sv: 'Ritningar och situationsplan', en: 'Drawings and site plan' },
          help: {
            sv: 'Bifoga situationsplan, planritning, fasadritningar och sektionsritning, skalenliga och med måttangivelser. Du kan bifoga upp till 10 filer i PDF, PNG eller JPEG, högst 20 MB var.',
            en: 'Attach a site plan, floor plan, facade drawings and a section drawing, to scale and with measurements. You can attach up to 10 files as PDF, PNG or JPEG, at most 20 MB each.',
          },
          attachment: {
            mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
            maxBytes: 20 * 1024 * 1024,
            maxFiles: 10,
          },
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

/** Bygglov (BN): a property owner applies for a building permit. */
export const bygglov: DemoServiceDefinition = {
  slug: 'bygglov',
  title: { sv: 'Ansök om bygglov', en: 'Apply for a building permit' },
  description: {
    sv: 'Du behöver bygglov för att bygga nytt, bygga till och för vissa ändringar av en byggnad. Du ansöker för en fastighet du äger och bifogar ritningar. Du får inte börja bygga förrän du också har fått ett startbesked.',
    en: 'You need a building permit to build something new, to extend a building and for some changes to it. You apply for a property you own and attach drawings. You may not start building until you have also received a start notice.',
  },
  lifeSituations: ['buildingHousing'],
  audience: 'loginRequired',
  responsibleUnitKey: 'bygglov',
  form,
  caseType: {
    series: 'BN',
    statusTypes: [
      { code: 'received', label: { sv: 'Mottagen', en: 'Received' }, shared: 'received' },
      {
        code: 'incomplete',
        label: { sv: 'Vi behöver fler uppgifter från dig', en: 'We need more information from you' },
        shared: 'waiting_for_you',
      },
      { code: 'inReview', label: { sv: 'Handläggs', en: 'Being handled' }, shared: 'in_progress' },
      { code: 'decided', label: { sv: 'Beslut fattat', en: 'Decided' }, shared: 'decided' },
      closedStatus,
    ],
    initialStatus: 'received',
    // Building permits are kept for ever, whatever the outcome, as the property's history; a
    // withdrawn application leaves nothing that later owners need.
    outcomeTypes: [
      {
        code: 'approved',
        label: { sv: 'Bygglov beviljas', en: 'Permit granted' },
        archive: 'preserve',
        retentionYears: null,
      },
      { code: 'refused', label: { sv: 'Avslag', en: 'Refused' }, archive: 'preserve', retentionYears: null },
      {
        code: 'dismissed',
        label: {
          sv: 'Ansökan avvisas eftersom den inte blev komplett',
          en: 'Application dismissed because it was not completed',
        },
        archive: 'preserve',
        retentionYears: null,
      },
      {
        code: 'withdrawn',
        label: {
          sv: 'Ärendet avskrivs – ansökan återkallad',
          en: 'Case written off – application withdrawn',
        },
        archive: 'dispose',
        retentionYears: 5,
      },
    ],
    appealInformation: {
      sv: 'Du kan överklaga beslutet till Länsstyrelsen i Västra Götalands län (plan- och bygglagen 13 kap.). Skicka överklagandet till Byggnadsnämnden i Mölnåls stad, inte till länsstyrelsen. Det ska ha kommit in inom tre veckor från den dag du fick del av beslutet. Skriv vilket beslut du överklagar, hur du vill att det ska ändras och varför. Grannar och andra som berörs har tre veckor från den dag beslutet kungjordes i Post- och Inrikes Tidningar.',
      en: 'You can appeal the decision to the County Administrative Board of Västra Götaland (Planning and Building Act, chapter 13). Send the appeal to the Building Committee of Mölnål, not to the county board. It must arrive within three weeks of the day you received the decision. Write which decision you appeal, how you want it changed and why. Neighbours and others concerned have three weeks from the day the decision was announced in Post- och Inrikes Tidningar.',
    },
  },
  process: {
    bpmnXml: readFileSync(new URL('./bygglov.bpmn', import.meta.url), 'utf8'),
    statusOnEnter: {
      check: 'received',
      notifyIncomplete: 'incomplete',
      supplement: 'incomplete',
      review: 'inReview',
      decide: 'inReview',
      notifyDecision: 'decided',
      announce: 'decided',
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
              note: { type: 'string', maxLength: 1000 },
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
              help: {
                sv: 'Lämna rutan tom om tiden gått ut utan komplettering: då kan ansökan avvisas.',
                en: 'Leave the box empty if the time ran out without it: the application may then be dismissed.',
              },
            },
            { name: 'note', widget: 'textarea', label: { sv: 'Vad som begärdes', en: 'What was requested' } },
          ],
        },
      },
      review: {
        kind: 'task',
        title: { sv: 'Granska ansökan', en: 'Review the application' },
        form: {
          // The same review for every application (C5).
          schema: objectSchema(
            {
              planChecked: { type: 'boolean', const: true },
              neighbours: { type: 'string', enum: ['notNeeded', 'heard'] },
              controlOfficerRequired: { type: 'boolean' },
              note: { type: 'string', maxLength: 2000 },
            },
            ['planChecked', 'neighbours', 'controlOfficerRequired'],
          ),
          fields: [
            {
              name: 'planChecked',
              widget: 'checkbox',
              label: {
                sv: 'Åtgärden är prövad mot detaljplanen eller områdes\u00adbestämmelserna',
                en: 'The measure was tried against the detailed plan or area regulations',
              },
            },
            {
              name: 'neighbours',
              widget: 'radio',
              label: {
                sv: 'Grannehörande (plan- och bygglagen 9 kap. 25 §)',
                en: 'Hearing of neighbours (Planning and Building Act 9:25)',
              },
              options: [
                { value: 'notNeeded', label: { sv: 'Behövs inte', en: 'Not needed' } },
                {
                  value: 'heard',
                  label: { sv: 'Grannarna har fått yttra sig', en: 'The neighbours have been heard' },
                },
              ],
            },
            {
              name: 'controlOfficerRequired',
              widget: 'checkbox',
              label: { sv: 'Kontrollansvarig krävs', en: 'A certified inspector is required' },
            },
            { name: 'note', widget: 'textarea', label: { sv: 'Bedömning', en: 'Assessment' } },
          ],
        },
      },
      decide: {
        kind: 'decision',
        title: { sv: 'Besluta om bygglov', en: 'Decide on the building permit' },
      },
      announce: {
        kind: 'task',
        title: {
          sv: 'Kungör beslutet och underrätta berörda',
          en: 'Announce the decision and inform those concerned',
        },
        form: {
          schema: objectSchema(
            {
              publishedInPoit: { type: 'boolean', const: true },
              publishedOn: dateProperty,
              neighboursInformed: { type: 'boolean' },
            },
            ['publishedInPoit', 'publishedOn', 'neighboursInformed'],
          ),
          fields: [
            {
              name: 'publishedInPoit',
              widget: 'checkbox',
              label: {
                sv: 'Beslutet är kungjort i Post- och Inrikes Tidningar',
                en: 'The decision is announced in Post- och Inrikes Tidningar',
              },
            },
            { name: 'publishedOn', widget: 'date', label: { sv: 'Kungjort den', en: 'Announced on' } },
            {
              name: 'neighboursInformed',
              widget: 'checkbox',
              label: {
                sv: 'Grannar som fått yttra sig har fått beslutet',
                en: 'Neighbours who were heard have received the decision',
              },
            },
          ],
        },
      },
    },
  },
  promise: {
    // PBL 9 kap. 27 §: ten weeks from a complete application, 50 working days.
    decisionWithinWorkingDays: 50,
    text: {
      sv: 'Du får beslut inom tio veckor från den dag din ansökan är komplett (plan- och bygglagen 9 kap. 27 §). Vi räknar det som 50 arbetsdagar. Behöver vi mer tid för att utreda kan vi förlänga tiden en gång, med högst tio veckor, och då får du veta det innan tiden gått ut. Håller vi inte tiden blir avgiften lägre.',
      en: 'You get a decision within ten weeks of the day your application is complete (Planning and Building Act, chapter 9 section 27). We count it as 50 working days. If we need more time to investigate, we can extend it once by at most ten weeks, and then we tell you before the time has run out. If we do not keep the time, the fee is reduced.',
    },
  },
};
