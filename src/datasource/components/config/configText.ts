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
    stateIndex: {
      label: 'Collector state index',
      description:
        'Where the collector keeps its checkpoints (its --state-index). Each sync round counts as an update of the history, so a namespace where nothing ran does not look stale.',
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
  fieldMapping: {
    title: 'Field mapping',
    description:
      'Which document field holds what. Change it when your workflows write their own documents, instead of re-indexing them.',
    preset: {
      label: 'Documents',
      description:
        'The names to start from; a name typed below replaces the preset’s. Custom starts from our template’s names.',
      argoperf: 'Our index template',
      flat: 'Flat documents (one per task)',
      custom: 'Custom',
    },
    durationUnit: {
      label: 'Duration unit',
      description:
        'Derived computes end − start at query time with Elasticsearch’s painless scripting: on by default in Elasticsearch, missing from some stripped-down distributions.',
      ms: 'Milliseconds',
      s: 'Seconds',
      derived: 'Derived from start and end',
    },
    documentLevel: {
      label: 'Every document is',
      description: 'These documents have no kind field, so all of them are one level.',
      node: 'A task execution',
      workflow: 'A workflow run',
    },
    fields: {
      label: 'Fields',
      description: 'Empty: the preset’s name, shown in grey. Tick “none” when the documents have no such field.',
    },
    none: 'none',
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
    concurrency: {
      label: 'Concurrent requests',
      description: 'Most requests this datasource sends the Argo Server at once, across all panels and alert rules.',
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
