import React from 'react';

import { PlannedPage } from '../components/PlannedPage/PlannedPage';
import { testIds } from '../components/testIds';
import { pageText } from './pageText';

function Overview() {
  const text = pageText.overview;
  return <PlannedPage testId={testIds.overview.container} intro={text.intro} plans={text.plans} />;
}

export default Overview;
