/** The dev pages' texts in Swedish (the source of the type) and English. */
export const devSv = {
  placeholder: 'Kommer snart',
};

export type DevMessages = typeof devSv;

export const devEn: DevMessages = {
  placeholder: 'Coming soon',
};
