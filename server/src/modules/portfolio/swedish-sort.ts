/**
 * A key that orders text as Swedish does when compared byte by byte (`collate "C"`), so the
 * database can sort and index names without an ICU collation (PGlite has none): letters compare
 * without case and accents, and å, ä, ö come after z in that order (ü as y, æ as ä, ø as ö).
 */
const SWEDISH_LETTERS: Record<string, string> = { å: '{', ä: '|', ö: '}', æ: '|', ø: '}', ü: 'y' };

export function swedishSortKey(text: string): string {
  let key = '';
  for (const char of text.toLowerCase()) {
    const swedish = SWEDISH_LETTERS[char];
    if (swedish) key += swedish;
    else key += char.normalize('NFD').replace(/\p{Mn}/gu, '');
  }
  return key;
}
