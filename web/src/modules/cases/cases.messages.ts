/** The cases pages' texts in Swedish (the source of the type) and English. */
export const casesSv = {
  placeholder: 'Kommer snart',
};

export type CasesMessages = typeof casesSv;

export const casesEn: CasesMessages = {
  placeholder: 'Coming soon',
};
