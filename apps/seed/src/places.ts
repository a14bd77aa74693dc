/**
 * Dutch towns and cities, for demo addresses: real approximate centre coordinates, a weight by
 * population (roughly thousands of inhabitants of the municipality), the range of the local
 * postcodes' four digits, and how far people are spread around the centre. Every province is there.
 * City names are written as the Dutch address register (BAG/PDOK) writes them ('s-Gravenhage).
 */
export interface Place {
  city: string;
  province: string;
  lat: number;
  lon: number;
  /** The chance a person lives here, relative to the other places. */
  weight: number;
  /** First and last four-digit postcode number of the place (the letters are drawn). */
  postcodes: readonly [number, number];
  /** How far from the centre people live (km): more for big or spread-out places. */
  spreadKm: number;
}

const p = (city: string, province: string, lat: number, lon: number, weight: number, postcodes: [number, number], spreadKm: number): Place => ({
  city,
  province,
  lat,
  lon,
  weight,
  postcodes,
  spreadKm,
});

export const PLACES: readonly Place[] = [
  // Noord-Holland
  p('Amsterdam', 'Noord-Holland', 52.3731, 4.8926, 930, [1011, 1109], 7),
  p('Haarlem', 'Noord-Holland', 52.3874, 4.6462, 165, [2011, 2037], 3),
  p('Zaandam', 'Noord-Holland', 52.4389, 4.8258, 80, [1501, 1509], 3),
  p('Amstelveen', 'Noord-Holland', 52.303, 4.86, 92, [1181, 1189], 3),
  p('Alkmaar', 'Noord-Holland', 52.6324, 4.7534, 110, [1811, 1827], 3),
  p('Hilversum', 'Noord-Holland', 52.2292, 5.1669, 92, [1211, 1223], 3),
  p('Purmerend', 'Noord-Holland', 52.505, 4.959, 93, [1441, 1448], 3),
  p('Hoorn', 'Noord-Holland', 52.6425, 5.0597, 74, [1621, 1628], 3),
  p('Den Helder', 'Noord-Holland', 52.9563, 4.7608, 56, [1781, 1789], 2),
  // Zuid-Holland
  p('Rotterdam', 'Zuid-Holland', 51.9225, 4.4792, 670, [3011, 3089], 7),
  p("'s-Gravenhage", 'Zuid-Holland', 52.0799, 4.3113, 560, [2491, 2597], 6),
  p('Leiden', 'Zuid-Holland', 52.1601, 4.497, 125, [2311, 2334], 3),
  p('Zoetermeer', 'Zuid-Holland', 52.0607, 4.494, 125, [2711, 2729], 3),
  p('Dordrecht', 'Zuid-Holland', 51.8133, 4.6901, 120, [3311, 3329], 3),
  p('Delft', 'Zuid-Holland', 52.0116, 4.3571, 105, [2611, 2629], 2),
  p('Schiedam', 'Zuid-Holland', 51.9192, 4.3988, 80, [3111, 3125], 2),
  p('Spijkenisse', 'Zuid-Holland', 51.845, 4.329, 73, [3201, 3209], 2),
  p('Gouda', 'Zuid-Holland', 52.0115, 4.7105, 74, [2801, 2809], 2),
  p('Gorinchem', 'Zuid-Holland', 51.8306, 4.9742, 37, [4201, 4208], 2),
  // Utrecht
  p('Utrecht', 'Utrecht', 52.0907, 5.1214, 375, [3511, 3585], 5),
  p('Amersfoort', 'Utrecht', 52.1561, 5.3878, 160, [3811, 3829], 4),
  p('Nieuwegein', 'Utrecht', 52.0292, 5.0833, 64, [3431, 3439], 2),
  p('Zeist', 'Utrecht', 52.0894, 5.233, 65, [3701, 3709], 3),
  p('Veenendaal', 'Utrecht', 52.0286, 5.5589, 67, [3901, 3907], 2),
  // Noord-Brabant
  p('Eindhoven', 'Noord-Brabant', 51.4416, 5.4697, 245, [5611, 5658], 5),
  p('Tilburg', 'Noord-Brabant', 51.5555, 5.0913, 225, [5011, 5049], 4),
  p('Breda', 'Noord-Brabant', 51.5719, 4.7683, 185, [4811, 4839], 4),
  p("'s-Hertogenbosch", 'Noord-Brabant', 51.6978, 5.3037, 160, [5211, 5258], 4),
  p('Helmond', 'Noord-Brabant', 51.4793, 5.657, 92, [5701, 5709], 3),
  p('Oss', 'Noord-Brabant', 51.7651, 5.5185, 93, [5341, 5351], 4),
  p('Roosendaal', 'Noord-Brabant', 51.5308, 4.4653, 77, [4701, 4709], 3),
  p('Bergen op Zoom', 'Noord-Brabant', 51.4949, 4.2911, 68, [4611, 4625], 3),
  // Gelderland
  p('Nijmegen', 'Gelderland', 51.8426, 5.8528, 180, [6511, 6546], 4),
  p('Arnhem', 'Gelderland', 51.9851, 5.8987, 165, [6811, 6846], 4),
  p('Apeldoorn', 'Gelderland', 52.2112, 5.9699, 165, [7311, 7339], 5),
  p('Ede', 'Gelderland', 52.0402, 5.6649, 120, [6711, 6718], 4),
  p('Doetinchem', 'Gelderland', 51.9651, 6.2886, 58, [7001, 7009], 3),
  p('Harderwijk', 'Gelderland', 52.3417, 5.6206, 48, [3841, 3849], 3),
  p('Tiel', 'Gelderland', 51.8862, 5.429, 42, [4001, 4007], 3),
  p('Winterswijk', 'Gelderland', 51.9724, 6.7196, 29, [7101, 7109], 3),
  // Overijssel
  p('Enschede', 'Overijssel', 52.2215, 6.8937, 160, [7511, 7548], 4),
  p('Zwolle', 'Overijssel', 52.5168, 6.083, 130, [8011, 8046], 4),
  p('Deventer', 'Overijssel', 52.2661, 6.1552, 100, [7411, 7429], 3),
  p('Hengelo', 'Overijssel', 52.2659, 6.7931, 81, [7551, 7559], 3),
  p('Almelo', 'Overijssel', 52.3567, 6.6625, 73, [7601, 7609], 3),
  p('Kampen', 'Overijssel', 52.555, 5.9114, 54, [8261, 8267], 3),
  // Flevoland
  p('Almere', 'Flevoland', 52.3508, 5.2647, 220, [1311, 1364], 5),
  p('Lelystad', 'Flevoland', 52.5185, 5.4714, 80, [8211, 8245], 4),
  p('Emmeloord', 'Flevoland', 52.7108, 5.7481, 27, [8301, 8305], 3),
  // Groningen
  p('Groningen', 'Groningen', 53.2194, 6.5665, 240, [9711, 9747], 5),
  p('Veendam', 'Groningen', 53.1063, 6.8792, 27, [9641, 9648], 3),
  p('Stadskanaal', 'Groningen', 52.989, 6.95, 31, [9501, 9503], 3),
  p('Delfzijl', 'Groningen', 53.33, 6.918, 24, [9931, 9939], 2),
  // Friesland
  p('Leeuwarden', 'Friesland', 53.2012, 5.7999, 125, [8911, 8939], 4),
  p('Drachten', 'Friesland', 53.1064, 6.0997, 45, [9200, 9207], 3),
  p('Heerenveen', 'Friesland', 52.96, 5.92, 51, [8441, 8448], 3),
  p('Sneek', 'Friesland', 53.0325, 5.6589, 34, [8601, 8608], 2),
  p('Harlingen', 'Friesland', 53.1745, 5.4223, 16, [8861, 8864], 2),
  p('Dokkum', 'Friesland', 53.326, 5.999, 13, [9101, 9104], 2),
  // Drenthe
  p('Assen', 'Drenthe', 52.9925, 6.5649, 69, [9401, 9409], 3),
  p('Emmen', 'Drenthe', 52.7792, 6.9069, 107, [7811, 7833], 5),
  p('Hoogeveen', 'Drenthe', 52.7225, 6.4764, 56, [7901, 7909], 3),
  p('Meppel', 'Drenthe', 52.6961, 6.1944, 34, [7941, 7948], 2),
  // Zeeland
  p('Middelburg', 'Zeeland', 51.4988, 3.6136, 49, [4331, 4339], 3),
  p('Vlissingen', 'Zeeland', 51.4536, 3.5709, 45, [4381, 4389], 2),
  p('Goes', 'Zeeland', 51.5044, 3.8914, 38, [4461, 4465], 3),
  p('Terneuzen', 'Zeeland', 51.3358, 3.8277, 54, [4531, 4539], 3),
  p('Zierikzee', 'Zeeland', 51.65, 3.919, 11, [4301, 4303], 2),
  // Limburg
  p('Maastricht', 'Limburg', 50.8514, 5.691, 120, [6211, 6229], 3),
  p('Venlo', 'Limburg', 51.3704, 6.1724, 100, [5911, 5928], 4),
  p('Sittard', 'Limburg', 51.0006, 5.8694, 92, [6131, 6137], 4),
  p('Heerlen', 'Limburg', 50.8882, 5.9795, 87, [6411, 6422], 3),
  p('Roermond', 'Limburg', 51.194, 5.9875, 58, [6041, 6046], 3),
  p('Weert', 'Limburg', 51.251, 5.7066, 50, [6001, 6006], 3),
  p('Kerkrade', 'Limburg', 50.8659, 6.0705, 45, [6461, 6471], 2),
];

/** Common Dutch street names, for client addresses. */
export const STREETS = [
  'Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Schoolstraat', 'Stationsweg', 'Julianastraat', 'Wilhelminastraat', 'Beatrixlaan',
  'Parklaan', 'Lindelaan', 'Eikenlaan', 'Prinses Irenestraat', 'Nieuwstraat', 'Marktstraat', 'Kastanjelaan', 'Irisstraat',
  'Rozenstraat', 'Oranjestraat', 'Burgemeester de Withstraat', 'Sportlaan', 'Vondellaan', 'Rembrandtstraat', 'Hoofdstraat', 'Bosweg',
];
