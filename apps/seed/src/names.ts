/**
 * Names as they occur in the Netherlands: mostly Dutch, and a realistic share of Turkish, Moroccan,
 * Surinamese and Polish names. First and last names are drawn from the same origin, Dutch first names
 * follow the generation (a Johanna born in 1940, a Sanne born in 1990), and the origin also gives a
 * likely second language.
 */
export interface NameOrigin {
  origin: string;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** ISO 639-1 code of a language people of this origin often speak besides Dutch, if any. */
  language: string | null;
}

/** Dutch first names of people born before about 1965. */
export const DUTCH_OLDER = {
  female: ['Maria', 'Johanna', 'Cornelia', 'Wilhelmina', 'Hendrika', 'Elisabeth', 'Margaretha', 'Catharina', 'Geertruida', 'Ria', 'Truus', 'Joke', 'Els', 'Gerda', 'Tineke', 'Riet', 'Corrie', 'Anneke'],
  male: ['Johannes', 'Cornelis', 'Hendrik', 'Jacobus', 'Willem', 'Pieter', 'Gerrit', 'Jan', 'Theodorus', 'Adrianus', 'Kees', 'Henk', 'Gerard', 'Wim', 'Piet', 'Ton', 'Hans', 'Bert'],
} as const;

/** Dutch first names of people born later. */
export const DUTCH_YOUNGER = {
  female: ['Ingrid', 'Marian', 'Annemarie', 'Monique', 'Petra', 'Sandra', 'Marieke', 'Esther', 'Linda', 'Saskia', 'Femke', 'Lotte', 'Sanne', 'Eva', 'Fleur', 'Anouk'],
  male: ['Rob', 'Frank', 'Marcel', 'Erik', 'Jeroen', 'Bas', 'Thijs', 'Daan', 'Joris', 'Ruben', 'Sem', 'Lucas', 'Bram', 'Mark', 'Martijn', 'Niels'],
} as const;

export const DUTCH_SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen',
  'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
  'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters',
  'Postma', 'Kuipers', 'Veenstra', 'Kramer', 'van den Bosch', 'Boersma', 'Timmermans', 'Wijnen', 'Claassen', 'Ubbink',
] as const;

export const OTHER_ORIGINS: readonly NameOrigin[] = [
  { origin: 'turkish', female: ['Fatma', 'Ayşe', 'Emine', 'Hatice'], male: ['Mehmet', 'Mustafa', 'Ahmet', 'Hüseyin'], surnames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik'], language: 'tr' },
  { origin: 'moroccan', female: ['Fatima', 'Khadija', 'Naima', 'Samira'], male: ['Mohamed', 'Ahmed', 'Hassan', 'Rachid'], surnames: ['El Amrani', 'Bouzid', 'Benali', 'El Idrissi', 'Ouali'], language: 'ar' },
  { origin: 'surinamese', female: ['Sharmila', 'Anita', 'Gerda', 'Sunita'], male: ['Ravi', 'Roy', 'Ramon', 'Sunil'], surnames: ['Ramdin', 'Sewnath', 'Biharie', 'Kartosen', 'Pinas'], language: null },
  { origin: 'polish', female: ['Agnieszka', 'Magdalena', 'Katarzyna', 'Anna'], male: ['Piotr', 'Tomasz', 'Krzysztof', 'Paweł'], surnames: ['Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Lewandowski'], language: 'pl' },
];

/** Shares of each origin among the people drawn (percent); the rest is Dutch. */
export const ORIGIN_WEIGHTS: Readonly<Record<string, number>> = { dutch: 86, turkish: 4, moroccan: 4, surinamese: 4, polish: 2 };

export const INTERESTS = ['wandelen', 'muziek', 'koken', 'tuinieren', 'lezen', 'spelletjes', 'fietsen', 'schilderen', 'geschiedenis', 'voetbal', 'handwerken', 'natuur', 'puzzelen', 'geloof', 'reizen'] as const;
