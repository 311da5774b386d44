/** Types of scripts/build-stamp.mjs (for the tests that import it). */
export function sourceHash(root: string): string;
export function stampFile(root: string): string;
export function bundleStampFile(root: string): string;
export function writeStamp(root: string): Promise<void>;
export function staleReason(root: string): string | null;
