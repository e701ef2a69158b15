import type { Coordinates } from '@karna/contracts';
import proj4 from 'proj4';

/**
 * SWEREF 99 TM (EPSG:3006), the national grid the register stores: transverse Mercator on GRS80,
 * central meridian 15°E, scale 0.9996, false easting 500 000 m (UTM zone 33 on SWEREF 99, which
 * equals WGS84 to within decimetres). proj4 does the maths; axis order is easting, northing.
 */
const SWEREF99_TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const toWgs84 = proj4(SWEREF99_TM, 'WGS84');

/** Sweden lies within these (northing 6.1–7.7 million m, easting 0.26–0.92 million m). */
export function isInSweden(northing: number, easting: number): boolean {
  return northing >= 6_100_000 && northing <= 7_700_000 && easting >= 260_000 && easting <= 920_000;
}

/** A stored SWEREF 99 TM point, with its WGS84 latitude and longitude (6 decimals, ~0.1 m). */
export function coordinatesOf(northing: number, easting: number): Coordinates {
  const [longitude = 0, latitude = 0] = toWgs84.forward([easting, northing]);
  return {
    sweref99tm: { northing, easting },
    wgs84: { latitude: round6(latitude), longitude: round6(longitude) },
  };
}

/** WGS84 latitude and longitude to SWEREF 99 TM (for data that arrives in WGS84). */
export function swerefOf(latitude: number, longitude: number): { northing: number; easting: number } {
  const [easting = 0, northing = 0] = toWgs84.inverse([longitude, latitude]);
  return { northing: round2(northing), easting: round2(easting) };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const round2 = (value: number) => Math.round(value * 100) / 100;
