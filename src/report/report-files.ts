/**
 * A report's file names (report.html, report.md, charts/; report.id.* and charts.id/ in Bahasa Indonesia), in a
 * module of their own so that a command can name the report it wrote without loading the report catalogs.
 */
import type { Lang } from './i18n/index.js';

/** The file names of a report in one language, relative to its result folder. */
export interface ReportFiles {
  readonly html: string;
  readonly md: string;
  /** The folder of the chart images report.md links (their titles are in the language too). */
  readonly charts: string;
}

/**
 * English keeps report.html, report.md and charts/; another language gets
 * its own names (report.id.html, report.id.md, charts.id/), so writing the
 * Indonesian report leaves the English one in place (docs/OUTPUTS.md).
 */
export function reportFiles(lang: Lang = 'en'): ReportFiles {
  return lang === 'en' ? { html: 'report.html', md: 'report.md', charts: 'charts' } : { html: `report.${lang}.html`, md: `report.${lang}.md`, charts: `charts.${lang}` };
}
