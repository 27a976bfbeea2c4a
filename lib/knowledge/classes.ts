/** Wikidata classes (P31 values) that tell people, organisations and places apart. */

export const HUMAN = 'Q5';

/** Organisation classes common in news. */
export const ORGANISATION_CLASSES = new Set([
  'Q43229', // organization
  'Q4830453', // business
  'Q783794', // company
  'Q891723', // public company
  'Q7210356', // political organization
  'Q7278', // political party
  'Q327333', // government agency
  'Q2659904', // government organization
  'Q17149090', // armed organization
  'Q15911314', // association
  'Q163740', // nonprofit organization
  'Q484652', // international organization
  'Q31855', // research institute
  'Q3918', // university
  'Q11032', // newspaper
  'Q1153191', // online newspaper
  'Q41298', // magazine
  'Q1002697', // periodical literature
  'Q15265344', // broadcaster
  'Q1331793', // media company
  'Q192350', // ministry
  'Q176799', // military unit
  'Q12159869', // terrorist organization
  'Q4438121', // sports organization
  'Q476028', // association football club
  'Q847017', // sports club
  'Q11691', // stock exchange
  'Q1664720', // institute
  'Q1530022', // religious organization
]);

/** Place classes common in news; any item with coordinates and no human or organisation class counts too. */
export const PLACE_CLASSES = new Set([
  'Q6256', // country
  'Q3624078', // sovereign state
  'Q515', // city
  'Q1549591', // big city
  'Q5119', // capital
  'Q1637706', // city with millions of inhabitants
  'Q10864048', // first-level administrative country subdivision
  'Q107390', // federated state
  'Q35657', // state of the United States
  'Q1620908', // historical region
  'Q82794', // geographic region
  'Q3455524', // administrative region
  'Q13221722', // third-level administrative country subdivision
  'Q486972', // human settlement
  'Q532', // village
  'Q3957', // town
  'Q23397', // lake
  'Q4022', // river
  'Q8502', // mountain
  'Q5107', // continent
]);

/** Classes of cities, for datelines ("WASHINGTON:" is the city, not the state). */
export const CITY_CLASSES = new Set(['Q515', 'Q1549591', 'Q5119', 'Q1637706', 'Q486972', 'Q3957']);

export const DISAMBIGUATION = 'Q4167410';
