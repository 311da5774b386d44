/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explorer page: choose a scenario, move its levers, run replications
 * in Web Workers, read the answer with its uncertainty, compare with a
 * pinned baseline, look inside one run, and take the setting away as a
 * scenario file. Plain DOM, no framework.
 *
 * Every value a user or a scenario file supplies is shown with textContent
 * (never as HTML): scenario files are data. The one exception is a
 * scenario's Info page, rendered from Markdown by the report's
 * markdownToHtml (everything escaped, no link followed) and checked against
 * the few elements that renderer makes before it is shown (about.ts).
 */
import { UserError, type ScenarioIssue } from '../messages/catalog.js';
import { issueText } from './issue-text.js';
import { safeStrings, safeText } from '../messages/safe-text.js';
import { commonLevers, resolveLevers, type ResolvedLever } from '../scenario/levers.js';
import type { Scenario } from '../scenario/schema.js';
import type { ComparisonRow } from '../experiment/compare.js';
import { COMPARE } from '../store/tables.js';
import { formatCell, type Cell } from '../store/csv-format.js';
import { OUTCOMES } from '../model/observation.js';
import type { OutcomeShare } from '../experiment/outcome-table.js';
import { Aggregate, borderlineOf, comparePinned } from './aggregate.js';
import { catalog } from '../report/i18n/index.js';
import { metricsOf, networkOf, type NetworkView } from './engine.js';
import { WorkerPool } from './pool.js';
import { applySetting, PAGE_REPLICATIONS, PAGE_SEED_MAX, pageIssueLabelled, parseSource, readPageSetting, reproduces, settingYaml, type Overrides } from './setting.js';
import { translate, type Language, type MessageKey } from './i18n.js';
import { eventText, eventTitle } from './event-text.js';
import { adoptionChart, Chart, forestChart, serviceName, survivalChart } from './charts.js';
import { agencyText, agencyTypeLabel, networkSvg, statesAt, type NodeState } from './network.js';
import { scenarioHashPure } from './sha256.js';
import { leverScale } from './scale.js';
import { PARAMETER_DEFAULTS } from '../scenario/parameters.js';
import { lastMonth } from '../scenario/calendar.js';
import { fixed, monthInWords, percent, plain, proseInterval, signed as signedIn, signedPoints, tableInterval, withPercent } from './format.js';
import { aboutScenario, markupAllowed, type InfoPages } from './about.js';

declare const __WORKER_CODE__: string;

/** An embedded scenario (store/explorer-write.ts EmbeddedScenario): its Info pages with it. */
interface Source extends InfoPages {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`missing #${id}`);
  return found as T;
};

/** Replications that record their events (as `difusi run`'s default --detail). */
const DETAIL = 10;
/** Replications by default: the scenario's, at most this many (fast enough to feel live). */
const DEFAULT_REPLICATIONS = 200;
/**
 * Least time between chart redraws while replications arrive (ms), and before
 * the first one. Drawing shares the cores with the workers (measured on 2
 * cores: the page's drawing took more CPU than the workers' 200 Bekasi
 * replications when it redrew every 400 ms), so a short run draws its charts
 * once at the end, and a long one redraws about every second, the gap growing
 * to four times the last drawing time. The table and progress bar update with
 * every replication.
 */
const REDRAW_MS = 1000;
let lastDrawCost = 0;

const state = {
  lang: 'en' as Language,
  sources: [] as Source[],
  file: '',
  text: '',
  input: null as unknown,
  base: null as Scenario | null,
  levers: [] as ResolvedLever[],
  commonLevers: false,
  values: new Map<string, number | boolean | string | null>(),
  seed: 1,
  replications: DEFAULT_REPLICATIONS,
  run: null as { agg: Aggregate; started: number; finished: number | null; overrides: Overrides } | null,
  baseline: null as { agg: Aggregate; overrides: Overrides } | null,
  comparison: null as ComparisonRow[] | null,
  /** The problems on screen (scenario text, levers, seed, replications). */
  issues: [] as readonly ScenarioIssue[],
  inspect: { replication: 0, service: 0, month: 1, net: null as NetworkView | null, timer: 0, agency: 0, picked: false },
  lastDraw: 0,
  drawTimer: 0,
};

const t = (key: MessageKey, values: Record<string, string | number> = {}): string => translate(state.lang, key, values);

const pool = new WorkerPool(__WORKER_CODE__, Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2)));
const charts = {
  adoption: new Chart($('chart-adoption')),
  survival: new Chart($('chart-survival')),
  forest: new Chart($('chart-forest')),
};

// ---------------------------------------------------------------------------
// Text of the page

function applyLanguage(): void {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset['i18n'] as MessageKey);
  document.title = t('title');
  if (state.file !== '') showSourceName(state.file, state.text);
  renderAbout();
  renderLevers();
  // The problems listed, and marked at their fields, in the new language.
  showIssues(state.issues);
  renderOutcomes();
  renderComparison();
  // The services to look inside, named in the new language.
  for (const o of $<HTMLSelectElement>('inspect-service').options) o.textContent = innovationName(o.dataset['innovation'] ?? '');
  renderInside();
  renderStatus();
  renderBaselineLabel();
  $('play').textContent = state.inspect.timer ? t('pause') : t('play');
  labelExports();
  // The charts' titles and axes come from the report's catalogs: draw them again in the new language.
  void drawCharts();
  drawForest();
}

// ---------------------------------------------------------------------------
// Scenario source: embedded, pasted or dropped

function loadSources(): void {
  const node = document.getElementById('difusi-scenarios');
  const parsed = JSON.parse(node?.textContent || '[]') as Source[];
  state.sources = parsed;
  const select = $<HTMLSelectElement>('scenario-select');
  select.replaceChildren(
    ...parsed.map((s, i) => {
      const option = document.createElement('option');
      option.value = String(i);
      option.textContent = safeText(s.name);
      return option;
    }),
  );
}

function useSource(file: string, text: string): void {
  state.file = file;
  state.text = text;
  $<HTMLTextAreaElement>('source').value = text;
  $('source-file').textContent = file;
  showSourceName(file, text);
  const parsed = parseSource(text, file);
  if (!parsed.ok) {
    // Nothing runs until the text is valid: no levers or results of an earlier text stay on screen.
    state.base = null;
    state.levers = [];
    state.values = new Map();
    renderAbout();
    renderLevers();
    showIssues(parsed.issues);
    clearResults();
    return;
  }
  showIssues([]);
  state.input = parsed.input;
  // Shown, never run: names and labels without the control and bidirectional characters the reports remove too
  // (messages/safe-text.ts). Runs and the hash take the file's own text (state.input).
  state.base = safeStrings(parsed.scenario);
  renderAbout();
  const declared = state.base.levers ?? [];
  state.commonLevers = declared.length === 0;
  state.levers = resolveLevers(state.base, state.commonLevers ? commonLevers(state.base) : declared);
  state.values = new Map(state.levers.map((l) => [l.path, l.value]));
  state.seed = parsed.scenario.seed;
  state.replications = Math.min(parsed.scenario.replications, DEFAULT_REPLICATIONS);
  $<HTMLInputElement>('seed').value = String(state.seed);
  $<HTMLInputElement>('reps').value = String(state.replications);
  clearBaseline();
  renderLevers();
  startRun();
}

/**
 * The header's scenario list names what is loaded: a shipped scenario only
 * while its own text is used, else an entry for the pasted or dropped file.
 */
function showSourceName(file: string, text: string): void {
  const select = $<HTMLSelectElement>('scenario-select');
  select.querySelector('option[value="other"]')?.remove();
  const index = state.sources.findIndex((s) => s.file === file && s.text === text);
  if (index >= 0) {
    select.value = String(index);
    return;
  }
  const option = document.createElement('option');
  option.value = 'other';
  option.dataset['file'] = file;
  option.textContent = safeText(t('pastedText', { file }));
  select.append(option);
  select.value = 'other';
}

/**
 * "About this scenario" for the scenario loaded: its description, and its
 * Info page when the text is an embedded scenario's own (a pasted, dropped or
 * edited text has none). Hidden while the text is not a valid scenario.
 */
function renderAbout(): void {
  const section = $('about');
  section.hidden = state.base === null;
  if (state.base === null) return;
  const source = state.sources.find((s) => s.file === state.file && s.text === state.text) ?? null;
  const about = aboutScenario(state.base, source, state.lang);
  const description = $('about-description');
  description.textContent = about.description || t('noDescription');
  description.classList.toggle('none', about.description === '');
  // Text shown in English on a page in Bahasa Indonesia is marked so (a screen reader reads it as English).
  markEnglish(description, about.descriptionEnglish);
  const note = $('about-note');
  note.hidden = about.info !== 'pasted' && about.info !== 'none';
  note.textContent = about.info === 'pasted' ? t('infoPasted') : about.info === 'none' ? t('infoNone') : '';
  const details = $<HTMLDetailsElement>('about-details');
  details.hidden = about.infoHtml === '';
  $('about-english').hidden = about.info !== 'english';
  const box = $('about-info');
  markEnglish(box, about.info === 'english');
  if (about.infoHtml === '') {
    box.replaceChildren();
    return;
  }
  // Parsed in an inert template (nothing loads or runs there), shown only if it holds nothing but
  // markdownToHtml's own elements; else the Markdown as plain text.
  const template = document.createElement('template');
  template.innerHTML = about.infoHtml;
  if (markupAllowed(template.content.querySelectorAll('*'))) {
    box.replaceChildren(template.content);
  } else {
    const pre = document.createElement('pre');
    pre.textContent = safeText(about.infoMarkdown);
    box.replaceChildren(pre);
  }
}

/** Marks an element's text as English (lang="en") on a page in another language, or as the page's (no lang of its own). */
function markEnglish(element: HTMLElement, english: boolean): void {
  if (english) element.lang = 'en';
  else element.removeAttribute('lang');
}

/** The file name for text from the box: a shipped scenario's when it is its text, else the dropped file's or pasted.yaml. */
function typedFileName(text: string): string {
  const shipped = state.sources.find((s) => s.text === text);
  if (shipped) return shipped.file;
  const current = state.file;
  if (current === '' || state.sources.some((s) => s.file === current) || !/\.(ya?ml|json)$/i.test(current)) return 'pasted.yaml';
  return current;
}

function showIssues(issues: readonly ScenarioIssue[]): void {
  state.issues = issues;
  markInvalid();
  const list = $('issues');
  $('issues-title').hidden = issues.length === 0;
  $('valid').textContent = issues.length === 0 && state.base ? t('valid') : '';
  const lines = state.text.split('\n');
  list.replaceChildren(
    ...issues.map((issue) => {
      const li = document.createElement('li');
      li.dataset['line'] = issue.line === undefined ? '' : String(issue.line);
      const message = document.createElement('span');
      // In the page's language (issue-text.ts); as text, so no scenario string in it becomes markup. A page field's
      // problem is named by its label, not by the internal file name "explorer" its line would start with.
      message.textContent = safeText(pageFieldText(issue, issueText(labelled(issue), state.lang)));
      li.append(message);
      if (issue.line !== undefined) {
        const excerpt = document.createElement('code');
        excerpt.className = 'excerpt';
        excerpt.textContent = safeText(`${issue.line} | ${lines[issue.line - 1] ?? ''}`);
        const go = document.createElement('button');
        go.type = 'button';
        go.textContent = `→ ${issue.line}:${issue.column ?? 1}`;
        go.setAttribute('aria-label', t('lineColumn', { line: issue.line, column: issue.column ?? 1 }));
        go.addEventListener('click', () => selectLine(issue.line!, issue.column ?? 1));
        // A space between the message and its button: copied or read aloud, the message ran into it ('"1,5")→ 72:15').
        li.append(' ', go, excerpt);
      }
      return li;
    }),
  );
}

/** A problem with the Seed or Replications field named by the field's label (setting.ts pageIssueLabelled). */
function labelled(issue: ScenarioIssue): ScenarioIssue {
  return pageIssueLabelled(issue, { seed: t('seed'), replications: t('replications') });
}

/** A problem's line without the internal file name ("explorer") that opens the problems of the page's own fields. */
function pageFieldText(issue: ScenarioIssue, message: string): string {
  return issue.file === 'explorer' ? message.replace(/^explorer /, '') : message;
}

/**
 * Marks the fields a problem names, where the user is looking: a lever
 * (`override <path>`), the seed or the replications (the page's own fields).
 */
function markInvalid(): void {
  const bad = new Map<string, string[]>();
  for (const issue of state.issues) {
    const key = issue.file.startsWith('override ') ? issue.file.slice('override '.length) : issue.file === 'explorer' ? String(issue.path[0] ?? '') : '';
    if (key === '') continue;
    // Beside the field its name is known: the message without the "override <path>:" or "explorer" that opens it.
    const message = issueText(labelled(issue), state.lang);
    bad.set(key, [...(bad.get(key) ?? []), safeText(message.startsWith(`${issue.file}: `) ? message.slice(issue.file.length + 2) : pageFieldText(issue, message))]);
  }
  for (const input of document.querySelectorAll<HTMLInputElement>('#levers input[data-path]')) {
    const messages = bad.get(input.dataset['path'] ?? '');
    const div = input.closest<HTMLElement>('.lever')!;
    div.classList.toggle('invalid', messages !== undefined);
    input.setAttribute('aria-invalid', String(messages !== undefined));
    div.querySelector('.lever-problem')?.remove();
    // The lever's scale, then its problem when it has one.
    const scale = input.dataset['scale'];
    if (scale) input.setAttribute('aria-describedby', scale);
    else input.removeAttribute('aria-describedby');
    if (messages) {
      const p = document.createElement('p');
      p.className = 'lever-problem';
      p.id = `${input.id}-problem`;
      p.textContent = messages.join(' ');
      div.append(p);
      input.setAttribute('aria-describedby', scale ? `${scale} ${p.id}` : p.id);
    }
  }
  // One line under the two fields, as before; each field's problem in its own part of it, so that each field is
  // described by its own problem only (one paragraph for both read a wrong Seed's problem with Replications too).
  const page: (HTMLElement | string)[] = [];
  for (const [id, key] of [['seed', 'seed'], ['reps', 'replications']] as const) {
    const messages = bad.get(key);
    $(id).setAttribute('aria-invalid', String(messages !== undefined));
    // Described by its problem, as a lever is (a screen reader reads it with the field).
    if (messages) {
      const part = document.createElement('span');
      part.id = `${id}-problem`;
      part.textContent = messages.join(' ');
      if (page.length > 0) page.push(' ');
      page.push(part);
      $(id).setAttribute('aria-describedby', part.id);
    } else $(id).removeAttribute('aria-describedby');
  }
  $('page-problem').hidden = page.length === 0;
  $('page-problem').replaceChildren(...page);
}

/** Puts the caret on a line of the scenario text and scrolls it into view. */
function selectLine(line: number, column: number): void {
  const area = $<HTMLTextAreaElement>('source');
  const lines = area.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  const end = offset + (lines[line - 1]?.length ?? 0);
  area.focus();
  area.setSelectionRange(offset + Math.max(0, column - 1), end);
  const lineHeight = area.scrollHeight / Math.max(1, lines.length);
  area.scrollTop = Math.max(0, (line - 4) * lineHeight);
}

function sourceFileName(): string {
  const current = state.file || 'pasted.yaml';
  return /\.(ya?ml|json)$/i.test(current) ? current : 'pasted.yaml';
}

// ---------------------------------------------------------------------------
// Levers

function leverLabel(l: ResolvedLever): string {
  return state.lang === 'id' ? l.labelId : l.label;
}

function renderLevers(): void {
  const box = $('levers');
  $('levers-note').textContent = state.commonLevers ? t('leversCommon') : '';
  box.replaceChildren(
    ...state.levers.map((l, i) => {
      const div = document.createElement('div');
      div.className = 'lever';
      const id = `lever-${i}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = leverLabel(l);
      const input = document.createElement('input');
      input.id = id;
      input.dataset['path'] = l.path;
      const value = state.values.has(l.path) ? state.values.get(l.path)! : l.value;
      div.classList.toggle('changed', value !== l.value);
      const out = document.createElement('output');
      out.htmlFor.add(id);
      if (l.kind === 'slider') {
        input.type = 'range';
        input.min = String(l.min);
        input.max = String(l.max);
        input.step = String(l.step);
        // A parameter that is off shows its slider at the minimum, labelled "off", until moved.
        input.value = String(value ?? l.min);
        out.textContent = value === null ? t('off') : plain(Number(value), state.lang);
        input.addEventListener('input', () => {
          out.textContent = plain(Number(input.value), state.lang);
          setLever(l, Number(input.value), div);
        });
      } else if (l.kind === 'switch') {
        input.type = 'checkbox';
        input.setAttribute('role', 'switch');
        input.checked = value === true;
        out.textContent = value === true ? t('on') : t('off');
        input.addEventListener('change', () => {
          out.textContent = input.checked ? t('on') : t('off');
          setLever(l, input.checked, div);
        });
      } else {
        input.type = 'month';
        input.value = String(value);
        if (state.base) {
          input.min = state.base.start;
        }
        input.addEventListener('change', () => {
          if (/^\d{4}-\d{2}$/.test(input.value)) setLever(l, input.value, div);
        });
      }
      // The value is read from the control itself: the output is no extra live region.
      out.setAttribute('aria-live', 'off');
      out.setAttribute('aria-hidden', 'true');
      div.title = l.path;
      div.append(label, input, out);
      // What the number means (its unit, from the parameter table or the schema), beside it and for screen readers.
      const scale = l.kind === 'slider' ? leverScale(l.path, state.lang) : '';
      if (scale !== '') {
        const note = document.createElement('span');
        note.className = 'lever-scale';
        note.id = `${id}-scale`;
        note.textContent = scale;
        div.append(note);
        input.dataset['scale'] = note.id;
      }
      return div;
    }),
  );
  markInvalid();
}

function setLever(l: ResolvedLever, value: number | boolean | string | null, div: HTMLElement): void {
  state.values.set(l.path, value);
  div.classList.toggle('changed', value !== l.value);
  scheduleRun();
}

let runTimer = 0;
function scheduleRun(): void {
  window.clearTimeout(runTimer);
  runTimer = window.setTimeout(startRun, 250);
}

/** The current setting as overrides: changed levers, then seed and replications when changed. */
function currentOverrides(): Overrides {
  const overrides: Overrides = {};
  for (const l of state.levers) {
    const v = state.values.get(l.path);
    if (v !== undefined && v !== l.value) overrides[l.path] = v;
  }
  if (state.base && state.seed !== state.base.seed) overrides['seed'] = state.seed;
  if (state.base && state.replications !== state.base.replications) overrides['replications'] = state.replications;
  return overrides;
}

// ---------------------------------------------------------------------------
// Running

function startRun(): void {
  window.clearTimeout(runTimer);
  if (state.base === null) return;
  // Seed and replications as shown in their fields: a value the page cannot run is a problem, and nothing runs.
  const typed = readPageSetting($<HTMLInputElement>('seed').value, $<HTMLInputElement>('reps').value);
  if (!typed.ok) {
    showIssues(typed.issues);
    clearResults();
    return;
  }
  state.seed = typed.seed;
  state.replications = typed.replications;
  const overrides = currentOverrides();
  const setting = applySetting(state.input, overrides, sourceFileName());
  if (!setting.ok) {
    showIssues(setting.issues);
    clearResults();
    return;
  }
  showIssues([]);
  const scenario = setting.scenario;
  // The results' names are shown (table, charts, network): made safe as state.base's are; the pool runs `scenario` itself.
  const agg = new Aggregate(safeStrings(scenario), metricsOf(scenario), scenario.replications);
  state.run = { agg, started: performance.now(), finished: null, overrides };
  $('hash').textContent = scenarioHashPure(scenario);
  state.comparison = null;
  charts.adoption.clear();
  charts.survival.clear();
  renderOutcomes();
  renderComparison();
  renderStatus();
  const run = state.run;
  pool.run(scenario, scenario.replications, Math.min(DETAIL, scenario.replications), {
    onResult: (result) => {
      run.agg.add(result);
      scheduleProgress();
      scheduleDraw();
    },
    onDone: () => {
      run.finished = performance.now();
      window.clearTimeout(progressTimer);
      progressTimer = 0;
      document.body.dataset['runState'] = 'done';
      renderStatus();
      renderOutcomes();
      void drawCharts();
      updateComparison();
      inspectAfterRun();
    },
    onError: (message) => {
      $('status').textContent = t('workerError', { message });
    },
  });
  document.body.dataset['runState'] = 'running';
  // Tests and screen readers can tell one run from the next.
  document.body.dataset['runCount'] = String(Number(document.body.dataset['runCount'] ?? '0') + 1);
}

/** No results on screen that the current text or levers did not produce. */
function clearResults(): void {
  pool.cancel();
  state.run = null;
  state.comparison = null;
  charts.adoption.clear();
  charts.survival.clear();
  charts.forest.clear();
  $('network').replaceChildren();
  $('network-picked').textContent = '';
  $('events').replaceChildren();
  // Nor the run, services and month to look inside (they named the earlier scenario's services, by id after a language change).
  $('inspect-rep').replaceChildren();
  $('inspect-service').replaceChildren();
  $('month-label').textContent = '';
  $('month').removeAttribute('aria-valuetext');
  state.inspect.net = null;
  // Nor the hash, downloads or reproduce line of a setting that no longer runs.
  $('hash').textContent = '';
  $('reproduce').textContent = '';
  document.body.dataset['runState'] = 'invalid';
  renderOutcomes();
  renderComparison();
  renderStatus();
}

function renderStatus(): void {
  const run = state.run;
  const progress = $<HTMLProgressElement>('progress');
  // Only a finished run can be a baseline, or be downloaded as a table or chart: a partial table looks final.
  const unfinished = run === null || run.finished === null;
  $<HTMLButtonElement>('pin').disabled = unfinished;
  $<HTMLButtonElement>('dl-csv').disabled = unfinished;
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-export="adoption"], button[data-export="survival"]')) b.disabled = unfinished;
  $<HTMLButtonElement>('dl-yaml').disabled = run === null;
  $('status').setAttribute('aria-busy', 'false');
  if (run === null) {
    progress.value = 0;
    $('status').textContent = state.issues.length > 0 ? t('fixProblems') : t('noResults');
    return;
  }
  progress.max = run.agg.replications;
  progress.value = run.agg.count;
  const seconds = fixed(((run.finished ?? performance.now()) - run.started) / 1000, 2, state.lang);
  $('status').textContent = run.finished === null
    ? t('progressText', { done: run.agg.count, total: run.agg.replications, seconds, workers: pool.size })
    : t('doneText', { total: run.agg.replications, seconds, workers: pool.size });
  $('status').dataset['seconds'] = seconds;
  // Announced once the run ends, not every 100 ms while replications arrive.
  $('status').setAttribute('aria-busy', String(run.finished === null));
}

/**
 * The table and progress bar follow the replications at most every 100 ms:
 * re-laying out the page for each of 200 replications cost more CPU than
 * the replications themselves (Chromium profile, 2 cores).
 */
const PROGRESS_MS = 100;
let progressTimer = 0;
function scheduleProgress(): void {
  if (progressTimer) return;
  progressTimer = window.setTimeout(() => {
    progressTimer = 0;
    renderStatus();
    renderOutcomes();
  }, PROGRESS_MS);
}

function scheduleDraw(): void {
  if (state.drawTimer) return;
  const since = Math.min(performance.now() - state.lastDraw, performance.now() - (state.run?.started ?? 0));
  const wait = Math.max(0, Math.max(REDRAW_MS, 4 * lastDrawCost) - since);
  state.drawTimer = window.setTimeout(() => {
    state.drawTimer = 0;
    markDrawing();
    void drawCharts();
  }, wait);
  markDrawing();
}

let drawing = Promise.resolve();
/** drawCharts calls not yet done. */
let drawsPending = 0;
/** While charts are to be drawn (a drawing scheduled or under way) the body says data-drawing="true" (tests wait for it). */
function markDrawing(): void {
  document.body.dataset['drawing'] = String(drawsPending > 0 || state.drawTimer !== 0);
}
/** Draws the adoption and survival charts: from the first replication on (one replication: the mean line alone, with no interval). */
async function drawCharts(): Promise<void> {
  const run = state.run;
  if (run === null || run.agg.count < 1) return;
  state.lastDraw = performance.now();
  drawsPending++;
  markDrawing();
  drawing = drawing.then(async () => {
    if (state.run !== run) return;
    const began = performance.now();
    const lang = state.lang;
    await charts.adoption.draw((width) => adoptionChart(run.agg, lang, width), adoptionDescription(run.agg));
    lastDrawCost = performance.now() - began;
    if (run.agg.done && state.run === run) await charts.survival.draw((width) => survivalChart(run.agg, lang, width), survivalDescription(run.agg));
  });
  await drawing.finally(() => {
    drawsPending--;
    markDrawing();
  });
}

/** The adoption chart in words, for screen readers: each service's mean number of agencies running it at the horizon. */
function adoptionDescription(agg: Aggregate): string {
  const values = agg.innovations.map((id) => `${innovationName(id)} ${fixed(agg.meanAt(`live.${id}`, agg.months), 1, state.lang)}`).join('; ');
  return t('adoptionDescription', { from: inWords(agg.scenario.start), to: horizonInWords(), n: agg.count, values });
}

/** The survival chart in words: the services discontinued in more than half of the replications. */
function survivalDescription(agg: Aggregate): string {
  const ended = agg.shares().filter((s) => s.shares.discontinued.p > 0.5).map((s) => `${innovationName(s.innovation)} (${withPercent(pct(s.shares.discontinued.p), state.lang, ' ')})`);
  return t('survivalDescription', { from: inWords(agg.scenario.start), to: horizonInWords(), n: agg.count, values: ended.length > 0 ? ended.join('; ') : t('none') });
}

// ---------------------------------------------------------------------------
// The answer

// Numbers in the page's language (format.ts: the charts' decimal separator).
const pct = (x: number): string => percent(x, state.lang);
/** A mean number of services. */
const count = (x: number): string => fixed(x, 2, state.lang);

function shareCell(s: OutcomeShare, outcome: (typeof OUTCOMES)[number]): HTMLTableCellElement {
  const td = document.createElement('td');
  const share = s.shares[outcome];
  td.dataset['outcome'] = outcome;
  td.dataset['p'] = String(share.p);
  td.dataset['low'] = String(share.low);
  td.dataset['high'] = String(share.high);
  td.append(withPercent(pct(share.p), state.lang));
  const ci = document.createElement('span');
  ci.className = 'ci';
  // Bahasa Indonesia: the report's table cell, 22% [17%; 28%].
  ci.textContent = ` ${tableInterval(withPercent(pct(share.low), state.lang), withPercent(pct(share.high), state.lang), state.lang, `(${pct(share.low)}–${pct(share.high)})`)}`;
  td.append(ci);
  return td;
}

/** A service's name in the page's language (its `name_id` in Bahasa Indonesia where given), as the charts name it. */
function innovationName(id: string): string {
  const inn = state.run?.agg.scenario.innovations.find((i) => i.id === id);
  return inn ? serviceName(inn, state.lang) : id;
}

function renderOutcomes(): void {
  const table = $('outcomes');
  const body = table.querySelector('tbody')!;
  const run = state.run;
  // While replications arrive the table is provisional: said above it, with how many are done.
  const running = run !== null && !run.agg.done;
  table.dataset['provisional'] = String(running);
  table.setAttribute('aria-busy', String(running));
  $('provisional').hidden = !running;
  $('provisional').textContent = running ? t('provisional', { done: run.agg.count, total: run.agg.replications }) : '';
  $('outcomes-n').textContent = run !== null && run.agg.done ? t('outcomeCount', { total: run.agg.replications }) : '';
  // Defined at the scenario's horizon: with no valid scenario, no definition or caption (they read "at  the service is live").
  const scenario = horizonDate() !== '';
  $('outcomes-caption').textContent = scenario ? t('outcomeTable', { date: horizonInWords() }) : '';
  $('outcome-defs').textContent = scenario ? t('outcomeDefs', { date: horizonInWords(), minPeak: minPeak(), peakShare: peakShare() }) : '';
  const foot = table.querySelector('tfoot')!;
  if (run === null || run.agg.count === 0) {
    body.replaceChildren();
    foot.replaceChildren();
    fitTable($('outcomes-box'));
    return;
  }
  // The answer to "how many services": the expected number sustained, with its 95 % t interval (as compare's sustained_count).
  const total = run.agg.sustainedCount();
  const tr = document.createElement('tr');
  tr.dataset['outcome'] = 'sustained_count';
  tr.dataset['mean'] = String(total.mean);
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = t('sustainedTotal', { count: run.agg.innovations.length });
  const td = document.createElement('td');
  td.append(count(total.mean));
  if (Number.isFinite(total.low)) {
    const ci = document.createElement('span');
    ci.className = 'ci';
    ci.textContent = ` ${tableInterval(count(total.low), count(total.high), state.lang, `(${count(total.low)}–${count(total.high)})`)}`;
    td.append(ci);
  }
  const rest = document.createElement('td');
  rest.colSpan = 3;
  tr.append(th, td, rest);
  foot.replaceChildren(tr);
  body.replaceChildren(
    ...run.agg.shares().map((s) => {
      const tr = document.createElement('tr');
      tr.dataset['innovation'] = s.innovation;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = innovationName(s.innovation);
      th.title = s.innovation;
      tr.append(th, shareCell(s, 'sustained'), shareCell(s, 'declining'), shareCell(s, 'discontinued'), shareCell(s, 'never_adopted'));
      return tr;
    }),
  );
  fitTable($('outcomes-box'));
}

// ---------------------------------------------------------------------------
// A/B against a pinned baseline

/**
 * The baseline's setting in words: its changed levers, or the scenario's name when it has none. The seed
 * and the replications are left out: the label gives them in brackets after it, always ("Replikasi = 50
 * (seed 20230601, 50 replikasi)" said them twice).
 */
function describeOverrides(overrides: Overrides): string {
  const parts = Object.entries(overrides).filter(([path]) => path !== 'seed' && path !== 'replications').map(([path, v]) => {
    const lever = state.levers.find((l) => l.path === path);
    const name = lever ? leverLabel(lever) : path;
    return `${name} = ${typeof v === 'number' ? plain(v, state.lang) : v === true ? t('on') : v === false ? t('off') : String(v)}`;
  });
  return parts.length === 0 ? state.base?.name ?? '' : parts.join('; ');
}

function renderBaselineLabel(): void {
  const b = state.baseline;
  $('baseline-label').textContent = b ? t('baselinePinned', { levers: describeOverrides(b.overrides), seed: b.agg.scenario.seed, reps: b.agg.replications }) : t('noBaseline');
}

function pinBaseline(): void {
  const run = state.run;
  if (run === null || !run.agg.done) return;
  state.baseline = { agg: run.agg, overrides: run.overrides };
  $<HTMLButtonElement>('unpin').disabled = false;
  renderBaselineLabel();
  updateComparison();
}

function clearBaseline(): void {
  state.baseline = null;
  state.comparison = null;
  $<HTMLButtonElement>('unpin').disabled = true;
  renderBaselineLabel();
  renderComparison();
}

function updateComparison(): void {
  const run = state.run;
  state.comparison = state.baseline && run && run.agg.done ? comparePinned(state.baseline.agg, run.agg) : null;
  renderComparison();
  drawForest();
}

/** Each comparison's "borderline" marks (aggregate.ts borderlineOf), decided once: the table and the forest plot read the same. */
const borderlineMarks = new WeakMap<readonly ComparisonRow[], boolean[]>();

/** The rows difusi compare's report marks "borderline" (its rule and its word), decided over every outcome compared. */
function marksOf(comparison: readonly ComparisonRow[]): boolean[] {
  let marks = borderlineMarks.get(comparison);
  if (marks === undefined) {
    marks = borderlineOf(comparison);
    borderlineMarks.set(comparison, marks);
  }
  return marks;
}

/** The forest plot of the per-service rows (percentage points); the count of services sustained is in the table and the words. */
function drawForest(): void {
  if (state.comparison === null) return;
  // The variant row is named in the page's language (the CSV keeps compare.csv's `current`).
  // Marked "borderline" as the table marks them (over every outcome compared, the count sustained too).
  const marks = marksOf(state.comparison);
  const services = state.comparison.map((r, i) => ({ r, mark: marks[i] === true })).filter(({ r }) => r.outcome.startsWith('sustained.'));
  const rows = services.map(({ r }) => ({ ...r, variant: t('current') }));
  const lang = state.lang;
  const values = rows.map((r) => `${innovationName(r.outcome.replace(/^sustained\./, ''))} ${signed(r.diff_mean)} (${proseInterval(signed(r.diff_ci_low), signed(r.diff_ci_high), lang)})`).join('; ');
  const names = new Map(rows.map((r) => [r.outcome, innovationName(r.outcome.replace(/^sustained\./, ''))]));
  const borderline = services.map(({ mark }) => mark);
  void charts.forest.draw((width) => forestChart(rows, (o) => names.get(o) ?? o, lang, width, borderline), t('forestDescription', { values }));
}

/** The peak a service must have reached to count as sustained: the scenario's min_peak, or the package default. */
function minPeak(): string {
  const scenario = state.run?.agg.scenario ?? state.base;
  const value = scenario?.parameters?.['min_peak'] ?? PARAMETER_DEFAULTS['min_peak'];
  return plain(Number(value), state.lang);
}

/** The share of its peak a service must keep to count as sustained, as a percentage: the scenario's sustain_fraction, or the package default. */
function peakShare(): string {
  const scenario = state.run?.agg.scenario ?? state.base;
  const value = Number(scenario?.parameters?.['sustain_fraction'] ?? PARAMETER_DEFAULTS['sustain_fraction']);
  // toPrecision: 0.3 * 100 is 30.000000000000004 in floating point.
  return withPercent(plain(Number((value * 100).toPrecision(12)), state.lang), state.lang);
}

/** The last month of the current scenario (the horizon the outcomes are read at), e.g. 2025-12. */
function horizonDate(): string {
  const scenario = state.run?.agg.scenario ?? state.base;
  return scenario ? lastMonth(scenario.start, scenario.months) : '';
}

/** A month as sentences, captions and chart descriptions name it in the page's language ("Desember 2025"; tables and inputs keep YYYY-MM). */
const inWords = (iso: string): string => monthInWords(iso, state.lang);
/** The horizon as a sentence names it. */
const horizonInWords = (): string => inWords(horizonDate());

/** A difference of shares in percentage points; exactly zero is 0. */
const signed = (x: number): string => signedPoints(100 * x, state.lang);
const signedCount = (x: number): string => signedIn(x, 2, state.lang);
/** An interval kept on one line (never broken at its separator). */
function intervalSpan(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'ci';
  span.textContent = text;
  return span;
}

function renderComparison(): void {
  const words = $('compare-words');
  const table = $<HTMLTableElement>('compare-table');
  const body = table.querySelector('tbody')!;
  const foot = table.querySelector('tfoot')!;
  const totalWords = $('compare-total');
  $('compare-caption').textContent = t('diffTable', { date: horizonInWords() });
  totalWords.replaceChildren();
  foot.replaceChildren();
  $<HTMLButtonElement>('dl-compare').disabled = state.comparison === null;
  $('fig-forest').hidden = state.comparison === null;
  $('compare-borderline').hidden = true;
  if (state.baseline === null) {
    words.replaceChildren();
    showCompareTable(false);
    return;
  }
  if (state.comparison === null) {
    const li = document.createElement('li');
    li.textContent = state.run && state.run.agg.done ? t('cannotPair', { seed: state.baseline.agg.scenario.seed, reps: state.baseline.agg.replications }) : t('waitForRun');
    words.replaceChildren(li);
    showCompareTable(false);
    return;
  }
  showCompareTable(true);
  // The rows difusi compare's report marks "borderline" (its rule and its word), over every outcome compared.
  const marks = marksOf(state.comparison);
  const borderline = new Set(state.comparison.filter((_, i) => marks[i]));
  const mark = (r: ComparisonRow) => (borderline.has(r) ? ` ${catalog(state.lang).compareBorderline}` : '');
  $('compare-borderline').hidden = borderline.size === 0;
  const rows = state.comparison.filter((r) => r.outcome.startsWith('sustained.'));
  const total = state.comparison.find((r) => r.outcome === 'sustained_count');
  if (total) {
    const values = { date: horizonInWords(), base: count(total.base_mean), cur: count(total.variant_mean), diff: signedCount(total.diff_mean), lo: signedCount(total.diff_ci_low), hi: signedCount(total.diff_ci_high) };
    const exact = total.diff_ci_low === 0 && total.diff_ci_high === 0;
    totalWords.textContent = exact
      ? t('totalExact', values)
      : total.diff_ci_low > 0 || total.diff_ci_high < 0
        ? t(borderline.has(total) ? 'totalUpBorderline' : 'totalUp', values)
        : t('totalSame', values);
    const tr = document.createElement('tr');
    tr.dataset['outcome'] = total.outcome;
    tr.dataset['diff'] = String(total.diff_mean);
    if (borderline.has(total)) tr.dataset['borderline'] = 'true';
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t('sustainedTotal', { count: state.run?.agg.innovations.length ?? 0 });
    const diff = document.createElement('td');
    const [lo, hi] = [signedCount(total.diff_ci_low), signedCount(total.diff_ci_high)];
    diff.append(`${signedCount(total.diff_mean)} `, intervalSpan(tableInterval(lo, hi, state.lang, `(${lo} … ${hi})`)), mark(total));
    tr.append(th, ...[count(total.base_mean), count(total.variant_mean)].map(armCell), diff);
    foot.replaceChildren(tr);
  }
  words.replaceChildren(
    ...rows.map((r) => {
      const li = document.createElement('li');
      const service = innovationName(r.outcome.replace(/^sustained\./, ''));
      const values = { service, base: pct(r.base_mean), cur: pct(r.variant_mean), diff: signed(r.diff_mean), lo: signed(r.diff_ci_low), hi: signed(r.diff_ci_high) };
      const exact = r.diff_ci_low === 0 && r.diff_ci_high === 0;
      li.textContent = exact
        ? t('inWordsExact', values)
        : r.diff_ci_low > 0 || r.diff_ci_high < 0
          ? t(borderline.has(r) ? 'inWordsUpBorderline' : 'inWordsUp', values)
          : t('inWordsSame', values);
      return li;
    }),
  );
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset['outcome'] = r.outcome;
      tr.dataset['diff'] = String(r.diff_mean);
      if (borderline.has(r)) tr.dataset['borderline'] = 'true';
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = innovationName(r.outcome.replace(/^sustained\./, ''));
      const cells = [withPercent(pct(r.base_mean), state.lang), withPercent(pct(r.variant_mean), state.lang)].map(armCell);
      const diff = document.createElement('td');
      const [lo, hi] = [signed(r.diff_ci_low), signed(r.diff_ci_high)];
      diff.append(`${signed(r.diff_mean)} `, intervalSpan(tableInterval(lo, hi, state.lang, `(${lo} … ${hi})`)), mark(r));
      cells.push(diff);
      tr.append(th, ...cells);
      return tr;
    }),
  );
  fitTable($('compare-box'));
}

/** The comparison table and its caption (above its scroll box) shown or hidden together. */
function showCompareTable(shown: boolean): void {
  $('compare-table').hidden = !shown;
  $('compare-caption').hidden = !shown;
  if (!shown) fitTable($('compare-box'));
}

/** A Baseline or Current cell of the comparison table (left out on a narrow screen: fitTable). */
function armCell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = 'arm';
  td.textContent = text;
  return td;
}

/**
 * A table fitted to its scroll box: when its cells on one line are wider
 * than the box, each interval goes under its value ("stacked"), and if that
 * is still too wide, a table with Baseline and Current columns (class
 * "arm") gives them up ("narrow"), so the difference, the answer, is never
 * scrolled out of sight. A table wider than its box even so (the outcome
 * table on a phone) scrolls in it. Measured after each rendering and when
 * the box's width changes.
 */
function fitTable(box: HTMLElement): void {
  box.classList.remove('stacked', 'narrow');
  box.dataset['fitWidth'] = String(box.clientWidth);
  if (box.scrollWidth <= box.clientWidth) return;
  box.classList.add('stacked');
  if (box.scrollWidth <= box.clientWidth || box.querySelector('.arm') === null) return;
  box.classList.add('narrow');
}
for (const box of [$('outcomes-box'), $('compare-box')]) {
  new ResizeObserver(() => {
    if (Number(box.dataset['fitWidth']) !== box.clientWidth) fitTable(box);
  }).observe(box);
}

// ---------------------------------------------------------------------------
// Look inside one run

function inspectAfterRun(): void {
  const run = state.run;
  if (run === null) return;
  const detail = Math.min(DETAIL, run.agg.replications);
  const repSelect = $<HTMLSelectElement>('inspect-rep');
  repSelect.replaceChildren(
    ...Array.from({ length: detail }, (_, r) => {
      const o = document.createElement('option');
      o.value = String(r);
      o.textContent = String(r);
      return o;
    }),
  );
  state.inspect.replication = Math.min(state.inspect.replication, detail - 1);
  repSelect.value = String(state.inspect.replication);
  const serviceSelect = $<HTMLSelectElement>('inspect-service');
  serviceSelect.replaceChildren(
    ...run.agg.innovations.map((id, i) => {
      const o = document.createElement('option');
      o.value = String(i);
      o.dataset['innovation'] = id;
      o.textContent = innovationName(id);
      return o;
    }),
  );
  state.inspect.service = Math.min(state.inspect.service, run.agg.innovations.length - 1);
  serviceSelect.value = String(state.inspect.service);
  const month = $<HTMLInputElement>('month');
  month.max = String(run.agg.months);
  if (state.inspect.month > run.agg.months) state.inspect.month = run.agg.months;
  if (state.inspect.month <= 1) state.inspect.month = run.agg.months;
  month.value = String(state.inspect.month);
  state.inspect.net = networkOf(run.agg.scenario, state.inspect.replication);
  renderInside();
}

const STATE_KEYS: Record<NodeState, MessageKey> = {
  not_eligible: 'stateNotEligible',
  not_adopted: 'stateNot',
  live: 'stateLive',
  routinized: 'stateRoutinized',
  discontinued: 'stateDiscontinued',
};

function renderInside(): void {
  const run = state.run;
  const net = state.inspect.net;
  if (run === null || net === null || !run.agg.done) return;
  const { replication, service, month } = state.inspect;
  const innovation = run.agg.innovations[service]!;
  const events = run.agg.events().filter((e) => e.replication === replication);
  $('month-label').textContent = `${events.length >= 0 ? monthText(run.agg.scenario.start, month) : ''}`;
  $('month').setAttribute('aria-valuetext', monthText(run.agg.scenario.start, month));
  const states = statesAt(net, events, service, innovation, month);
  const hadFocus = $('network').contains(document.activeElement);
  const agency = Math.min(state.inspect.agency, net.opds.length - 1);
  const stateLabel = (s: NodeState) => t(STATE_KEYS[s]);
  const typeLabel = (type: string): string => agencyTypeLabel(state.lang, type);
  $('network').replaceChildren(networkSvg(net, states, stateLabel, t('coordinator'), `${t('network')} (${inWords(monthText(run.agg.scenario.start, month))})`, agency, typeLabel));
  // The picked agency, named in words (touch and keyboard users have no hover title); kept as the month moves.
  $('network-picked').textContent = state.inspect.picked ? agencyText(net, agency, states[agency]!, stateLabel, t('coordinator'), typeLabel) : '';
  if (hadFocus) $('network').querySelector<SVGElement>(`circle[data-index="${agency}"]`)?.focus();
  const shown = events.filter((e) => e.innovation === innovation || e.innovation === null);
  $('events').replaceChildren(
    ...shown.map((e, i) => {
      const li = document.createElement('li');
      li.className = e.month > month ? 'future' : '';
      const b = document.createElement('button');
      b.type = 'button';
      const agency = e.opd ? (net.opds.find((o) => o.id === e.opd)?.name ?? e.opd) : '';
      // The cause's names come from the scenario (data): as text, without the characters the reports remove.
      b.textContent = safeText(eventText(e, agency, run.agg.scenario, state.lang));
      b.title = eventTitle(e.kind, state.lang);
      b.addEventListener('click', () => {
        setMonth(e.month);
        // The list is drawn again for the new month: the focus stays on this event.
        const again = [...$('events').querySelectorAll<HTMLButtonElement>('button')];
        again.forEach((x, k) => (x.tabIndex = k === i ? 0 : -1));
        again[i]?.focus();
      });
      li.append(b);
      return li;
    }),
  );
  // One tab stop for the whole log (it has hundreds of entries): the arrow keys move within it.
  const buttons = [...$('events').querySelectorAll('button')];
  const firstFuture = shown.findIndex((e) => e.month > month);
  const current = firstFuture < 0 ? buttons.length - 1 : Math.max(0, firstFuture - 1);
  buttons.forEach((b, i) => (b.tabIndex = i === current ? 0 : -1));
}

function monthText(start: string, month: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + (month - 1);
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function setMonth(month: number): void {
  state.inspect.month = month;
  $<HTMLInputElement>('month').value = String(month);
  renderInside();
}

function togglePlay(): void {
  const button = $('play');
  if (state.inspect.timer) {
    window.clearInterval(state.inspect.timer);
    state.inspect.timer = 0;
    button.textContent = t('play');
    button.setAttribute('aria-pressed', 'false');
    return;
  }
  const max = state.run?.agg.months ?? 1;
  if (state.inspect.month >= max) setMonth(1);
  button.textContent = t('pause');
  button.setAttribute('aria-pressed', 'true');
  state.inspect.timer = window.setInterval(() => {
    if (state.inspect.month >= max) togglePlay();
    else setMonth(state.inspect.month + 1);
  }, 120);
}

// ---------------------------------------------------------------------------
// Take it away

function download(name: string, data: Blob | string): void {
  const a = document.createElement('a');
  const url = typeof data === 'string' && data.startsWith('data:') ? data : URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type: 'text/plain' }));
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  if (url.startsWith('blob:')) window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV text for a download: the CLI's cell format (store/csv-format.ts), quoted where a cell needs it (RFC 4180). */
function csvText(rows: readonly (readonly Cell[])[]): string {
  const quoted = (v: Cell) => {
    const s = formatCell(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(quoted).join(',')).join('\n') + '\n';
}

function settingName(): string {
  return `${state.run?.agg.scenario.name ?? 'scenario'}-explore`;
}

/**
 * The setting as a scenario file, offered only when `difusi run` on it
 * validates to the very scenario that ran (reproduces); else, or when it
 * cannot be written, one line under the buttons says so (it was an uncaught
 * error and no download: a lever on a YAML anchor, setting.ts writeAliasesOut).
 */
function downloadYaml(): void {
  if (state.run === null) return;
  const line = $('reproduce');
  line.textContent = '';
  line.classList.remove('bad');
  const overrides = state.run.overrides;
  let yaml: string;
  try {
    yaml = settingYaml(state.text, state.input, overrides);
    const ran = applySetting(state.input, overrides, sourceFileName());
    if (!ran.ok || !reproduces(yaml, sourceFileName(), ran.scenario)) throw new Error(t('yamlNotSame'));
  } catch (error) {
    const reason = error instanceof UserError ? issueText(error.issues[0]!, state.lang) : error instanceof Error ? error.message : String(error);
    line.textContent = safeText(t('yamlFailed', { reason: reason.split('\n')[0]! }));
    line.classList.add('bad');
    return;
  }
  download(`${settingName()}.yaml`, new Blob([yaml], { type: 'application/yaml' }));
  line.textContent = t('reproduce', { file: `${settingName()}.yaml` });
}

function downloadCsv(): void {
  if (state.run === null || state.run.finished === null) return;
  const header = ['innovation', 'replications', ...OUTCOMES.flatMap((o) => [o, `${o}_low`, `${o}_high`])];
  const rows = state.run.agg.shares().map((s) => [s.innovation, s.replications, ...OUTCOMES.flatMap((o) => [s.shares[o].p, s.shares[o].low, s.shares[o].high])]);
  download(`${settingName()}-outcomes.csv`, new Blob([csvText([header, ...rows])], { type: 'text/csv' }));
}

function downloadCompare(): void {
  if (state.comparison === null) return;
  download(`${settingName()}-compare.csv`, new Blob([csvText([[...COMPARE.columns], ...state.comparison.map((r) => COMPARE.format(r))])], { type: 'text/csv' }));
}

async function exportChart(which: keyof typeof charts, format: string): Promise<void> {
  const chart = charts[which];
  if (!chart.drawn || (which !== 'forest' && (state.run === null || state.run.finished === null))) return;
  if (format === 'svg') download(`${settingName()}-${which}.svg`, new Blob([await chart.svg()], { type: 'image/svg+xml' }));
  else download(`${settingName()}-${which}.png`, await chart.png());
}

// ---------------------------------------------------------------------------
// Wiring

/** The chart download buttons' names, in the page's language ("Adoption chart, SVG"). */
function labelExports(): void {
  const names = { adoption: t('chartAdoption'), survival: t('chartSurvival'), forest: t('chartForest') } as Record<string, string>;
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
    b.setAttribute('aria-label', `${names[b.dataset['export'] ?? ''] ?? ''}, ${(b.dataset['format'] ?? '').toUpperCase()}`);
  }
}

function wire(): void {
  $<HTMLSelectElement>('lang').addEventListener('change', (e) => {
    state.lang = (e.target as HTMLSelectElement).value === 'id' ? 'id' : 'en';
    applyLanguage();
  });
  $<HTMLSelectElement>('scenario-select').addEventListener('change', (e) => {
    const value = (e.target as HTMLSelectElement).value;
    const source = value === 'other' ? undefined : state.sources[Number(value)];
    if (source) useSource(source.file, source.text);
  });
  const area = $<HTMLTextAreaElement>('source');
  $('load').addEventListener('click', () => useSource(typedFileName(area.value), area.value));
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      useSource(typedFileName(area.value), area.value);
    }
  });
  area.addEventListener('paste', () => window.setTimeout(() => useSource(typedFileName(area.value), area.value), 0));
  const panel = $('source-panel');
  panel.addEventListener('dragover', (e) => {
    e.preventDefault();
    panel.classList.add('dragging');
  });
  panel.addEventListener('dragleave', () => panel.classList.remove('dragging'));
  panel.addEventListener('drop', (e) => {
    e.preventDefault();
    panel.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) void file.text().then((text) => useSource(file.name, text));
  });
  $('run').addEventListener('click', startRun);
  $('reset-levers').addEventListener('click', () => {
    state.values = new Map(state.levers.map((l) => [l.path, l.value]));
    renderLevers();
    startRun();
  });
  $<HTMLInputElement>('seed').max = String(PAGE_SEED_MAX);
  $<HTMLInputElement>('reps').min = String(PAGE_REPLICATIONS.min);
  $<HTMLInputElement>('reps').max = String(PAGE_REPLICATIONS.max);
  for (const id of ['seed', 'reps']) $(id).addEventListener('change', scheduleRun);
  $('pin').addEventListener('click', pinBaseline);
  $('unpin').addEventListener('click', clearBaseline);
  $<HTMLSelectElement>('inspect-rep').addEventListener('change', (e) => {
    state.inspect.replication = Number((e.target as HTMLSelectElement).value);
    if (state.run) state.inspect.net = networkOf(state.run.agg.scenario, state.inspect.replication);
    renderInside();
  });
  $<HTMLSelectElement>('inspect-service').addEventListener('change', (e) => {
    state.inspect.service = Number((e.target as HTMLSelectElement).value);
    renderInside();
  });
  $<HTMLInputElement>('month').addEventListener('input', (e) => setMonth(Number((e.target as HTMLInputElement).value)));
  $('play').addEventListener('click', togglePlay);
  $('events').addEventListener('keydown', (e) => {
    const buttons = [...$('events').querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, to))]!;
    buttons.forEach((b) => (b.tabIndex = b === next ? 0 : -1));
    next.focus();
  });
  // The network's agencies: a click or tap names one; the arrow keys move between them (one tab stop).
  const pickAgency = (index: number, focus: boolean) => {
    state.inspect.agency = index;
    state.inspect.picked = true;
    renderInside();
    if (focus) $('network').querySelector<SVGElement>(`circle[data-index="${index}"]`)?.focus();
  };
  $('network').addEventListener('click', (e) => {
    const node = (e.target as Element).closest('circle[data-index]');
    if (node) pickAgency(Number(node.getAttribute('data-index')), true);
  });
  $('network').addEventListener('focusin', (e) => {
    const node = (e.target as Element).closest('circle[data-index]');
    if (node && !state.inspect.picked) pickAgency(Number(node.getAttribute('data-index')), false);
  });
  $('network').addEventListener('keydown', (e) => {
    const count = state.inspect.net?.opds.length ?? 0;
    const at = state.inspect.agency;
    const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : null;
    if (to === null || count === 0) return;
    e.preventDefault();
    pickAgency((to + count) % count, true);
  });
  $('dl-yaml').addEventListener('click', downloadYaml);
  $('dl-csv').addEventListener('click', downloadCsv);
  $('dl-compare').addEventListener('click', downloadCompare);
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
    b.addEventListener('click', () => void exportChart(b.dataset['export'] as keyof typeof charts, b.dataset['format'] ?? 'svg'));
  }
  labelExports();
}

loadSources();
wire();
applyLanguage();
const first = state.sources[0];
if (first) useSource(first.file, first.text);
