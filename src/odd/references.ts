/**
 * The References of the ODD protocol `difusi odd` writes (a text users paste
 * into papers). They are derived, not listed by hand: the works the
 * protocol's own sections cite, plus every work a parameter's note cites
 * (the section 10 table prints the notes of src/scenario/parameters.ts), so
 * a note that cites a new source cannot leave it out of the list. The full
 * entries are those of docs/MODEL.md's References; these are short forms.
 */
import { PARAMETER_SPECS } from '../scenario/parameters.js';

/** Short entries by citation key: first author's surname and year ("Rice 1980"), or a named web source. */
export const SHORT_REFERENCES: Readonly<Record<string, string>> = {
  'Argyris 1978': 'Argyris, C. and Schön, D. (1978) *Organizational Learning*.',
  'Bass 1969': 'Bass, F. M. (1969) A new product growth model for consumer durables.',
  'Callon 1986': 'Callon, M. (1986) Some elements of a sociology of translation.',
  'Centola 2007': 'Centola, D. and Macy, M. (2007) Complex contagions and the weakness of long ties.',
  'Granovetter 1978': 'Granovetter, M. (1978) Threshold models of collective behavior.',
  'Grimm 2006': 'Grimm, V. et al. (2006, 2010, 2020) The ODD protocol.',
  'Heeks 2003': 'Heeks, R. (2003) Most eGovernment-for-development projects fail.',
  'Heeks eGov4Dev': 'Heeks, R. (undated) eGov4Dev web pages on e-government success and failure (egov4dev.org/success/).',
  'Kumar 2006': 'Kumar, R. and Best, M. L. (2006) Impact and sustainability of e-government services in developing countries.',
  'Parthasarathy 1995':
    'Parthasarathy, M. (1995) The impact of discontinuance on the subsequent adoption of an innovation (PhD dissertation, University of Nebraska-Lincoln).',
  'Prins 2009': 'Prins, R., Verhoef, P. C. and Franses, P. H. (2009) The impact of adoption timing on new service usage and early disadoption.',
  'Rand 2011': 'Rand, W. and Rust, R. T. (2011) Agent-based modeling in marketing.',
  'Rice 1980': 'Rice, R. E. and Rogers, E. M. (1980) Reinvention in the innovation process.',
  'Rogers 2003': 'Rogers, E. M. (2003) *Diffusion of Innovations*, 5th ed.',
  'Rushintadevi 2023':
    "Rushintadevi, F. (2023) Governance of Smart City Innovation Diffusion Case Study: Development in Public Services through Smart Health and Smart Governance in Bekasi City (master's thesis, Institut Teknologi Bandung, in Indonesian).",
  'Sultan 1990': 'Sultan, F., Farley, J. U. and Lehmann, D. R. (1990) A meta-analysis of applications of diffusion models.',
  'Valente 1996': 'Valente, T. W. (1996) Social network thresholds in the diffusion of innovations.',
};

/** The works the protocol's own sections (1-9) rest on, whatever the parameter notes cite. */
const PROTOCOL_WORKS = [
  'Argyris 1978',
  'Bass 1969',
  'Callon 1986',
  'Centola 2007',
  'Granovetter 1978',
  'Grimm 2006',
  'Heeks 2003',
  'Kumar 2006',
  'Prins 2009',
  'Rand 2011',
  'Rogers 2003',
  'Sultan 1990',
  'Valente 1996',
];

/** The citation keys of `text`: "Surname year" (first author; "and" or "&" between authors), and "Heeks eGov4Dev". */
export function citationKeys(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<!,\s|and\s|&\s|-)\b([A-Z][a-z]+)(?:(?:,\s+[A-Z][a-zA-Z-]+)*,?\s+(?:and|&)\s+[A-Z][a-zA-Z-]+|\s+et al\.)?\s+\(?((?:19|20)\d\d)\b/g)) {
    out.add(`${m[1]} ${m[2]}`);
  }
  if (/eGov4Dev/.test(text)) out.add('Heeks eGov4Dev');
  return [...out].sort();
}

/** The citation keys of the parameter notes the section 10 table prints. */
export function parameterCitations(): string[] {
  return citationKeys(PARAMETER_SPECS.map((s) => s.note).join('\n'));
}

/** The References paragraph: every work the protocol or its parameter table cites, in alphabetical order. */
export function referencesParagraph(): string {
  const keys = new Set([...PROTOCOL_WORKS, ...parameterCitations()]);
  return [...keys]
    .map((k) => SHORT_REFERENCES[k])
    .filter((e): e is string => e !== undefined)
    .sort((a, b) => a.localeCompare(b, 'en'))
    .join(' ');
}
