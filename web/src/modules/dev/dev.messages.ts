/** The development pages' texts in Swedish (the source of the type) and English. */
export const devSv = {
  caughtMails: {
    title: 'E-post som fångats',
    developmentOnly:
      'Den här sidan finns bara när Kärna körs för utveckling eller test. Då skickas ingen e-post på riktigt: en lokal e-postserver fångar breven och de visas här. I drift finns inte sidan.',
    kept: 'De 50 senaste breven visas, nyast först. De finns bara i serverns minne och försvinner när servern startas om.',
    sendYourOwn: 'Du kan också skicka ett eget brev hit med SMTP till',
    refresh: 'Uppdatera listan',
    refreshed: (count: number, time: string) =>
      `Listan uppdaterades ${time}. ${count === 1 ? '1 brev' : `${count} brev`}.`,
    listHeading: 'Fångade brev',
    empty:
      'Inga brev har fångats ännu. Breven hamnar här när Kärna skickar e-post, till exempel när en invånare får besked om ett ärende. Tryck på Uppdatera listan när du har gjort något som skickar e-post.',
    noSubject: '(Inget ämne)',
    from: 'Från',
    to: 'Till',
    receivedAt: 'Mottaget',
    noText: '(Ingen text)',
    noCatcher:
      'Här finns ingen e-postfångare. Den körs bara i utveckling och test när ingen e-postserver är inställd (SMTP_URL). På den här servern skickas e-posten på riktigt, eller inte alls.',
  },
};

export type DevMessages = typeof devSv;

export const devEn: DevMessages = {
  caughtMails: {
    title: 'Caught mail',
    developmentOnly:
      'This page exists only when Kärna runs for development or tests. No real e-mail is sent then: a local mail server catches the mails and they are shown here. In production this page does not exist.',
    kept: 'The latest 50 mails are shown, newest first. They are kept only in the server’s memory and are gone when the server restarts.',
    sendYourOwn: 'You can also send a mail of your own here over SMTP to',
    refresh: 'Refresh the list',
    refreshed: (count: number, time: string) =>
      `The list was refreshed at ${time}. ${count === 1 ? '1 mail' : `${count} mails`}.`,
    listHeading: 'Caught mails',
    empty:
      'No mail has been caught yet. Mails end up here when Kärna sends e-mail, for example when a resident is told about a case. Press Refresh the list once you have done something that sends e-mail.',
    noSubject: '(No subject)',
    from: 'From',
    to: 'To',
    receivedAt: 'Received',
    noText: '(No text)',
    noCatcher:
      'There is no mail catcher here. It runs only in development and tests, when no mail server is configured (SMTP_URL). On this server e-mail is really sent, or not at all.',
  },
};
