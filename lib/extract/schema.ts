/**
 * schema.org types of a story. Its own module, so the always-injected gate imports this and not the metadata reader
 * (dates, titles, bylines) around it.
 */
const ARTICLE_TYPES =
  /^(Article|NewsArticle|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting)$/;

export function isArticleSchemaType(type: string): boolean {
  return ARTICLE_TYPES.test(type);
}
