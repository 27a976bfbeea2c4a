/**
 * The page cut into text blocks as a browser lays it out: a block is a run of inline content (text, links, emphasis,
 * spans) between block-level boundaries, so a link or an <em> inside a sentence stays in it, and loose text beside a
 * nested <div> is a block of its own. Each block keeps what the boilerplate classifier reads about it.
 */
import { collapseWhitespace, type PageElement, type PageNode, SKIPPED_TAGS, textOf } from './tree';

/** Elements laid out inline: their text joins the sentence around them. Unknown (custom) elements count as blocks. */
export const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'picture',
  'q',
  'ruby',
  'rt',
  'rp',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

export interface PageBlock {
  /** whitespace-collapsed text */
  text: string;
  /** the nearest block-level element holding the run */
  holder: PageElement;
  /** the holder's ancestors, nearest first, up to the root */
  ancestors: PageElement[];
  /** characters of the text inside links (<a href>), and how many links */
  linkChars: number;
  links: number;
  /** characters inside <time> elements (or elements with a datetime) that give a date, not a duration ("30 Min") */
  timeChars: number;
  /** characters in italics or small print (<em>, <i>, <small>, <cite>), and in bold (<strong>, <b>) */
  emphasisChars: number;
  boldChars: number;
  /** whether the run is all of its holder's text (no other block shares the holder) */
  whole: boolean;
  /** position of the block in page order */
  index: number;
}

const WHITESPACE = /\s/;

/** collapseWhitespace(text).length, without building the string (blocks.ts counts every text node of the page). */
function collapsedLength(text: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITESPACE.test(text.charAt(i)));
    if (space) pendingSpace = length > 0;
    else {
      if (pendingSpace) length++;
      pendingSpace = false;
      length++;
    }
  }
  return length;
}

function isHidden(el: PageElement): boolean {
  return 'hidden' in el.attrs || el.attrs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attrs.style ?? '');
}

/** Never text of the page: scripts, styles, form controls and hidden elements. */
function skipped(el: PageElement): boolean {
  return el.tag === 'script' || el.tag === 'head' || el.tag === 'title' || el.tag === 'meta' || SKIPPED_TAGS.has(el.tag) || isHidden(el);
}

interface Run {
  parts: string[];
  linkChars: number;
  links: number;
  timeChars: number;
  emphasisChars: number;
  boldChars: number;
}

const emptyRun = (): Run => ({ parts: [], linkChars: 0, links: 0, timeChars: 0, emphasisChars: 0, boldChars: 0 });

/** An address written out as a link's text ("http://www.gnu.org/…", "info@example.org") is the text itself, not a link away. */
export const WRITTEN_ADDRESS = /^(https?:\/\/|www\.)\S+$|^[^\s@]+@[^\s@]+\.\w+$/i;
const EMPHASIS_TAGS = new Set(['em', 'i', 'small', 'cite']);
/** A datetime or a text that gives a day ("2018-06-18T10:05Z", "3 June 2024"), not a duration ("PT30M", "30 Min"). */
const GIVES_DATE = /^\d{4}-\d\d|\b(18|19|20)\d\d\b/;
const BOLD_TAGS = new Set(['strong', 'b']);

interface Inline {
  link: boolean;
  time: boolean;
  emphasis: boolean;
  bold: boolean;
}

const PLAIN: Inline = { link: false, time: false, emphasis: false, bold: false };

/**
 * Cuts the page into blocks in page order. Two or more <br> in a row end a paragraph, as they do on the screen; a
 * single one is a line break inside it.
 */
export function segmentPage(root: PageElement): PageBlock[] {
  const blocks: PageBlock[] = [];
  const stack: PageElement[] = [];
  // Blocks found per holder, to tell a run that is its holder's whole text from one of several.
  const perHolder = new Map<PageElement, PageBlock[]>();
  let run = emptyRun();
  let holder: PageElement = root;
  let breaks = 0;

  const flush = () => {
    const text = collapseWhitespace(run.parts.join(''));
    if (text) {
      const ancestors: PageElement[] = [];
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i] !== holder) ancestors.push(stack[i] as PageElement);
      const block: PageBlock = {
        text,
        holder,
        ancestors,
        linkChars: Math.min(run.linkChars, text.length),
        links: Math.max(run.links, run.linkChars > 0 ? 1 : 0),
        timeChars: Math.min(run.timeChars, text.length),
        emphasisChars: Math.min(run.emphasisChars, text.length),
        boldChars: Math.min(run.boldChars, text.length),
        whole: true,
        index: blocks.length,
      };
      blocks.push(block);
      const siblings = perHolder.get(holder);
      if (siblings) {
        siblings.push(block);
        for (const b of siblings) b.whole = false;
      } else perHolder.set(holder, [block]);
    }
    run = emptyRun();
    breaks = 0;
  };

  const visit = (node: PageNode, inline: Inline) => {
    if (node.kind === 'text') {
      if (!node.text) return;
      if (/\S/.test(node.text)) breaks = 0;
      run.parts.push(node.text);
      const length = collapsedLength(node.text);
      if (inline.link) run.linkChars += length;
      if (inline.time) run.timeChars += length;
      if (inline.emphasis) run.emphasisChars += length;
      if (inline.bold) run.boldChars += length;
      return;
    }
    if (skipped(node)) return;
    if (node.tag === 'br') {
      if (++breaks >= 2) flush();
      else run.parts.push(' ');
      return;
    }
    if (INLINE_TAGS.has(node.tag)) {
      let link = inline.link;
      if (!link && node.tag === 'a' && node.attrs.href && !/^javascript:/i.test(node.attrs.href)) {
        link = !WRITTEN_ADDRESS.test(collapseWhitespace(textOf(node)));
        if (link) run.links++;
      }
      const inner: Inline = {
        link,
        time:
          inline.time || ((node.tag === 'time' || !!node.attrs.datetime) && GIVES_DATE.test(node.attrs.datetime ?? collapseWhitespace(textOf(node)))),
        emphasis: inline.emphasis || EMPHASIS_TAGS.has(node.tag),
        bold: inline.bold || BOLD_TAGS.has(node.tag),
      };
      stack.push(node);
      for (const child of node.children) visit(child, inner);
      stack.pop();
      return;
    }
    // A block-level element: the text before it, inside it and after it are separate blocks.
    flush();
    const outer = holder;
    holder = node;
    stack.push(node);
    for (const child of node.children) visit(child, inline);
    flush();
    stack.pop();
    holder = outer;
  };
  visit(root, PLAIN);
  flush();
  return blocks;
}
