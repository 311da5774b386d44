/**
 * The option every parse of YAML text passes (parseDocument, parse): the
 * yaml package prints its own warnings (a mapping key that is a list or a
 * mapping, "Keys with collection values will be stringified ... Set
 * mapAsMap: true ...") through process.emitWarning when its document's
 * logLevel is 'warn', its default, so that Node printed "(node:NNNN)
 * Warning: ..." and its --trace-warnings hint before difusi's one ✗ line
 * about the same file. At 'error' nothing is printed, and an error is still
 * an error: `parse` still throws, a second document is still refused
 * (MULTIPLE_DOCS, which 'silent' would drop). A document's conversion
 * (toJS) uses the logLevel it was parsed with.
 */
export const YAML_QUIET = { logLevel: 'error' } as const;
