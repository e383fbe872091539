/** What the harness page offers the browser test and the benchmark (window.harness). */
export type HarnessFrame = 'nightly' | 'fanOut9000' | 'empty' | 'foreign' | 'none';

export interface MountSpec {
  frame: HarnessFrame;
  theme: 'light' | 'dark';
  width: number;
  height: number;
  options?: Record<string, unknown>;
}

export interface Harness {
  mount(spec: MountSpec): Promise<number>;
  /** Grafana's theme, for the expected values: a palette colour by name, or the panel background. */
  themeColor(mode: 'light' | 'dark', name: string): string;
  panelBackground(mode: 'light' | 'dark'): string;
  ready: boolean;
}

declare global {
  interface Window {
    harness: Harness;
  }
}
