/**
 * The project's documentation stands alone (issue 12): no tracked file may
 * point outside the repository to the design material the project was
 * built from. Users have only the repository.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

// Built from parts so that this file does not match itself.
const FORBIDDEN = [['..', 'shared'].join('/'), ['shared', 'docs'].join('/')];

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '');
}

/** Files (of `files`, read under `root`) whose text contains one of `needles`, with the needle. */
export function filesReferring(root: string, files: readonly string[], needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // deleted in the working tree, or not a regular file
    }
    for (const needle of needles) if (text.includes(needle)) hits.push(`${file}: ${needle}`);
  }
  return hits;
}

describe('documentation that stands alone', () => {
  it('no tracked file refers to the shared design folder', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(filesReferring(ROOT, files, FORBIDDEN)).toEqual([]);
  });

  it('the check finds a reference where there is one', () => {
    // This very file names the folder only in pieces; README names docs/MODEL.md, which is fine.
    expect(filesReferring(ROOT, ['README.md'], FORBIDDEN)).toEqual([]);
    expect(filesReferring(ROOT, ['README.md'], ['docs/MODEL.md'])).toEqual(['README.md: docs/MODEL.md']);
  });

  it('every relative Markdown link in docs/, README and the Info pages points to an existing file', () => {
    const files = trackedFiles().filter((f) => f.endsWith('.md') && !f.startsWith('CHANGELOG'));
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue; // a URL
        const resolved = join(ROOT, file, '..', target);
        try {
          readFileSync(resolved);
        } catch {
          broken.push(`${file}: ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

/**
 * Words of the project's development process that users cannot follow
 * ("the fourth session", "issue 9"). The user docs say "an earlier
 * version" instead. docs/PERFORMANCE.md, docs/performance-history.md (the
 * development sessions' log) and docs/TESTING.md are for developers,
 * docs/VALIDATION.md is generated.
 */
const PROCESS_WORDS = /\b(?:(?:this|that|the same|the|an? earlier|a later|the next|the previous|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth) (?:development )?session\b|issue #?\d+)/i;
// The same words in Bahasa Indonesia, for the Indonesian user docs ("sesi keempat", "sesi pengembangan ini", "isu 9").
const PROCESS_WORDS_ID = /\bsesi (?:pengembangan )?(?:ini|itu|yang sama|sebelumnya|berikutnya|pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|ke-?\d+)\b|\bisu #?\d+/i;

export function processWords(text: string): string[] {
  return text.split('\n').filter((l) => PROCESS_WORDS.test(l) || PROCESS_WORDS_ID.test(l));
}

describe('user docs speak in the project\'s terms, not its development process', () => {
  it('no "session" or "issue N" in README.md, README.id.md and the user docs', () => {
    const docs = ['README.md', 'README.id.md', 'docs/ADAPTING.id.md', 'docs/GLOSSARY.id.md', 'scenarios/bekasi-2015-2025.id.md', 'docs/TUTORIAL.md', 'docs/TUTORIAL.id.md', 'docs/OUTPUTS.md', 'docs/ODD.md', 'docs/GLOSSARY.md', 'docs/EXPERIMENTS-USAGE.md', 'docs/EXPLORER.md', 'docs/MODEL.md', 'docs/NATIONAL.md'];
    const hits = docs.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return processWords(text).map((l) => `${f}: ${l.trim()}`);
    });
    expect(hits).toEqual([]);
  });

  it('(control) the words are found', () => {
    expect(processWords('x\nUntil the fourth session they were\nfixed (issue 9)\nour session store')).toEqual(['Until the fourth session they were', 'fixed (issue 9)']);
    expect(processWords('x\nSampai sesi keempat\ndiperbaiki (isu 9)\nsesi pelatihan Bappeda')).toEqual(['Sampai sesi keempat', 'diperbaiki (isu 9)']);
  });
});
