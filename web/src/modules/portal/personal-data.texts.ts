import type { Language } from '../../lib/i18n.tsx';

/**
 * The information the GDPR (article 13) says a person gets when we collect their data: who is
 * responsible, the data protection officer, purposes and legal bases, recipients, retention and
 * rights. DEMO TEXT for the demo municipality: it describes what Kärna does (the log, the session),
 * but a municipality must have its own lawyers and data protection officer review and adapt it.
 */
const sv = {
  title: 'Så behandlar vi dina personuppgifter',
  intro:
    'När du använder Mölnåls stads e-tjänster behandlar vi personuppgifter om dig. Här berättar vi vilka uppgifter det är, varför vi behöver dem, vem som får se dem, hur länge vi sparar dem och vilka rättigheter du har.',
  controllerHeading: 'Vem ansvarar för dina uppgifter?',
  controller:
    'Personuppgiftsansvarig är den nämnd i Mölnåls stad som ansvarar för det du gör i e-tjänsterna. Byggnadsnämnden ansvarar till exempel för ansökningar om bygglov, och Socialnämnden för ansökningar om försörjningsstöd. Kommunstyrelsen ansvarar för själva e-tjänsterna: inloggningen, Mina sidor och loggen över vem som har tagit del av uppgifter.',
  controllerContact: 'Du når alla nämnder genom kommunens kontaktcenter:',
  dpoHeading: 'Dataskyddsombud',
  dpo: 'Kommunens dataskyddsombud kontrollerar att nämnderna följer reglerna för personuppgifter. Du kan kontakta dataskyddsombudet om du har frågor om hur vi behandlar dina uppgifter.',
  dpoPostal: 'Dataskyddsombudet',
  dataHeading: 'Vilka uppgifter behandlar vi?',
  data: [
    'Ditt personnummer och ditt namn. Dem får vi från din e-legitimation när du loggar in.',
    'Det du själv skriver eller skickar in, till exempel i en ansökan eller ett meddelande.',
    'Uppgifter om dina ärenden: vad de gäller, vad som har hänt i dem och vilka beslut som har fattats.',
    'En logg över inloggningar och över vem som har läst eller ändrat uppgifter om dig: vad som gjordes, av vem, när, och från vilken IP-adress och webbläsare. I loggen står inte ditt personnummer i klartext.',
    'Uppgifter om din inloggning medan den pågår: när du loggade in, din IP-adress och vilken webbläsare du använder.',
    'Om du arbetar i kommunen: ditt namn, din e-postadress och dina behörigheter, från kommunens katalog.',
  ],
  purposesHeading: 'Varför behandlar vi uppgifterna, och med vilket stöd?',
  purposes: [
    {
      purpose: 'För att handlägga dina ärenden och fatta beslut.',
      basis:
        'Stöd: myndighetsutövning, eller en uppgift av allmänt intresse när det gäller service och rådgivning (dataskyddsförordningen artikel 6.1 e).',
    },
    {
      purpose: 'För att veta att det är du som är inloggad, och bara visa dig dina egna ärenden.',
      basis: 'Stöd: uppgift av allmänt intresse och myndighetsutövning (artikel 6.1 e).',
    },
    {
      purpose: 'För att registrera och arkivera allmänna handlingar.',
      basis:
        'Stöd: rättslig förpliktelse enligt offentlighets- och sekretesslagen och arkivlagen (artikel 6.1 c).',
    },
    {
      purpose:
        'För att föra logg över vem som tar del av dina uppgifter, så att vi kan upptäcka och utreda obehörig åtkomst.',
      basis: 'Stöd: rättslig förpliktelse att skydda uppgifterna (artikel 6.1 c och artikel 32).',
    },
  ],
  requirement:
    'Du behöver inte lämna uppgifter till oss. Men utan ditt personnummer kan vi inte visa dina ärenden eller ta emot en ansökan i e-tjänsterna. Du kan då kontakta oss på annat sätt.',
  automated: 'Vi fattar inga beslut om dig enbart automatiskt.',
  recipientsHeading: 'Vem får ta del av uppgifterna?',
  recipients: [
    'Medarbetare i kommunen som behöver uppgifterna för att arbeta med ditt ärende. Vad var och en får se styrs av deras behörigheter, och det loggas när de läser uppgifterna.',
    'Företag som sköter it-tjänster åt oss (personuppgiftsbiträden). De får bara använda uppgifterna för vår räkning, enligt avtal med oss.',
    'Andra myndigheter, när en lag säger att vi ska lämna uppgifterna, till exempel Skatteverket eller Försäkringskassan.',
    'Den som begär att få ta del av en allmän handling. Innan vi lämnar ut något prövar vi om uppgifterna omfattas av sekretess.',
  ],
  transfer: 'Vi behandlar uppgifterna inom EU och EES.',
  retentionHeading: 'Hur länge sparar vi uppgifterna?',
  retention: [
    'Handlingar i dina ärenden är allmänna handlingar. Vi sparar dem så länge som nämndens dokumenthanteringsplan säger. Vissa handlingar ska enligt arkivlagen sparas för alltid, andra gallras (tas bort) efter en viss tid.',
    'Loggen över inloggningar och över vem som har tagit del av dina uppgifter sparas enligt samma plan.',
    'Uppgifterna om din pågående inloggning tas bort när du loggar ut eller loggas ut automatiskt.',
  ],
  rightsHeading: 'Dina rättigheter',
  rightsIntro: 'Du har rätt att:',
  rights: [
    'få veta vilka uppgifter vi har om dig, genom ett registerutdrag. Det är gratis.',
    'få felaktiga uppgifter rättade.',
    'få uppgifter raderade i vissa fall. Uppgifter i allmänna handlingar får vi ofta inte radera, eftersom lagen säger att vi ska spara dem.',
    'begära att vi begränsar behandlingen, till exempel medan vi utreder om en uppgift är rätt.',
    'invända mot att vi behandlar dina uppgifter. Då måste nämnden visa att den har tungt vägande skäl för att fortsätta.',
  ],
  rightsHow:
    'Kontakta kontaktcentret eller dataskyddsombudet om du vill använda någon av dina rättigheter. Vi svarar inom en månad.',
  complaintHeading: 'Om du vill klaga',
  complaint:
    'Om du tycker att vi behandlar dina personuppgifter på fel sätt kan du klaga hos Integritetsskyddsmyndigheten (IMY). IMY har tillsyn över hur personuppgifter behandlas.',
  complaintLink: 'Integritetsskyddsmyndighetens webbplats',
  updatedOn: 'Sidan uppdaterades senast den',
  date: '23 november 2026',
};

export type PersonalDataTexts = typeof sv;

const en: PersonalDataTexts = {
  title: 'How we process your personal data',
  intro:
    'When you use the City of Mölnål e-services, we process personal data about you. This page tells you which data it is, why we need it, who may see it, how long we keep it and what rights you have.',
  controllerHeading: 'Who is responsible for your data?',
  controller:
    'The controller is the committee of the City of Mölnål that is responsible for what you do in the e-services. For example, the Building Committee is responsible for applications for building permits, and the Social Welfare Committee for applications for financial assistance. The Municipal Executive Board is responsible for the e-services themselves: the login, My pages and the log of who has accessed data.',
  controllerContact: 'You can reach every committee through the municipality’s contact centre:',
  dpoHeading: 'Data protection officer',
  dpo: 'The municipality’s data protection officer checks that the committees follow the rules for personal data. You can contact the data protection officer if you have questions about how we process your data.',
  dpoPostal: 'The data protection officer',
  dataHeading: 'Which data do we process?',
  data: [
    'Your personal identity number and your name. We get them from your e-ID when you log in.',
    'What you write or send in yourself, for example in an application or a message.',
    'Data about your cases: what they are about, what has happened in them and which decisions have been made.',
    'A log of logins and of who has read or changed data about you: what was done, by whom, when, and from which IP address and browser. The log does not contain your personal identity number in plain text.',
    'Data about your login while it lasts: when you logged in, your IP address and which browser you use.',
    'If you work for the municipality: your name, your email address and your permissions, from the municipality’s directory.',
  ],
  purposesHeading: 'Why do we process the data, and on what legal basis?',
  purposes: [
    {
      purpose: 'To handle your cases and make decisions.',
      basis:
        'Legal basis: exercise of official authority, or a task in the public interest for service and advice (GDPR article 6(1)(e)).',
    },
    {
      purpose: 'To know that it is you who is logged in, and to show you only your own cases.',
      basis:
        'Legal basis: a task in the public interest and exercise of official authority (article 6(1)(e)).',
    },
    {
      purpose: 'To register and archive official documents.',
      basis:
        'Legal basis: legal obligation under the Public Access to Information and Secrecy Act and the Archives Act (article 6(1)(c)).',
    },
    {
      purpose: 'To log who accesses your data, so that we can detect and investigate unauthorised access.',
      basis: 'Legal basis: the legal obligation to protect the data (articles 6(1)(c) and 32).',
    },
  ],
  requirement:
    'You do not have to give us any data. But without your personal identity number we cannot show your cases or receive an application in the e-services. You can then contact us in another way.',
  automated: 'We make no decisions about you by automated means alone.',
  recipientsHeading: 'Who may access the data?',
  recipients: [
    'Employees of the municipality who need the data to work on your case. What each of them may see depends on their permissions, and their reading is logged.',
    'Companies that run IT services for us (processors). They may use the data only on our behalf, under an agreement with us.',
    'Other authorities, when a law says we must give them the data, for example the Swedish Tax Agency or the Social Insurance Agency.',
    'Anyone who asks to see an official document. Before we release anything, we check whether the data is confidential.',
  ],
  transfer: 'We process the data within the EU and the EEA.',
  retentionHeading: 'How long do we keep the data?',
  retention: [
    'Documents in your cases are official documents. We keep them as long as the committee’s records management plan says. Under the Archives Act some documents must be kept for ever; others are disposed of (deleted) after a certain time.',
    'The log of logins and of who has accessed your data is kept according to the same plan.',
    'The data about your current login is deleted when you log out or are logged out automatically.',
  ],
  rightsHeading: 'Your rights',
  rightsIntro: 'You have the right to:',
  rights: [
    'know which data we hold about you, through a copy of your data (registerutdrag). It is free.',
    'have incorrect data corrected.',
    'have data erased in some cases. We often may not erase data in official documents, because the law says we must keep them.',
    'ask us to restrict the processing, for example while we check whether some data is correct.',
    'object to our processing of your data. The committee must then show compelling grounds to continue.',
  ],
  rightsHow:
    'Contact the contact centre or the data protection officer if you want to use any of your rights. We reply within one month.',
  complaintHeading: 'If you want to complain',
  complaint:
    'If you think we process your personal data wrongly, you can complain to the Swedish Authority for Privacy Protection (IMY), which supervises how personal data is processed.',
  complaintLink: 'The Swedish Authority for Privacy Protection’s website',
  updatedOn: 'This page was last updated on',
  date: '23 November 2026',
};

/** The page in each UI language. */
export const personalDataTexts: Record<Language, PersonalDataTexts> = { sv, en };

/** When the text was last updated, for `<time dateTime>`. */
export const personalDataDate = '2026-11-23';
