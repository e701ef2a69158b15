import { type DemoTown, demoMunicipality, demoTowns } from './demo-municipality.ts';
import type { PostalAddress, Registration, SwerefPoint } from './population-file.types.ts';
import { type Random, WeightedList } from './random.ts';

/** Where a household lives: its property (a house of its own, or a block of flats), address and position. */
export type Place = {
  kind: 'house' | 'flat';
  designation: string;
  point: SwerefPoint;
  address: PostalAddress;
};

/** A block of flats: one property, many households. */
type Building = {
  designation: string;
  point: SwerefPoint;
  street: string;
  town: DemoTown;
  postalCode: string;
  flats: number;
  used: number;
};

const TREE_AND_FIELD = [
  'Björk',
  'Ek',
  'Lind',
  'Asp',
  'Rönn',
  'Gran',
  'Tall',
  'Al',
  'Hassel',
  'Lönn',
  'Sälg',
  'Vide',
  'Ljung',
  'Kvarn',
  'Smedje',
  'Skol',
  'Hag',
  'Äng',
  'Åker',
  'Back',
  'Berg',
  'Dal',
  'Sjö',
  'Ås',
  'Höjd',
  'Sol',
  'Stjärn',
  'Lärk',
  'Trast',
  'Fink',
  'Duv',
  'Örn',
  'Falk',
  'Hök',
  'Hjort',
  'Räv',
  'Hare',
  'Myr',
  'Mosse',
  'Kärr',
  'Hed',
  'Lund',
  'Bäck',
  'Källa',
  'Sten',
  'Häll',
  'Klint',
  'Udde',
  'Vik',
  'Näs',
];
const STREET_KINDS = ['vägen', 'gatan', 'stigen', 'gången', 'backen', 'slingan'];

/**
 * Addresses and properties inside the demo municipality: houses (one property each) and blocks of
 * flats (one property, flats `LGH 1001`…), with designations `TRAKT block:enhet`, postal codes by
 * street and positions clustered along each street. Memory grows with streets and tracts, not people.
 */
export class PlaceMaker {
  private readonly random: Random;
  private readonly towns = new WeightedList(demoTowns.map((town) => [town, town.weight] as const));
  private readonly streetsByTown = new Map<DemoTown, string[]>();
  private readonly streetState = new Map<
    string,
    { number: number; center: SwerefPoint; postalCode: string }
  >();
  private readonly tractUnits = new Map<string, number>();
  private readonly openBuildings = new Map<DemoTown, Building>();
  propertiesMade = 0;

  constructor(random: Random) {
    this.random = random;
    demoTowns.forEach((town, townIndex) => {
      const combined = TREE_AND_FIELD.filter((_, index) => index % demoTowns.length === townIndex).flatMap(
        (prefix) => STREET_KINDS.map((kind) => `${prefix}${kind}`),
      );
      this.streetsByTown.set(town, [...town.streets, ...combined]);
    });
  }

  /** A new house in a town drawn by weight (or the one named): a new property. */
  house(townName?: string): Place {
    const town = townName
      ? (demoTowns.find((candidate) => candidate.name === townName) ?? demoTowns[0])
      : this.towns.pick(this.random);
    const { street, number, center, postalCode } = this.nextAddress(town as DemoTown);
    return {
      kind: 'house',
      designation: this.nextDesignation(town as DemoTown),
      point: this.near(center, 250, town as DemoTown),
      address: {
        careOf: null,
        extraLine: null,
        streetAddress: `${street} ${number}`,
        postalCode,
        postalTown: (town as DemoTown).name,
      },
    };
  }

  /**
   * A flat. `newBuilding` is called with the block's place when a new block is opened, before the
   * flat is handed out, so its property record can precede the people who live there.
   */
  flat(newBuilding: (place: Place, flats: number) => void): Place {
    const town = this.towns.pick(this.random);
    let building = this.openBuildings.get(town);
    if (!building || building.used >= building.flats) {
      const { street, number, center, postalCode } = this.nextAddress(town);
      building = {
        designation: this.nextDesignation(town),
        point: this.near(center, 250, town),
        street: `${street} ${number}`,
        town,
        postalCode,
        flats: this.random.integer(8, 40),
        used: 0,
      };
      this.openBuildings.set(town, building);
      newBuilding(
        {
          kind: 'flat',
          designation: building.designation,
          point: building.point,
          address: {
            careOf: null,
            extraLine: null,
            streetAddress: building.street,
            postalCode,
            postalTown: town.name,
          },
        },
        building.flats,
      );
    }
    const index = building.used++;
    const flatNumber = `${10 + Math.floor(index / 4)}${String((index % 4) + 1).padStart(2, '0')}`;
    return {
      kind: 'flat',
      designation: building.designation,
      point: building.point,
      address: {
        careOf: null,
        extraLine: null,
        streetAddress: `${building.street} LGH ${flatNumber}`,
        postalCode: building.postalCode,
        postalTown: town.name,
      },
    };
  }

  /** The registration (folkbokföring) at a place, or without one for protected registration. */
  registration(place: Place | null, since: string): Registration {
    return {
      since,
      countyCode: demoMunicipality.countyCode,
      municipalityCode: demoMunicipality.municipalityCode,
      propertyDesignation: place?.designation ?? null,
      point: place?.point ?? null,
    };
  }

  /** A property designation not used before in this file. */
  nextDesignation(town: DemoTown): string {
    const tract = this.random.pick(town.tracts);
    const used = this.tractUnits.get(tract) ?? 0;
    this.tractUnits.set(tract, used + 1);
    this.propertiesMade++;
    return `${tract} ${1 + Math.floor(used / 40)}:${1 + (used % 40)}`;
  }

  /** Continues numbering after the designations a full file already used (for its change files). */
  reserveDesignation(designation: string): void {
    const match = /^(.*) (\d+):(\d+)$/.exec(designation);
    if (!match) return;
    const used = (Number(match[2]) - 1) * 40 + Number(match[3]);
    if (used > (this.tractUnits.get(match[1] as string) ?? 0)) this.tractUnits.set(match[1] as string, used);
  }

  private nextAddress(town: DemoTown): {
    street: string;
    number: number;
    center: SwerefPoint;
    postalCode: string;
  } {
    const street = this.random.pick(this.streetsByTown.get(town) as string[]);
    const key = `${town.name}/${street}`;
    let state = this.streetState.get(key);
    if (!state) {
      state = {
        number: 0,
        center: {
          northing: this.random.integer(town.box.minNorthing + 300, town.box.maxNorthing - 300),
          easting: this.random.integer(town.box.minEasting + 300, town.box.maxEasting - 300),
        },
        postalCode: this.random.pick(town.postalCodes),
      };
      this.streetState.set(key, state);
    }
    state.number += this.random.integer(1, 2);
    return { street, number: state.number, center: state.center, postalCode: state.postalCode };
  }

  private near(center: SwerefPoint, spread: number, town: DemoTown): SwerefPoint {
    const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
    return {
      northing: clamp(
        center.northing + this.random.integer(-spread, spread),
        town.box.minNorthing,
        town.box.maxNorthing,
      ),
      easting: clamp(
        center.easting + this.random.integer(-spread, spread),
        town.box.minEasting,
        town.box.maxEasting,
      ),
    };
  }
}
