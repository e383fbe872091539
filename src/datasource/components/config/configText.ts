/** What the config editor says. Tests import these so the UI and its tests cannot drift apart. */
export const configText = {
  problems: { title: 'Settings to complete' },
  elasticsearch: {
    title: 'Elasticsearch',
    description:
      'Long-term history: one document per workflow run and per step, written by the collector or by your workflows. Needed for trends over weeks and months.',
    enabled: 'Read run history from Elasticsearch',
    url: {
      label: 'URL',
      description: 'Address of an Elasticsearch 8 or 9 node or load balancer, as the Grafana server reaches it.',
      placeholder: 'http://elasticsearch:9200',
    },
    index: {
      label: 'Index pattern',
      description: 'Index, alias or pattern that holds the run documents.',
    },
    auth: {
      label: 'Authentication',
      none: 'None',
      basic: 'Username and password',
      apiKey: 'API key',
    },
    username: { label: 'Username' },
    password: { label: 'Password', placeholder: 'Password of this user' },
    apiKey: {
      label: 'API key',
      description: 'The encoded API key, as Elasticsearch returns it; it needs read access to the index pattern.',
      placeholder: 'Encoded API key',
    },
  },
  argo: {
    title: 'Argo Server',
    description:
      'Live and archived workflows, one run’s steps and cron schedules, read from the Argo Server API (port 2746).',
    enabled: 'Read from the Argo Server',
    url: {
      label: 'URL',
      description: 'Address of the Argo Server, as the Grafana server reaches it.',
      placeholder: 'https://argo-server.argo:2746',
    },
    token: {
      label: 'Bearer token',
      description:
        'Token of a service account allowed to list and get workflows, archived workflows and cron workflows (what `argo auth token` prints, without "Bearer ").',
      placeholder: 'Service account token',
    },
  },
  tls: {
    skipVerify: {
      label: 'Skip TLS certificate verification',
      description: 'Accepts any certificate, so the connection can be intercepted. Prefer adding the CA certificate.',
    },
    caCert: {
      label: 'CA certificate',
      description: 'PEM certificate of the authority that signed the server’s certificate, for self-signed servers.',
      placeholder: '-----BEGIN CERTIFICATE-----',
    },
  },
  timeout: {
    label: 'Timeout (seconds)',
    description: 'How long one request may take before the query fails.',
  },
  namespaces: {
    title: 'Namespaces',
    label: 'Allowed namespaces',
    description:
      'Queries of this datasource may only read these namespaces; the backend enforces it. Leave empty to allow every namespace the credentials can read.',
    placeholder: 'Type a namespace and press Enter',
  },
  limits: {
    title: 'Limits',
    maxRangeDays: {
      label: 'Longest time range (days)',
      description: 'Queries over a longer time range are refused instead of scanning years of history. Default 400.',
    },
  },
};
