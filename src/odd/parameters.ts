/**
 * The parameter table of the ODD protocol, generated from the one table of
 * parameters in code (src/scenario/parameters.ts: default, unit, source,
 * note). docs/MODEL.md section 11 and `difusi odd` both print it, so
 * neither can drift from what the engine reads.
 */
import { PARAMETER_SPECS, type ParameterSpec } from '../scenario/parameters.js';
import { mdCell, mdTable } from './markdown.js';

const SOURCE_LABEL: Record<ParameterSpec['source'], string> = {
  lit: 'literature',
  knob: 'assumption',
};

export function formatValue(v: number | null): string {
  return v === null ? 'off' : String(v);
}

/** The note, with its citation: "literature: Sultan, Farley and Lehmann 1990 (...)". */
function sourceCell(spec: ParameterSpec): string {
  return `${SOURCE_LABEL[spec.source]}: ${mdCell(spec.note)}`;
}

/** The defaults: name, default, unit, submodel, source. */
export function defaultParameterTable(): string {
  return mdTable(
    ['parameter', 'default', 'unit', 'submodel', 'source'],
    PARAMETER_SPECS.map((s) => [`\`${s.name}\``, formatValue(s.default), mdCell(s.unit), mdCell(s.group), sourceCell(s)]),
  );
}

/**
 * The values a scenario uses beside the defaults; a value that differs is in
 * bold and marked "changed" (a calibration or a what-if, for the reader to see).
 */
export function scenarioParameterTable(values: Readonly<Record<string, number | null>>): { table: string; changed: string[] } {
  const changed: string[] = [];
  const rows = PARAMETER_SPECS.map((s) => {
    const value = values[s.name] ?? null;
    const differs = value !== s.default;
    if (differs) changed.push(s.name);
    return [
      `\`${s.name}\``,
      differs ? `**${formatValue(value)}**` : formatValue(value),
      formatValue(s.default),
      differs ? 'changed' : '',
      mdCell(s.unit),
      mdCell(s.group),
      sourceCell(s),
    ];
  });
  return { table: mdTable(['parameter', 'value', 'default', 'changed', 'unit', 'submodel', 'source'], rows), changed };
}
