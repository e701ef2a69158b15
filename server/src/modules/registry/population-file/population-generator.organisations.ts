import { luhnCheckDigit } from '@karna/contracts';
import type { LegalForm } from './population-file.types.ts';
import type { Random } from './random.ts';

/** Dozens of organisations, the same in every file; the first owns most blocks of flats. */
export const organisationCatalogue: readonly (readonly [string, LegalForm])[] = [
  ['Mölnålsbostäder AB', 'AB'],
  ['Kållereds Fastighets AB', 'AB'],
  ['Kvarnbyns Fastigheter AB', 'AB'],
  ['Åby Hyreshus AB', 'AB'],
  ['Rosendals Förvaltning AB', 'AB'],
  ['Mölnåls Energi AB', 'AB'],
  ['Lindome Bygg & Måleri AB', 'AB'],
  ['Västkustens Snickeri AB', 'AB'],
  ['Toltorps El AB', 'AB'],
  ['Stensjöns VVS AB', 'AB'],
  ['Lackarebäcks Redovisning AB', 'AB'],
  ['Ellesbo Trädgård AB', 'AB'],
  ['Mölnål Datakonsult AB', 'AB'],
  ['Berg & Lindqvist Revision HB', 'HB'],
  ['Ekström och Åkesson Bokhandel HB', 'HB'],
  ['Kållereds Cykel HB', 'HB'],
  ['Sjöbergs Café HB', 'HB'],
  ['Lindome Hantverk KB', 'KB'],
  ['Mölnåls Konsumentförening ek. för.', 'EK'],
  ['Lindome Bredbandsförening ek. för.', 'EK'],
  ['Kållereds Andelsjordbruk ek. för.', 'EK'],
  ['Brf Kvarnfallet', 'BRF'],
  ['Brf Rosendalshöjden', 'BRF'],
  ['Brf Åbyhus', 'BRF'],
  ['Brf Stensjöstrand', 'BRF'],
  ['Brf Lindomeängen', 'BRF'],
  ['Brf Toltorpsgården', 'BRF'],
  ['Brf Kråkeråsparken', 'BRF'],
  ['Mölnåls IF', 'IF'],
  ['Kållereds SK', 'IF'],
  ['Lindome GIF', 'IF'],
  ['Mölnåls Hembygdsförening', 'IF'],
  ['Kållereds Scoutkår', 'IF'],
  ['Lindome Konstförening', 'IF'],
  ['Mölnåls Schacksällskap', 'IF'],
  ['Föreningen Kvarnbyns Vänner', 'IF'],
  ['Stiftelsen Mölnåls Kulturarv', 'ST'],
  ['Stiftelsen Lindome Äldrehem', 'ST'],
];
/** Who owns the blocks of flats, by weight: mostly the municipal housing company. */
export const LANDLORDS = [
  ['Mölnålsbostäder AB', 60],
  ['Kållereds Fastighets AB', 4],
  ['Kvarnbyns Fastigheter AB', 4],
  ['Åby Hyreshus AB', 4],
  ['Rosendals Förvaltning AB', 3],
  ...organisationCatalogue.filter(([, form]) => form === 'BRF').map(([name]) => [name, 25 / 7] as const),
] as const;
/** The first digit of an organisation number by legal form (5 aktiebolag, 7 föreningar, 8 ideella, 9 bolag). */
const formDigits: Record<LegalForm, string> = {
  AB: '5',
  HB: '9',
  KB: '9',
  EK: '7',
  BRF: '7',
  IF: '8',
  ST: '8',
};

/** A Luhn-valid number of a legal person, first digit by legal form; it may match a real organisation. */
export function newOrganisationNumber(
  legalForm: LegalForm,
  random: Random,
  used: ReadonlySet<string>,
): string {
  for (;;) {
    const serial = String(random.integer(0, 999_999)).padStart(6, '0');
    const nine = `${formDigits[legalForm]}0${random.integer(2, 9)}${serial}`;
    const number = `${nine}${luhnCheckDigit(nine)}`;
    if (!used.has(number)) return number;
  }
}
