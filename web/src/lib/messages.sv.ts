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
  },
  footer: {
    contactHeading: 'Kontakta Mölnåls stad',
    contactCentre: 'Kontaktcenter',
    phone: 'Telefon',
    email: 'E-post',
    openingHours: 'Öppettider',
    openingHoursText: 'Måndag–torsdag 8–17, fredag 8–16',
    visitingAddress: 'Besöksadress',
    postalAddress: 'Postadress',
    aboutHeading: 'Om webbplatsen',
    about: 'Mölnåls stads e-tjänster är byggda på Kärna, en öppen plattform för kommuner.',
    accessibility: 'Tillgänglighetsredogörelse',
    personalData: 'Så behandlar vi personuppgifter',
  },
  session: {
    warningTitle: 'Du loggas snart ut',
    warningText:
      'Du har inte använt e-tjänsterna på en stund. För att skydda dina uppgifter loggar vi ut dig automatiskt. Det du inte har sparat försvinner då.',
    timeLeft: (duration: string) => `Du loggas ut om ${duration}.`,
    timeLeftAnnouncement: (duration: string) => `${duration} kvar tills du loggas ut.`,
    duration: (minutes: number, seconds: number) => {
      const m = `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`;
      const s = `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`;
      if (minutes === 0) return s;
      return seconds === 0 ? m : `${m} och ${s}`;
    },
    stayLoggedIn: 'Fortsätt vara inloggad',
    stillLoggedIn: 'Du är fortfarande inloggad.',
    finalText:
      'Du har varit inloggad så länge som det går i ett sträck, så tiden kan inte förlängas mer. Spara det du arbetar med och logga in igen för att fortsätta.',
    loginAgain: 'Logga in igen',
    close: 'Stäng',
    endedTitle: 'Du har loggats ut',
    ended: {
      idle: 'Du har loggats ut eftersom du inte har använt e-tjänsterna på en stund. Det gör vi för att skydda dina uppgifter. Logga in igen för att fortsätta där du var.',
      limit:
        'Du har loggats ut eftersom du hade varit inloggad så länge som det går i ett sträck. Logga in igen för att fortsätta där du var.',
      ended: 'Du är inte längre inloggad. Logga in igen för att fortsätta där du var.',
    },
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
      login_cancelled: 'Du avbröt inloggningen. Du kan logga in igen när du vill.',
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
    usersIntro:
      'Här ser du medarbetarna i de delar av organisationen som du får administrera, och vilka behörigheter de har.',
    noUsers: 'Det finns inga medarbetare än.',
    email: 'E-post',
    noEmail: 'Ingen e-postadress',
    rolesOf: (name: string) => `Behörigheter för ${name}`,
    userHasNoRoles: 'Inga behörigheter',
    addRole: 'Lägg till behörighet',
    addRoleFor: (name: string) => `Lägg till behörighet för ${name}`,
    role: 'Roll',
    orgUnit: 'Organisationsenhet',
    orgUnitHelp: 'Skriv en del av namnet för att söka. Behörigheten gäller enheten och allt under den.',
    noUnitsFound: 'Ingen enhet matchar det du skrev.',
    partOf: 'Ingår i',
    choose: 'Välj',
    save: 'Lägg till',
    saving: 'Sparar …',
    cancel: 'Avbryt',
    revoke: 'Ta bort',
    revokeLabel: (role: string, unit: string, name: string) => `Ta bort ${role}, ${unit}, för ${name}`,
    roleRequired: 'Välj en roll.',
    orgUnitRequired: 'Välj en organisationsenhet i listan.',
    errorSummaryTitle: 'Det finns fel som du behöver rätta',
    revokeQuestion: (role: string, unit: string, name: string) =>
      `Ta bort rollen ${role} för ${unit} från ${name}?`,
    revokeConsequence: (name: string, unit: string) =>
      `${name} förlorar då behörigheten i ${unit} och i enheterna under den. Du kan lägga till den igen senare.`,
    revokeConfirm: 'Ta bort rollen',
    revoking: 'Tar bort …',
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
  /** One line on what each role is for, shown where a role is chosen and in the list. */
  roleDescriptions: {
    caseOfficer: 'Handlägger ärenden och ser uppgifterna i enheten och enheterna under den.',
    registrar: 'Tar emot och registrerar handlingar och fördelar ärenden till rätt handläggare.',
    systemOwner: 'Ansvarar för att e-tjänsterna i sin del av organisationen fungerar och utvecklas.',
    itDepartment: 'Sköter tekniken och kan se medarbetare och deras behörigheter, men inte ändra dem.',
    administrator: 'Ger och tar bort behörigheter, skapar API-nycklar för integrationer och kan läsa loggen.',
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
};

export type Messages = typeof sv;
