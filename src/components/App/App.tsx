import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { useSceneApp } from '@grafana/scenes';

import { OLD_ROUTES, ROUTES } from '../../constants';
import { buildSceneApp } from '../../pages/sceneApp';

function App(_props: AppRootProps) {
  const scenes = useSceneApp(buildSceneApp);
  return (
    <Routes>
      <Route index element={<Navigate replace to={ROUTES.Home} />} />
      {Object.entries(OLD_ROUTES).map(([old, route]) => (
        <Route key={old} path={old} element={<Navigate replace to={`../${route}`} />} />
      ))}
      <Route path="*" element={<scenes.Component model={scenes} />} />
    </Routes>
  );
}

export default App;
