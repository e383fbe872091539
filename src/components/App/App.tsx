import React from 'react';
import { Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';

import { ROUTES } from '../../constants';

const Overview = React.lazy(() => import('../../pages/Overview'));
const WorkflowDetail = React.lazy(() => import('../../pages/WorkflowDetail'));
const CronSchedules = React.lazy(() => import('../../pages/CronSchedules'));

function App(_props: AppRootProps) {
  return (
    <Routes>
      <Route path={ROUTES.WorkflowDetail} element={<WorkflowDetail />} />
      <Route path={ROUTES.CronSchedules} element={<CronSchedules />} />
      {/* The overview is the default page (ROUTES.Overview and anything unknown). */}
      <Route path="*" element={<Overview />} />
    </Routes>
  );
}

export default App;
