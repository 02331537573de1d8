/** Word lists for the synthetic data set: invented names only (every person in it is fictitious). */

/** Regional centre municipalities of the Netherlands, largest first: the regions' names. */
export const REGION_CENTRES = [
  'Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen',
  'Apeldoorn', 'Haarlem', 'Arnhem', 'Enschede', 'Amersfoort', 'Zaanstad', "'s-Hertogenbosch", 'Zwolle', 'Leiden', 'Maastricht',
  'Dordrecht', 'Ede', 'Alkmaar', 'Emmen', 'Delft', 'Deventer', 'Venlo', 'Helmond', 'Leeuwarden', 'Oss', 'Hilversum', 'Heerlen',
  'Gouda', 'Hoorn', 'Den Helder', 'Vlissingen', 'Assen', 'Roosendaal', 'Bergen op Zoom', 'Lelystad', 'Doetinchem', 'Harderwijk',
  'Schiedam',
];

/** Parts of invented place names (municipalities of a synthetic region). */
export const PLACE_FIRST = ['Ooster', 'Wester', 'Noorder', 'Zuider', 'Hoog', 'Laag', 'Nieuw', 'Oud', 'Groot', 'Klein', 'Berg', 'Beek', 'Heide', 'Bos', 'Dijk', 'Veen', 'Zand', 'Water', 'Linden', 'Eiken'];
export const PLACE_LAST = ['dam', 'veld', 'dorp', 'hoven', 'broek', 'woude', 'horst', 'wijk', 'sloot', 'recht', 'kerk', 'stein', 'loo', 'burg', 'haven'];
export const DISTRICTS = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Stationsgebied', 'Oude Wijk', 'Nieuwland'];

export const GIVEN = [
  'Anouk', 'Bram', 'Daan', 'Emma', 'Fenna', 'Gijs', 'Hidde', 'Iris', 'Jesse', 'Kim', 'Lars', 'Lotte', 'Milan', 'Noor', 'Olaf', 'Pien',
  'Quinten', 'Roos', 'Sem', 'Tess', 'Ruben', 'Sanne', 'Thijs', 'Vera', 'Wout', 'Yara', 'Zoë', 'Mohamed', 'Fatima', 'Yusuf', 'Ayaan',
  'Priya', 'Kees', 'Henk', 'Ria', 'Marco', 'Dennis', 'Sandra', 'Esther', 'Patrick', 'Rachid', 'Samira', 'Jeroen', 'Ingrid', 'Bas',
  'Nadia', 'Tom', 'Linda', 'Erik', 'Mirjam', 'Kevin', 'Naima', 'Stefan', 'Monique', 'Ahmet', 'Elif', 'Wesley', 'Chantal', 'Ricardo', 'Dewi',
];
export const PREFIX = ['', '', '', 'van ', 'van der ', 'de ', 'ter ', 'van den ', 'op de '];
export const ROOT = ['Lind', 'Molen', 'Esch', 'Horst', 'Wiel', 'Zand', 'Brug', 'Beek', 'Hoven', 'Kolk', 'Gaard', 'Weer', 'Dorp', 'Stee', 'Vliet', 'Ruys'];
export const SUFFIX = ['brink', 'veld', 'kamp', 'hoek', 'meer', 'wal', 'bosch', 'haar', 'dijk', 'berg', 'stra', 'inga', 'mans', 'ink'];

export const PROVIDER_NAMES = ['Stichting Onderdak', 'Thuis Voorop', 'De Brug Begeleiding', 'Samen Verder', 'Het Anker', 'Wending', 'Kompas Zorg', 'Vaste Grond', 'De Overstap', 'Nieuw Begin'];
export const CORPORATION_NAMES = ['Woonstede', 'Thuisvast', 'Het Woonhuis', 'Woongoed', 'Samen Wonen', 'Dak en Deur', 'Woonkracht', 'Ons Huis'];

export const MOTIVATIONS = [
  'Verblijft al lang in de opvang, houdt afspraken na en wil graag zelfstandig wonen.',
  'Stabiel in de nachtopvang; met intensieve begeleiding binnen twee jaar zelfstandig.',
  'Heeft eerder zelfstandig gewoond; schulden zijn in beeld bij de schuldhulpverlening.',
  'Gemotiveerd, heeft een dagbesteding en een netwerk in de wijk.',
];
