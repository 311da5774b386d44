/**
 * report.md escaping (issue #15): HTML from scenario strings, the command
 * line and Info pages never reaches a markdown viewer as HTML, whatever mix
 * of ``` and ~~~ fences, list items and links the text uses.
 */
import { describe, expect, it } from 'vitest';
import { codeSpan, demoteInfo, escapeMarkdownText } from '../../src/report/markdown.js';

const IMG = '<img src=x onerror=alert(1)>';

describe('Info pages', () => {
  it('a ~~~ line inside a ``` block does not close it (the issue case)', () => {
    const out = demoteInfo(['```', '~~~', '```', IMG].join('\n'));
    expect(out.split('\n')).toEqual(['```', '~~~', '```', '&lt;img src=x onerror=alert(1)>']);
  });

  it('a fence closes only with the same character, at least as long, and nothing after it', () => {
    const out = demoteInfo(['````', '```', '```` x', IMG, '````', IMG].join('\n')).split('\n');
    expect(out.slice(0, 5)).toEqual(['````', '```', '```` x', IMG, '````']); // inside the block: shown as code
    expect(out[5]).toBe('&lt;img src=x onerror=alert(1)>');
  });

  it('a fence a viewer would see inside a list item or a quote is neutralized, so the two never disagree', () => {
    const text = ['- ```', '  x', '  ```', IMG, '> ~~~', IMG, '\t```', IMG].join('\n');
    const out = demoteInfo(text);
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/^[^\\\n]*```/m);
    expect(out).toContain('- \\`\\`\\`');
  });

  it('an unclosed block is closed at the end, so nothing after the Info page is swallowed', () => {
    expect(demoteInfo('~~~~\ncode')).toBe('~~~~\ncode\n~~~~');
  });

  it('the info string of a fence cannot carry markup', () => {
    expect(demoteInfo('```<img src=x onerror=1>\ncode\n```')).toBe('```img src=x onerror=1\ncode\n```');
  });

  it('relative links name their file as plain text (report.md is sent on without the docs); other links and code are left alone', () => {
    const info = 'See [ODD](../docs/ODD.md), [docs/GLOSSARY.md](../docs/GLOSSARY.md), [web](https://example.org), [top](#x) and `[c](../x.md)`.';
    const out = 'See ODD (ODD.md), docs/GLOSSARY.md, [web](https://example.org), [top](#x) and `[c](../x.md)`.';
    expect(demoteInfo(info)).toBe(out);
  });

  it('links to script and data URLs lose their link syntax', () => {
    const out = demoteInfo('[click](javascript:alert(1)) ![i](data:text/html,x)\n[ref]: javascript:alert(1)\n[ok](https://example.org)');
    expect(out).toContain('[click]\\(javascript:');
    // An image is shown as its text (below), so its opener is escaped too.
    expect(out).toContain('!\\[i]\\(data:');
    expect(out).toContain('\\[ref\\]: javascript:');
    expect(out).toContain('[ok](https://example.org)');
  });

  it('so do those a viewer reads as such only after its backslash escapes: an escaped colon, an escaped bracket in the label, a space before the destination', () => {
    const out = demoteInfo('[a\\]b]: javascript:alert(21)\n[m]: javascript\\:alert(22)\n\n[inline]( javascript\\:alert(23))\n[x](data\\:text/html,y)\n\n[r]:\n  javascript\\:alert(24)');
    expect(out).toContain('\\[a\\]b\\]: javascript:alert(21)');
    expect(out).toContain('\\[m\\]: javascript\\:alert(22)');
    expect(out).toContain('[inline]\\( javascript\\:alert(23))');
    expect(out).toContain('[x]\\(data\\:text/html,y)');
    expect(out).toContain('\\[r\\]:\n');
    // An escaped colon in a safe link, and an escaped bracket in a safe reference's label, keep their links (control).
    expect(demoteInfo('[a\\]b]: https://example.org/x\\:y')).toBe('[a\\]b]: https://example.org/x\\:y');
  });

  it('so do definitions inside a quote or a list item, and a destination continued on a quote\'s next line (a viewer strips the markers first)', () => {
    expect(demoteInfo('[a]\n\n> [a]: javascript:alert(1)')).toContain('> \\[a\\]: javascript:');
    expect(demoteInfo('[a]\n\n- [a]: javascript:alert(1)')).toContain('- \\[a\\]: javascript:');
    expect(demoteInfo('[a]\n\n1. [a]: vbscript:x')).toContain('1. \\[a\\]: vbscript:');
    expect(demoteInfo('[a]\n\n> > [a]: javascript:alert(1)')).toContain('> > \\[a\\]: javascript:');
    expect(demoteInfo('- a\n  - b\n\n       [a]: javascript:x\n\n[a]')).toContain('       \\[a\\]: javascript:x');
    expect(demoteInfo('> [a](\n> javascript:alert(1))')).toContain('> [a]\\(\n> javascript:');
    expect(demoteInfo('[a]\n\n[a]:\n> javascript:alert(1)')).toContain('\\[a\\]:\n> javascript:');
    // A safe definition in a quote keeps its link (control).
    expect(demoteInfo('[ok]\n\n> [ok]: https://example.org')).toBe('[ok]\n\n> [ok]: https://example.org');
  });

  it('so do those whose destination starts on the next line (markdown allows the break)', () => {
    const out = demoteInfo('[x](\njavascript:alert(1))\n\n[r1]:\n  <javascript:alert(2)>\n\n[fine](\nhttps://example.org)');
    expect(out).toContain('[x]\\(\njavascript:');
    expect(out).toContain('\\[r1\\]:\n');
    // A safe destination on the next line keeps its link (control).
    expect(out).toContain('[fine](\nhttps://example.org)');
  });
});

describe('scenario strings and the command line', () => {
  it('arrows and ordinary punctuation read as written', () => {
    expect(escapeMarkdownText('pilot -> city budget, A > B, R&D, 2 * 3, w_peer and bass_q')).toBe('pilot -> city budget, A > B, R&D, 2 * 3, w_peer and bass_q');
  });

  it('a scenario string cannot make emphasis, strikethrough, a quote or a heading', () => {
    expect(escapeMarkdownText('a *bold* and **strong** and _it_ and ~~gone~~')).toBe('a \\*bold\\* and \\*\\*strong\\*\\* and \\_it\\_ and \\~\\~gone\\~\\~');
    expect(escapeMarkdownText('line\n> quoted\n# heading')).toBe('line\n\\> quoted\n\\# heading');
    // A backslash of the text cannot undo the escape that follows it.
    expect(escapeMarkdownText('\\*x\\*')).toBe('\\\\\\*x\\\\\\*');
  });

  it('a scenario string is never a link or an image, and a trailing backslash escapes nothing after it', () => {
    expect(escapeMarkdownText('[click](https://evil.example)')).toBe('\\[click\\](https://evil.example)');
    expect(escapeMarkdownText('a ![i](http://t/p.png) b')).toBe('a !\\[i\\](http://t/p.png) b');
    expect(escapeMarkdownText('Smart [x] \\')).toBe('Smart \\[x\\] \\\\');
  });

  it('HTML and entities stay text: < and & before an entity are escaped', () => {
    expect(escapeMarkdownText('<b>x</b> &lt; &#60; &amp;')).toBe('&lt;b>x&lt;/b> &amp;lt; &amp;#60; &amp;amp;');
    expect(escapeMarkdownText(IMG)).not.toContain('<');
  });

  it('the Info page keeps its own markdown (emphasis, quotes), only its HTML is escaped', () => {
    expect(demoteInfo('A *small* test -> ok\n> quote <b>')).toBe('A *small* test -> ok\n> quote &lt;b>');
  });

  it('a description cannot open a code block or carry HTML', () => {
    const out = escapeMarkdownText(`before\n\`\`\`\n${IMG}`);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('```');
  });

  it('the command line stays one code span: no line break, no HTML, backticks inside', () => {
    const span = codeSpan(`difusi run x.yaml --set 'a=\`\`b'\n\n${IMG}\r\u001b[2J`);
    expect(span).not.toMatch(/[\n\r\u001b]/);
    expect(span.startsWith('``` ')).toBe(true);
    expect(span.endsWith(' ```')).toBe(true);
    expect(span.slice(4, -4)).not.toMatch(/(^|[^`])```([^`]|$)/);
  });
});

describe('backticks in a scenario string', () => {
  it('cannot open a code span, in which a viewer would show the escapes of < and | as written', () => {
    const out = escapeMarkdownText('S `x<y` |p|');
    expect(out).toBe('S \\`x&lt;y\\` |p|');
    // No unescaped backtick is left to pair with another.
    expect(out).not.toMatch(/(^|[^\\])`/);
  });

  it('a backslash before a backtick is escaped too, so it cannot undo the backtick\'s escape', () => {
    expect(escapeMarkdownText('a\\`b`')).toBe('a\\\\\\`b\\`');
  });
});

describe('images in an Info page', () => {
  it('are shown as the text they are written as, never fetched by a viewer: remote, relative and by reference', () => {
    const out = demoteInfo('Logo ![t](http://tracker.example/t.png) and ![rel](img/a.png)\n![ref][r]\n\n[r]: https://tracker.example/r.png');
    expect(out).toContain('!\\[t](http://tracker.example/t.png)');
    expect(out).toContain('!\\[rel](img/a.png)');
    expect(out).toContain('!\\[ref][r]');
    // No unescaped image opener is left.
    expect(out).not.toMatch(/(^|[^\\])!\[/m);
  });

  it('an image written inside a code span stays as written (control)', () => {
    expect(demoteInfo('Write `![alt](url)` for an image.')).toBe('Write `![alt](url)` for an image.');
  });
});
