/**
 * WGS 84 latitude and longitude (what a phone's position gives) to SWEREF 99 TM (EPSG:3006, the
 * national grid forms store points in): Gauss–Krüger on GRS80 with Lantmäteriet's series, central
 * meridian 15°E, scale 0.9996, false easting 500 000 m. Within Sweden it agrees with proj4 to the
 * millimetre (see sweref.test.ts); SWEREF 99 equals WGS 84 to within decimetres.
 */
export function swerefFromWgs84(latitude: number, longitude: number): { northing: number; easting: number } {
  const axis = 6_378_137;
  const flattening = 1 / 298.257222101;
  const centralMeridian = 15;
  const scale = 0.9996;
  const falseEasting = 500_000;

  const e2 = flattening * (2 - flattening);
  const n = flattening / (2 - flattening);
  const aRoof = (axis / (1 + n)) * (1 + (n * n) / 4 + (n * n * n * n) / 64);
  const A = e2;
  const B = (5 * e2 * e2 - e2 * e2 * e2) / 6;
  const C = (104 * e2 ** 3 - 45 * e2 ** 4) / 120;
  const D = (1237 * e2 ** 4) / 1260;
  const beta1 = n / 2 - (2 * n * n) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180;
  const beta2 = (13 * n * n) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440;
  const beta3 = (61 * n ** 3) / 240 - (103 * n ** 4) / 140;
  const beta4 = (49561 * n ** 4) / 161280;

  const radians = Math.PI / 180;
  const phi = latitude * radians;
  const deltaLambda = (longitude - centralMeridian) * radians;
  const sinPhi = Math.sin(phi);
  const phiStar = phi - sinPhi * Math.cos(phi) * (A + B * sinPhi ** 2 + C * sinPhi ** 4 + D * sinPhi ** 6);
  const xi = Math.atan(Math.tan(phiStar) / Math.cos(deltaLambda));
  const eta = Math.atanh(Math.cos(phiStar) * Math.sin(deltaLambda));

  const northing =
    scale *
    aRoof *
    (xi +
      beta1 * Math.sin(2 * xi) * Math.cosh(2 * eta) +
      beta2 * Math.sin(4 * xi) * Math.cosh(4 * eta) +
      beta3 * Math.sin(6 * xi) * Math.cosh(6 * eta) +
      beta4 * Math.sin(8 * xi) * Math.cosh(8 * eta));
  const easting =
    scale *
      aRoof *
      (eta +
        beta1 * Math.cos(2 * xi) * Math.sinh(2 * eta) +
        beta2 * Math.cos(4 * xi) * Math.sinh(4 * eta) +
        beta3 * Math.cos(6 * xi) * Math.sinh(6 * eta) +
        beta4 * Math.cos(8 * xi) * Math.sinh(8 * eta)) +
    falseEasting;
  // Centimetres: more than a phone's position is worth.
  return { northing: Math.round(northing * 100) / 100, easting: Math.round(easting * 100) / 100 };
}
