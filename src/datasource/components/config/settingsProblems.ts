import { parseSettings, SECURE_KEYS, type SecureJsonData } from '../../../settings/model';

/** parseSettings' messages, placed where the editor shows them. */
export interface SettingsProblems {
  /** Per field, keyed by its path without list indexes: "elasticsearch.url", "namespaces". */
  fields: Record<string, string>;
  /** Messages about a section as a whole (for example missing credentials). */
  elasticsearch: string[];
  argo: string[];
  general: string[];
}

const PREFIX = 'datasource settings: ';
const PATH = String.raw`[A-Za-z_]\w*(?:\.\w+|\[\d+\])*`;
// Issues are joined with "; ", and a message may itself contain "; ", so split only where a field path follows.
const ISSUE_BOUNDARY = new RegExp(`; (?=${PATH}: )`);
const FIELD_ISSUE = new RegExp(`^(${PATH}): ([\\s\\S]*)$`);

/** Secrets are never sent back to the browser, so a configured secret counts as present. */
function secretsPresent(
  secureJsonData: SecureJsonData,
  secureJsonFields: Record<string, boolean>
): Record<string, string> {
  const present: Record<string, string> = {};
  for (const key of SECURE_KEYS) {
    const value = secureJsonData[key] || (secureJsonFields[key] ? 'configured' : '');
    if (value) {
      present[key] = value;
    }
  }
  return present;
}

function sectionOf(message: string): 'elasticsearch' | 'argo' | 'general' {
  const elasticsearch = /elasticsearch/i.test(message);
  const argo = /argo/i.test(message);
  if (elasticsearch !== argo) {
    return elasticsearch ? 'elasticsearch' : 'argo';
  }
  return 'general';
}

export function settingsProblems(
  jsonData: unknown,
  secureJsonData: SecureJsonData = {},
  secureJsonFields: Record<string, boolean> = {}
): SettingsProblems {
  const problems: SettingsProblems = { fields: {}, elasticsearch: [], argo: [], general: [] };
  const parsed = parseSettings(jsonData, secretsPresent(secureJsonData, secureJsonFields));
  if (!('error' in parsed)) {
    return problems;
  }
  const issues = parsed.error.replace(PREFIX, '').split(ISSUE_BOUNDARY);
  for (const issue of issues) {
    const match = FIELD_ISSUE.exec(issue);
    if (!match) {
      problems[sectionOf(issue)].push(issue);
      continue;
    }
    const field = match[1].replace(/\[\d+\]/g, '');
    problems.fields[field] = problems.fields[field] ? `${problems.fields[field]}; ${match[2]}` : match[2];
  }
  return problems;
}
