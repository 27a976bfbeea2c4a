/** Lines of page text that are the site talking, not the story: furniture, closing lines, section headings, credits. */

import type { TextBlock } from './content';

/** Lines that are page furniture wherever they appear. */
export const BOILERPLATE_LINE =
  /^(read comments?|\d*\s*comments?|next story|previous story|share( this( article| story)?)?( on \w+)?|advertisement|sponsored|today['’]?s paper\b.*|follow us\b.*|sign up\b.*|subscribe\b.*|click here\b.*|print|email|facebook|twitter|whatsapp|linkedin|copy link|listen to (this )?article|\d+ min(ute)?s? read|reply|antworten|kommentare? (verfassen|schreiben|hinterlassen)|teilen sie dies mit:?|(ähnliche|verwandte) (beiträge|artikel)|related posts|mehr zum thema:?|mehr zu [^.!?]{1,40}|bewerten:?|credits?:?|getty images|istock(\.com)?|share this:?|like this:?|gefällt mir:?|loading…?(\.\.\.)?)$/i;
/**
 * Lines that close an article off from the site: copyright, reprint terms, subscription and newsletter pitches, and the
 * invitations to comment, rate, share or read on that follow a story (in the languages the test pages use).
 *
 * Built on first use, as the other long patterns here: a module-level `new RegExp(String.raw…)` is a call bundlers cannot
 * prove free of side effects, so it would ride into every bundle that imports lib/extract, the always-injected gate too.
 */
let tailLine: RegExp | undefined;
const TAIL_LINE = (): RegExp =>
  (tailLine ??= new RegExp(
    String.raw`(^(©|\(c\)|copyright)|all rights reserved|alle rechte vorbehalten|\b(subscribe|subscriber|subscription|newsletter|sign up|log in|abonnieren|abonnement|abo|jetzt bestellen|e-paper|reprint|written permission|weiterlesen|read more|mehr zum thema|more from|follow us|folgen sie)\b)|^(comments are closed|leave a (comment|reply)|kommentar (verfassen|schreiben|hinterlassen)|schreibe einen kommentar|was denkst du|wie bewerten sie|rate this|schon gelesen|artikel zum thema|weitere artikel|meistgelesen|meistdiskutiert|top themen|vorschau auf den nächsten|sie lesen gern|gefällt (dir|ihnen)|bei fragen und anregungen|s[ií]guenos|follow (the|me)\b|you can (keep up|follow) (with )?me|get regular updates|pour (accéder|lire la suite)|this entry was posted|posted in|filed under|markiert mit|kategorien|tags?\s*:|(jetzt|artikel|beitrag) teilen|möchten sie den artikel teilen|share (this|on)\b)|(e-mail-adresse wird nicht veröffentlicht|email address will not be published|required fields are marked|pflichtfelder sind mit)|` +
      // rights in other languages, licences, filing lines, comment consent, app pitches
      String.raw`(wszelkie prawa zastrzeżone|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|` +
      String.raw`licensed under|lizenziert\.?$|abgelegt unter|kommentar akzeptierst|by (posting|submitting) (a|your) comment|` +
      String.raw`^sie wollen mehr|(^(download|get)|\b(download|get) (the|our))\b.{0,80}\bapps?\b)`,
    'i',
  ));

/**
 * Headings that open the site's own sections after a story (most read, more on the topic, read next): everything from
 * the first of them in the story's second half on is the site's, not the story's.
 */
let siteSection: RegExp | undefined;
const SITE_SECTION = (): RegExp =>
  (siteSection ??= new RegExp(
    String.raw`^((meistgelesen|meistdiskutiert|meistkommentiert)\w*( artikel| beiträge| news)?|meist kommentiert|artikel zum thema|weitere artikel|schon gelesen|top[- ]themen\b.*|vorschau auf den nächsten artikel|zum weiterlesen|das könnte (sie|dich) auch interessieren|auch interessant|lesen sie auch|ähnliche (beiträge|artikel)|verwandte (beiträge|artikel)|explore further|most (read|popular|viewed)|more from\b.*|more stories|read next|recommended( for you)?|related (stories|articles|posts|content)|you (may|might) also like|à lire aussi|lire aussi|les plus lus|te puede interesar|lo más leído|najczęściej czytane|mehr \S+ auf \S+|mehr aus der redaktion|` +
      // and the comment section: its form, or its count
      String.raw`kommentar (verfassen|schreiben|hinterlassen)( antwort abbrechen)?|schreibe einen kommentar|leave a (reply|comment)|` +
      String.raw`(your )?email address will not be published\b.*|e-mail \(wird benötigt und nicht veröffentlicht\)|was denkst du|` +
      String.raw`hier ist ihre meinung gefragt|\d+ (responses|replies|comments|kommentare|antworten) (to|zu|auf) .*)\s*[:?!]?$`,
    'i',
  ));

function cutAtSiteSection(blocks: TextBlock[]): TextBlock[] {
  const total = blocks.reduce((sum, b) => sum + b.text.length, 0);
  let seen = 0;
  for (const [i, block] of blocks.entries()) {
    if (seen >= total / 2 && block.text.length < 80 && SITE_SECTION().test(block.text)) return blocks.slice(0, i);
    seen += block.text.length;
  }
  return blocks;
}

/** The writer's farewell closing a post ("x Franzi", "XX, Die Redaktion", "Euer Hans", "Cheers, Tom"): the story's own. */
const SIGN_OFF =
  /^(x{1,3}|xoxo|xo|euer?|eure|dein|deine|love|cheers|liebe grüße|viele grüße|alles liebe|bis bald|herzlichst|yours|best wishes|bisous|besos|saludos|un abrazo)\b[\s,!]+\S/i;

/** Drops blocks at either end that are the site talking (copyright, pitches, labels, credits), up to the first real one. */
export function trimEdges(all: TextBlock[]): TextBlock[] {
  const blocks = cutAtSiteSection(all);
  let end = blocks.length;
  while (end > 1) {
    const last = blocks[end - 1] as TextBlock;
    // A short line that is no sentence ("Meistgelesene Artikel", "News", "Lesen Sie auch") after the story is a label.
    // Code ("netsh interface tcp set global …") ends no sentence either, but is the story's.
    const label = last.text.length < 80 && !/[.!?…"”»)]$/.test(last.text) && !SIGN_OFF.test(last.text) && last.tag !== 'pre';
    if (last.text.length > 400 || !(TAIL_LINE().test(last.text) || label)) break;
    end--;
  }
  // Before the story, the same kind of short label lines: credits, bylines, kickers ("Getty Images", "VON Sina Giebel").
  let start = 0;
  while (start < end - 1) {
    const first = blocks[start] as TextBlock;
    if (first.text.length >= 50 || /[.!?…:"”»)]$/.test(first.text) || /^h[2-6]$/.test(first.tag)) break;
    start++;
  }
  return start === 0 && end === all.length ? all : blocks.slice(start, end);
}

/** A subscription or newsletter pitch set inside the story ("please subscribe", "already a subscriber"): a paywall's words. */
const PITCH_LINE =
  /\b(please subscribe|subscribe (now|today)|(you['’]re|you are) already a subscriber|first-time subscribers|(sign|signing) up (to|for) (our|the) (free |daily |weekly )?newsletters?|pour accéder en illimité)\b/i;

/** A credit closing a caption: "… gesegnet. | © Augusta National/Getty Images", "(mlharing / iStock.com)". */
const TRAILING_CREDIT =
  /\s*(\|\s*)?©\s*[^©.!?]{2,80}$|\s*\((?:[^()]*\/\s*)?(istock(photo)?(\.com)?|getty images|shutterstock|adobe ?stock|unsplash|pixabay|picture alliance|imago)[^()]{0,40}\)$/i;

/**
 * A blog's filing and author-box lines ("This entry was posted in …", "Zeige alle Beiträge von …"), and a date given
 * as a label ("Aktualisiert am 17.01.2021.", "Stand: 05. Februar 2020"): the site's wherever they stand. (A comment
 * form's heading is left to SITE_SECTION, which cuts off everything after it.)
 */
let metaLine: RegExp | undefined;
const META_LINE = (): RegExp =>
  (metaLine ??= new RegExp(
    String.raw`^(this entry was posted|bookmark the permalink|zeige alle beiträge von|alle beiträge von|markiert mit|veröffentlicht unter|abgelegt unter|filed under|(beitrags|titel)bild\s*:|(weiterlesen|read more|mehr lesen|lire la suite|leer más)\s*:?$)|` +
      String.raw`^(aktualisiert( am)?|stand|zuletzt aktualisiert|last updated|updated( on)?|veröffentlicht am|published( on)?)\s*:?\s*[\p{L}\d., ]*\b(19|20)\d\d\b[\d:., ]*(uhr)?\.?$`,
    'iu',
  ));

/** Whether a line inside the story is the site's: furniture, a photo credit, a paywall pitch, a blog's filing line. */
export function isSiteLine(text: string): boolean {
  return (
    BOILERPLATE_LINE.test(text) ||
    (text.length < 120 && CREDIT_LINE.test(text)) ||
    (text.length < 300 && PITCH_LINE.test(text)) ||
    (text.length < 200 && META_LINE().test(text))
  );
}

/** The line without a photo credit at its end; the same line when it is nothing but one. */
export function withoutTrailingCredit(text: string): string {
  const stripped = text.replace(TRAILING_CREDIT, '');
  return stripped || text;
}

export const RELATED_HEADING =
  /^(related|related (stories|articles|coverage|news|content)|more on this( story)?|read more|see also|also read|further reading|more (stories|coverage))\s*:?$/i;

/** Photo credits and sources: "Credit: AFP", "Foto: dpa", "Crédits photos : Bestimage". */
export const CREDIT_LINE =
  /^©|^\(?(photo|photos|image|images|picture|credit|credits|foto|fotos|bild|bilder|quelle|source|sources|crédits?( photos?)?|źródło|fot)\s*:/i;
export const RELATED_LABEL =
  /^(also read|read also|read more|more on this|more on this story|related|related story|related news|related article|see also|also see|further reading|recommended|must read|don['’]?t miss|watch|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|à lire aussi|lire aussi|lee también|leer también|leggi anche|lees ook)\s*[:|–—-]\s*/i;
