/** Names as they occur in the Netherlands: mostly Dutch, and a realistic share of others. */
export const FEMALE_NAMES = [
  'Anna', 'Maria', 'Johanna', 'Cornelia', 'Wilhelmina', 'Geertruida', 'Hendrika', 'Elisabeth', 'Margaretha', 'Catharina',
  'Ingrid', 'Marian', 'Anneke', 'Els', 'Ria', 'Truus', 'Joke', 'Annemarie', 'Monique', 'Petra',
  'Sandra', 'Marieke', 'Esther', 'Linda', 'Saskia', 'Femke', 'Lotte', 'Sanne', 'Eva', 'Fleur',
  'Fatma', 'Ayşe', 'Fatima', 'Khadija', 'Naima', 'Samira', 'Sharmila', 'Anita', 'Agnieszka', 'Magdalena',
];
export const MALE_NAMES = [
  'Johannes', 'Cornelis', 'Hendrik', 'Jacobus', 'Willem', 'Pieter', 'Gerrit', 'Jan', 'Theodorus', 'Adrianus',
  'Kees', 'Henk', 'Gerard', 'Wim', 'Piet', 'Ton', 'Hans', 'Rob', 'Frank', 'Marcel',
  'Erik', 'Jeroen', 'Bas', 'Thijs', 'Daan', 'Joris', 'Ruben', 'Sem', 'Lucas', 'Bram',
  'Mehmet', 'Mustafa', 'Mohamed', 'Ahmed', 'Hassan', 'Rachid', 'Ravi', 'Roy', 'Piotr', 'Tomasz',
];
export const SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen',
  'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
  'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'El Amrani', 'Bouzid', 'Benali', 'Ramdin', 'Sewnath', 'Kowalski',
];
export const INTERESTS = ['wandelen', 'muziek', 'koken', 'tuinieren', 'lezen', 'spelletjes', 'fietsen', 'schilderen', 'geschiedenis', 'voetbal', 'handwerken', 'natuur'];
