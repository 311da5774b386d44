/**
 * The share threshold of relativeWithheld (report/format.ts relativeThreshold)
 * written with no space before the percent sign ("5%", not "5 %"), as the
 * Indonesian report writes a percentage (its catalog's percentSign) and as
 * `difusi compare`'s terminal legend does in either language. Here rather
 * than beside relativeThreshold so the two texts that say it share one form.
 */
import { relativeThreshold } from '../format.js';

export function relativeShareThresholdTight(): string {
  return relativeThreshold(true).replace(' %', '%');
}
