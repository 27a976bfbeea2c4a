/** The command line, parsed strictly: an unknown option, a missing value or a stray argument is an error, said plainly. */
export type Command =
  | { kind: 'help' }
  | { kind: 'batch' }
  | {
      kind: 'file';
      file: string;
      text: boolean;
      url: string | null;
      json: boolean;
      link: boolean;
      wikimediaBase: string | null;
      published: string | null;
      /** when a saved page was fetched (ms), to read its relative dates */
      fetched: number | null;
    };

export class UsageError extends Error {}

const FLAGS = new Set(['--json', '--link', '--batch', '--help', '-h']);
const VALUED = new Set(['--url', '--text', '--wikimedia-base', '--published', '--fetched']);

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

export function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command !== 'analyze') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    if (VALUED.has(name)) {
      const value = inline ?? rest[i + 1];
      if (inline === null) i++;
      if (value === undefined || value === '' || (inline === null && value.startsWith('-') && value !== '-'))
        throw new UsageError(
          `${name} needs a value (${name === '--text' ? 'a file' : name === '--published' || name === '--fetched' ? 'a date' : 'a URL'})`,
        );
      if (values.has(name)) throw new UsageError(`${name} is given twice`);
      values.set(name, value);
    } else if (FLAGS.has(name)) {
      if (inline !== null) throw new UsageError(`${name} takes no value`);
      flags.add(name);
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${name}`);
    else positional.push(arg);
  }
  if (flags.has('--help') || flags.has('-h')) return { kind: 'help' };
  if (flags.has('--batch')) {
    const extra = [...flags, ...values.keys()].filter((f) => f !== '--batch');
    if (extra.length || positional.length) throw new UsageError(`--batch reads JSON lines from standard input and takes no ${extra[0] ?? 'file'}`);
    return { kind: 'batch' };
  }
  const text = values.get('--text');
  if (text !== undefined && positional.length) throw new UsageError(`give either FILE.html or --text FILE.txt, not both (${positional[0]})`);
  if (text === undefined && positional.length !== 1)
    throw new UsageError(positional.length ? `one file at a time (got ${positional.length})` : 'no file given');
  const url = values.get('--url') ?? null;
  if (url !== null && text !== undefined) throw new UsageError('--url is for a saved page, not for --text');
  if (url !== null && !/^(https?|file):/i.test(url)) throw new UsageError(`--url must be an http(s) or file address, not "${url}"`);
  const wikimediaBase = values.get('--wikimedia-base') ?? null;
  if (wikimediaBase !== null && !isHttpUrl(wikimediaBase))
    throw new UsageError(`--wikimedia-base must be an http(s) address, not "${wikimediaBase}"`);
  if (wikimediaBase !== null && !flags.has('--link')) throw new UsageError('--wikimedia-base goes with --link');
  const fetchedText = values.get('--fetched') ?? null;
  const fetched = fetchedText === null ? null : Date.parse(fetchedText);
  if (fetched !== null && !Number.isFinite(fetched)) throw new UsageError(`--fetched wants an ISO date or date-time, not "${fetchedText}"`);
  if (fetched !== null && text !== undefined) throw new UsageError('--fetched is for a saved page, not for --text');
  const published = values.get('--published') ?? null;
  if (published !== null && !/^\d{4}(-\d\d(-\d\d)?)?$/.test(published))
    throw new UsageError(`--published wants a date as YYYY, YYYY-MM or YYYY-MM-DD, not "${published}"`);
  return {
    kind: 'file',
    file: text ?? (positional[0] as string),
    text: text !== undefined,
    url,
    json: flags.has('--json'),
    link: flags.has('--link'),
    wikimediaBase,
    published,
    fetched,
  };
}
