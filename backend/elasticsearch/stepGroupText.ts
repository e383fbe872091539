/**
 * Node documents collected before document model 2 have no step name (node.step). Grouped by step they
 * are not dropped (that would lower every number silently) but kept in one group of this name, with a
 * notice saying how to fill the field in.
 */
export const NO_STEP_NAME = '(no step name: collected before step names)';

export const noStepNameNotice = (documents: number) =>
  `${documents} step runs were collected before step names were recorded, so they are counted in the group "${NO_STEP_NAME}". ` +
  'Collect their time range again with `collect backfill --restart` (after `install-template`) to count them under their steps.';
