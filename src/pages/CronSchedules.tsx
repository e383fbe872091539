import React from 'react';

import { PlannedPage } from '../components/PlannedPage/PlannedPage';
import { testIds } from '../components/testIds';
import { pageText } from './pageText';

function CronSchedules() {
  const text = pageText.cronSchedules;
  return <PlannedPage testId={testIds.cronSchedules.container} intro={text.intro} plans={text.plans} />;
}

export default CronSchedules;
