/** Information classification (KLASSA): the list of information types and one type's page. */
export const classificationSv = {
  list: {
    title: 'Informations\u00adklassning',
    lead: 'Kommunens informationsmängder, hur de är klassade och när klassningen ska ses över. Ett system ärver den högsta nivån från informationen det har.',
    caption: 'Informationsmängder',
    columns: {
      name: 'Informationsmängd',
      levels: 'Klassning',
      systems: 'System',
      nextReview: 'Ses över senast',
      status: 'Status',
    },
    classifiedHidden: 'Klassad',
    hiddenHelp:
      'Nivåerna visas för IT-avdelningen och för dem som har en roll för ett system med informationen.',
    upToDate: 'Aktuell',
    never: 'Aldrig klassad',
    overdue: 'Översyn försenad',
    empty: 'Det finns inga informationsmängder.',
  },
  type: {
    titleLoading: 'Informationsmängd',
    back: 'Till alla informationsmängder',
    forbidden:
      'Du kan inte se klassningen av den här informationsmängden. Den visas för IT-avdelningen, för systemägare och för dem som har en roll för ett system som har informationen.',
    currentHeading: 'Klassning',
    none: 'Informationsmängden är inte klassad ännu.',
    model: (name: string, version: string) => `Klassad enligt ${name} version ${version}`,
    classifiedBy: 'Klassad av',
    classifiedOn: 'Klassad',
    nextReview: 'Ses över senast',
    legalBases: 'Lagrum',
    noLegalBases: 'Inga angivna',
    comment: 'Kommentar',
    controlsHeading: 'Åtgärder som klassningen kräver',
    noControls: 'Klassningen kräver inga särskilda åtgärder.',
    systemsHeading: 'System som har informationen',
    noSystems: 'Inget system i bruk har informationen.',
    historyHeading: 'Tidigare klassningar',
    historyCaption: 'Klassningar, senaste först',
    historyColumns: { date: 'Datum', by: 'Av', levels: 'Nivåer', model: 'Modell' },
    formHeading: 'Klassa informationen',
    formLead:
      'Svara på frågorna för informationen som helhet. Nivån för varje aspekt blir den allvarligaste följden som dina svar pekar på. Svaren sparas tillsammans med klassningen.',
    answerError: 'Välj ett svar.',
    legalBasesField: 'Lagrum (frivilligt)',
    legalBasesHelp: 'Ett per rad, till exempel OSL 26 kap. 1 §.',
    commentField: 'Kommentar (frivilligt)',
    submit: 'Spara klassningen',
    saved: (levels: string) => `Klassningen är sparad. ${levels}`,
    notAllowed:
      'Klassningen görs av IT-avdelningen, informationsägaren och de som förvaltar ett system som har informationen.',
  },
};

export type ClassificationMessages = typeof classificationSv;

export const classificationEn: ClassificationMessages = {
  list: {
    title: 'Information classification',
    lead: "The municipality's information types, how they are classified and when the classification is due for review. A system inherits the highest level from the information it holds.",
    caption: 'Information types',
    columns: {
      name: 'Information type',
      levels: 'Classification',
      systems: 'Systems',
      nextReview: 'Review by',
      status: 'Status',
    },
    classifiedHidden: 'Classified',
    hiddenHelp:
      'The levels are shown to the IT department and to those who hold a role for a system holding the information.',
    upToDate: 'Up to date',
    never: 'Never classified',
    overdue: 'Review overdue',
    empty: 'There are no information types.',
  },
  type: {
    titleLoading: 'Information type',
    back: 'To all information types',
    forbidden:
      'You cannot see the classification of this information type. It is shown to the IT department, to system owners and to those who hold a role for a system holding the information.',
    currentHeading: 'Classification',
    none: 'The information type has not been classified yet.',
    model: (name: string, version: string) => `Classified with ${name} version ${version}`,
    classifiedBy: 'Classified by',
    classifiedOn: 'Classified',
    nextReview: 'Review by',
    legalBases: 'Legal bases',
    noLegalBases: 'None given',
    comment: 'Comment',
    controlsHeading: 'Measures the classification requires',
    noControls: 'The classification requires no particular measures.',
    systemsHeading: 'Systems holding the information',
    noSystems: 'No system in use holds the information.',
    historyHeading: 'Earlier classifications',
    historyCaption: 'Classifications, latest first',
    historyColumns: { date: 'Date', by: 'By', levels: 'Levels', model: 'Model' },
    formHeading: 'Classify the information',
    formLead:
      'Answer the questions for the information as a whole. The level of each aspect becomes the most serious consequence your answers point to. The answers are kept with the classification.',
    answerError: 'Choose an answer.',
    legalBasesField: 'Legal bases (optional)',
    legalBasesHelp: 'One per line, for example OSL 26 kap. 1 §.',
    commentField: 'Comment (optional)',
    submit: 'Save the classification',
    saved: (levels: string) => `The classification is saved. ${levels}`,
    notAllowed:
      'The classification is made by the IT department, the information owner and those who keep a system holding the information.',
  },
};
