import { describe, expect, test } from 'vitest';
import type { EntityType } from '../../lib/analyze';
import { findEntities } from '../../lib/entities';

const typeOf = (text: string, name: string) => findEntities(text).entities.find((e) => e.name === name)?.type;

test.each<[string, string, EntityType | undefined]>([
  // A craft's or an instrument's kind after its name.
  ['The Galileo and Ulysses spacecraft carried dust detectors.', 'Galileo', 'MISC'],
  ['The Galileo and Ulysses spacecraft carried dust detectors.', 'Ulysses', 'MISC'],
  ['Images from the Hubble telescope were shared.', 'Hubble', 'MISC'],
  ['The Cassini orbiter ended its mission.', 'Cassini', 'MISC'],
  // The body that runs the craft, and a place, stay what they are.
  ['The NASA probe was launched.', 'NASA', 'ORG'],
  ['The India satellite failed.', 'India', 'LOC'],
  // An acronym spelled out in capitalised words that name no body is a thing too.
  ["Wikinews interviewed him for May's Interview of the Month (IOTM) on May 18.", 'IOTM', 'MISC'],
  ['He was named Most Valuable Player (MVP) of the series.', 'MVP', undefined],
  // So is one spelled out in lowercase words anywhere before it, brackets or not; a known body's acronym never is.
  ['Iodised salt prevents iodine deficiency disorders. The best known effects of IDD are goitre and cretinism.', 'IDD', 'MISC'],
  ['He denied being involved from being involved at all. The FBI said so.', 'FBI', 'ORG'],
  ['Run the design rule checks first. If DRC passes, carry on.', 'DRC', 'MISC'],
  ['The Foreign Office (FO) said so.', 'Foreign Office', 'ORG'],
  ['He joined the Centre for Social Evolution (CSE) in 2012.', 'Centre for Social Evolution', 'ORG'],
  // A squad named by its place or its sponsor is a body, at a sentence start too.
  ['Team Estonia had to rebuild their robot.', 'Team Estonia', 'ORG'],
  ['The stage was won by Team Sky.', 'Team Sky', 'ORG'],
  ['Team members said so.', 'Team', undefined],
  ['Team Leader John Smith spoke.', 'John Smith', 'PER'],
  // A competition's group by its letter, at a line's start.
  ['Group F — Sweden 1 – 0 Korea Republic\n\nSweden won.', 'Group F', 'ORG'],
  ['Group leaders met on Monday.', 'Group', undefined],
  // A famous street is a place, by the gazetteer.
  ['It can be a real mess on Broadway.', 'Broadway', 'LOC'],
  // Protocols are no bodies.
  ['The interview was conducted on IRC with many people.', 'IRC', undefined],
  // The kind a list names: works, projects and ailments are things; publications are bodies.
  ['Articles in journals including Social Science & Medicine say so.', 'Social Science & Medicine', 'MISC'],
  ['Unlike computing projects like SETI @ home, it relies on people.', 'SETI', 'MISC'],
  ['Some publications, like AM New York, always have a story.', 'AM New York', 'ORG'],
  // (A work's kind after a copula is no head: the host is.)
  ['Oprah Winfrey was the show host for years.', 'Oprah Winfrey', 'PER'],
  // A capitalised word after a sentence's "The" that reports is a publication; a role or a kind of body is not.
  ['Some ants eat aphids. The Independent reported it as a first.', 'Independent', 'ORG'],
  ['Sales fell again. The Company reported a loss.', 'Company', undefined],
  ['He was sick. The Doctor wrote a note for him.', 'Doctor', undefined],
  // The plural kind after a list names what each name in it is.
  ['The virus was found in Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties.', 'Barry', 'LOC'],
  ['The virus was found in Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties.', 'Calhoun', 'LOC'],
  ['The virus was found in Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties.', 'Van Buren', 'LOC'],
  ['Students from Harvard and Yale universities came.', 'Yale', 'ORG'],
  ['Barry Manilow and friends sang in many cities.', 'Barry Manilow', 'PER'],
  // A bare letter ends a model's name, but not a list of authors' initials.
  ['Ford said the Mustang Mach E will go 230 miles. The Mach E was unveiled on Sunday.', 'Mach E', 'MISC'],
  ['Thanks to Arup Malakar, J B, and David Amsler.', 'J B', 'PER'],
  // A field's plain words, then the place a body serves; a place's qualifier is no field.
  ['Lydia Buchtmann for Food Standards Australia New Zealand says they are looking at it.', 'Food Standards Australia New Zealand', 'ORG'],
  ['A spokesman for Tourism Australia said so on Monday.', 'Tourism Australia', 'ORG'],
  ['Staff at Cancer Research UK fund the trial.', 'Cancer Research UK', 'ORG'],
  ['The new History of New Zealand was published in 2005.', 'History of New Zealand', 'MISC'],
  ['Prices rose in Rural Victoria over the year.', 'Rural Victoria', 'MISC'],
  // The state as a party in a Commonwealth court, not the first word of a title.
  ['It is asserted by the Crown that both parents knew.', 'Crown', 'ORG'],
  ['In the words of the Crown prosecutor, Mark Tedeschi, it was bad.', 'Crown', 'ORG'],
  ['The Crown Prince visited Riyadh.', 'Crown', undefined],
  // A short plain word, capitalised after a given name inside a sentence, is a surname.
  ['The seat was won by James To of the Democratic Party.', 'James To', 'PER'],
  ['The district councillor Peter Or lost his seat.', 'Peter Or', 'PER'],
  // (Not a word that opens what follows the name.)
  ['Later that week we met Mary Jones On Tuesday in the old town by the river.', 'Mary Jones', 'PER'],
  ['Later that week we met Mary On Tuesday in the old town by the river.', 'Mary On', undefined],
  // "World" after a word that is no common word, nationality or place ends a title's or a park's name.
  ["PC World's recent analysis of its own web traffic showed gains.", 'PC World', 'MISC'],
  ['Readers of Tech World complained.', 'Tech World', 'MISC'],
  ['It was in the Third World then.', 'Third World', undefined],
  ['The Arab World reacted.', 'Arab World', undefined],
])('%s: %s → %s', (text, name, type) => {
  expect(typeOf(text, name)).toBe(type);
});

describe('a word the text writes in lowercase is a plain word there', () => {
  test('"learning in Ants" is no place where the text speaks of "ants"', () => {
    const text = 'I did a project on learning in Ants under supervision. Some species eat aphids and dead ants.';
    expect(typeOf(text, 'Ants')).toBeUndefined();
  });

  test('"Standalone Wasm" is no one, and "Wasm" no surname, where "standalone" is a plain word', () => {
    const text =
      'Standalone Wasm files run anywhere. Wasm is fast. Wasm is small. Wasm is safe. Build it in standalone mode, ' + 'or use the standalone flag.';
    const people = findEntities(text).entities.filter((e) => e.type === 'PER');
    expect(people).toEqual([]);
  });

  test('a word named many times before a longer name is no surname of it ("Stardust", then "JPL Stardust")', () => {
    const text = [
      'Stardust flew past a comet. Stardust returned dust. Stardust landed in Utah. Stardust was a success.',
      'Watch the launch on the JPL Stardust website.',
    ].join(' ');
    expect(findEntities(text).entities.filter((e) => e.type === 'PER')).toEqual([]);
  });

  test('a name shaped like a person\'s takes back its surname named before it ("de Jong", "Michiel B. de Jong")', () => {
    const text = [
      'de Jong [Page 1] The server stores documents. de Jong [Page 2] The client reads them. de Jong [Page 3] More text.',
      "Author's Address: Michiel B. de Jong, IndieHosters, Amsterdam.",
    ].join('\n\n');
    const entity = findEntities(text).entities.find((e) => e.name === 'Michiel B. de Jong');
    expect(entity?.type).toBe('PER');
    expect(entity?.mentions.length).toBe(4);
  });
});

test.each<[string, string]>([
  ['Thomas Sam and Manju Sam were convicted. Despite the illness, the Sams continued to shun medicine.', 'Sams'],
  ['Tom Jones sang. Later the Joneses left the party.', 'Joneses'],
])('a family by the plural of a surname: %s', (text, family) => {
  expect(typeOf(text, family)).toBe('PER');
});

test('a plural that is no family stays out: "the Pirates" with no one named Pirate', () => {
  expect(typeOf('Later the Pirates won the game.', 'Pirates')).toBeUndefined();
});

describe('the kind of thing the words around a name say it is', () => {
  test.each<[string, string, EntityType | undefined]>([
    ["Do you want titles by publishers who are open to the concept, such as O'Reilly?", "O'Reilly", 'ORG'],
    ['Bars and restaurants hire firms such as Let There Be Neon in Manhattan.', 'Let There Be Neon', 'ORG'],
    ['By the way, AKMA was the first guy I know of to do this.', 'AKMA', 'PER'],
    ['Silego Technology is a fabless semiconductor company.', 'Silego Technology', 'ORG'],
    ['He visited countries like Jordan and Peru.', 'Jordan', 'LOC'],
    ['Such authors as Austen are read.', 'Austen', 'PER'],
    // The nearest plural decides, and a singular before "including" names no kind of its members.
    ['As organizations adopt new technologies such as AI, they change.', 'AI', undefined],
    ['It attacked defectors from the organization including Tom Devocht.', 'Tom Devocht', 'PER'],
    // "like" as a verb says nothing.
    ['I like Paris very much.', 'Paris', 'LOC'],
  ])('%s: %s → %s', (text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });
});

describe("a body's name that runs on into a person's", () => {
  const text =
    'Psychology major at University of Texas Arlington Amneh Jafari heard of the incident. She posted to Twitter. Jafari said she felt bad.';
  test('ends before the person whom the text names alone later', () => {
    const { entities } = findEntities(text);
    expect(entities.find((e) => e.type === 'ORG')?.name).toBe('University of Texas Arlington');
    expect(entities.find((e) => e.name === 'Amneh Jafari')).toMatchObject({ type: 'PER', variants: ['Amneh Jafari', 'Jafari'] });
  });
  test('stays whole when nothing names the last word alone', () => {
    const { entities } = findEntities('He studied at the University of Texas Arlington Campus Services office.');
    expect(entities.some((e) => e.type === 'PER')).toBe(false);
  });
});

describe("a place's or a body's other name in brackets", () => {
  test('is one entity with it', () => {
    const { entities } = findEntities('A hotel near the Masjid Al-Haram (Grand Mosque) collapsed. The Grand Mosque reopened on Friday.');
    const mosque = entities.find((e) => e.name === 'Masjid Al-Haram');
    expect(mosque?.variants).toEqual(['Masjid Al-Haram', 'Grand Mosque']);
    expect(mosque?.mentions).toHaveLength(3);
  });
  test('but a place after a place says where it is, and an actor after a role is someone else', () => {
    const { entities } = findEntities('He grew up in Springfield (Illinois). In the film, William Wallace (Mel Gibson) leads the revolt.');
    expect(entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Springfield', 'Illinois', 'William Wallace', 'Mel Gibson']));
  });
});

test('a known name is found again only where its words are joined as in a name ("MSC) Certified" is no "MSC-certified")', () => {
  const { entities } = findEntities(
    'It sported the Marine Stewardship Council (MSC) Certified label. Whole Foods kept its name for products like MSC-certified halibut.',
  );
  expect(entities.flatMap((e) => e.variants)).not.toContain('MSC) Certified');
});
