import { boundingBox, Coordinates, haversineKm } from './distance';

const DAM_AMSTERDAM: Coordinates = { lat: 52.3731, lon: 4.8926 };
const DOM_UTRECHT: Coordinates = { lat: 52.0908, lon: 5.1217 };

/** The point `km` away from `from` in direction `bearing` (degrees from north), on the same sphere as haversineKm. */
function travel(from: Coordinates, km: number, bearing: number): Coordinates {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const d = km / 6371.0088;
  const b = rad(bearing);
  const lat1 = rad(from.lat);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 = rad(from.lon) + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: (lat2 * 180) / Math.PI, lon: (lon2 * 180) / Math.PI };
}

describe('Distances on the map', () => {
  it('measures about 35 km from the Dam in Amsterdam to the Dom in Utrecht, either way round', () => {
    expect(Math.abs(haversineKm(DAM_AMSTERDAM, DOM_UTRECHT) - 35)).toBeLessThanOrEqual(1);
    expect(haversineKm(DOM_UTRECHT, DAM_AMSTERDAM)).toBeCloseTo(haversineKm(DAM_AMSTERDAM, DOM_UTRECHT), 9);
  });

  it('puts a point at distance 0 from itself', () => {
    expect(haversineKm(DOM_UTRECHT, DOM_UTRECHT)).toBe(0);
  });

  it('places its test points at the intended distance (a check of the helper below)', () => {
    const center = { lat: 52, lon: 5 };
    for (const bearing of [0, 45, 90, 200]) expect(haversineKm(center, travel(center, 25, bearing))).toBeCloseTo(25, 6);
  });

  it('has a bounding box that contains every point within the distance, even exactly on its edge, in every direction (at 52° N)', () => {
    const center = { lat: 52, lon: 5 };
    for (const km of [1, 10, 50]) {
      const box = boundingBox(center, km);
      for (let bearing = 0; bearing < 360; bearing += 30) {
        for (const fraction of [0.5, 0.9, 1]) {
          const point = travel(center, km * fraction, bearing);
          expect(haversineKm(center, point)).toBeLessThanOrEqual(km + 1e-9);
          expect({ km, bearing, fraction, inside: point.lat >= box.minLat && point.lat <= box.maxLat && point.lon >= box.minLon && point.lon <= box.maxLon }).toEqual({
            km,
            bearing,
            fraction,
            inside: true,
          });
        }
      }
    }
  });

  it('has a bounding box that contains every point up to 99% of the distance, in every direction (at 52° N)', () => {
    const center = { lat: 52, lon: 5 };
    for (const km of [1, 10, 50]) {
      const box = boundingBox(center, km);
      for (let bearing = 0; bearing < 360; bearing += 30) {
        const point = travel(center, km * 0.99, bearing);
        expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
        expect(point.lat).toBeLessThanOrEqual(box.maxLat);
        expect(point.lon).toBeGreaterThanOrEqual(box.minLon);
        expect(point.lon).toBeLessThanOrEqual(box.maxLon);
      }
    }
  });
});
