import { describe, expect, it } from 'vitest';
import { swedishSortKey } from './swedish-sort.ts';

describe('swedishSortKey', () => {
  it('orders names as Intl.Collator("sv") does, compared as bytes', () => {
    const names = [
      'Ödla',
      'Äpple',
      'Åsa',
      'zebra',
      'Ärende',
      'ångest',
      'Éva',
      'Eva',
      'Müller',
      'Mylla',
      'abc',
      'Öst',
    ];
    const bytewise = [...names].sort((a, b) => {
      const [x, y] = [swedishSortKey(a), swedishSortKey(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const swedish = [...names].sort(new Intl.Collator('sv').compare);
    expect(bytewise.map(swedishSortKey)).toEqual(swedish.map(swedishSortKey));
    expect(bytewise.slice(-6)).toEqual(['ångest', 'Åsa', 'Äpple', 'Ärende', 'Ödla', 'Öst']);
  });
});
