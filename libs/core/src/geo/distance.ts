export interface Coordinates {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A box that contains every point within `km` of `center` (for an index prefilter before haversine),
 * on the same sphere as `haversineKm`: the widest longitude span of a circle is asin(sin(d) / cos(lat)).
 */
export function boundingBox(center: Coordinates, km: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const angular = km / EARTH_RADIUS_KM;
  const margin = 1e-9; // degrees (0.1 mm): floating-point rounding never puts an edge point outside
  const dLat = (angular * 180) / Math.PI;
  const ratio = Math.sin(angular) / Math.cos(rad(center.lat));
  const dLon = ratio >= 1 ? 180 : (Math.asin(ratio) * 180) / Math.PI;
  return { minLat: center.lat - dLat - margin, maxLat: center.lat + dLat + margin, minLon: center.lon - dLon - margin, maxLon: center.lon + dLon + margin };
}

/**
 * The same great-circle distance in SQL, for a table alias `v` with `lat`/`lon` columns and the
 * point's coordinates as query parameters (e.g. `haversineSql('$3', '$4')`).
 */
export function haversineSql(latParam: string, lonParam: string, alias = 'v'): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(${alias}.lat - ${latParam}) / 2), 2)
    + cos(radians(${latParam})) * cos(radians(${alias}.lat)) * power(sin(radians(${alias}.lon - ${lonParam}) / 2), 2)))))`;
}
