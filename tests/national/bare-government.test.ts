/**
 * A government without agencies (docs/NATIONAL.md, "A template entry missing
 * for a type"): with no template entry for its type and no `city.opds`, a
 * government gets only the coordinator (when `template.coordinator`) and one
 * kecamatan agency per district (regencies and cities); that is allowed while
 * it leaves at least one agency, and refused, naming the government and
 * `template.agencies.<type>`, when it leaves none.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadNational } from '../../src/jobs/national.js';
import { UserError } from '../../src/messages/catalog.js';

type Input = Record<string, unknown>;
const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));

/** The small fixture, edited, written to a file and loaded: the error's one line, or the agencies of each government. */
const load = (edit: (s: Input) => void): { error?: string; agencies?: Record<string, number> } => {
  const s = parse(readFileSync(FIXTURE, 'utf8')) as Input;
  edit(s);
  const file = join(mkdtempSync(join(tmpdir(), 'difusi-bare-')), 'bare.yaml');
  writeFileSync(file, stringify(s));
  try {
    const { model } = loadNational(file);
    return { agencies: Object.fromEntries(model.governments.map((g) => [g.id, g.model.opds.length])) };
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const issues = (e as UserError).issues;
    expect(issues.length).toBe(1);
    return { error: `${issues[0]!.path.join('.')} ${issues[0]!.message}` };
  }
};
const template = (s: Input) => s['template'] as Input;
const gov = (s: Input, id: string) => (s['governments'] as Input[]).find((g) => g['id'] === id)!;

describe('a government without a template entry', () => {
  it('with the coordinator: allowed, the coordinator alone (a province) or with its kecamatan', () => {
    const r = load((s) => {
      template(s)['coordinator'] = true;
      template(s)['agencies'] = { city: { dinas: 3 } };
      gov(s, 'kab-b')['districts'] = 0;
    });
    expect(r.error).toBeUndefined();
    expect(r.agencies!['prov-a']).toBe(1);
    expect(r.agencies!['kab-b']).toBe(1);
  });

  it('without the coordinator: a regency with districts gets its kecamatan', () => {
    const r = load((s) => {
      template(s)['coordinator'] = false;
      template(s)['agencies'] = { province: { dinas: 3 }, city: { dinas: 3 } };
    });
    expect(r.error).toBeUndefined();
    expect(r.agencies!['kab-b']).toBe(gov(parse(readFileSync(FIXTURE, 'utf8')) as Input, 'kab-b')['districts']);
  });

  it('without the coordinator: a province, a regency with 0 districts, an entry of zeros are refused at template.agencies.<type>', () => {
    const prov = load((s) => {
      template(s)['coordinator'] = false;
      template(s)['agencies'] = { regency: { dinas: 3 }, city: { dinas: 3 } };
    });
    expect(prov.error).toMatch(/^template\.agencies\.province .*no OPDs/);
    const regency = load((s) => {
      template(s)['coordinator'] = false;
      template(s)['agencies'] = { province: { dinas: 3 }, city: { dinas: 3 } };
      gov(s, 'kab-b')['districts'] = 0;
    });
    expect(regency.error).toMatch(/^template\.agencies\.regency .*no OPDs/);
    const zeros = load((s) => {
      template(s)['coordinator'] = false;
      template(s)['agencies'] = { province: { dinas: 0 }, regency: { dinas: 3 }, city: { dinas: 3 } };
    });
    expect(zeros.error).toMatch(/^template\.agencies\.province .*no OPDs/);
    // (control) The government's own city.opds is enough.
    const own = load((s) => {
      template(s)['coordinator'] = false;
      template(s)['agencies'] = { regency: { dinas: 3 }, city: { dinas: 3 } };
      gov(s, 'prov-a')['city'] = { opds: { generate: { count: 2 } } };
    });
    expect(own.error).toBeUndefined();
    expect(own.agencies!['prov-a']).toBe(2);
  });
});
