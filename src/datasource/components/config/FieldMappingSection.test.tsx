import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';

import {
  FIELD_ROLE_TEXT,
  FIELD_ROLES,
  fieldMappingSchema,
  PRESETS,
  type FieldMappingInput,
} from '../../../settings/fieldMapping';
import { datasourceSettings } from '../../../testing/datasourceSettings';
import { renderConfigEditor } from '../../../testing/renderConfigEditor';
import { testIds } from '../../testIds';
import { ConfigEditor } from '../ConfigEditor';
import { configText } from './configText';

const ids = testIds.configEditor.fieldMapping;
const text = configText.fieldMapping;

/** The whole config editor, as Grafana renders it: every change comes back as the new options. */
function renderEditor(fieldMapping?: FieldMappingInput) {
  const { latest } = renderConfigEditor(
    datasourceSettings({ elasticsearch: { url: 'http://es:9200', ...(fieldMapping && { fieldMapping }) } })
  );
  /** What the editor stored last; it must be what the backend accepts. */
  const stored = () => {
    const mapping = latest().jsonData.elasticsearch?.fieldMapping;
    expect(fieldMappingSchema.safeParse(mapping).success).toBe(true);
    return mapping;
  };
  return { stored };
}

const open = () => fireEvent.click(screen.getByTestId(ids.header));
const input = (role: string) => screen.getByTestId(ids.field(role));
const type = (role: string, value: string) => fireEvent.change(input(role), { target: { value } });
const choose = (label: string) => fireEvent.click(screen.getByLabelText(label));

describe('FieldMappingSection', () => {
  test('is collapsed for our template and opens on demand, one labelled input per role', () => {
    renderEditor();
    expect(screen.getByText(text.title)).toBeInTheDocument();
    expect(screen.queryByTestId(ids.field('start'))).not.toBeInTheDocument();

    open();
    for (const role of FIELD_ROLES) {
      expect(screen.getByLabelText(FIELD_ROLE_TEXT[role])).toBe(input(role));
      expect(input(role)).toHaveAttribute('placeholder', PRESETS.argoperf.fields[role]);
      expect(input(role)).toHaveValue('');
    }
  });

  test('is not shown while Elasticsearch is off', () => {
    render(<ConfigEditor options={datasourceSettings({ argo: { url: 'https://argo' } })} onOptionsChange={() => {}} />);
    expect(screen.queryByTestId(ids.header)).not.toBeInTheDocument();
  });

  test('starts open when the mapping is not our template', () => {
    renderEditor({ preset: 'flat' });
    expect(input('start')).toHaveAttribute('placeholder', 'start_time');
  });

  test('choosing the flat preset clears the overrides and shows the flat names', () => {
    const { stored } = renderEditor({ preset: 'argoperf', fields: { phase: 'state' }, durationUnit: 'derived' });
    choose(text.preset.flat);
    expect(stored()).toEqual({ preset: 'flat', fields: {} });
    for (const role of FIELD_ROLES) {
      expect(input(role)).toHaveAttribute('placeholder', PRESETS.flat.fields[role] || text.none);
      expect(input(role)).toHaveValue('');
    }

    choose(text.preset.custom);
    expect(stored()).toEqual({ preset: 'custom', fields: {} });
    expect(input('start')).toHaveAttribute('placeholder', PRESETS.argoperf.fields.start);
  });

  test('a typed name is stored as the override; emptying the input goes back to the preset name', () => {
    const { stored } = renderEditor({ preset: 'flat' });
    type('phase', 'state');
    type('workflowName', ' pipeline ');
    expect(stored()).toEqual({ preset: 'flat', fields: { phase: 'state', workflowName: 'pipeline' } });
    expect(input('phase')).toHaveValue('state');

    type('phase', '');
    expect(stored()).toEqual({ preset: 'flat', fields: { workflowName: 'pipeline' } });
  });

  test('"none" stores an empty name; unticking it goes back to the preset name', () => {
    const { stored } = renderEditor();
    open();
    fireEvent.click(screen.getByTestId(ids.none('namespace')));
    expect(stored()).toEqual({ preset: 'argoperf', fields: { namespace: '' } });
    expect(screen.getByTestId(ids.none('namespace'))).toBeChecked();
    expect(input('namespace')).toHaveAttribute('placeholder', text.none);

    fireEvent.click(screen.getByTestId(ids.none('namespace')));
    expect(stored()).toEqual({ preset: 'argoperf', fields: {} });
    expect(input('namespace')).toHaveAttribute('placeholder', PRESETS.argoperf.fields.namespace);
  });

  test('start and the duration cannot be none, unless the duration is derived (then the end cannot)', () => {
    renderEditor();
    open();
    expect(screen.queryByTestId(ids.none('start'))).not.toBeInTheDocument();
    expect(screen.queryByTestId(ids.none('duration'))).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.none('end'))).toBeInTheDocument();

    choose(text.durationUnit.derived);
    expect(screen.getByTestId(ids.none('duration'))).toBeInTheDocument();
    expect(screen.queryByTestId(ids.none('end'))).not.toBeInTheDocument();
  });

  test('the unit choice stores durationUnit', () => {
    const { stored } = renderEditor();
    open();
    choose(text.durationUnit.s);
    expect(stored()).toEqual({ preset: 'argoperf', fields: {}, durationUnit: 's' });
    choose(text.durationUnit.derived);
    expect(stored()).toEqual({ preset: 'argoperf', fields: {}, durationUnit: 'derived' });
  });

  test('the document level is asked for only when there is no kind field', () => {
    const { stored } = renderEditor();
    open();
    expect(screen.queryByTestId(ids.documentLevel)).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId(ids.none('kind')));
    expect(screen.getByTestId(ids.documentLevel)).toBeInTheDocument();
    choose(text.documentLevel.workflow);
    expect(stored()).toEqual({ preset: 'argoperf', fields: { kind: '' }, documentLevel: 'workflow' });

    type('kind', 'type');
    expect(screen.queryByTestId(ids.documentLevel)).not.toBeInTheDocument();
  });

  test('the flat preset has no kind field: its box is ticked and cannot be unticked', () => {
    renderEditor({ preset: 'flat' });
    expect(screen.getByTestId(ids.none('kind'))).toBeChecked();
    expect(screen.getByTestId(ids.none('kind'))).toBeDisabled();
    expect(screen.getByTestId(ids.documentLevel)).toBeInTheDocument();
  });

  test('a settings problem shows its message on the role it concerns', () => {
    const { stored } = renderEditor({ preset: 'argoperf', fields: { duration: '' }, durationUnit: 'derived' });
    expect(screen.queryByText(/enter the duration field/)).not.toBeInTheDocument();

    choose(text.durationUnit.ms);
    expect(stored()).toEqual({ preset: 'argoperf', fields: { duration: '' }, durationUnit: 'ms' });
    const message = 'is empty; enter the duration field, or set the duration unit to derived (end − start)';
    expect(within(screen.getByTestId(ids.role('duration'))).getByText(message)).toBeInTheDocument();
    expect(within(screen.getByTestId(ids.role('start'))).queryByText(message)).not.toBeInTheDocument();
    // The box stays, so the empty name can be unticked again.
    fireEvent.click(screen.getByTestId(ids.none('duration')));
    expect(screen.queryByText(message)).not.toBeInTheDocument();
  });

  test('a stored mapping with a problem starts open with the message on its field', () => {
    renderEditor({ fields: { start: 'start time' } });
    expect(within(screen.getByTestId(ids.role('start'))).getByText(/without spaces/)).toBeInTheDocument();
  });

  test('a problem with no field of its own opens the section and is shown at its top', () => {
    renderEditor({ fields: {}, color: 'blue' } as FieldMappingInput);
    expect(screen.getByText(/^fieldMapping: Unrecognized key/)).toBeInTheDocument();
  });
});
