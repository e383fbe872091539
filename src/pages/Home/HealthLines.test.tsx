import React from 'react';
import { render, screen, within } from '@testing-library/react';

import { testIds } from '../../components/testIds';
import { DATASOURCE_TYPE } from '../../constants';
import pluginJson from '../../plugin.json';
import { installFakeDatasources } from '../../testing/fakeDatasourceSrv';
import { installGrafanaApiDouble, type Answer } from '../../testing/grafanaApiDouble';
import { pluginDashboard } from '../../testing/pluginDashboardsDouble';
import { OUR_ALERT_RULES } from './alertRulesCheck';
import { HealthLines } from './HealthLines';
import { homeText } from './homeText';

const DS = { uid: 'argo-ds', name: 'Argo prod', type: DATASOURCE_TYPE };
const health = `GET /api/datasources/uid/${DS.uid}/health`;
const template = `GET /api/datasources/uid/${DS.uid}/resources/template`;
const templateAnswer = (installed: boolean, current: boolean, message: string): Answer => ({ status: 200, data: { template: { installed, current, name: 'argo-workflows', message } } });
const dashboards = `GET /api/plugins/${pluginJson.id}/dashboards`;
const rules = 'GET /api/v1/provisioning/alert-rules';

/** The freshness table as Grafana's /api/ds/query carries it (DataFrameJSON: schema + columns). */
const freshnessAnswer = (rows: Array<[string, number]>): Answer => ({
  status: 200,
  data: {
    results: {
      A: {
        status: 200,
        frames: [
          {
            schema: { name: 'freshness', fields: [{ name: 'namespace', type: 'string' }, { name: 'newest', type: 'time' }, { name: 'age', type: 'number' }] },
            data: { values: [rows.map((r) => r[0]), rows.map(() => 1_764_000_000_000), rows.map((r) => r[1])] },
          },
        ],
      },
    },
  },
});

const allImported = {
  status: 200,
  data: [pluginDashboard(pluginJson.id, 'dashboards/a.json', 'A', { imported: true, importedRevision: 2, revision: 2 }), pluginDashboard(pluginJson.id, 'dashboards/b.json', 'B', { imported: true, importedRevision: 1, revision: 1 })],
};
const allRules = { status: 200, data: OUR_ALERT_RULES.map((rule) => ({ ...rule, ruleGroup: 'g', folderUID: 'f' })) };

const lineOf = async (key: string) => screen.findByTestId(testIds.home.line(key), {}, { timeout: 5000 });

describe('Home checks', () => {
  test('everything healthy: every line is ok, the freshness of each namespace is named', async () => {
    installFakeDatasources([DS]);
    const { requests } = installGrafanaApiDouble({
      [health]: {
        status: 200,
        data: {
          status: 'OK',
          message: 'ok',
          details: {
            elasticsearch: { ok: true, version: '8.19.0', message: 'Elasticsearch 8.19.0 reachable; "argo-workflows-*" matches 3 indices' },
            argo: { ok: true, version: 'v3.7.2', message: 'Argo Server v3.7.2; the token may list workflows and cron workflows in all namespaces' },
          },
        },
      },
      [template]: templateAnswer(true, true, 'index template argo-workflows (document model 2) applies to argo-workflows-*'),
      'POST /api/ds/query': freshnessAnswer([['ml-training', 45], ['data-pipelines', 600]]),
      [dashboards]: allImported,
      [rules]: allRules,
    });
    render(<HealthLines />);
    expect(await lineOf('alert-rules')).toHaveTextContent('All 12 alert rules are provisioned');
    const lines = within(screen.getByTestId(testIds.home.checks)).getAllByRole('listitem');
    expect(lines.map((li) => li.getAttribute('data-status'))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(screen.getByTestId(testIds.home.line(`template-${DS.uid}`))).toHaveTextContent('index template argo-workflows (document model 2) applies to argo-workflows-*');
    expect(screen.getByTestId(testIds.home.line(`elasticsearch-${DS.uid}`))).toHaveTextContent('"argo-workflows-*" matches 3 indices');
    expect(screen.getByTestId(testIds.home.line(`freshness-${DS.uid}-ml-training`))).toHaveTextContent('History of ml-training: updated 45 s ago');
    expect(screen.getByTestId(testIds.home.line(`freshness-${DS.uid}-data-pipelines`))).toHaveTextContent('updated 10 min ago');
    expect(screen.getByTestId(testIds.home.line('dashboards'))).toHaveTextContent('All 2 bundled dashboards');
    // The freshness query is the shared model's, asked of this datasource per namespace.
    const query = requests.find((r) => r.url === '/api/ds/query')?.data.queries[0];
    expect(query).toMatchObject({ queryType: 'freshness', view: 'table', groupBy: ['namespace'], datasource: { uid: DS.uid, type: DATASOURCE_TYPE } });
  });

  test('failing: each broken part is red or orange with the action that fixes it', async () => {
    installFakeDatasources([DS]);
    installGrafanaApiDouble({
      // Grafana answers a failed CheckHealth with 400 and the same body.
      [health]: {
        status: 400,
        data: {
          status: 'ERROR',
          message: 'Elasticsearch 8.19.0 reachable, but no index matches "argo-workflows-*". Argo Server: 403 Forbidden',
          details: {
            elasticsearch: { ok: false, version: '8.19.0', message: 'Elasticsearch 8.19.0 reachable, but no index matches "argo-workflows-*"; run the collector to create it, or fix the index pattern' },
            argo: { ok: false, message: 'the Argo Server refused the token (403): it may not list workflows in namespace ml-training' },
          },
        },
      },
      [template]: templateAnswer(false, false, 'no index template of this app applies to argo-workflows-*: run npm run install-template'),
      'POST /api/ds/query': freshnessAnswer([]),
      [dashboards]: {
        status: 200,
        data: [
          pluginDashboard(pluginJson.id, 'dashboards/a.json', 'Argo cron schedules'),
          pluginDashboard(pluginJson.id, 'dashboards/b.json', 'Argo workflow detail', { imported: true, importedRevision: 1, revision: 3 }),
        ],
      },
      [rules]: { status: 200, data: [{ uid: 'other', title: OUR_ALERT_RULES[0].title }, { uid: OUR_ALERT_RULES[1].uid, title: 'renamed' }] },
    });
    render(<HealthLines />);
    const ds = await lineOf(`datasource-${DS.uid}`);
    expect(ds).toHaveAttribute('data-status', 'error');
    expect(ds).toHaveTextContent(homeText.datasource.partsFailing(DS.name));
    expect(within(ds).getByRole('link', { name: homeText.datasource.settings })).toHaveAttribute('href', `/connections/datasources/edit/${DS.uid}`);
    const es = screen.getByTestId(testIds.home.line(`elasticsearch-${DS.uid}`));
    expect(es).toHaveAttribute('data-status', 'error');
    expect(es).toHaveTextContent(homeText.elasticsearch.noIndex);
    const tmpl = screen.getByTestId(testIds.home.line(`template-${DS.uid}`));
    expect(tmpl).toHaveAttribute('data-status', 'error');
    expect(tmpl).toHaveTextContent('no index template of this app applies to argo-workflows-*');
    const argo = screen.getByTestId(testIds.home.line(`argo-${DS.uid}`));
    expect(argo).toHaveAttribute('data-status', 'error');
    expect(argo).toHaveTextContent('may not list workflows in namespace ml-training');
    expect(within(argo).getByRole('link')).toHaveAttribute('href', `/connections/datasources/edit/${DS.uid}`);
    // Elasticsearch did not answer well: no freshness is asked.
    expect(screen.queryByTestId(testIds.home.line(`freshness-${DS.uid}`))).toBeNull();
    expect(await lineOf('dashboards-missing')).toHaveTextContent('Not imported: Argo cron schedules');
    expect(screen.getByTestId(testIds.home.line('dashboards-outdated'))).toHaveTextContent('newer bundled revision exists for: Argo workflow detail');
    expect(within(screen.getByTestId(testIds.home.line('dashboards-missing'))).getByRole('link')).toHaveAttribute('href', `/plugins/${pluginJson.id}?page=configuration`);
    const alertRules = screen.getByTestId(testIds.home.line('alert-rules'));
    expect(alertRules).toHaveAttribute('data-status', 'warning');
    // Matched by uid or by title: two of twelve are there.
    expect(alertRules).toHaveTextContent(`10 of 12 alert rules are not provisioned: ${OUR_ALERT_RULES[2].title}`);
  });

  test('a stopped collector: the namespace whose history is older than 30 minutes is red with its age', async () => {
    installFakeDatasources([DS]);
    installGrafanaApiDouble({
      [health]: { status: 200, data: { status: 'OK', message: 'ok', details: { elasticsearch: { ok: true, version: '8.19.0', message: 'ES ok' } } } },
      [template]: templateAnswer(true, false, 'index template argo-workflows has document model 1, this version writes 2'),
      'POST /api/ds/query': freshnessAnswer([['data-pipelines', 7500], ['ml-training', 1799]]),
      [dashboards]: allImported,
      [rules]: { status: 403, data: { message: 'You do not have permission' } },
    });
    render(<HealthLines />);
    const stale = await lineOf(`freshness-${DS.uid}-data-pipelines`);
    expect(stale).toHaveAttribute('data-status', 'error');
    expect(stale).toHaveTextContent('History of data-pipelines: not updated for 2 h 5 min');
    expect(screen.getByTestId(testIds.home.line(`freshness-${DS.uid}-ml-training`))).toHaveAttribute('data-status', 'ok');
    // No Argo Server set: a warning that says what needs it.
    const argo = screen.getByTestId(testIds.home.line(`argo-${DS.uid}`));
    expect(argo).toHaveAttribute('data-status', 'warning');
    expect(argo).toHaveTextContent(homeText.argo.notSet);
    expect(screen.getByTestId(testIds.home.line('alert-rules'))).toHaveTextContent(homeText.alertRules.forbidden);
    const tmpl = screen.getByTestId(testIds.home.line(`template-${DS.uid}`));
    expect(tmpl).toHaveAttribute('data-status', 'warning');
    expect(tmpl).toHaveTextContent(homeText.template.update);
  });

  test('missing: no datasource is one red line with the way to add one', async () => {
    installFakeDatasources([]);
    installGrafanaApiDouble({ [dashboards]: allImported, [rules]: allRules });
    render(<HealthLines />);
    const line = await lineOf('datasource');
    expect(line).toHaveAttribute('data-status', 'error');
    expect(line).toHaveTextContent(homeText.datasource.none);
    expect(within(line).getByRole('link', { name: homeText.datasource.add })).toHaveAttribute('href', `/connections/datasources/${DATASOURCE_TYPE}`);
  });

  test('a health check that does not answer names the reason', async () => {
    installFakeDatasources([DS]);
    installGrafanaApiDouble({ [health]: { status: 500, data: { message: 'Unable to get plugin context' } }, [dashboards]: allImported, [rules]: allRules });
    render(<HealthLines />);
    expect(await lineOf(`datasource-${DS.uid}`)).toHaveTextContent('its health check did not answer (Unable to get plugin context)');
  });
});

test('an index template that cannot be read (no privilege) is a warning naming Elasticsearch’s reason', async () => {
  installFakeDatasources([DS]);
  installGrafanaApiDouble({
    [health]: { status: 200, data: { status: 'OK', message: 'ok', details: { elasticsearch: { ok: true, version: '8.19.0', message: 'ES ok' } } } },
    [template]: { status: 502, data: { error: 'Elasticsearch refused: 403 Forbidden (security_exception)' } },
    'POST /api/ds/query': freshnessAnswer([['ml-training', 60]]),
    [dashboards]: allImported,
    [rules]: allRules,
  });
  render(<HealthLines />);
  const line = await lineOf(`template-${DS.uid}`);
  expect(line).toHaveAttribute('data-status', 'warning');
  expect(line).toHaveTextContent('could not be read: Elasticsearch refused: 403 Forbidden (security_exception)');
});

test('two datasources: every line names the one it is about, freshness too', async () => {
  const other = { uid: 'argo-staging', name: 'Argo staging', type: DATASOURCE_TYPE };
  installFakeDatasources([DS, other]);
  const ok = { status: 200, data: { status: 'OK', message: 'ok', details: { elasticsearch: { ok: true, version: '8.19.0', message: 'ES ok' }, argo: { ok: true, message: 'Argo ok' } } } };
  installGrafanaApiDouble({
    [health]: ok,
    [`GET /api/datasources/uid/${other.uid}/health`]: { status: 400, data: { status: 'ERROR', message: 'x', details: { elasticsearch: { ok: false, message: 'connection refused by http://127.0.0.1:9' } } } },
    [template]: templateAnswer(true, true, 'template ok'),
    'POST /api/ds/query': freshnessAnswer([['ml-training', 60]]),
    [dashboards]: allImported,
    [rules]: allRules,
  });
  render(<HealthLines />);
  expect(await lineOf(`freshness-${DS.uid}-ml-training`)).toHaveTextContent(`${DS.name}: History of ml-training: updated 1 min ago`);
  expect(screen.getByTestId(testIds.home.line(`elasticsearch-${other.uid}`))).toHaveTextContent(`${other.name}: Elasticsearch: connection refused by http://127.0.0.1:9`);
  expect(screen.getByTestId(testIds.home.line(`argo-${other.uid}`))).toHaveTextContent(`${other.name}: ${homeText.argo.notSet}`);
  // The failing one's Elasticsearch did not answer: no template or freshness is asked of it.
  expect(screen.queryByTestId(testIds.home.line(`template-${other.uid}`))).toBeNull();
});
