import { setTemplateSrv } from '@grafana/runtime';

import { templateSrvDouble } from './templateSrvDouble';

/** Installs templateSrvDouble as Grafana's template service (a browser-side singleton). */
export function installFakeTemplateSrv(variables: Record<string, string | string[]>) {
  const templateSrv = templateSrvDouble(variables);
  setTemplateSrv(templateSrv);
  return templateSrv;
}
