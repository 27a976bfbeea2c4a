import { describe, expect, test } from 'vitest';
import type { Entity, EntityType } from '../../lib/analyze';
import { findEntities, tokenize } from '../../lib/entities';
import { TITLE_MODIFIERS, TITLES } from '../../lib/entities/lexicon';
import { seedBody } from '../fixtures/seed';

const find = (text: string) => findEntities(text).entities;
const byName = (entities: Entity[], name: string) => entities.find((e) => e.name === name);

describe('the seed article', () => {
  const entities = find(seedBody());
  test.each<[string, EntityType]>([
    ['Jeff Rathke', 'PER'],
    ['Sartaj Aziz', 'PER'],
    ['Raheel Sharif', 'PER'],
    ['Haqqani network', 'ORG'],
    ['Pakistani Taliban', 'ORG'],
    ['US State Department', 'ORG'],
    ['Foreign Office', 'ORG'],
    ['BBCUrdu', 'ORG'],
    ['Pakistan', 'LOC'],
    ['North Waziristan', 'LOC'],
    ['Islamabad', 'LOC'],
    ['Afghanistan', 'LOC'],
  ])('%s is %s', (name, type) => {
    expect(byName(entities, name)?.type).toBe(type);
  });

  test.each([
    ['Jeff Rathke', ['Jeff Rathke', 'Rathke'], 3],
    ['Sartaj Aziz', ['Sartaj Aziz', 'Aziz'], 3],
    ['Raheel Sharif', ['Raheel Sharif', 'Raheel'], 2],
    ['Haqqani network', ['Haqqani network', 'Haqqani Network'], 3],
    ['US State Department', ['US State Department', 'State Department'], 3],
  ])('%s merges its variants', (name, variants, mentions) => {
    const entity = byName(entities, name);
    expect(entity?.variants.sort()).toEqual([...variants].sort());
    expect(entity?.mentions).toHaveLength(mentions);
  });

  test('titles are kept apart from the name', () => {
    expect(byName(entities, 'Raheel Sharif')?.titles).toContain('General');
    expect(byName(entities, 'Sartaj Aziz')?.titles).toContain('Advisor');
  });

  test('offsets point at the names in the text', () => {
    const text = seedBody();
    for (const e of entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('no plain words taken for names', () => {
    const names = entities.map((e) => e.name);
    for (const word of ['The', 'However', 'Some', 'It', 'He', 'State', 'Department', 'Press']) expect(names).not.toContain(word);
  });
});

describe('typographic and naming cases', () => {
  test.each<[string, string, EntityType]>([
    ['WASHINGTON: The talks went on.', 'Washington', 'LOC'], // shown in title case; the variant keeps the capitals
    ['He met Mr. John Smith yesterday and Smith agreed.', 'John Smith', 'PER'],
    ['She spoke to Dr Jane Goodall in Nairobi.', 'Jane Goodall', 'PER'],
    ['Officials from the Bank of England met on Monday.', 'Bank of England', 'ORG'],
    ['A study by the University of Helsinki was published.', 'University of Helsinki', 'ORG'],
    ["Pakistan’s army said so, and Pakistan's police agreed.", 'Pakistan', 'LOC'],
    ['The strike was claimed by the Haqqani network on Friday.', 'Haqqani network', 'ORG'],
    ['They travelled to North Waziristan by road.', 'North Waziristan', 'LOC'],
    ['Osama bin Laden was killed in 2011.', 'Osama bin Laden', 'PER'],
    ['The minister visited NATO headquarters.', 'NATO', 'ORG'],
    ['Reporters asked Prime Minister Nawaz Sharif about it.', 'Nawaz Sharif', 'PER'],
  ])('%s → %s', (text, name, type) => {
    const entity = byName(find(text), name);
    expect(entity?.type).toBe(type);
  });

  test('possessives keep the name without the apostrophe, straight or curly', () => {
    const entities = find("Aziz's remarks and Aziz’s interview were noted by Sartaj Aziz.");
    const aziz = byName(entities, 'Sartaj Aziz');
    expect(aziz?.mentions.map((m) => m.text)).toEqual(['Aziz', 'Aziz', 'Sartaj Aziz']);
  });

  test('sentence-initial capitals of plain words are not names', () => {
    const names = find('However, the talks failed. Infected ants were seen. Later the infected ants died.').map((e) => e.name);
    expect(names).toEqual([]);
  });

  test('an acronym defined in the text merges with its expansion', () => {
    const entities = find('The Foreign Office (FO) said on Tuesday that the FO would respond.');
    const fo = byName(entities, 'Foreign Office');
    expect(fo?.variants).toContain('FO');
    expect(fo?.mentions).toHaveLength(3);
  });

  test('an acronym of a name in camel case merges with it', () => {
    const librivox = byName(find('Readers of LibriVox grew fast. LV volunteers record books.'), 'LibriVox');
    expect(librivox?.variants.sort()).toEqual(['LV', 'LibriVox']);
  });

  test('a short form of the same given name is the same person; another given name is another person', () => {
    const entities = find('Lawrence Lessig spoke first. Later Larry Lessig said more. Jane Smith and John Smith met.');
    expect(byName(entities, 'Lawrence Lessig')?.variants.sort()).toEqual(['Larry Lessig', 'Lawrence Lessig']);
    expect(entities.filter((e) => e.name.endsWith('Smith')).map((e) => e.name)).toEqual(['Jane Smith', 'John Smith']);
  });

  test('a surname after a full name that ends in "Jr." is the same person', () => {
    const entities = find('U.S. Attorney James P. Kennedy Jr. spoke. Later, Kennedy said it was wrong.');
    expect(byName(entities, 'James P. Kennedy Jr.')?.mentions).toHaveLength(2);
  });

  test('a two-word surname after the full name is the same person; so is a nickname', () => {
    const entities = find('Director Kathleen Hawk Sawyer testified. Later Hawk Sawyer said no. Joshua Apte studies air. Josh Apte agreed.');
    expect(byName(entities, 'Kathleen Hawk Sawyer')?.mentions).toHaveLength(2);
    expect(byName(entities, 'Joshua Apte')?.variants.sort()).toEqual(['Josh Apte', 'Joshua Apte']);
  });

  test('two people sharing a surname: a lone surname goes to the nearest one before it', () => {
    const entities = find('Nawaz Sharif met Raheel Sharif. Later, Sharif said he was pleased.');
    expect(byName(entities, 'Raheel Sharif')?.mentions).toHaveLength(2);
    expect(byName(entities, 'Nawaz Sharif')?.mentions).toHaveLength(1);
  });

  test('a surname that a gazetteer also lists as a town is the person’s, unless the words around it place it', () => {
    const person = find('The convicted financier Epstein died in jail. Jeffrey Epstein had been held since July.');
    expect(byName(person, 'Jeffrey Epstein')?.mentions).toHaveLength(2);
    const both = find('Tom Stafford flew the mission. Later Stafford said it was hard. He grew up near Stafford, England.');
    expect(byName(both, 'Tom Stafford')?.mentions).toHaveLength(2);
    expect(byName(both, 'Stafford')?.type).toBe('LOC');
    expect(byName(both, 'Stafford')?.mentions).toHaveLength(1);
    const owner = find('Gov. Eric Holcomb signed it. Donors gave toward Holcomb’s campaign.');
    expect(byName(owner, 'Eric Holcomb')?.mentions).toHaveLength(2);
    // A firm's name from the long list, after a person who bears it, is theirs; before one, it stays the firm.
    expect(byName(find('John M. Ford wrote the novel. Ford said he liked it.'), 'John M. Ford')?.mentions).toHaveLength(2);
    expect(byName(find('Ford sold cars. Henry Ford was old. Ford grew.'), 'Ford')?.type).toBe('ORG');
    // A word used far more often alone than a late full name ending in it is no surname of that name.
    const group = find(
      `${'The Māori language is taught in Māori schools, and Māori art is shown in Wellington. '.repeat(3)}Near Taranaki Māori met.`,
    );
    expect(group.find((e) => e.name.includes('Taranaki'))?.mentions.length ?? 0).toBeLessThan(3);
    // Found again by its name, a mention does not take the first one's place context.
    const later = find('He glanced over at Haoyu. “Hi,” said Haoyu Zhang-Demir. Haoyu laughed. Haoyu nodded.');
    expect(byName(later, 'Haoyu Zhang-Demir')?.mentions.length).toBeGreaterThanOrEqual(3);
    // "from" is said of people too.
    expect(byName(find('Adam Schiff spoke. To get attention back from Schiff, they shouted. Schiff said no.'), 'Adam Schiff')?.mentions).toHaveLength(
      3,
    );
    // A country stays a country.
    expect(byName(find('Michael Jordan visited Jordan last week.'), 'Jordan')?.type).toBe('LOC');
  });

  test('headline case: only names known from the body are taken', () => {
    const text = 'Haqqani Network As Much A Threat As Any Other Group\n\nThe Haqqani network was named by officials in Kabul.';
    const entities = find(text);
    expect(byName(entities, 'Haqqani network')?.mentions).toHaveLength(2);
    expect(entities.map((e) => e.name)).not.toContain('Threat');
  });
});

describe('tokenizer', () => {
  test('splits possessives and keeps abbreviations from ending sentences', () => {
    const tokens = tokenize('Gen. Raheel’s visit. Then it ended.');
    expect(tokens.map((t) => t.text)).toEqual(['Gen.', 'Raheel', '’s', 'visit', 'Then', 'it', 'ended']);
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual(['Gen.', 'Then']);
  });

  test.each([
    ['NATO', 'caps'],
    ['U.S.', 'caps'],
    ['Rathke', 'upper'],
    ['al-Amr', 'upper'],
    ['d’Ettorre', 'upper'],
    ['Émile', 'upper'],
    ['eBay', 'lower'],
    ['T-shirt', 'lower'],
    ['U.S', 'caps'],
    ['AT&T', 'caps'],
    ['Don’t', 'lower'],
    ['We’re', 'lower'],
    ['2014', 'other'],
    ['北京', 'other'],
    ['ℝ', 'other'],
  ])('%s is %s', (word, shape) => {
    expect(tokenize(`x ${word} x`)[1]?.shape).toBe(shape);
  });
});

describe('more name shapes', () => {
  test.each<[string, string, EntityType]>([
    ['He joined the Republican party in 1980.', 'Republican party', 'ORG'],
    ['Readers of LibriVox grew fast.', 'LibriVox', 'ORG'],
    ['Officials of the FTU said so.', 'FTU', 'ORG'],
    ['He opposed the Vietnam War from the start.', 'Vietnam', 'LOC'],
    ['The talks were held in Las Vegas last week.', 'Las Vegas', 'LOC'],
    ['Civil Defense director General Suleiman al-Amr spoke.', 'Suleiman al-Amr', 'PER'],
    ['She studied under Prof. Patrizia d’Ettorre in Copenhagen.', 'Patrizia d’Ettorre', 'PER'],
    ["The lab of Giovanni dell'Orto reopened.", "Giovanni dell'Orto", 'PER'],
    ['Goals came from Romelu Lukaku, Yannick Carrasco, and Dries Mertens.', 'Dries Mertens', 'PER'],
    ['Oil spilled into the Gulf of Mexico.', 'Gulf of Mexico', 'LOC'],
    ['Residents fled south to Rafah on Monday.', 'Rafah', 'LOC'],
    ['She moved to Austin in 2010.', 'Austin', 'LOC'],
    ['Austin said he was tired.', 'Austin', 'PER'],
    ['Dr Maria van der Berg of the University of Amsterdam led the study.', 'Maria van der Berg', 'PER'],
    ['EU chief Ursula von der Leyen met Juan de la Cruz in Madrid.', 'Juan de la Cruz', 'PER'],
    ['Kim Jong Un and Xi Jinping met in Beijing.', 'Kim Jong Un', 'PER'],
    ['Microsoft CEO Satya Nadella said so.', 'Satya Nadella', 'PER'],
    ['Microsoft CEO Satya Nadella said so.', 'Microsoft', 'ORG'],
    ['The UN Secretary-General Antonio Guterres warned.', 'Antonio Guterres', 'PER'],
    ['WHO Director-General Tedros Adhanom Ghebreyesus said so.', 'Tedros Adhanom Ghebreyesus', 'PER'],
    ['WHO Director-General Tedros Adhanom Ghebreyesus said so.', 'WHO', 'ORG'],
    ['Nathan Law of Demosisto earned a surprise victory.', 'Demosisto', 'ORG'],
    ['He toured with The Jeff McBride Experience in 2001.', 'Jeff McBride', 'PER'],
    ['Mary Ann Evans wrote as George Eliot.', 'Mary Ann Evans', 'PER'],
    ['Raymond Chan of People Power was elected.', 'People Power', 'ORG'],
    ['Pilgrims gathered on the Plains of Arafat.', 'Plains of Arafat', 'LOC'],
    ['Ships crossed the Strait of Hormuz.', 'Strait of Hormuz', 'LOC'],
    ['Gorbachev met envoys of the U.S government.', 'U.S', 'LOC'],
    ['Yesterday J.R. Smith scored twice.', 'J.R. Smith', 'PER'],
    ['The U.S. Army withdrew.', 'U.S. Army', 'ORG'],
    ['The report came from Ernst & Young last week.', 'Ernst & Young', 'ORG'],
    ['Profits at AT&T rose.', 'AT&T', 'ORG'],
    ['The Doobie Brothers played in Ohio.', 'Doobie Brothers', 'ORG'],
    ['Shares of Kotak Securities fell.', 'Kotak Securities', 'ORG'],
    ['They played at Walnut Creek and the Ryman Auditorium.', 'Ryman Auditorium', 'LOC'],
    ['They played at Walnut Creek and the Ryman Auditorium.', 'Walnut Creek', 'LOC'],
    ['Republican Phil Bryant won the race.', 'Phil Bryant', 'PER'],
    ['Nonpartisan Paul Tse and Wong Kwok-kin were re-elected.', 'Paul Tse', 'PER'],
    ['The winner was Junius Ho.', 'Junius Ho', 'PER'],
    ['The prize went to Gary Ng and Anna Lim.', 'Gary Ng', 'PER'],
    ['The prize went to Gary Ng and Anna Lim.', 'Anna Lim', 'PER'],
    ['Shares rose after Wang spoke.', 'Wang', 'PER'],
    ['Publishers such as O’Reilly agreed.', 'O’Reilly', 'PER'],
    ['Sheriff Joe Arpaio spoke.', 'Joe Arpaio', 'PER'],
    ['Taylor Swift performed at the AMAs on Sunday.', 'AMAs', 'MISC'],
    ['The browser adds new Web APIs this year.', 'Web APIs', 'MISC'],
    ['The Cache API stores responses.', 'Cache API', 'MISC'],
    ['The draft was written by Michiel B. de Jong last year.', 'Michiel B. de Jong', 'PER'],
    ['Pieter van Dam spoke.', 'Pieter van Dam', 'PER'],
    ['They drove on to Lewis County.', 'Lewis County', 'LOC'],
    ['Interesting to see Stadia RDR2 running at 60fps.', 'Stadia RDR2', 'MISC'],
    ['The Māori are most likely descended from Polynesians.', 'Polynesians', 'MISC'],
    ['Brendan Eich quit. The Eich CEO promotion was brief.', 'Brendan Eich', 'PER'],
    ['Mozilla Firefox, its main rival, gained users.', 'Mozilla', 'ORG'],
    ['Speakers met at the Mozilla Festival in London.', 'Mozilla Festival', 'MISC'],
    ['She won the Google Science Fair this week.', 'Google', 'ORG'],
    ['T-Mobile CEO John Legere left.', 'T-Mobile', 'ORG'],
    ['T-Mobile CEO John Legere left.', 'John Legere', 'PER'],
    ['Acme Widgets Chief Executive Officer Jane Doe resigned.', 'Jane Doe', 'PER'],
    ['NASA Administrator Jim Bridenstine spoke.', 'Jim Bridenstine', 'PER'],
    ['South Dakota Gov. Kristi Noem spoke.', 'South Dakota', 'LOC'],
    ['President of Pakistan Mamnoon Hussain arrived.', 'Mamnoon Hussain', 'PER'],
    ['President of Pakistan Mamnoon Hussain arrived.', 'Pakistan', 'LOC'],
    ['Ivan served as the CEO of Hipcricket for ten years.', 'Hipcricket', 'ORG'],
    ['We are going to the General Assembly tomorrow.', 'General Assembly', 'ORG'],
    ['He won three Premier League titles.', 'Premier League', 'ORG'],
    ['A review by the Justice Department followed.', 'Justice Department', 'ORG'],
    ['Emeritus Professor John Burrows chairs the panel.', 'John Burrows', 'PER'],
    ['He met Saudi Crown Prince Mohammed bin Salman in Riyadh.', 'Mohammed bin Salman', 'PER'],
    ['Indiana State Teachers Association President Keith Gambill spoke.', 'Keith Gambill', 'PER'],
    ['CPUC President Marybel Batjer said it was bad.', 'Marybel Batjer', 'PER'],
    ['Michael Dell founded the firm.', 'Michael Dell', 'PER'],
    ['They feared it, as Kentucky GOP Gov. Matt Bevin lost.', 'Matt Bevin', 'PER'],
    ['“We pray,” said White House Press Secretary Stephanie Grisham.', 'Stephanie Grisham', 'PER'],
    ['Heritage won. Kelli Howard had 6 steals, and Kelli Howard 6 steals again.', 'Kelli Howard', 'PER'],
    ['Bob Marley sang first.', 'Bob Marley', 'PER'],
    ['Heritage won. C. Martinez 12 points, 4 rebounds.', 'C. Martinez', 'PER'],
    ['Heritage won. Duvan Portillo 3 assists.', 'Duvan Portillo', 'PER'],
    ['Shares of Essar Steel rose.', 'Essar Steel', 'ORG'],
    ['Lewis Hamilton won, and Lewis County voted.', 'Lewis County', 'LOC'],
    ['Lewis Hamilton won, and Jane Park spoke.', 'Jane Park', 'PER'],
    ['Agence France-Presse reported it first.', 'Agence France-Presse', 'ORG'],
    ['Yesterday President-elect Trump met him.', 'Trump', 'PER'],
    ['The American Bob Smith met Sudanese leaders.', 'Bob Smith', 'PER'],
    ['Since then, American-Sudanese relations have soured. American officials said so.', 'American-Sudanese', 'MISC'],
    ['Photo: Getty Images', 'Getty Images', 'ORG'],
    ['The AI-powered tools and an EU-wide ban came.', 'EU', 'ORG'],
    ['Acme Widgets Senior Vice President and Chief Operating Officer Jane Doe resigned.', 'Jane Doe', 'PER'],
    ['Acme Widgets Senior Executive Vice President Chief Operating Officer Jane Doe resigned.', 'Jane Doe', 'PER'],
    ['Houston, TX and Portland, OR sold out.', 'TX', 'LOC'],
    ['Houston, TX and Portland, OR sold out.', 'OR', 'LOC'],
    ['Indiana State Teachers Association President Keith Gambill spoke.', 'Indiana State Teachers Association', 'ORG'],
    ['President Xi Jinping of China met Emmanuel Macron.', 'Xi Jinping', 'PER'],
    ['President Xi Jinping of China met Emmanuel Macron.', 'China', 'LOC'],
    ['Rusmik Oza of Kotak Securities said so.', 'Rusmik Oza', 'PER'],
    ['He visited the United States of America.', 'United States of America', 'LOC'],
    ['The National Bank of Pakistan lent money.', 'National Bank of Pakistan', 'ORG'],
    ['The Medical Journal of Australia said so.', 'Medical Journal of Australia', 'ORG'],
  ])('%s → %s', (text, name, type) => {
    expect(byName(find(text), name)?.type).toBe(type);
  });

  test.each([
    'He used Windows XP at work.',
    'They debated Term Limits at length.',
    'The JPL Stardust team met.',
    'Files in HTML and XML formats.',
    'I ended up doing a PhD and then an MBA.',
    // "continues to" is no speech verb: the lone unknown name before it is not taken for a speaker.
    'If Chrome continues to surge, it will lead.',
    'I tested the Stadia Pro and the Chromecast Ultra with a Brydge Pro Keyboard.',
    'Don’t Jerk me around, she wrote.',
    'The Commissioner of Police refused, and the Commissioner for Human Rights said so too.',
    'The Republican-dominated legislature met.',
  ])('products, projects and formats are not people or organisations: %s', (text) => {
    expect(find(text).filter((e) => e.type === 'PER' || e.type === 'ORG')).toEqual([]);
  });

  test.each([
    ['Sweden beat Mexico at the World Cup on Wednesday.', 'World Cup'],
    ['She won gold at the Summer Paralympics in Rio.', 'Summer Paralympics'],
    ['Millions travel to Mecca for the Hajj every year.', 'Hajj'],
    ['The Glastonbury Festival sold out in minutes.', 'Glastonbury Festival'],
    ['October is National Magic Month in the United States.', 'National Magic Month'],
  ])('events are neither people, organisations nor places: %s', (text, name) => {
    const entity = byName(find(text), name);
    expect(entity === undefined || entity.type === 'MISC').toBe(true);
  });

  test('an office named by a field is no organisation: "Head of Research"', () => {
    expect(find('Pankaj Pandey, Head of Research at the bank, said so.').map((e) => e.name)).toEqual(['Pankaj Pandey']);
  });

  test('a country before a title is a place of its own', () => {
    const entities = find('US President Barack Obama tweeted.');
    expect(byName(entities, 'US')?.type).toBe('LOC');
    expect(byName(entities, 'Barack Obama')?.titles).toContain('President');
  });
});

describe('context decides the type', () => {
  test.each<[string, string, EntityType]>([
    ['As far as I can tell, The Onion writes an issue a week.', 'Onion', 'ORG'],
    ['His wife, 36, is from Sydney, Australia.', 'Sydney', 'LOC'],
    ['The town of Preston, Victoria, Australia, was flooded.', 'Victoria', 'LOC'],
    ['The Magic Jubilee in St. Louis drew crowds.', 'St. Louis', 'LOC'],
    ['Protests spread to Poland and Czechoslovakia in 1968.', 'Czechoslovakia', 'LOC'],
    ['Both the Irving Independent School District and the police declined.', 'Irving Independent School District', 'ORG'],
    ['A member of the elite Sea Org was charged.', 'Sea Org', 'ORG'],
    ['Whitmore told LA Weekly in a statement.', 'LA Weekly', 'ORG'],
    ['The crowd walked from NTU Hospital Station to the hall.', 'NTU Hospital Station', 'LOC'],
    ['He left Scientology-related work in 2010.', 'Scientology', 'ORG'],
    ['It was a real provocation to the West.', 'West', 'LOC'],
    ['The capsule landed back on Earth in January.', 'Earth', 'LOC'],
    ['In the first game of Group G, the favourites won.', 'Group G', 'ORG'],
    ['Later, Yau Wai-ching defeated another localist.', 'Yau Wai-ching', 'PER'],
    ['The coach substituted Park Joo-Ho in the 28th minute.', 'Park Joo-Ho', 'PER'],
    ['Hostility toward Muslims grew.', 'Muslims', 'MISC'],
    ['A New Zealander designed it.', 'New Zealander', 'MISC'],
    ['In Islam, the pilgrimage is a duty.', 'Islam', 'MISC'],
    ['Microsoft waits for the death of Internet Explorer 6.', 'Internet Explorer', 'MISC'],
    ['Localist group Civic Passion lost two seats.', 'Civic Passion', 'ORG'],
    ['He went to the Centre for Social Evolution in Copenhagen.', 'Centre for Social Evolution', 'ORG'],
    ['She was a guest at the Google Science Fair this week.', 'Google', 'ORG'],
  ])('%s → %s %s', (text, name, type) => {
    expect(byName(find(text), name)?.type).toBe(type);
  });

  test.each([
    ['a hashtag and a handle', 'She chose the hashtag #IStandWithAhmed and @POTUS replied.'],
    ['a currency', 'He was released on US$ 20,000 bail, or NZ $26 million.'],
  ])('%s is no name', (_, text) => {
    expect(find(text)).toEqual([]);
  });

  test('a person of an organisation is two names', () => {
    const entities = find('Alvin Yeung of Civic Party won, while the Bank of England said nothing.');
    expect(entities.map((e) => [e.name, e.type])).toEqual([
      ['Alvin Yeung', 'PER'],
      ['Civic Party', 'ORG'],
      ['Bank of England', 'ORG'],
    ]);
  });

  test('“I’m” and “I’ve” are the pronoun, not part of a name', () => {
    expect(find('I’m Mario J. Lucero and I’ve run it since 2007.').map((e) => e.name)).toEqual(['Mario J. Lucero']);
  });

  test('a place’s last word alone, and a body led by a place name, merge with the full name', () => {
    const entities = find('He flew for the United States Air Force. The Air Force trains officers. Trade with South Korea grew; Korea exports cars.');
    expect(byName(entities, 'United States Air Force')?.mentions.map((m) => m.text)).toEqual(['United States Air Force', 'Air Force']);
    expect(byName(entities, 'South Korea')?.mentions.map((m) => m.text)).toEqual(['South Korea', 'Korea']);
  });

  test('an acronym spelled out in lowercase words names a thing', () => {
    const text = 'A demo of the VM (virtual microscope) is online. The effects of iodine deficiency disorders (IDD) vary.';
    expect(find(text).map((e) => [e.name, e.type])).toEqual([
      ['VM', 'MISC'],
      ['IDD', 'MISC'],
    ]);
  });

  test('an acronym is what it stands for: an organisation, or a thing', () => {
    const things = find(
      'Ants die when ingesting ROS [Reactive Oxygen Species]. The ROS can be measured. Update to a newer Internet Explorer 9, as IE is old.',
    );
    expect(things.filter((e) => e.type !== 'MISC').map((e) => e.name)).toEqual([]);
    expect(byName(find('The Foreign Office (FO) said the FO would reply.'), 'Foreign Office')?.mentions.map((m) => m.text)).toEqual([
      'Foreign Office',
      'FO',
      'FO',
    ]);
  });

  test('a list beside a place does not make a person’s surname a place', () => {
    const entities = find('Daniel Montalvo flew home. After traveling back from Florida, Montalvo turned himself in.');
    expect(byName(entities, 'Daniel Montalvo')?.mentions.map((m) => m.text)).toEqual(['Daniel Montalvo', 'Montalvo']);
  });
});

describe('sides in a match report are teams', () => {
  const report =
    'Sweden defeated South Korea 1 – 0 on Monday in Nizhny Novgorod.\n\nGroup G — Belgium 3 – 0 Panama\n\nBelgium faced Panama in Sochi. Lukaku scored twice for Belgium.';
  test.each<[string, EntityType]>([
    ['Sweden', 'ORG'],
    ['South Korea', 'ORG'],
    ['Belgium', 'ORG'],
    ['Panama', 'ORG'],
    ['Sochi', 'LOC'],
    ['Nizhny Novgorod', 'LOC'],
  ])('%s is %s', (name, type) => {
    expect(byName(find(report), name)?.type).toBe(type);
  });

  test('dates next to places are no scores', () => {
    const briefs = 'Lahore 19-11-2014: the court met again.\n\nKarachi 20-11-2014: police defeated the plan of the gang.';
    expect(find(briefs).map((e) => [e.name, e.type])).toEqual([
      ['Lahore', 'LOC'],
      ['Karachi', 'LOC'],
    ]);
  });

  test('one result cited in an article about many places is no match report', () => {
    const places = ['Auckland', 'Wellington', 'Christchurch', 'Dunedin', 'Napier', 'Nelson', 'Rotorua', 'Hamilton', 'Tauranga'];
    const paragraph = (p: string) =>
      `New Zealand grew in ${p} this year. The council of ${p} planned new roads, parks and schools for the coming decade, and its residents welcomed the plan at a meeting in the town hall.`;
    const article = `${[...places, ...places].map(paragraph).join('\n\n')}\n\nSources: "Final: New Zealand 8-7 France". The Times.`;
    expect(byName(find(article), 'New Zealand')?.type).toBe('LOC');
    expect(byName(find(article), 'France')?.type).toBe('LOC');
  });

  test('without scores, a country is a place whatever the verb', () => {
    expect(byName(find('Sweden defeated the proposal in Brussels on Monday.'), 'Sweden')?.type).toBe('LOC');
  });
});

describe('a name opening a sentence with a plain word', () => {
  test.each<[string, string, EntityType]>([
    ['Isabel Ruiz runs Heaven Sent Gaming. Heaven Sent Gaming is two people.', 'Heaven Sent Gaming', 'ORG'],
    ["The toll came from Saudi Arabia's Civil Defense Authority. Civil Defense Authority staff were there.", 'Civil Defense Authority', 'ORG'],
  ])('keeps its first word when the text writes the pair capitalised mid-sentence: %s', (text, name, type) => {
    const entities = find(text);
    expect(byName(entities, name)?.type).toBe(type);
    expect(byName(entities, name)?.mentions).toHaveLength(2);
    expect(entities.filter((e) => e.name !== name && name.endsWith(e.name))).toEqual([]);
  });

  test('drops it otherwise', () => {
    expect(find('However Smith disagreed with the council.').map((e) => e.name)).not.toContain('However Smith');
  });
});

test.each([['Images of the boy in a NASA T-shirt spread fast.'], ['An X-ray of the NASA probe was shown.']])(
  'a capital letter before a hyphenated word is no name: %s',
  (text) => {
    expect(find(text).map((e) => e.name)).toEqual(['NASA']);
  },
);

test.each<[string, string | null]>([
  ['He is a professor in Linguistics and Philosophy.', null],
  ['The attack happened in Ghazni on Monday.', 'Ghazni'],
])('a capitalised plain word after "in" is no place; an unknown name is: %s', (text, place) => {
  expect(
    find(text)
      .filter((e) => e.type === 'LOC')
      .map((e) => e.name),
  ).toEqual(place ? [place] : []);
});

test.each<[string, string[]]>([
  ['Users moved to the recently released Google Chrome in March.', ['Google']],
  ['He trained in the NATO Joint Jet Pilot Training programme.', ['NATO']],
  ['Grants came from the Google Foundation last year.', ['Google Foundation']],
  ['Amnesty International and Human Rights Watch condemned the verdict.', ['Amnesty International', 'Human Rights Watch']],
  ['The strike targeted Islamic State fighters.', ['Islamic State']],
])('a known body before a product or programme is the body: %s', (text, orgs) => {
  expect(
    find(text)
      .filter((e) => e.type === 'ORG')
      .map((e) => e.name),
  ).toEqual(orgs);
});

describe('organisation, place and event names of more than one part', () => {
  test.each<[string, string, EntityType]>([
    ['The Food and Drug Administration approved the drug.', 'Food and Drug Administration', 'ORG'],
    ['The Department of Health and Human Services agreed.', 'Department of Health and Human Services', 'ORG'],
    ['He directs the National Institute of Allergy and Infectious Diseases.', 'National Institute of Allergy and Infectious Diseases', 'ORG'],
    ['Apple Inc. reported earnings on Thursday.', 'Apple Inc.', 'ORG'],
    ['Manchester City and Leeds United drew on Sunday.', 'Leeds United', 'ORG'],
    ['Climbers walked along the River Thames.', 'River Thames', 'LOC'],
    ['Hurricane Katrina struck New Orleans in 2005.', 'Hurricane Katrina', 'MISC'],
  ])('%s → %s', (text, name, type) => {
    expect(byName(find(text), name)?.type).toBe(type);
  });

  test.each<[string, string[]]>([
    ['Officials of the University of Oxford and Cambridge University met.', ['University of Oxford', 'Cambridge University']],
    ['The Bank of England and the Treasury agreed.', ['Bank of England']],
  ])('two bodies in a list stay two: %s', (text, names) => {
    expect(
      find(text)
        .filter((e) => e.type === 'ORG')
        .map((e) => e.name),
    ).toEqual(names);
  });
});

describe('titles with no name after them', () => {
  test.each<[string, string[]]>([
    ['Former Pakistani cricket captain Imran Khan won.', ['Pakistani', 'Imran Khan']],
    ['The US President spoke on Monday.', ['US']],
    ['Former President spoke. The Prime Minister said so.', []],
    ['He met Saudi Crown Prince Mohammed bin Salman in Riyadh.', ['Mohammed bin Salman', 'Riyadh']],
  ])('%s', (text, names) => {
    expect(find(text).map((e) => e.name)).toEqual(names);
  });

  test('every title word, alone, doubled or before a place, ends', () => {
    const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    for (const w of new Set([...TITLES, ...TITLE_MODIFIERS])) {
      const text = `Queues formed on ${cap(w)} in the city. ${cap(w)} ${cap(w)} Pakistani said so, and the ${cap(w)} US ${cap(w)} left.`;
      expect(() => find(text), w).not.toThrow();
    }
  });

  // "St" is both a title (Saint) and a place word (Street): once this recursed without end on a real page.
  test('a lone word that is both a title and a place ends', () => {
    expect(() => find('Queues formed on St in the city. The pub on Oliver Plunkett St reopened.')).not.toThrow();
  });
});

test('a list member takes a neighbour’s type only when it has the neighbour’s shape', () => {
  const entities = find('Elected were Raymond Chan of People Power, and Leung Kwok-hung of LSD.');
  expect(entities.find((e) => e.name.startsWith('Leung'))?.type).not.toBe('ORG');
});

test('a plain word alone does not make an untyped name someone’s', () => {
  const entities = find('Performing Magic for a living is hard. He went to the Winter Carnival of Magic in Tennessee. I liked Magic Tricks.');
  expect(entities.filter((e) => e.type === 'PER')).toEqual([]);
});

test('an office in capitals after a name is no part of it', () => {
  const entities = find('Brendan Eich quit in April. The Eich CEO promotion had lasted eleven days.');
  expect(entities.map((e) => e.name)).not.toContain('Eich CEO');
  expect(byName(entities, 'Brendan Eich')?.mentions.map((m) => m.text)).toEqual(['Brendan Eich', 'Eich']);
});

test('a post-nominal set off by commas is no US state, nor any name', () => {
  const entities = find('Speaking for them, Tom Molomby, SC, said no.');
  expect(byName(entities, 'Tom Molomby')?.type).toBe('PER');
  expect(byName(entities, 'SC')).toBeUndefined();
});

test('formats and plural abbreviations are no bodies', () => {
  const entities = find('The APIs and CPUs were fast. It used HTTP, and the ISBN was listed. NATO and the FBI met.');
  expect(entities.map((e) => `${e.type}:${e.name}`).sort()).toEqual(['MISC:APIs', 'MISC:CPUs', 'ORG:FBI', 'ORG:NATO']);
});

test('a word after a lowercase "the" is no one’s first name', () => {
  const entities = find('The Web Audio Editor shows the graph. It is the best tool for building the Web.');
  expect(byName(entities, 'Web Audio Editor')?.type).not.toBe('PER');
});

test('a name with plain words in it is a title or a product, and its first word alone does not make it a person', () => {
  const entities = find('Gecko runs everywhere. Gecko is fast. The Gecko Layout Engine was rewritten, and Gecko shipped.');
  expect(byName(entities, 'Gecko Layout Engine')?.type).not.toBe('PER');
});

test('a word alone far more often than the unknown name it opens is no first-name back-reference', () => {
  // ("quen" written in lower case leaves the full name untyped.)
  const boards = Array.from({ length: 4 }, (_, k) => `Zorblax sold ${k + 2} thousand boards.`).join(' ');
  const entities = find(`The Zorblax Quen came out; its name means quen in an old tongue. ${boards}`);
  expect(byName(entities, 'Zorblax Quen')?.type).not.toBe('PER');
  expect(byName(entities, 'Zorblax Quen')?.mentions).toHaveLength(1);
});
