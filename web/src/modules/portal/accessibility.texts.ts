import type { Language } from '../../lib/i18n.tsx';

/**
 * The accessibility statement, following the structure of DIGG's template (the Swedish DOS act,
 * DIGG's regulations MDFFS 2019:2). Keep it true: when a known problem is fixed or found, change the
 * list and the dates. The dates are those of the latest self-assessment and of this text.
 */
const sv = {
  title: 'Tillgänglighet för Mölnåls stads e-tjänster',
  intro:
    'Mölnåls stad står bakom de här e-tjänsterna. Vi vill att så många som möjligt ska kunna använda dem. Här beskriver vi hur e-tjänsterna uppfyller lagen om tillgänglighet till digital offentlig service, vilka tillgänglighetsproblem vi känner till och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
  howAccessibleHeading: 'Hur tillgängliga är e-tjänsterna?',
  howAccessible:
    'Vi vet att delar av e-tjänsterna inte är helt tillgängliga. De brister vi känner till står under rubriken Innehåll som inte är tillgängligt.',
  whatWorksIntro: 'Det här ska fungera:',
  whatWorks: [
    'Du kan använda allt med bara tangentbordet, och du ser var du är.',
    'E-tjänsterna är byggda för att fungera med skärmläsare, men vi har ännu inte testat det ordentligt (se nedan).',
    'Du kan göra texten upp till dubbelt så stor med knappen Större text, eller med webbläsarens zoom.',
    'Du kan använda e-tjänsterna på en smal skärm, till exempel en mobil, utan att behöva rulla i sidled.',
    'Du kan byta språk mellan svenska och engelska.',
    'Innan du loggas ut automatiskt får du en varning, och du kan välja att fortsätta vara inloggad.',
  ],
  alternativesHeading: 'Vad kan du göra om du inte kan använda delar av e-tjänsterna?',
  alternatives:
    'Om du inte kan använda något i e-tjänsterna kan du kontakta vårt kontaktcenter. Då hjälper vi dig att få innehållet eller göra ärendet på ett annat sätt, till exempel per telefon eller på papper.',
  responseTime: 'Vi svarar normalt inom två arbetsdagar.',
  reportHeading: 'Rapportera brister i e-tjänsternas tillgänglighet',
  report:
    'Vi försöker hela tiden göra e-tjänsterna mer tillgängliga. Om du hittar ett problem som inte står på den här sidan, eller om du tycker att vi inte uppfyller lagens krav, vill vi gärna veta det.',
  reportLink: 'Skriv till oss om brister i tillgängligheten',
  reportSubject: 'Tillgänglighet i e-tjänsterna',
  reportPhone: 'Du kan också ringa kontaktcentret:',
  supervisionHeading: 'Kontakta tillsynsmyndigheten',
  supervision:
    'Myndigheten för digital förvaltning (Digg) har ansvar för tillsynen över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
  supervisionLink: 'Anmäl bristande tillgänglighet till Digg',
  technicalHeading: 'Teknisk information om e-tjänsternas tillgänglighet',
  compliance:
    'E-tjänsterna är delvis förenliga med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
  notAccessibleHeading: 'Innehåll som inte är tillgängligt',
  notAccessibleIntro: 'Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.',
  problems: [
    {
      title: 'Testinloggningen i demo- och testläget',
      text: 'När e-tjänsterna körs som demo eller i test loggar du in på en testsida i stället för med riktig e-legitimation. Testsidan finns bara på svenska, följer inte ditt val av språk eller textstorlek, och på en smal skärm kan långa namn och e-postadresser i listan brytas mitt i ett ord. Testsidan finns inte i den riktiga tjänsten.',
    },
    {
      title: 'Långa ord med mycket stor text på smal skärm',
      text: 'Vi låter webbläsaren avstava långa svenska ord, som Stadsbyggnadsförvaltningen. En webbläsare som inte kan avstava svenska kan visa ett sådant ord bredare än skärmen om texten är förstorad till dubbel storlek på en skärm som bara är 320 pixlar bred. Det gäller till exempel vissa Linux-versioner av Chromium. Det går längre än lagens krav, men vi vill att du ska veta det.',
    },
    {
      title: 'Tabellen med uppgifter',
      text: 'På en smal skärm får tabellen med uppgifter inte plats på bredden. Den rullar då i sidled inuti sin egen ruta, som du kan nå med tangentbordet. Resten av sidan rullar inte i sidled.',
    },
    {
      title: 'Inte testat med skärmläsare',
      text: 'Vi har ännu inte testat e-tjänsterna systematiskt med skärmläsare, och ingen utomstående har granskat dem. Det kan därför finnas brister som vi inte känner till.',
    },
  ],
  documentsHeading: 'Dokument',
  documents:
    'Det finns ännu inga PDF-dokument eller andra filer i e-tjänsterna. När beslut och andra handlingar börjar skickas som filer granskar vi dem och beskriver dem här.',
  outOfScopeHeading: 'Innehåll som inte omfattas av lagkraven',
  outOfScope:
    'E-legitimationerna (till exempel BankID och Freja eID) är tjänster från andra företag. Deras inloggningssidor och appar ansvarar de själva för.',
  testedHeading: 'Hur vi testat e-tjänsterna',
  tested: 'Vi har gjort en självskattning (intern testning) av e-tjänsterna:',
  testMethods: [
    'Automatiska tester med verktyget axe-core på varje sida som våra testresor besöker, både på en bred skärm och på en skärm som är 320 pixlar bred. Testerna körs varje gång koden ändras.',
    'Automatiska kontroller av att ingen text hamnar utanför sin plats, på en skärm som är 320 pixlar bred och med dubbel textstorlek på en bred skärm.',
    'Manuella kontroller med tangentbordet: att allt går att nå och använda i en rimlig ordning och att det syns var fokus är.',
  ],
  testedLimits: 'Automatiska tester hittar bara en del av alla tillgänglighetsproblem.',
  assessedOn: 'Senaste bedömningen gjordes den',
  updatedOn: 'Redogörelsen uppdaterades senast den',
  date: '23 november 2026',
};

export type AccessibilityTexts = typeof sv;

const en: AccessibilityTexts = {
  title: 'Accessibility of the City of Mölnål e-services',
  intro:
    'The City of Mölnål is responsible for these e-services. We want as many people as possible to be able to use them. This page describes how the e-services meet the Swedish act on accessibility of digital public services, the accessibility problems we know of, and how you can report problems to us so that we can fix them.',
  howAccessibleHeading: 'How accessible are the e-services?',
  howAccessible:
    'We know that parts of the e-services are not fully accessible. The problems we know of are listed under Content that is not accessible.',
  whatWorksIntro: 'This should work:',
  whatWorks: [
    'You can use everything with the keyboard alone, and you can see where you are.',
    'The e-services are built to work with screen readers, but we have not yet tested this properly (see below).',
    'You can make the text up to twice as large with the Larger text button, or with the browser’s zoom.',
    'You can use the e-services on a narrow screen, such as a phone, without scrolling sideways.',
    'You can switch the language between Swedish and English.',
    'Before you are logged out automatically you get a warning, and you can choose to stay logged in.',
  ],
  alternativesHeading: 'What can you do if you cannot use parts of the e-services?',
  alternatives:
    'If you cannot use something in the e-services, contact our contact centre. We will help you get the content or do your errand in another way, for example by phone or on paper.',
  responseTime: 'We normally reply within two working days.',
  reportHeading: 'Report accessibility problems',
  report:
    'We keep working to make the e-services more accessible. If you find a problem that is not described on this page, or if you think we do not meet the requirements of the law, please let us know.',
  reportLink: 'Write to us about accessibility problems',
  reportSubject: 'Accessibility of the e-services',
  reportPhone: 'You can also call the contact centre:',
  supervisionHeading: 'Contact the supervisory authority',
  supervision:
    'The Agency for Digital Government (Digg) supervises the act on accessibility of digital public services. If you are not satisfied with how we handle your feedback, you can contact Digg and tell them.',
  supervisionLink: 'Report inadequate accessibility to Digg (in Swedish)',
  technicalHeading: 'Technical information about the accessibility of the e-services',
  compliance:
    'The e-services are partially compliant with the act on accessibility of digital public services, because of the problems described below.',
  notAccessibleHeading: 'Content that is not accessible',
  notAccessibleIntro: 'The content described below is not fully accessible in one way or another.',
  problems: [
    {
      title: 'The test login in demo and test mode',
      text: 'When the e-services run as a demo or in testing, you log in on a test page instead of with a real e-ID. The test page is in Swedish only, does not follow your choice of language or text size, and on a narrow screen long names and email addresses in its list may break in the middle of a word. The test page does not exist in the real service.',
    },
    {
      title: 'Long words with very large text on a narrow screen',
      text: 'We let the browser hyphenate long Swedish words, such as Stadsbyggnadsförvaltningen. A browser that cannot hyphenate Swedish may show such a word wider than the screen when the text is enlarged to twice its size on a screen only 320 pixels wide. This is the case with some Linux builds of Chromium. This goes beyond what the law requires, but we want you to know.',
    },
    {
      title: 'The table of tasks',
      text: 'On a narrow screen the table of tasks does not fit the width. It then scrolls sideways inside its own box, which you can reach with the keyboard. The rest of the page does not scroll sideways.',
    },
    {
      title: 'Not tested with screen readers',
      text: 'We have not yet tested the e-services systematically with screen readers, and nobody outside has reviewed them. There may be problems we do not know of.',
    },
  ],
  documentsHeading: 'Documents',
  documents:
    'There are no PDF documents or other files in the e-services yet. When decisions and other documents start being sent as files, we will review them and describe them here.',
  outOfScopeHeading: 'Content not covered by the law',
  outOfScope:
    'The e-IDs (such as BankID and Freja eID) are services from other companies. They are responsible for their own login pages and apps.',
  testedHeading: 'How we tested the e-services',
  tested: 'We have made a self-assessment (internal testing) of the e-services:',
  testMethods: [
    'Automated tests with the axe-core tool on every page our test journeys visit, on both a wide screen and a screen 320 pixels wide. The tests run every time the code changes.',
    'Automated checks that no text ends up outside its place, on a screen 320 pixels wide and with text at twice its size on a wide screen.',
    'Manual checks with the keyboard: that everything can be reached and used in a sensible order and that you can see where the focus is.',
  ],
  testedLimits: 'Automated tests find only some of all accessibility problems.',
  assessedOn: 'The latest assessment was made on',
  updatedOn: 'This statement was last updated on',
  date: '23 November 2026',
};

/** The statement in each UI language. */
export const accessibilityTexts: Record<Language, AccessibilityTexts> = { sv, en };

/** The date of the latest assessment and of this statement, for `<time dateTime>`. */
export const statementDate = '2026-11-23';
