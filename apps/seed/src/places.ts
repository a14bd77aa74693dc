/** Dutch towns and cities: real centre coordinates, a weight by population, a postcode range. */
export interface Place {
  city: string;
  lat: number;
  lon: number;
  /** Roughly thousands of inhabitants: the chance a person lives here. */
  weight: number;
  /** First two digits of the local postcodes. */
  postcodePrefix: number;
  /** How far people are spread around the centre (km). */
  spreadKm: number;
}

const p = (city: string, lat: number, lon: number, weight: number, postcodePrefix: number, spreadKm = 3): Place => ({ city, lat, lon, weight, postcodePrefix, spreadKm });

export const PLACES: Place[] = [
  p('Amsterdam', 52.3731, 4.8926, 930, 10, 7),
  p('Rotterdam', 51.9225, 4.4792, 660, 30, 7),
  p("'s-Gravenhage", 52.0799, 4.3113, 560, 25, 6),
  p('Utrecht', 52.0907, 5.1214, 370, 35, 5),
  p('Eindhoven', 51.4416, 5.4697, 240, 56, 5),
  p('Groningen', 53.2194, 6.5665, 240, 97, 5),
  p('Tilburg', 51.5555, 5.0913, 225, 50, 4),
  p('Almere', 52.3508, 5.2647, 220, 13, 5),
  p('Breda', 51.5719, 4.7683, 185, 48, 4),
  p('Nijmegen', 51.8426, 5.8528, 180, 65, 4),
  p('Apeldoorn', 52.2112, 5.9699, 165, 73, 5),
  p('Arnhem', 51.9851, 5.8987, 165, 68, 4),
  p('Haarlem', 52.3874, 4.6462, 165, 20, 3),
  p('Enschede', 52.2215, 6.8937, 160, 75, 4),
  p('Amersfoort', 52.1561, 5.3878, 160, 38, 4),
  p('Zaanstad', 52.4559, 4.8086, 160, 15, 4),
  p("'s-Hertogenbosch", 51.6978, 5.3037, 160, 52, 4),
  p('Zwolle', 52.5168, 6.083, 130, 80, 4),
  p('Leiden', 52.1601, 4.497, 125, 23, 3),
  p('Maastricht', 50.8514, 5.691, 120, 62, 3),
  p('Dordrecht', 51.8133, 4.6901, 120, 33, 3),
  p('Ede', 52.0402, 5.6649, 120, 67, 5),
  p('Leeuwarden', 53.2012, 5.7999, 125, 89, 4),
  p('Alkmaar', 52.6324, 4.7534, 110, 18, 3),
  p('Emmen', 52.7792, 6.9069, 107, 78, 6),
  p('Venlo', 51.3704, 6.1724, 100, 59, 4),
  p('Deventer', 52.2661, 6.1552, 100, 74, 3),
  p('Delft', 52.0116, 4.3571, 105, 26, 2),
  p('Helmond', 51.4793, 5.657, 92, 57, 3),
  p('Heerlen', 50.8882, 5.9795, 87, 64, 3),
  p('Oss', 51.7651, 5.5185, 93, 53, 4),
  p('Hilversum', 52.2292, 5.1669, 92, 12, 3),
  p('Assen', 52.9925, 6.5649, 69, 94, 3),
  p('Middelburg', 51.4988, 3.6136, 49, 43, 3),
  p('Goes', 51.5044, 3.8914, 38, 44, 3),
  p('Vlissingen', 51.4536, 3.5709, 45, 43, 2),
  p('Sneek', 53.0325, 5.6589, 34, 86, 2),
  p('Drachten', 53.1064, 6.0997, 45, 92, 3),
  p('Hoorn', 52.6425, 5.0597, 74, 16, 3),
  p('Den Helder', 52.9563, 4.7608, 56, 17, 3),
  p('Roermond', 51.194, 5.9875, 58, 60, 3),
  p('Sittard', 51.0006, 5.8694, 92, 61, 4),
  p('Gouda', 52.0115, 4.7105, 74, 28, 2),
  p('Doetinchem', 51.9651, 6.2886, 58, 70, 3),
  p('Harderwijk', 52.3417, 5.6206, 48, 38, 3),
  p('Meppel', 52.6961, 6.1944, 34, 79, 2),
  p('Winterswijk', 51.9724, 6.7196, 29, 71, 3),
  p('Terneuzen', 51.3358, 3.8277, 54, 45, 4),
  p('Kampen', 52.555, 5.9114, 54, 82, 3),
  p('Veendam', 53.1063, 6.8792, 27, 96, 3),
];
