import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Test helper: the real Workflow objects kept in the repository (`backend/test/fixtures/argo/`, taken
 * from Argo's own test fixtures; see its README.md and SOURCES.md). The test double serves the same directory.
 */
export const ARGO_FIXTURES_DIR = path.resolve(__dirname, '../../test/fixtures/argo');

export interface CorpusWorkflow {
  file: string;
  /** Parsed fresh for each caller, so tests may modify it. */
  object: Record<string, unknown>;
}

/** Every Workflow object in `workflows/*.json`, sorted by file name. */
export function corpusWorkflows(): CorpusWorkflow[] {
  const dir = path.join(ARGO_FIXTURES_DIR, 'workflows');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, object: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) }));
}

/** One Workflow object by file name. */
export function corpusWorkflow(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ARGO_FIXTURES_DIR, 'workflows', file), 'utf8'));
}

/** Argo's JSON schema (`api/jsonschema/schema.json`). */
export function argoSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ARGO_FIXTURES_DIR, 'schema.json'), 'utf8'));
}
