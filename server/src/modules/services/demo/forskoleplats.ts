import { readFileSync } from 'node:fs';
import type { FieldOption, FormDefinition } from '@karna/contracts';
import {
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

/** Mölnål's municipal preschools (invented for the demo). */
const preschools: FieldOption[] = [
  { value: 'ekbacken', label: { sv: 'Ekbackens förskola', en: 'Ekbacken preschool' } },
  { value: 'kvarnbyn', label: { sv: 'Kvarnbyns förskola', en: 'Kvarnbyn preschool' } },
  { value: 'solrosen', label: { sv: 'Solrosens förskola', en: 'Solrosen preschool' } },
  { value: 'tallasen', label: { sv: 'Tallåsens förskola', en: 'Tallåsen preschool' } },
  { value: 'akerangen', label: { sv: 'Åkerängens förskola', en: 'Åkerängen preschool' } },
  { value: 'sjovik', label: { sv: 'Sjöviks förskola', en: 'Sjövik preschool' } },
];
const preschoolCodes = preschools.map((option) => option.value);

/** Why the child needs preschool: decides how many hours the child has a right to (skollagen 8 kap. 4–7 §§). */
const reasons: FieldOption[] = [
  { value: 'work', label: { sv: 'Jag eller vi arbetar', en: 'I or we work' } },
  { value: 'study', label: { sv: 'Jag eller vi studerar', en: 'I or we study' } },
  { value: 'jobSeeking', label: { sv: 'Jag eller vi söker arbete', en: 'I or we are looking for work' } },
  {
    value: 'parentalLeave',
    label: {
      sv: 'Jag eller vi är föräldralediga med ett syskon',
      en: 'I or we are on parental leave with a sibling',
    },
  },
  {
    value: 'childNeed',
    label: { sv: 'Barnet behöver förskola av andra skäl', en: 'The child needs preschool for other reasons' },
  },
];

const form: FormDefinition = {
  schema: objectSchema(
    {
      childId: idProperty,
      preschools: {
        type: 'array',
        items: { type: 'string', enum: preschoolCodes },
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
      },
      startDate: dateProperty,
      reason: { type: 'string', enum: reasons.map((option) => option.value) },
      hoursPerWeek: { type: 'integer', minimum: 1, maximum: 60 },
      message: { type: 'string', maxLength: 1000 },
      email: emailProperty,
      phone: phoneProperty,
    },
    ['childId', 'preschools', 'startDate', 'reason', 'email'],
    { allOf: [requiredWhen('reason', ['work', 'study'], ['hoursPerWeek'])] },
  ),
  steps: [
    {
      id: 'child',
      title: { sv: 'Barnet', en: 'The child' },
      fields: [
        {
          name: 'childId',
          widget: 'radio',
          label: { sv: 'Vilket barn söker du plats för?', en: 'Which child are you applying for?' },
          help: {
            sv: 'Här visas de barn du är vårdnadshavare för enligt folkbokföringen. Barnet kan börja i förskola från ett års ålder.',
            en: 'These are the children you are a legal guardian of according to the population register. A child can start preschool from the age of one.',
          },
          prefill: 'child',
        },
      ],
    },
    {
      id: 'wishes',
      title: { sv: 'Förskola och start', en: 'Preschool and start' },
      fields: [
        {
          name: 'preschools',
          widget: 'rankedChoice',
          label: { sv: 'Vilka förskolor önskar du?', en: 'Which preschools would you like?' },
          help: {
            sv: 'Välj en till tre förskolor och sätt den du helst vill ha först. Vi försöker ge plats i den ordningen.',
            en: 'Choose one to three preschools, with the one you want most first. We try to offer a place in that order.',
          },
          options: preschools,
        },
        {
          name: 'startDate',
          widget: 'date',
          label: { sv: 'När ska barnet börja?', en: 'When should the child start?' },
          help: {
            sv: 'Vi erbjuder en plats senast fyra månader efter att du ansökt. Ansök därför minst fyra månader innan barnet ska börja.',
            en: 'We offer a place no later than four months after you apply. So apply at least four months before the child should start.',
          },
        },
        {
          name: 'reason',
          widget: 'radio',
          label: { sv: 'Varför behöver barnet förskola?', en: 'Why does the child need preschool?' },
          help: {
            sv: 'Om du söker arbete eller är föräldraledig har barnet rätt till förskola minst 15 timmar i veckan.',
            en: 'If you are looking for work or are on parental leave, the child has a right to preschool at least 15 hours a week.',
          },
          options: reasons,
        },
        {
          name: 'hoursPerWeek',
          widget: 'number',
          label: {
            sv: 'Hur många timmar i veckan behöver barnet vara där?',
            en: 'How many hours a week does the child need?',
          },
          help: {
            sv: 'Räkna med restiden till och från arbetet eller skolan.',
            en: 'Include the time it takes to travel to and from work or school.',
          },
          visibleWhen: { field: 'reason', in: ['work', 'study'] },
        },
        {
          name: 'message',
          widget: 'textarea',
          label: {
            sv: 'Vill du berätta något mer? (frivilligt)',
            en: 'Anything else you want to tell us? (optional)',
          },
          help: {
            sv: 'Skriv inte om barnets hälsa här. Om barnet behöver särskilt stöd ringer vi upp dig.',
            en: 'Do not write about the child’s health here. If the child needs special support, we will call you.',
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

/** Förskoleplats (BUN): a guardian applies for a preschool place for a child in their custody. */
export const forskoleplats: DemoServiceDefinition = {
  slug: 'forskoleplats',
  title: { sv: 'Ansök om plats i förskola', en: 'Apply for a preschool place' },
  description: {
    sv: 'Du som är vårdnadshavare kan söka plats i förskola för ditt barn från att barnet är ett år. Du väljer upp till tre förskolor. Vi vet redan vem barnet är och var ni bor, så det behöver du inte fylla i.',
    en: 'As a legal guardian, you can apply for a preschool place for your child from the age of one. You choose up to three preschools. We already know who the child is and where you live, so you do not need to fill that in.',
  },
  lifeSituations: ['childrenFamily', 'schoolEducation'],
  audience: 'loginRequired',
  responsibleUnitKey: 'forskola',
  form,
  caseType: {
    series: 'BUN',
    statusTypes: [
      { code: 'received', label: { sv: 'Mottagen', en: 'Received' }, shared: 'received' },
      {
        code: 'inQueue',
        label: { sv: 'I kö – vi söker en plats', en: 'In the queue – we are finding a place' },
        shared: 'in_progress',
      },
      { code: 'offerSent', label: { sv: 'Beslut skickat', en: 'Decision sent' }, shared: 'decided' },
      {
        code: 'waitingForAnswer',
        label: { sv: 'Väntar på ditt svar på erbjudandet', en: 'Waiting for your answer to the offer' },
        shared: 'waiting_for_you',
      },
      closedStatus,
    ],
    initialStatus: 'received',
    // Retention as in a common BUN records plan: placements are kept while the child may be at
    // preschool and two years more; a refusal, which may be tried in court, ten years.
    outcomeTypes: [
      {
        code: 'offered',
        label: {
          sv: 'Erbjudande om plats på en önskad förskola',
          en: 'Offer of a place at a preschool you chose',
        },
        archive: 'dispose',
        retentionYears: 7,
      },
      {
        code: 'offeredOther',
        label: {
          sv: 'Erbjudande om plats på en annan förskola',
          en: 'Offer of a place at another preschool',
        },
        archive: 'dispose',
        retentionYears: 7,
      },
      {
        code: 'rejected',
        label: { sv: 'Avslag', en: 'Refused' },
        archive: 'dispose',
        retentionYears: 10,
      },
    ],
    appealInformation: {
      sv: 'Du kan begära att förvaltningsrätten prövar om beslutet är lagligt (laglighetsprövning enligt kommunallagen 13 kap., skollagen 28 kap. 18 §). Domstolen kan upphäva beslutet men inte ändra det. Skicka ditt överklagande till Förvaltningsrätten i Göteborg. Det ska ha kommit fram inom tre veckor från den dag då det anslogs på kommunens anslagstavla att protokollet med beslutet justerats. Skriv vilket beslut du överklagar och varför du anser att det är fel.',
      en: 'You can ask the administrative court to review whether the decision is lawful (judicial review under chapter 13 of the Local Government Act, Education Act chapter 28 section 18). The court can set the decision aside but not change it. Send your appeal to the Administrative Court in Gothenburg. It must arrive within three weeks of the day the municipality’s notice board announced that the minutes with the decision were approved. Write which decision you appeal and why you think it is wrong.',
    },
  },
  process: {
    bpmnXml: readFileSync(new URL('./forskoleplats.bpmn', import.meta.url), 'utf8'),
    statusOnEnter: {
      placement: 'inQueue',
      decide: 'inQueue',
      notifyDecision: 'offerSent',
      awaitAnswer: 'waitingForAnswer',
    },
    userTasks: {
      placement: {
        kind: 'task',
        title: {
          sv: 'Placera i kö och matcha mot lediga platser',
          en: 'Queue and match against free places',
        },
        form: {
          // The same checklist for every application (C5): the queue date, the order of the
          // wishes and the admission rules' priorities.
          schema: objectSchema(
            {
              queueDateSet: { type: 'boolean', const: true },
              choicesInOrder: { type: 'boolean', const: true },
              priorityRulesApplied: { type: 'boolean', const: true },
              proposedPreschool: { type: 'string', enum: preschoolCodes },
              note: { type: 'string', maxLength: 1000 },
            },
            ['queueDateSet', 'choicesInOrder', 'priorityRulesApplied'],
          ),
          fields: [
            {
              name: 'queueDateSet',
              widget: 'checkbox',
              label: {
                sv: 'Ködatum är satt till den dag ansökan kom in',
                en: 'The queue date is the day the application arrived',
              },
            },
            {
              name: 'choicesInOrder',
              widget: 'checkbox',
              label: {
                sv: 'Önskemålen är prövade i den ordning vårdnadshavaren angav',
                en: 'The wishes were tried in the order the guardian gave',
              },
            },
            {
              name: 'priorityRulesApplied',
              widget: 'checkbox',
              label: {
                sv: 'Förtur enligt antagningsreglerna är prövad (syskon, särskilt stöd)',
                en: 'Priority under the admission rules was tried (siblings, special support)',
              },
            },
            {
              name: 'proposedPreschool',
              widget: 'select',
              label: { sv: 'Föreslagen förskola', en: 'Proposed preschool' },
              options: preschools,
            },
            { name: 'note', widget: 'textarea', label: { sv: 'Anteckning', en: 'Note' } },
          ],
        },
      },
      decide: {
        kind: 'decision',
        title: { sv: 'Besluta om erbjudande', en: 'Decide on an offer' },
      },
      awaitAnswer: {
        kind: 'task',
        title: { sv: 'Registrera svaret på erbjudandet', en: 'Record the answer to the offer' },
        form: {
          schema: objectSchema(
            {
              answer: { type: 'string', enum: ['accepted', 'declined', 'noAnswer'] },
              startDate: dateProperty,
            },
            ['answer'],
            { allOf: [requiredWhen('answer', ['accepted'], ['startDate'])] },
          ),
          fields: [
            {
              name: 'answer',
              widget: 'radio',
              label: { sv: 'Svar från vårdnadshavaren', en: 'The guardian’s answer' },
              options: [
                { value: 'accepted', label: { sv: 'Tackat ja', en: 'Accepted' } },
                { value: 'declined', label: { sv: 'Tackat nej', en: 'Declined' } },
                { value: 'noAnswer', label: { sv: 'Inget svar inom svarstiden', en: 'No answer in time' } },
              ],
            },
            {
              name: 'startDate',
              widget: 'date',
              label: { sv: 'Första dagen på förskolan', en: 'First day at preschool' },
              visibleWhen: { field: 'answer', in: ['accepted'] },
            },
          ],
        },
      },
    },
  },
  promise: {
    // Skollagen 8 kap. 14 §: a place within four months of the application. Four months are
    // about 17 weeks, 85 working days; 80 leaves room for public holidays in the period.
    decisionWithinWorkingDays: 80,
    text: {
      sv: 'Du får ett erbjudande om plats inom fyra månader från den dag du ansökte. Det är kommunens skyldighet enligt skollagen (8 kap. 14 §). Vi räknar det som 80 arbetsdagar. Ska barnet börja senare än så, gäller erbjudandet från det datum du valt.',
      en: 'You get an offer of a place within four months of the day you applied. The Education Act requires this of the municipality (chapter 8 section 14). We count it as 80 working days. If the child is to start later than that, the offer applies from the date you chose.',
    },
  },
};
