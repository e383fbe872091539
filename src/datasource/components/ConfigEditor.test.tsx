import { fireEvent, screen } from '@testing-library/react';

import { datasourceSettings } from '../../testing/datasourceSettings';
import { renderConfigEditor } from '../../testing/renderConfigEditor';
import { testIds } from '../testIds';
import type { ArgoPerfJsonData } from '../types';
import { STATE_INDEX_NAME_MESSAGE } from '../../settings/collectorState';
import { configText } from './config/configText';

const ids = testIds.configEditor;

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const toggle = (testId: string) => fireEvent.click(screen.getByTestId(testId));

describe('ConfigEditor', () => {
  test('a new datasource shows both sections switched off and says what is missing', () => {
    renderConfigEditor(datasourceSettings());
    expect(screen.getByText(configText.elasticsearch.title)).toBeInTheDocument();
    expect(screen.getByText(configText.argo.title)).toBeInTheDocument();
    expect(screen.queryByTestId(ids.elasticsearchUrl)).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.generalProblems)).toHaveTextContent(
      'configure Elasticsearch, the Argo Server, or both'
    );
  });

  test('switching Elasticsearch on writes its defaults, then edits land in jsonData', () => {
    const { latest } = renderConfigEditor(datasourceSettings());
    toggle(ids.elasticsearchEnabled);
    expect(latest().jsonData.elasticsearch).toEqual({
      url: '',
      index: 'argo-workflows-*',
      stateIndex: 'argoperf-collector-state',
      auth: 'none',
      tlsSkipVerify: false,
      timeoutSeconds: 30,
    });

    type(ids.elasticsearchUrl, 'http://elasticsearch:9200');
    type(ids.elasticsearchIndex, 'ci-runs-*');
    type(ids.elasticsearchStateIndex, 'ci-collector-state');
    type(ids.elasticsearchTimeout, '45');
    toggle(ids.elasticsearchSkipVerify);
    expect(latest().jsonData.elasticsearch).toEqual({
      url: 'http://elasticsearch:9200',
      index: 'ci-runs-*',
      stateIndex: 'ci-collector-state',
      auth: 'none',
      tlsSkipVerify: true,
      timeoutSeconds: 45,
    });
    expect(screen.queryByTestId(ids.generalProblems)).not.toBeInTheDocument();
  });

  test('a bad URL shows the validation message on the field', () => {
    renderConfigEditor(datasourceSettings({ argo: { url: 'https://argo-server.argo:2746' } }));
    expect(screen.queryByText('must be an http:// or https:// URL')).not.toBeInTheDocument();
    type(ids.argoUrl, 'argo-server:2746');
    expect(screen.getByText('must be an http:// or https:// URL')).toBeInTheDocument();
  });

  test("a state index that is no plain index name shows the collector's rule on the field", () => {
    renderConfigEditor(datasourceSettings({ elasticsearch: { url: 'http://es' } }));
    type(ids.elasticsearchStateIndex, 'Collector-State*');
    expect(screen.getByText(STATE_INDEX_NAME_MESSAGE)).toBeInTheDocument();
  });

  test('switching a section off removes it from jsonData', () => {
    const { latest } = renderConfigEditor(
      datasourceSettings({ argo: { url: 'https://argo' }, elasticsearch: { url: 'http://es' } })
    );
    toggle(ids.argoEnabled);
    expect(latest().jsonData.argo).toBeUndefined();
    expect(latest().jsonData.elasticsearch).toEqual({ url: 'http://es' });
  });

  test('basic auth: the username goes to jsonData, the password only to secureJsonData', () => {
    const { latest } = renderConfigEditor(datasourceSettings({ elasticsearch: { url: 'http://es:9200' } }));
    fireEvent.click(screen.getByLabelText(configText.elasticsearch.auth.basic));
    expect(screen.getByText(/username and the password are both needed/)).toBeInTheDocument();

    type(ids.elasticsearchUsername, 'grafana');
    type(ids.elasticsearchPassword, 's3cret');
    const options = latest();
    expect(options.jsonData.elasticsearch).toEqual(expect.objectContaining({ auth: 'basic', username: 'grafana' }));
    expect(options.secureJsonData).toEqual({ elasticsearchPassword: 's3cret' });
    expect(JSON.stringify(options.jsonData)).not.toContain('s3cret');
    expect(screen.queryByText(/username and the password are both needed/)).not.toBeInTheDocument();
  });

  test('API key auth stores the key as a secret', () => {
    const { latest } = renderConfigEditor(datasourceSettings({ elasticsearch: { url: 'http://es:9200' } }));
    fireEvent.click(screen.getByLabelText(configText.elasticsearch.auth.apiKey));
    type(ids.elasticsearchApiKey, 'ZW5jb2RlZA==');
    expect(latest().jsonData.elasticsearch?.auth).toBe('apiKey');
    expect(latest().secureJsonData).toEqual({ elasticsearchApiKey: 'ZW5jb2RlZA==' });
  });

  test('Argo token and CA certificates are secrets', () => {
    const { latest } = renderConfigEditor(
      datasourceSettings({ argo: { url: 'https://argo' }, elasticsearch: { url: 'http://es' } })
    );
    type(ids.argoToken, 'token-value');
    type(ids.argoCaCert, '-----BEGIN CERTIFICATE-----\nargo');
    type(ids.elasticsearchCaCert, '-----BEGIN CERTIFICATE-----\nes');
    expect(latest().secureJsonData).toEqual({
      argoToken: 'token-value',
      argoCaCert: '-----BEGIN CERTIFICATE-----\nargo',
      elasticsearchCaCert: '-----BEGIN CERTIFICATE-----\nes',
    });
    expect(JSON.stringify(latest().jsonData)).not.toContain('token-value');
  });

  test('a stored secret shows as configured and Reset clears it', () => {
    const jsonData: ArgoPerfJsonData = { argo: { url: 'https://argo' } };
    const { latest } = renderConfigEditor(datasourceSettings(jsonData, { argoToken: true }));
    const token = screen.getByTestId(ids.argoToken);
    expect(token).toHaveValue('configured');
    expect(token).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(latest().secureJsonFields.argoToken).toBe(false);
    expect(latest().secureJsonData).toEqual({ argoToken: '' });
    expect(screen.getByTestId(ids.argoToken)).toBeEnabled();
  });

  test('namespaces are added to the allow-list', () => {
    const { latest } = renderConfigEditor(datasourceSettings({ argo: { url: 'https://argo' } }));
    const input = screen.getByPlaceholderText(configText.namespaces.placeholder);
    fireEvent.change(input, { target: { value: 'ml' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.change(input, { target: { value: 'data' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(latest().jsonData.namespaces).toEqual(['ml', 'data']);
  });

  test('the longest time range is a number of days, validated by the shared settings model', () => {
    const { latest } = renderConfigEditor(datasourceSettings({ argo: { url: 'https://argo' } }));
    type(ids.maxRangeDays, '90');
    expect(latest().jsonData.maxRangeDays).toBe(90);
    type(ids.maxRangeDays, '0');
    expect(screen.getByText(/Too small: expected number to be >=1/)).toBeInTheDocument();
    type(ids.maxRangeDays, '');
    expect(latest().jsonData.maxRangeDays).toBeUndefined();
  });

  test('the Argo Server concurrency limit is a whole number from 1 to 32, default 4', () => {
    const { latest } = renderConfigEditor(datasourceSettings({ argo: { url: 'https://argo' } }));
    expect(screen.getByTestId(ids.argoConcurrency)).toHaveAttribute('placeholder', '4');
    type(ids.argoConcurrency, '8');
    expect(latest().jsonData.argo?.maxConcurrentRequests).toBe(8);
    type(ids.argoConcurrency, '64');
    expect(screen.getByText(/Too big: expected number to be <=32/)).toBeInTheDocument();
  });
});
