import { readFileSync } from 'node:fs';
import type { FieldOption, FormDefinition } from '@karna/contracts';
import {
  attachmentProperty,
  closedStatus,
  type DemoServiceDefinition,
  dateProperty,
  emailProperty,
  objectSchema,
} from './demo-definition.ts';

const categories: FieldOption[] = [
  {
    value: 'pothole',
    label: { sv: 'Hål eller skada i gata eller gångbana', en: 'Pothole or damage in a street or pavement' },
  },
  { value: 'streetLight', label: { sv: 'Gatubelysning som inte fungerar', en: 'Street light not working' } },
  {
    value: 'trafficSign',
    label: { sv: 'Trasig eller skymd trafikskylt', en: 'Broken or hidden traffic sign' },
  },
  { value: 'snowIce', label: { sv: 'Snö eller halka', en: 'Snow or ice' } },
  { value: 'litter', label: { sv: 'Skräp eller full papperskorg', en: 'Litter or a full bin' } },
  { value: 'graffiti', label: { sv: 'Klotter', en: 'Graffiti' } },
  {
    value: 'playground',
    label: {
      sv: 'Trasig lekplats, bänk eller annat i en park',
      en: 'Broken playground, bench or other park item',
    },
  },
  {
    value: 'tree',
    label: {
      sv: 'Träd eller buskar, till exempel fallna grenar',
      en: 'Trees or bushes, for example fallen branches',
    },
  },
  { value: 'other', label: { sv: 'Något annat', en: 'Something else' } },
];

const form: FormDefinition = {
  schema: objectSchema(
    {
      category: { type: 'string', enum: categories.map((option) => option.value) },
      // A place is a description, and a point on the map if the reporter marked one: SWEREF 99 TM
      // (EPSG:3006) metres, within Sweden's range, easting and northing together or not at all.
      place: {
        type: 'object',
        properties: {
          description: { type: 'string', minLength: 1, maxLength: 300 },
          easting: { type: 'number', minimum: 250000, maximum: 930000 },
          northing: { type: 'number', minimum: 6100000, maximum: 7700000 },
        },
        required: ['description'],
        dependentRequired: { easting: ['northing'], northing: ['easting'] },
        additionalProperties: false,
      },
      description: { type: 'string', minLength: 1, maxLength: 2000 },
      photos: attachmentProperty(0, 3),
      email: emailProperty,
    },
    ['category', 'place', 'description'],
  ),
  steps: [
    {
      id: 'fault',
      title: { sv: 'Felet', en: 'The fault' },
      fields: [
        {
          name: 'category',
          widget: 'select',
          label: { sv: 'Vad vill du anmäla?', en: 'What do you want to report?' },
          help: {
            sv: 'Är det akut farligt, till exempel ett öppet brunnslock eller en trafiksignal som inte fungerar? Ring 031-390 06 50, dygnet runt.',
            en: 'Is it an immediate danger, such as an open manhole or a traffic light that does not work? Call +46 31 390 06 50, day and night.',
          },
          options: categories,
        },
        {
          name: 'place',
          widget: 'place',
          label: { sv: 'Var är felet?', en: 'Where is the fault?' },
          help: {
            sv: 'Skriv en adress eller beskriv platsen, till exempel ”gångvägen bakom Kvarnbyns förskola”. Du kan också markera platsen på kartan.',
            en: 'Enter an address or describe the place, for example “the footpath behind Kvarnbyn preschool”. You can also mark the place on the map.',
          },
        },
        {
          name: 'description',
          widget: 'textarea',
          label: { sv: 'Beskriv felet', en: 'Describe the fault' },
          help: {
            sv: 'För gatubelysning: skriv gärna numret på stolpen, om det finns ett.',
            en: 'For street lights: please give the number on the pole, if there is one.',
          },
        },
        {
          name: 'photos',
          widget: 'attachment',
          label: { sv: 'Foton (om du vill)', en: 'Photos (optional)' },
          help: {
            sv: 'Upp till 3 bilder i JPEG eller PNG, högst 10 MB var. Undvik att fotografera människor.',
            en: 'Up to 3 pictures as JPEG or PNG, at most 10 MB each. Avoid photographing people.',
          },
          attachment: { mediaTypes: ['image/jpeg', 'image/png'], maxBytes: 10 * 1024 * 1024, maxFiles: 3 },
        },
      ],
    },
    {
      id: 'contact',
      title: { sv: 'Besked till dig', en: 'Feedback to you' },
      fields: [
        {
          name: 'email',
          widget: 'email',
          label: { sv: 'E-postadress (om du vill ha besked)', en: 'Email address (if you want feedback)' },
          help: {
            sv: 'Du behöver inte lämna någon e-postadress. Utan den kan du ändå följa din felanmälan med länken du får när du skickat in.',
            en: 'You do not have to give an email address. Without it you can still follow your report with the link you get when you send it.',
          },
          prefill: 'email',
        },
      ],
    },
  ],
};

/** Felanmälan gata och park (TN): anyone reports a fault in a street, a park or a playground. */
export const felanmalan: DemoServiceDefinition = {
  slug: 'felanmalan',
  title: { sv: 'Felanmälan gata och park', en: 'Report a fault in a street or park' },
  description: {
    sv: 'Har du sett ett hål i gatan, en lampa som inte lyser eller en trasig gunga? Berätta var, så ser vi till att det blir åtgärdat. Du behöver inte logga in.',
    en: 'Have you seen a pothole, a street light that is out or a broken swing? Tell us where, and we make sure it is fixed. You do not need to log in.',
  },
  lifeSituations: ['trafficStreets', 'environmentWaste'],
  audience: 'anonymousAllowed',
  responsibleUnitKey: 'gatapark',
  form,
  caseType: {
    series: 'TN',
    statusTypes: [
      { code: 'received', label: { sv: 'Mottagen', en: 'Received' }, shared: 'received' },
      { code: 'inAssessment', label: { sv: 'Bedöms', en: 'Being assessed' }, shared: 'in_progress' },
      // The first "decided" status is the one a decision gives the case, automatic or not.
      { code: 'assessed', label: { sv: 'Bedömd', en: 'Assessed' }, shared: 'decided' },
      {
        code: 'sentToContractor',
        label: { sv: 'Skickad till entreprenör', en: 'Sent to the contractor' },
        shared: 'in_progress',
      },
      { code: 'fixed', label: { sv: 'Åtgärdad', en: 'Fixed' }, shared: 'decided' },
      closedStatus,
    ],
    initialStatus: 'received',
    // Fault reports are kept two years, long enough to follow up claims for damages.
    outcomeTypes: [
      {
        code: 'sentToContractor',
        label: { sv: 'Skickad till entreprenör för åtgärd', en: 'Sent to the contractor to be fixed' },
        archive: 'dispose',
        retentionYears: 2,
      },
      {
        code: 'forwarded',
        label: {
          sv: 'Inte kommunens ansvar – skickad vidare till den som ansvarar',
          en: 'Not the municipality’s responsibility – passed on to whoever is responsible',
        },
        archive: 'dispose',
        retentionYears: 2,
      },
      {
        code: 'noAction',
        label: { sv: 'Ingen åtgärd behövs', en: 'No action needed' },
        archive: 'dispose',
        retentionYears: 2,
      },
    ],
    appealInformation: {
      sv: 'En felanmälan leder till en åtgärd, inte till ett beslut som går att överklaga. Är du inte nöjd med hur vi tog hand om den, kan du lämna en synpunkt till Tekniska nämnden.',
      en: 'A fault report leads to an action, not to a decision that can be appealed. If you are not happy with how we handled it, you can send feedback to the Technical Committee.',
    },
  },
  process: {
    bpmnXml: readFileSync(new URL('./felanmalan.bpmn', import.meta.url), 'utf8'),
    statusOnEnter: {
      assess: 'inAssessment',
      repair: 'sentToContractor',
      notifyFixed: 'fixed',
      notifyAnswer: 'assessed',
    },
    userTasks: {
      assess: {
        kind: 'decision',
        title: { sv: 'Bedöm felanmälan', en: 'Assess the fault report' },
      },
      repair: {
        kind: 'task',
        title: { sv: 'Följ upp att felet åtgärdas', en: 'Follow up that the fault is fixed' },
        form: {
          schema: objectSchema(
            {
              workOrder: { type: 'string', minLength: 1, maxLength: 40 },
              fixedOn: dateProperty,
              note: { type: 'string', maxLength: 1000 },
            },
            ['workOrder', 'fixedOn'],
          ),
          fields: [
            {
              name: 'workOrder',
              widget: 'text',
              label: { sv: 'Entreprenörens arbetsorder', en: 'The contractor’s work order' },
            },
            { name: 'fixedOn', widget: 'date', label: { sv: 'Åtgärdat den', en: 'Fixed on' } },
            { name: 'note', widget: 'textarea', label: { sv: 'Anteckning', en: 'Note' } },
          ],
        },
      },
    },
    // Street lights are maintained under one contract: every reported light goes to the lighting
    // contractor at once, who also knows which lights are not the municipality's and passes those on.
    autoDecision: [
      {
        when: { field: 'category', op: 'equals', value: 'streetLight' },
        outcome: 'sentToContractor',
        justification: {
          sv: 'Fel på gatubelysning skickas direkt till kommunens belysningsentreprenör, som enligt driftavtalet åtgärdar fel på kommunens belysning. Är belysningen någon annans, skickar entreprenören anmälan vidare.',
          en: 'Street light faults go straight to the municipality’s lighting contractor, who under the maintenance contract fixes faults in the municipality’s lighting. If the light belongs to someone else, the contractor passes the report on.',
        },
      },
    ],
  },
  promise: {
    decisionWithinWorkingDays: 5,
    text: {
      sv: 'Inom fem arbetsdagar har vi bedömt din felanmälan och skickat den till den som ska åtgärda felet. Fel på gatubelysning skickar vi till entreprenören direkt. Det som kan vara farligt åtgärdar vi så fort vi kan.',
      en: 'Within five working days we have assessed your report and sent it to whoever will fix the fault. Street light faults go to the contractor at once. Anything that may be dangerous we fix as soon as we can.',
    },
  },
};
