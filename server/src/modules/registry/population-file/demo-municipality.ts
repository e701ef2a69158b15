/**
 * DEMO DATA: the invented municipality "Mölnåls stad" as the population generator places people in
 * it. Kommunkod 1483 is, as far as we know, assigned to no municipality (Mölndal is 1481, Kungälv
 * 1482, Lysekil 1484); länskod 14 is Västra Götalands län. The towns lie south of Göteborg where
 * Mölndal lies; the boxes are SWEREF 99 TM metres (EPSG:3006). See docs/population-file-format.md.
 */
export const demoMunicipality = {
  name: 'Mölnåls stad',
  municipalityCode: '1483',
  countyCode: '14',
  /** Every generated point lies inside this box. */
  bounds: { minNorthing: 6_390_000, maxNorthing: 6_405_000, minEasting: 318_000, maxEasting: 330_000 },
} as const;

export type DemoTown = {
  /** As Navet writes a postort: upper case. */
  name: string;
  /** Share of the households. */
  weight: number;
  postalCodes: readonly string[];
  box: { minNorthing: number; maxNorthing: number; minEasting: number; maxEasting: number };
  /** Trakt names for property designations (`KÅLLERED 1:23`). */
  tracts: readonly string[];
  streets: readonly string[];
};

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${String(from + index).padStart(2, '0')}`);

export const demoTowns: readonly DemoTown[] = [
  {
    name: 'MÖLNÅL',
    weight: 65,
    postalCodes: range('431', 30, 69),
    box: { minNorthing: 6_398_500, maxNorthing: 6_405_000, minEasting: 319_000, maxEasting: 329_000 },
    tracts: [
      'MÖLNÅL',
      'KVARNBYN',
      'ROSENDAL',
      'TOLTORP',
      'KRÅKERÅS',
      'LACKAREBÄCK',
      'ÅBY',
      'ELLESBO',
      'SÖRGÅRDEN',
    ],
    streets: [
      'Storgatan',
      'Kvarnbygatan',
      'Göteborgsvägen',
      'Bergmansgatan',
      'Kyrkogatan',
      'Frölundagatan',
      'Åbybergsgatan',
      'Toltorpsgatan',
      'Skolgatan',
      'Stationsvägen',
      'Brogatan',
      'Torggatan',
      'Bruksgatan',
      'Mejerigatan',
      'Smedjegatan',
      'Hantverkaregatan',
      'Snickaregatan',
      'Dalgatan',
      'Parkgatan',
      'Ängsgatan',
      'Björkgatan',
      'Lindgatan',
      'Ekgatan',
      'Lönngatan',
      'Almgatan',
      'Kastanjegatan',
      'Syrengatan',
      'Rosengatan',
      'Liljegatan',
      'Klövervägen',
      'Solrosvägen',
      'Blåsippsvägen',
      'Vitsippsvägen',
      'Häggvägen',
      'Rönnvägen',
      'Fläderbärsvägen',
      'Åsvägen',
      'Höjdvägen',
      'Utsiktsvägen',
      'Kvarnfallsvägen',
    ],
  },
  {
    name: 'KÅLLERED',
    weight: 15,
    postalCodes: range('428', 30, 36),
    box: { minNorthing: 6_393_500, maxNorthing: 6_398_500, minEasting: 320_000, maxEasting: 328_000 },
    tracts: ['KÅLLERED', 'STENSJÖN', 'APELGÅRDEN', 'HÖGEN', 'LÖKEN'],
    streets: [
      'Kållereds Kyrkväg',
      'Gamla Riksvägen',
      'Stensjövägen',
      'Apelgårdsvägen',
      'Ekenäsvägen',
      'Mossvägen',
      'Hedvägen',
      'Lärkvägen',
      'Svalvägen',
      'Trastvägen',
      'Finkvägen',
      'Sparvvägen',
      'Granvägen',
      'Tallvägen',
      'Enbacken',
      'Ljungvägen',
      'Bäckvägen',
      'Åkervägen',
      'Hagvägen',
      'Backavägen',
    ],
  },
  {
    name: 'LINDOME',
    weight: 20,
    postalCodes: range('437', 30, 42),
    box: { minNorthing: 6_390_000, maxNorthing: 6_393_500, minEasting: 318_000, maxEasting: 326_000 },
    tracts: ['LINDOME', 'HÅLLESÅKER', 'SÖRLIDEN', 'ANEKÄRR', 'BUGÅRDEN', 'SKÅRBY'],
    streets: [
      'Lindomevägen',
      'Hällesåkersvägen',
      'Sörlidsvägen',
      'Anekärrsvägen',
      'Bugårdsvägen',
      'Skårbyvägen',
      'Sjövägen',
      'Strandvägen',
      'Ringvägen',
      'Villavägen',
      'Solvägen',
      'Idrottsvägen',
      'Kyrkvägen',
      'Norra vägen',
      'Södra vägen',
      'Västra vägen',
      'Östra vägen',
      'Vallmovägen',
      'Prästkragevägen',
      'Kornvägen',
      'Havrevägen',
      'Vetevägen',
      'Skogsvägen',
      'Bokvägen',
    ],
  },
];
