import { argoSettingsSchema, elasticsearchSettingsSchema } from '../../../settings/model';

// Read from the shared schema so the editor shows the values the backend will use.
const es = elasticsearchSettingsSchema.shape;
const argo = argoSettingsSchema.shape;

/** What a newly enabled Elasticsearch section starts with. */
export const elasticsearchDefaults = {
  url: '',
  index: es.index.parse(undefined),
  stateIndex: es.stateIndex.parse(undefined),
  auth: es.auth.parse(undefined),
  tlsSkipVerify: es.tlsSkipVerify.parse(undefined),
  timeoutSeconds: es.timeoutSeconds.parse(undefined),
};

/** What a newly enabled Argo Server section starts with. */
export const argoDefaults = {
  url: '',
  tlsSkipVerify: argo.tlsSkipVerify.parse(undefined),
  timeoutSeconds: argo.timeoutSeconds.parse(undefined),
  maxConcurrentRequests: argo.maxConcurrentRequests.parse(undefined),
};
