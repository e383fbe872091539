import { homeText } from './Home/homeText';

/** Titles and subtitles of the app's pages (navigation and headers). Tests import these. */
export const pageText = {
  home: { title: homeText.title, subTitle: homeText.subTitle },
  workflow: {
    title: 'Workflow',
    subTitle: 'One workflow over time: durations, runs, steps slower than their baseline, failures, retries and resources. The panels of the Workflow detail dashboard.',
  },
  run: {
    title: 'Run',
    subTitle: 'One run step by step: its timeline with the critical path, steps done by phase, throughput and the time left. Pick the run above, or open it from a workflow’s runs.',
  },
  cron: {
    title: 'Cron',
    subTitle: 'Whether CronWorkflows start on time: start delay, late and missed ticks, time since the last success. The panels of the Cron schedules dashboard.',
  },
};
