import { DOCUMENT_MAPPINGS } from '../../elasticsearch/indexTemplate';
import { isObject } from './argoFields';

/**
 * Test helper: how a document breaks the index template (`dynamic: strict`), read from the template
 * object itself rather than from our types. Names every key path the mapping lacks and every value
 * the mapped type would reject; an empty list means Elasticsearch would take the document.
 */
interface FieldMapping {
  type?: string;
  properties?: Record<string, FieldMapping>;
}

const STRICT_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;
const INTEGER_LIMIT = 2 ** 31;

function checkMetrics(value: unknown, path: string, out: string[]): void {
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      checkMetrics(inner, `${path}.${key}`, out);
    }
  } else if (!(typeof value === 'number' && Number.isFinite(value)) && !(typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))) {
    out.push(`${path}: ${JSON.stringify(value)} is not a number`);
  }
}

/** Why a value does not fit a leaf mapping, or undefined when it does. */
function leafMismatch(value: unknown, type: string | undefined): string | undefined {
  switch (type) {
    case 'keyword':
      return typeof value === 'string' ? undefined : 'is not a keyword string';
    case 'date':
      return typeof value === 'string' && STRICT_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'is not a strict date';
    case 'long':
      return Number.isSafeInteger(value) ? undefined : 'is not a long';
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) < INTEGER_LIMIT ? undefined : 'is not an integer';
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'is not a double';
    default:
      return `has a mapping of unknown type ${type}`;
  }
}

function checkLeaf(value: unknown, mapping: FieldMapping, path: string, out: string[]): void {
  if (mapping.type === 'object') {
    checkMetrics(value, path, out);
  } else if (mapping.type === 'flattened') {
    // Our contract: flat maps of strings (labels, parameters).
    if (!isObject(value)) {
      out.push(`${path}: ${JSON.stringify(value)} is not an object`);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner !== 'string') {
        out.push(`${path}.${key}: ${JSON.stringify(inner)} is not a string`);
      }
    }
  } else if (Array.isArray(value)) {
    // Elasticsearch takes an array of values for any leaf field (node.after).
    value.forEach((inner, index) => checkLeaf(inner, mapping, `${path}[${index}]`, out));
  } else {
    const mismatch = leafMismatch(value, mapping.type);
    if (mismatch !== undefined) {
      out.push(`${path}: ${JSON.stringify(value)} ${mismatch}`);
    }
  }
}

function walk(value: unknown, properties: Record<string, FieldMapping>, path: string, out: string[]): void {
  if (!isObject(value)) {
    out.push(`${path || 'document'}: ${JSON.stringify(value)} is not an object`);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const mapping = properties[key];
    if (mapping === undefined) {
      out.push(`${at}: not in the index template`);
    } else if (inner === undefined) {
      out.push(`${at}: present but undefined`);
    } else if (mapping.properties) {
      walk(inner, mapping.properties, at, out);
    } else {
      checkLeaf(inner, mapping, at, out);
    }
  }
}

/** Every way `doc` breaks the template's mapping; empty when it conforms. */
export function mappingViolations(doc: unknown): string[] {
  const out: string[] = [];
  walk(doc, DOCUMENT_MAPPINGS.properties as unknown as Record<string, FieldMapping>, '', out);
  return out;
}
