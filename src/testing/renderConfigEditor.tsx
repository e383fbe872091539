import React, { useState } from 'react';
import { render } from '@testing-library/react';

import { ConfigEditor } from '../datasource/components/ConfigEditor';
import type { ConfigEditorProps } from '../datasource/components/config/settingsEditing';

type Options = ConfigEditorProps['options'];

/** Renders the config editor the way Grafana does: every change comes back as the new options. */
export function renderConfigEditor(initial: Options) {
  const changes: Options[] = [];
  function Harness() {
    const [options, setOptions] = useState(initial);
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  render(<Harness />);
  return { latest: () => changes[changes.length - 1] };
}
