#!/usr/bin/env node
/**
 * The `difusi` process: stdout made safe for a terminal, then the command
 * line (cli/program.ts) on the arguments after `node <script>`, as yargs's
 * hideBin gives them under Node.
 */
import { commandMain } from './program.js';
import { guardStdout } from './start.js';

guardStdout();
void commandMain(process.argv.slice(2));
