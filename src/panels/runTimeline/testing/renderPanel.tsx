import React from 'react';
import { render } from '@testing-library/react';

import { RunTimelinePanel } from '../RunTimelinePanel';
import { panelProps } from './panelProps';

export const renderPanel = (...args: Parameters<typeof panelProps>) =>
  render(<RunTimelinePanel {...panelProps(...args)} />);
