import { readFileSync } from 'node:fs';
import type { FieldOption, FormDefinition } from '@karna/contracts';
import {
  closedStatus,
  contactPhoneField,
  type DemoServiceDefinition,
  dateProperty,
  emailProperty,
  objectSchema,
  phoneProperty,
  requiredWhen,
} from './demo-definition.ts';

/** Each board is an authority of its own; the registry passes a request on to the one that has the document. */
const authorities: FieldOption[] = [
  { value: 'ks', label: { sv: 'Kommunstyrelsen', en: 'Municipal Executive Board' } },
  { value: 'bn', label: { sv: 'Byggnadsnämnden', en: 'Building Committee' } },
  { value: 'bun', label: { sv: 'Barn- och utbildningsnämnden', en: 'Children and Education Committee' } },
  { value: 'sn', label: { sv: 'Socialnämnden', en: 'Social Services Committee' } },
  { value: 'tn', label: { sv: 'Tekniska nämnden', en: 'Technical Committee' } },
  { value: 'unknown', label: { sv: 'Jag vet inte', en: 'I do not know' } },
];
const deliveries: FieldOption[] = [
  { value: 'email', label: { sv: 'Som e-post', en: 'By email' } },
  { value: 'post', label: { sv: 'Som brev', en: 'By post' } },
  { value: 'pickUp', label: { sv: 'Jag hämtar dem i stadshuset', en: 'I collect them at the city hall' } },
];

const form: FormDefinition = {
  schema: objectSchema(
    {
      documents: { type: 'string', minLength: 1, maxLength: 2000 },
      caseNumber: { type: 'string', maxLength: 40 },
      authority: { type: 'string', enum: authorities.map((option) => option.value) },
      delivery: { type: 'string', enum: deliveries.map((option) => option.value) },
      email: emailProperty,
      postalAddress: { type: 'string', minLength: 1, maxLength: 300 },
      phone: phoneProperty,
    },
    ['documents', 'authority', 'delivery'],
    {
      allOf: [
        requiredWhen('delivery', ['email'], ['email']),
        requiredWhen('delivery', ['post'], ['postalAddress']),
      ],
    },
  ),
  steps: [
    {
      id: 'request',
      title: { sv: 'Handlingarna', en: 'The documents' },
      fields: [
        {
          name: 'documents',
          widget: 'textarea',
          label: { sv: 'Vilka handlingar vill du ta del av?', en: 'Which documents do you want to see?' },
          help: {
            sv: 'Beskriv dem så noga du kan, till exempel vad de handlar om, ungefär när de kom in eller skrevs och vem som skickade dem.',
            en: 'Describe them as well as you can, for example what they are about, roughly when they arrived or were written and who sent them.',
          },
        },
        {
          name: 'caseNumber',
          widget: 'text',
          label: { sv: 'Diarienummer, om du vet det', en: 'Registration number, if you know it' },
          help: { sv: 'Till exempel KS 2026/123.', en: 'For example KS 2026/123.' },
        },
        {
          name: 'authority',
          widget: 'select',
          label: { sv: 'Vilken nämnd har handlingarna?', en: 'Which committee has the documents?' },
          help: {
            sv: 'Vet du inte, så tar vi reda på det.',
            en: 'If you do not know, we will find out.',
          },
          options: authorities,
        },
      ],
    },
    {
      id: 'delivery',
      title: { sv: 'Hur du vill få dem', en: 'How you want them' },
      fields: [
        {
          name: 'delivery',
          widget: 'radio',
          label: { sv: 'Hur vill du få handlingarna?', en: 'How do you want the documents?' },
          help: {
            sv: 'Du kan också läsa handlingarna gratis i stadshuset. Kopior på papper kan kosta en avgift enligt kommunens taxa. Vi säger till innan det kostar något.',
            en: 'You can also read the documents free of charge at the city hall. Paper copies may cost a fee under the municipality’s rates. We tell you before anything costs money.',
          },
          options: deliveries,
        },
        {
          name: 'email',
          widget: 'email',
          label: { sv: 'E-postadress', en: 'Email address' },
          prefill: 'email',
          visibleWhen: { field: 'delivery', in: ['email'] },
        },
        {
          name: 'postalAddress',
          widget: 'textarea',
          label: { sv: 'Adress som vi ska skicka till', en: 'Address to send them to' },
          help: {
            sv: 'Namn eller c/o, gatuadress, postnummer och ort.',
            en: 'Name or c/o, street address, postcode and town.',
          },
          visibleWhen: { field: 'delivery', in: ['post'] },
        },
        contactPhoneField(),
      ],
    },
  ],
};

/** Begäran om allmän handling (KS): anyone asks to see official documents, anonymously if they wish. */
export const allmanHandling: DemoServiceDefinition = {
  slug: 'allman-handling',
  title: { sv: 'Begär att få ta del av allmänna handlingar', en: 'Ask to see official documents' },
  description: {
    sv: 'Alla har rätt att ta del av kommunens allmänna handlingar, om de inte är sekretessbelagda. Du behöver inte tala om vem du är eller varför du vill se dem, och du behöver inte logga in (tryckfrihetsförordningen 2 kap. 18 §).',
    en: 'Everyone has the right to see the municipality’s official documents, unless they are secret. You do not have to say who you are or why you want to see them, and you do not have to log in (Freedom of the Press Act, chapter 2 section 18).',
  },
  lifeSituations: ['municipalityPolitics'],
  audience: 'anonymousAllowed',
  responsibleUnitKey: 'registratur',
  form,
  caseType: {
    series: 'KS',
    statusTypes: [
      { code: 'received', label: { sv: 'Mottagen', en: 'Received' }, shared: 'received' },
      {
        code: 'locating',
        label: { sv: 'Vi tar fram handlingarna', en: 'We are finding the documents' },
        shared: 'in_progress',
      },
      {
        code: 'inReview',
        label: { sv: 'Vi prövar om de kan lämnas ut', en: 'We are checking if they can be released' },
        shared: 'in_progress',
      },
      { code: 'answered', label: { sv: 'Besked lämnat', en: 'Answered' }, shared: 'decided' },
      closedStatus,
    ],
    initialStatus: 'received',
    // A refusal, whole or in part, is kept for ever (it shows how the authority applied secrecy);
    // a request answered in full is kept two years.
    outcomeTypes: [
      {
        code: 'disclosed',
        label: { sv: 'Handlingarna lämnas ut', en: 'The documents are released' },
        archive: 'dispose',
        retentionYears: 2,
      },
      {
        code: 'partlyDisclosed',
        label: {
          sv: 'Handlingarna lämnas ut med vissa uppgifter dolda på grund av sekretess',
          en: 'The documents are released with some information hidden because of secrecy',
        },
        archive: 'preserve',
        retentionYears: null,
      },
      {
        code: 'refused',
        label: {
          sv: 'Handlingarna lämnas inte ut på grund av sekretess',
          en: 'The documents are not released because of secrecy',
        },
        archive: 'preserve',
        retentionYears: null,
      },
      {
        code: 'noDocument',
        label: { sv: 'Det finns ingen sådan allmän handling', en: 'There is no such official document' },
        archive: 'dispose',
        retentionYears: 2,
      },
    ],
    appealInformation: {
      sv: 'Om vi inte lämnar ut en handling, helt eller delvis, kan du överklaga beslutet till Kammarrätten i Göteborg (offentlighets- och sekretesslagen 6 kap. 7 §). Skicka överklagandet till Kommunstyrelsen i Mölnåls stad. Det ska ha kommit in inom tre veckor från den dag du fick del av beslutet. Skriv vilket beslut du överklagar och hur du vill att det ska ändras.',
      en: 'If we do not release a document, wholly or in part, you can appeal the decision to the Administrative Court of Appeal in Gothenburg (Public Access to Information and Secrecy Act, chapter 6 section 7). Send the appeal to the Municipal Executive Board of Mölnål. It must arrive within three weeks of the day you received the decision. Write which decision you appeal and how you want it changed.',
    },
  },
  process: {
    bpmnXml: readFileSync(new URL('./allman-handling.bpmn', import.meta.url), 'utf8'),
    statusOnEnter: {
      locate: 'locating',
      review: 'inReview',
      deliver: 'answered',
      notifyDecision: 'answered',
    },
    userTasks: {
      locate: {
        kind: 'task',
        title: { sv: 'Ta fram handlingarna', en: 'Find the documents' },
        form: {
          schema: objectSchema(
            {
              found: { type: 'string', enum: ['all', 'some', 'none'] },
              forwardedTo: {
                type: 'string',
                enum: authorities.map((option) => option.value).filter((code) => code !== 'unknown'),
              },
              secrecyReviewNeeded: { type: 'boolean' },
              pages: { type: 'integer', minimum: 0, maximum: 100000 },
            },
            ['found', 'secrecyReviewNeeded'],
          ),
          fields: [
            {
              name: 'found',
              widget: 'radio',
              label: { sv: 'Hittades handlingarna?', en: 'Were the documents found?' },
              options: [
                { value: 'all', label: { sv: 'Ja, alla', en: 'Yes, all of them' } },
                { value: 'some', label: { sv: 'En del', en: 'Some' } },
                { value: 'none', label: { sv: 'Nej', en: 'No' } },
              ],
            },
            {
              name: 'forwardedTo',
              widget: 'select',
              label: {
                sv: 'Skickad vidare till nämnd som har handlingarna',
                en: 'Passed on to the committee that has the documents',
              },
              options: authorities.filter((option) => option.value !== 'unknown'),
            },
            {
              name: 'secrecyReviewNeeded',
              widget: 'checkbox',
              label: {
                sv: 'Handlingarna kan innehålla sekretessbelagda uppgifter',
                en: 'The documents may hold secret information',
              },
            },
            {
              name: 'pages',
              widget: 'number',
              label: { sv: 'Antal sidor (för eventuell avgift)', en: 'Number of pages (for any fee)' },
            },
          ],
        },
      },
      review: {
        kind: 'decision',
        title: {
          sv: 'Pröva om handlingarna kan lämnas ut',
          en: 'Decide whether the documents can be released',
        },
      },
      deliver: {
        kind: 'task',
        title: { sv: 'Lämna ut handlingarna', en: 'Release the documents' },
        form: {
          schema: objectSchema(
            {
              deliveredOn: dateProperty,
              fee: { type: 'integer', minimum: 0, maximum: 100000 },
            },
            ['deliveredOn'],
          ),
          fields: [
            { name: 'deliveredOn', widget: 'date', label: { sv: 'Utlämnat den', en: 'Released on' } },
            { name: 'fee', widget: 'number', label: { sv: 'Avgift i kronor', en: 'Fee in kronor' } },
          ],
        },
      },
    },
  },
  promise: {
    decisionWithinWorkingDays: 2,
    text: {
      sv: 'Vi behandlar din begäran skyndsamt, som lagen kräver. Oftast får du besked samma dag eller dagen efter, och senast inom två arbetsdagar. Är handlingarna många, eller måste vi pröva om något i dem är sekretessbelagt, kan det ta längre tid. Då hör vi av oss.',
      en: 'We handle your request promptly, as the law requires. Usually you get an answer the same day or the next, and at the latest within two working days. If there are many documents, or we must check whether anything in them is secret, it may take longer. We will then let you know.',
    },
  },
};
