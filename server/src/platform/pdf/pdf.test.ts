import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { documentFonts } from './fonts.ts';
import { type DocumentSpec, renderDocument } from './index.ts';
import { printableText } from './printable-text.ts';

const CREATED = new Date('2026-03-07T09:42:00Z');

function receipt(overrides: Partial<DocumentSpec> = {}): DocumentSpec {
  return {
    language: 'sv',
    title: 'Mottagningskvitto – ansökan om plats i förskola',
    author: 'Mölnåls stad',
    subject: 'Kvitto på inskickad ansökan',
    issuer: ['Mölnåls stad', 'Barn- och utbildningsförvaltningen'],
    reference: { label: 'Diarienummer', value: 'BUN 2026/12' },
    date: { label: 'Datum', value: '2026-03-07' },
    sections: [
      {
        heading: 'Ärendet',
        facts: [
          { label: 'Ärende', value: 'Ansökan om plats i förskola' },
          { label: 'Sökande', value: 'Åsa Öberg' },
          { label: 'Önskat startdatum', value: '2026-08-17' },
        ],
      },
      {
        heading: 'Vad händer nu?',
        paragraphs: [
          'Vi har tagit emot din ansökan. Du får ett beslut inom 20 arbetsdagar, senast den 7 april 2026.',
          'Tecken som måste återges: å ä ö Å Ä Ö é.',
        ],
      },
    ],
    footer: 'Mölnåls stad · 123 45 Mölnål · 0123-45 67 00',
    ...overrides,
  };
}

/** A document long enough for several pages: numbered paragraphs, so order and loss show. */
function longDecision(): DocumentSpec {
  const sentence =
    'Nämnden har prövat ansökan mot detaljplanen och gällande föreskrifter och finner att åtgärden';
  return receipt({
    language: 'en',
    title: 'Decision',
    sections: Array.from({ length: 8 }, (_, s) => ({
      heading: `Section ${s + 1}`,
      facts: [{ label: 'Grund', value: `Plan- och bygglagen 9 kap. ${s + 1} §` }],
      paragraphs: Array.from(
        { length: 4 },
        (_, p) => `Paragraph ${s * 4 + p + 1}. ${`${sentence} `.repeat(6)}`,
      ),
    })),
  });
}

/** The PDF's bytes as text, for the parts of the file that are not compressed streams. */
function rawText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/**
 * Each page's text as pdf.js extracts it (what a search index or a copy-paste gets), with runs of
 * white space and line ends made single spaces so that wrapped lines compare as written.
 */
async function extractPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? `${item.str} ` : ''));
      pages.push(text.join('').replace(/\s+/g, ' '));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

async function readMetadata(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const { info, metadata } = await pdf.getMetadata();
    return { info: info as Record<string, unknown>, xmpTitle: metadata?.get('dc:title'), xmp: metadata };
  } finally {
    await pdf.destroy();
  }
}

describe('renderDocument: PDF/A-2b', () => {
  it('writes a PDF 1.7 file that declares PDF/A-2 level B in its XMP metadata', async () => {
    const raw = rawText(await renderDocument(receipt(), { creationDate: CREATED }));
    expect(raw.startsWith('%PDF-1.7\n')).toBe(true);
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(raw).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toContain('/S /GTS_PDFA1');
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('embeds subsets of DejaVu Sans and uses no standard-14 font', async () => {
    const raw = rawText(await renderDocument(receipt()));
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((match) => match[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
    expect(raw).not.toMatch(/\/(Helvetica|Times-Roman|Courier|Symbol|ZapfDingbats)\b/);
    expect(raw.match(/\/FontFile2 \d+ 0 R/g)).toHaveLength(2);
  });

  it('is tagged, with the language and title shown by viewers', async () => {
    const raw = rawText(await renderDocument(receipt()));
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Lang (sv)');
    expect(raw).toContain('/DisplayDocTitle true');
  });

  it('gives the same bytes for the same spec and creation date', async () => {
    const first = await renderDocument(receipt(), { creationDate: CREATED });
    const second = await renderDocument(receipt(), { creationDate: CREATED });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});

describe('renderDocument: metadata', () => {
  it('sets title, author, subject, language and creation date in both the info and the XMP', async () => {
    const bytes = await renderDocument(receipt(), { creationDate: CREATED });
    const { info, xmpTitle, xmp } = await readMetadata(bytes);
    expect(info).toMatchObject({
      Title: 'Mottagningskvitto – ansökan om plats i förskola',
      Author: 'Mölnåls stad',
      Subject: 'Kvitto på inskickad ansökan',
      Language: 'sv',
      CreationDate: 'D:20260307094200Z',
    });
    expect(xmpTitle).toBe('Mottagningskvitto – ansökan om plats i förskola');
    expect(xmp?.get('dc:creator')).toEqual(['Mölnåls stad']);
    expect(rawText(bytes)).toContain('<xmp:CreateDate>2026-03-07T09:42:00Z</xmp:CreateDate>');
  });

  it('keeps the XMP well-formed when the title has & and <', async () => {
    const title = 'Beslut om bygglov & rivningslov <Storgatan 1>';
    const { info, xmpTitle } = await readMetadata(await renderDocument(receipt({ title })));
    expect(info.Title).toBe(title);
    expect(xmpTitle).toBe(title);
  });
});

describe('renderDocument: content', () => {
  it('puts every text of a receipt on one page, Swedish letters intact, with its page number', async () => {
    const pages = await extractPages(await renderDocument(receipt()));
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const expected of [
      'Mölnåls stad',
      'Barn- och utbildningsförvaltningen',
      'Diarienummer',
      'BUN 2026/12',
      'Mottagningskvitto – ansökan om plats i förskola',
      'Ärendet',
      'Önskat startdatum',
      'Åsa Öberg',
      'å ä ö Å Ä Ö é',
      'Mölnåls stad · 123 45 Mölnål',
      'Sida 1 av 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('spreads a long document over pages, numbered "Page n of m", losing no paragraph', async () => {
    const pages = await extractPages(await renderDocument(longDecision()));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(text).not.toContain('Sida');
    });
    // Pages 2 onwards repeat the title and reference at the top.
    expect(pages[1]).toContain('Diarienummer BUN 2026/12');
    const all = pages.join('\n');
    const numbers = [...all.matchAll(/Paragraph (\d+)\./g)].map((match) => Number(match[1]));
    expect(numbers).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });

  it('lets a paragraph longer than a page flow over the page break', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `ord${i}`);
    const spec = receipt({ sections: [{ heading: 'Motivering', paragraphs: [words.join(' ')] }] });
    const pages = await extractPages(await renderDocument(spec));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const extracted = pages.join(' ').match(/ord\d+/g);
    expect(extracted).toEqual(words);
  });

  it('draws a fact value longer than a page over the page break', async () => {
    const words = Array.from({ length: 900 }, (_, i) => `värde${i}`);
    const spec = receipt({ sections: [{ facts: [{ label: 'Yttrande', value: words.join(' ') }] }] });
    const pages = await extractPages(await renderDocument(spec));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.join(' ').match(/värde\d+/g)).toEqual(words);
  });
});

describe('renderDocument: characters the fonts lack', () => {
  it('shows U+FFFD instead of the .notdef glyph PDF/A forbids, and spaces for control characters', async () => {
    const spec = receipt({
      sections: [
        {
          paragraphs: ['Namn: 王小明 (Wang)\tÅsa\u0007Öberg 😊'],
          facts: [{ label: 'Ärende', value: 'x\r\ny' }],
        },
      ],
    });
    const text = (await extractPages(await renderDocument(spec))).join(' ');
    expect(text).toContain('Namn: \uFFFD\uFFFD\uFFFD (Wang) Åsa Öberg 😊');
    expect(text).not.toContain('王');
    expect(text).toMatch(/Ärende x y/);
  });

  it('leaves Swedish text as it is, composing decomposed letters', () => {
    const fonts = Object.values(documentFonts());
    expect(printableText('Åsa Öberg – kl. 10.42 “citat” é', fonts)).toBe('Åsa Öberg – kl. 10.42 “citat” é');
    expect(printableText('A\u030asa', fonts)).toBe('Åsa');
    expect(printableText('rad 1\r\nrad 2\rrad 3', fonts)).toBe('rad 1\nrad 2\nrad 3');
  });
});

describe('renderDocument: speed', () => {
  // Every e-service submission renders a receipt. With the fonts parsed afresh per document this
  // took ≈ 180 ms; with the parsed fonts kept it takes ≈ 10 ms. The bound is loose for busy CI.
  it('renders a one-page receipt in well under 100 ms once the fonts are loaded', async () => {
    await renderDocument(receipt());
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const began = performance.now();
      await renderDocument(receipt());
      times.push(performance.now() - began);
    }
    times.sort((a, b) => a - b);
    expect(times[7]).toBeLessThan(100);
  });
});
