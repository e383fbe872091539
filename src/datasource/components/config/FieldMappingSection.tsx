import React, { useId, useState } from 'react';
import { Checkbox, CollapsableSection, Field, Grid, Input, Label, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import {
  type DOCUMENT_LEVELS,
  DURATION_UNITS,
  FIELD_PRESETS,
  FIELD_ROLE_TEXT,
  FIELD_ROLES,
  presetOf,
  requiredRoles,
  resolveFieldMap,
  type DurationUnit,
  type FieldMappingInput,
  type FieldMappingSettings,
  type FieldPreset,
  type FieldRole,
} from '../../../settings/fieldMapping';
import { testIds } from '../../testIds';
import { configText } from './configText';
import { SectionProblems } from './SectionProblems';

type DocumentLevel = (typeof DOCUMENT_LEVELS)[number];

const text = configText.fieldMapping;
const ids = testIds.configEditor.fieldMapping;
/** Where settingsProblems files the mapping's problems: "elasticsearch.fieldMapping.fields.<role>" and so on. */
const PROBLEM_PATH = 'elasticsearch.fieldMapping';

const PRESET_OPTIONS = FIELD_PRESETS.map((value) => ({ value, label: text.preset[value] }));
const UNIT_OPTIONS = DURATION_UNITS.map((value) => ({ value, label: text.durationUnit[value] }));
const LEVEL_OPTIONS = (['node', 'workflow'] as const satisfies readonly DocumentLevel[]).map((value) => ({
  value,
  label: text.documentLevel[value],
}));

/** Anything but our template's names untouched is worth showing when the page opens. */
function isCustomised(mapping: FieldMappingInput | undefined): boolean {
  if (!mapping) {
    return false;
  }
  const { preset = 'argoperf', fields = {}, durationUnit, documentLevel } = mapping;
  return preset !== 'argoperf' || Object.keys(fields).length > 0 || Boolean(durationUnit || documentLevel);
}

interface Props {
  value?: FieldMappingInput;
  /** editing.problems.fields: only the keys under elasticsearch.fieldMapping are read. */
  problems: Record<string, string>;
  onChange: (mapping: FieldMappingInput) => void;
}

/** Which document field holds each thing the queries read (src/settings/fieldMapping.ts). */
export function FieldMappingSection({ value, problems, onChange }: Props) {
  const own = Object.keys(problems).filter((key) => key === PROBLEM_PATH || key.startsWith(`${PROBLEM_PATH}.`));
  const [open, setOpen] = useState(() => isCustomised(value) || own.length > 0);
  const idPrefix = useId();

  const current: FieldMappingSettings = { ...value, preset: value?.preset ?? 'argoperf', fields: value?.fields ?? {} };
  const map = resolveFieldMap(current);
  const presetNames = presetOf(current.preset).fields;
  // Roles the queries cannot do without (the settings model reports them empty) get no "none" box.
  const required: readonly FieldRole[] = requiredRoles(map.durationUnit);
  const change = (patch: Partial<FieldMappingSettings>) => onChange({ ...current, ...patch });
  // An absent override means the preset's name; '' means "no such field".
  const setName = (role: FieldRole, name: string | undefined) => {
    const others = Object.fromEntries(Object.entries(current.fields).filter(([key]) => key !== role));
    change({ fields: name === undefined ? others : { ...others, [role]: name } });
  };

  const problem = (path: string) => problems[`${PROBLEM_PATH}.${path}`];
  const placed = new Set([
    ...FIELD_ROLES.map((role) => `${PROBLEM_PATH}.fields.${role}`),
    ...['preset', 'durationUnit', ...(map.names.kind === '' ? ['documentLevel'] : [])].map(
      (path) => `${PROBLEM_PATH}.${path}`
    ),
  ]);
  const unplaced = own
    .filter((key) => !placed.has(key))
    .map((key) => `${key.replace('elasticsearch.', '')}: ${problems[key]}`);

  return (
    <CollapsableSection
      label={text.title}
      isOpen={open || own.length > 0}
      onToggle={setOpen}
      headerDataTestId={ids.header}
    >
      <Text element="p" color="secondary">
        {text.description}
      </Text>
      <SectionProblems messages={unplaced} />
      <Field
        label={text.preset.label}
        description={text.preset.description}
        invalid={Boolean(problem('preset'))}
        error={problem('preset')}
      >
        <RadioButtonGroup<FieldPreset>
          options={PRESET_OPTIONS}
          value={current.preset}
          onChange={(preset) => onChange({ preset, fields: {} })}
        />
      </Field>
      <Field
        label={text.durationUnit.label}
        description={text.durationUnit.description}
        invalid={Boolean(problem('durationUnit'))}
        error={problem('durationUnit')}
      >
        <RadioButtonGroup<DurationUnit>
          options={UNIT_OPTIONS}
          value={map.durationUnit}
          onChange={(durationUnit) => change({ durationUnit })}
        />
      </Field>
      {map.names.kind === '' && (
        <Field
          label={text.documentLevel.label}
          description={text.documentLevel.description}
          invalid={Boolean(problem('documentLevel'))}
          error={problem('documentLevel')}
          data-testid={ids.documentLevel}
        >
          <RadioButtonGroup<DocumentLevel>
            options={LEVEL_OPTIONS}
            value={map.documentLevel}
            onChange={(documentLevel) => change({ documentLevel })}
          />
        </Field>
      )}
      <Label description={text.fields.description}>{text.fields.label}</Label>
      <Grid minColumnWidth={34} columnGap={2} rowGap={1}>
        {FIELD_ROLES.map((role) => (
          <RoleField
            key={role}
            id={`${idPrefix}-${role}`}
            role={role}
            override={current.fields[role]}
            presetName={presetNames[role]}
            noneAllowed={!required.includes(role)}
            error={problem(`fields.${role}`)}
            onChange={(name) => setName(role, name)}
          />
        ))}
      </Grid>
    </CollapsableSection>
  );
}

interface RoleFieldProps {
  id: string;
  role: FieldRole;
  override?: string;
  presetName: string;
  noneAllowed: boolean;
  error?: string;
  onChange: (name: string | undefined) => void;
}

/** One role: its field name (empty: the preset's), and a "none" box for fields the documents may lack. */
function RoleField({ id, role, override, presetName, noneAllowed, error, onChange }: RoleFieldProps) {
  const name = override ?? presetName;
  // A required role that is none anyway keeps its box, so the user can untick it.
  const showNone = noneAllowed || name === '';
  const label = (
    <Stack justifyContent="space-between" alignItems="flex-end">
      <Label htmlFor={id}>{FIELD_ROLE_TEXT[role]}</Label>
      {showNone && (
        <Checkbox
          label={text.none}
          value={name === ''}
          // Unticking goes back to the preset's name; when that is none too, a name has to be typed.
          disabled={override === undefined && presetName === ''}
          data-testid={ids.none(role)}
          onChange={(event) => onChange(event.currentTarget.checked ? '' : undefined)}
        />
      )}
    </Stack>
  );
  return (
    <Field label={label} invalid={Boolean(error)} error={error} noMargin data-testid={ids.role(role)}>
      <Input
        id={id}
        value={override ?? ''}
        placeholder={name || text.none}
        data-testid={ids.field(role)}
        onChange={(event) => {
          // Field names have no spaces; an emptied input goes back to the preset's name.
          const typed = event.currentTarget.value.trim();
          onChange(typed === '' ? undefined : typed);
        }}
      />
    </Field>
  );
}
