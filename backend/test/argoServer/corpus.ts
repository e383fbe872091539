import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CronWorkflow, Workflow } from '../../argo/client/argoTypes';
import { ARGO_FIXTURES_DIR } from '../../argo/extract/testCorpus';
import { seededRandom } from '../history';
import { fnv32a } from './nodeIds';
import { seededUid } from './workflowHistory';

/**
 * The real Workflow and CronWorkflow objects in backend/test/fixtures/argo/ (Argo's own test fixtures). They are served
 * as they are, except what Kubernetes would never allow: a missing namespace becomes "default", a missing
 * or repeated uid gets a stable one, and a repeated namespace/name gets a `-2`, `-3`… suffix.
 */
export const CORPUS_DIR = ARGO_FIXTURES_DIR;

export interface Corpus {
  workflows: Workflow[];
  cronWorkflows: CronWorkflow[];
  /** File name per object uid, for messages. */
  files: Map<string, string>;
}

function loadDir<T extends { metadata: Workflow['metadata'] }>(dir: string, files: Map<string, string>): T[] {
  const names = new Set<string>();
  const uids = new Set<string>();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const object = JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
      const meta = object.metadata;
      meta.namespace ||= 'default';
      if (!meta.uid || uids.has(meta.uid)) {
        meta.uid = seededUid(seededRandom(fnv32a(file)));
      }
      const base = meta.name!;
      for (let n = 2; names.has(`${meta.namespace}/${meta.name}`); n++) {
        meta.name = `${base}-${n}`;
      }
      names.add(`${meta.namespace}/${meta.name}`);
      uids.add(meta.uid);
      files.set(meta.uid, file);
      return object;
    });
}

/** Reads the corpus (fresh objects on every call). */
export function loadCorpus(dir = CORPUS_DIR): Corpus {
  const files = new Map<string, string>();
  return {
    workflows: loadDir<Workflow>(join(dir, 'workflows'), files),
    cronWorkflows: loadDir<CronWorkflow>(join(dir, 'cronworkflows'), files),
    files,
  };
}
