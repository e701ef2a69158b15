/** The services pages' texts in Swedish (the source of the type) and English. */
export const servicesSv = {
  placeholder: 'Kommer snart',
};

export type ServicesMessages = typeof servicesSv;

export const servicesEn: ServicesMessages = {
  placeholder: 'Coming soon',
};
