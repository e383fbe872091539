import React from 'react';
import { useSearchParams } from 'react-router-dom';
import { Text } from '@grafana/ui';

import { PlannedPage } from '../components/PlannedPage/PlannedPage';
import { testIds } from '../components/testIds';
import { pageText } from './pageText';

/** One workflow's drill-down; the workflow comes from the URL (?namespace=ml&workflow=train) so links can point here. */
function WorkflowDetail() {
  const [params] = useSearchParams();
  const text = pageText.workflowDetail;
  const workflow = params.get('workflow');
  const namespace = params.get('namespace');
  const selected = workflow ? [namespace, workflow].filter(Boolean).join('/') : undefined;

  return (
    <PlannedPage testId={testIds.workflowDetail.container} intro={text.intro} plans={text.plans}>
      {selected ? (
        <Text element="p">
          {text.selected}: <strong>{selected}</strong>
        </Text>
      ) : (
        <Text element="p" color="secondary">
          {text.howToSelect}
        </Text>
      )}
    </PlannedPage>
  );
}

export default WorkflowDetail;
