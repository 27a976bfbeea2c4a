/** The result contract shared by the extension, the CLI and ../shared/eval (offsets are UTF-16 indices into article.text). */

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Span {
  start: number;
  /** exclusive */
  end: number;
}

export interface Mention extends Span {
  text: string;
}

export interface Entity {
  id: string;
  /** canonical name: the longest full form seen */
  name: string;
  type: EntityType;
  mentions: Mention[];
  /** distinct surface forms, canonical first */
  variants: string[];
  /** titles seen before the name ("General", "President") */
  titles: string[];
}

export interface Quote extends Span {
  text: string;
  /** canonical speaker name, or null when the text gives none */
  speaker: string | null;
  /** the speaker as written near the quote ("the US official", "He") */
  speakerText: string | null;
  speakerId: string | null;
  /** a partial quote is a fragment woven into indirect speech */
  partial: boolean;
  /** the same quotation as the quote before it, reopened in a new paragraph; shown joined to it */
  continuesPrevious: boolean;
}

export interface RelatedLink {
  label: string;
  text: string;
  href: string;
}

/** What the analysis left out of a page or text beyond its limits (see ANALYSIS_LIMITS). */
export interface Limited {
  /** paragraphs and characters analysed */
  paragraphs: number;
  chars: number;
  /** in the text extracted (of a very big page, only its start is extracted: there may be more) */
  totalParagraphs: number;
  totalChars: number;
}

export interface Article {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  updated: string | null;
  /**
   * The date the page shows its reader by the byline or under the headline, as written there (relative dates resolved
   * against the fetch time); it may be the publication or the update.
   */
  dateShown?: string | null;
  /** where `published` came from: the page's metadata, a date shown on the page, or its address */
  publishedFrom?: 'metadata' | 'page' | 'address' | null;
  canonicalUrl: string | null;
  /** the publisher's own site as the page declares it (JSON-LD publisher url), else the page's origin */
  publisherUrl: string | null;
  lang: string | null;
  text: string;
  relatedLinks: RelatedLink[];
  /** present when the text is only the first part of the article: the analysis covers that part only */
  limited?: Limited | null;
}

/** Whether names and quotes were looked for: the rules know English only, so other languages get a notice, not guesses. */
export interface LanguageSupport {
  language: string | null;
  supported: boolean;
  notice: string | null;
}

export interface AnalysisResult {
  isArticle: boolean;
  /** why the page was or was not taken as an article */
  reason: string;
  nlp: LanguageSupport;
  article: Article | null;
  entities: Entity[];
  quotes: Quote[];
}
