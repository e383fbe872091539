/** What the app pages say. Tests import these so the UI and its tests cannot drift apart. */
export const pageText = {
  comingNext: 'What this page will show',
  overview: {
    intro:
      'Durations, failures and cost of your Argo Workflows over weeks and months, so you can see which pipelines slow down before anyone complains.',
    plans: [
      'The slowest workflows and steps by p50, p95 and p99 duration, and whether they are drifting up against their own baseline.',
      'Failure rate per workflow and the most common failure reasons.',
      'CPU, memory and GPU each run used, from Argo’s resource durations.',
      'Cron workflows that started late or missed a run.',
    ],
  },
  workflowDetail: {
    intro: 'One workflow, cron workflow or workflow template over time, down to its individual steps.',
    plans: [
      'Duration of every run and of each step, with percentiles and a heatmap of the distribution.',
      'Recent runs with phase, start, duration, comparison with the baseline and a link to the Argo UI.',
      'A timeline of one run’s steps, to see where the time went.',
    ],
    selected: 'Selected workflow',
    howToSelect: 'Open this page with ?namespace=<namespace>&workflow=<name> to pick a workflow.',
  },
  cronSchedules: {
    intro: 'Whether your CronWorkflows start on time, every time.',
    plans: [
      'Every cron workflow with its schedule, time zone and last successful run.',
      'Scheduled versus actual start of each run, and the delay between them.',
      'Missed runs, marked where they should have started.',
    ],
  },
  datasources: {
    title: 'Connection to Argo and Elasticsearch',
    none: 'No Argo Workflows Performance datasource is set up yet. The pages and dashboards read through it: add one and enter your Argo Server and Elasticsearch addresses.',
    add: 'Add the datasource',
    configured: 'These datasources read your Argo Workflows data:',
    settings: 'Settings',
  },
  appConfig: {
    title: 'Argo Workflows Performance',
    intro:
      'The app itself has no settings. Connections to the Argo Server and to Elasticsearch, credentials and the namespaces a datasource may read are set on the Argo Workflows Performance datasource.',
  },
};
