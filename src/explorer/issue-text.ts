/**
 * The explorer's problems in the page's language: the translation itself is
 * messages/issue-text.ts, shared with the command line (`--lang id`), which
 * loads it without any of the explorer's code.
 */
export { expectedId, foundId, issueText, messageId } from '../messages/issue-text.js';
