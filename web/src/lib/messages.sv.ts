/**
 * All Swedish UI text. Swedish is the default language and the source of the `Messages` type:
 * the English dictionary must have exactly the same keys. Write plain Swedish (klarspråk): short
 * sentences, "du", no officialese.
 */
export const sv = {
  meta: {
    municipality: 'Mölnåls stad',
    serviceName: 'E-tjänster',
    pageTitle: (page: string) => `${page} – Mölnåls stad`,
  },
  language: {
    /** This language's own name, shown on the button that switches to it. */
    name: 'Svenska',
  },
  shell: {
    skipLink: 'Hoppa till huvudinnehållet',
    mainNav: 'Huvudmeny',
    textSize: 'Textstorlek',
    textSmaller: 'Mindre text',
    textLarger: 'Större text',
    textReset: 'Återställ',
    textSizeNow: (percent: number) => `Textstorlek: ${percent} %`,
    loggedInAs: 'Inloggad som',
    logout: 'Logga ut',
    loggingOut: 'Loggar ut …',
    footerAbout: 'Mölnåls stads e-tjänster är byggda på Kärna, en öppen plattform för kommuner.',
    footerNav: 'Om webbplatsen',
    accessibility: 'Tillgänglighetsredogörelse',
  },
  nav: {
    start: 'Start',
    myPages: 'Mina sidor',
    workspace: 'Min startsida',
    admin: 'Administration',
  },
  common: {
    loading: 'Laddar …',
    retry: 'Försök igen',
    toStart: 'Till startsidan',
    errorReference: (id: string) => `Ange felkod ${id} om du kontaktar oss.`,
    networkError: 'Vi får ingen kontakt med tjänsten. Kontrollera din internetanslutning och försök igen.',
    unexpectedResponse: 'Tjänsten svarade på ett sätt vi inte väntade oss. Försök igen om en stund.',
  },
  auth: {
    loginCitizen: 'Logga in med e-legitimation',
    loginStaff: 'Logga in som medarbetare',
    loginRequired: 'Du behöver logga in för att se den här sidan.',
    forbidden: 'Du har inte behörighet att se den här sidan.',
    forbiddenHelp: 'Om du tror att det är fel kan du kontakta din administratör.',
  },
  start: {
    title: 'Mölnåls stads e-tjänster',
    intro:
      'Här kan du ansöka om stöd och tillstånd, följa dina ärenden och få svar från kommunen. Allt på ett ställe, när det passar dig.',
    citizenHeading: 'För dig som bor eller verkar i Mölnål',
    citizenText: 'Logga in med e-legitimation, till exempel BankID eller Freja+, för att se dina ärenden.',
    staffHeading: 'För medarbetare',
    staffText: 'Arbetar du i Mölnåls stad? Logga in med ditt jobbkonto.',
    loggedOut: 'Du är utloggad. Välkommen tillbaka!',
    loginError: {
      login_cancelled: 'Du avbröt inloggningen. Du kan försöka igen när du vill.',
      login_expired: 'Inloggningen tog för lång tid. Börja om.',
      assurance_too_low:
        'Din e-legitimation räcker inte för våra e-tjänster. Använd BankID eller Freja+ och försök igen.',
      identity_provider_unavailable: 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
      other: 'Inloggningen misslyckades. Försök igen.',
    },
    loggedInHeading: 'Du är inloggad',
    loggedInText: 'Gå vidare till:',
    noAreas: 'Du har inte tillgång till någon del av tjänsten ännu.',
  },
  myPages: {
    title: 'Mina sidor',
    welcome: (name: string) => `Välkommen, ${name}`,
    detailsHeading: 'Dina uppgifter',
    name: 'Namn',
    personalNumber: 'Personnummer',
    casesHeading: 'Mina ärenden',
    noCases: 'Du har inga ärenden än.',
    messagesHeading: 'Meddelanden',
    noMessages: 'Du har inga meddelanden.',
  },
  workspace: {
    title: 'Min startsida',
    greeting: (name: string) => `Hej, ${name}!`,
    rolesHeading: 'Mina behörigheter',
    roleAtUnit: (role: string, unit: string) => `${role}, ${unit}`,
    noRoles: 'Du har inga behörigheter ännu. Kontakta din administratör.',
    tasksHeading: 'Mina uppgifter',
    noTasks: 'Du har inga uppgifter just nu',
    taskTitle: 'Uppgift',
    taskUnit: 'Enhet',
    taskStatus: 'Status',
    taskDue: 'Klar senast',
    noDueDate: 'Inget datum',
  },
  admin: {
    title: 'Administration',
    usersHeading: 'Medarbetare och behörigheter',
    usersIntro: 'Här ser du alla medarbetare och vilka behörigheter de har i vilken del av organisationen.',
    noUsers: 'Det finns inga medarbetare än.',
    email: 'E-post',
    noEmail: 'Ingen e-postadress',
    rolesOf: (name: string) => `Behörigheter för ${name}`,
    userHasNoRoles: 'Inga behörigheter',
    addRole: 'Lägg till behörighet',
    addRoleFor: (name: string) => `Lägg till behörighet för ${name}`,
    role: 'Roll',
    orgUnit: 'Organisationsenhet',
    orgUnitHelp: 'Behörigheten gäller enheten och allt under den.',
    choose: 'Välj',
    save: 'Lägg till',
    saving: 'Sparar …',
    cancel: 'Avbryt',
    revoke: 'Ta bort',
    revokeLabel: (role: string, unit: string, name: string) => `Ta bort ${role}, ${unit}, för ${name}`,
    roleRequired: 'Välj en roll.',
    orgUnitRequired: 'Välj en organisationsenhet.',
    granted: (role: string, unit: string, name: string) => `${name} har fått behörigheten ${role}, ${unit}.`,
    revoked: (role: string, unit: string, name: string) =>
      `Behörigheten ${role}, ${unit}, har tagits bort för ${name}.`,
    orgHeading: 'Organisation',
    noOrgUnits: 'Det finns inga organisationsenheter än.',
  },
  roles: {
    caseOfficer: 'Handläggare',
    registrar: 'Registrator',
    systemOwner: 'Systemägare',
    itDepartment: 'IT-avdelningen',
    administrator: 'Administratör',
  },
  orgUnitKinds: {
    municipality: 'Kommun',
    board: 'Nämnd',
    department: 'Förvaltning',
    unit: 'Enhet',
    company: 'Bolag',
  },
  taskStatuses: {
    open: 'Ny',
    in_progress: 'Pågår',
    done: 'Klar',
  },
  notFound: {
    title: 'Sidan finns inte',
    text: 'Sidan du letar efter finns inte, eller så har den flyttats. Kontrollera adressen eller gå till startsidan.',
  },
  routeError: {
    title: 'Något gick fel',
    text: 'Sidan kunde inte visas. Ladda om sidan eller försök igen om en stund.',
  },
  accessibilityStatement: {
    title: 'Tillgänglighetsredogörelse',
    intro:
      'Mölnåls stad står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service.',
    goalHeading: 'Så tillgänglig är webbplatsen',
    goal: 'Webbplatsen är byggd för att uppfylla WCAG 2.1 på nivå AA. Du kan använda den med tangentbord och skärmläsare, ändra textstorleken och byta språk till engelska.',
    contactHeading: 'Om något inte fungerar',
    contact:
      'Om du stöter på problem eller behöver innehåll i ett annat format kan du kontakta kommunens kontaktcenter.',
    supervisionHeading: 'Tillsyn',
    supervision:
      'Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn av lagen. Du kan anmäla brister till Digg om du inte är nöjd med hur vi hanterar dina synpunkter.',
  },
};

export type Messages = typeof sv;
