import { describe, expect, it } from 'vitest';
import { coordinatesOf, isInSweden, swerefOf } from './coordinates.ts';

describe('SWEREF 99 TM and WGS84', () => {
  it("matches Lantmäteriet's check point in Stockholm, both ways", () => {
    // lon 18.0686, lat 59.3293 → E 674 571.87, N 6 580 743.01 (docs: standards NOTES §9).
    expect(swerefOf(59.3293, 18.0686)).toEqual({ northing: 6_580_743.01, easting: 674_571.87 });
    expect(coordinatesOf(6_580_743.01, 674_571.87).wgs84).toEqual({ latitude: 59.3293, longitude: 18.0686 });
  });

  it('knows what lies in Sweden', () => {
    expect(isInSweden(6_395_000, 322_000)).toBe(true);
    expect(isInSweden(322_000, 6_395_000)).toBe(false);
  });
});
