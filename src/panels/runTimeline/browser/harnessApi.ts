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
  /** ms from render to the second painted frame after it */
  mount(spec: MountSpec): Promise<number>;
  /** Scrolls the rows to a fraction of their height; ms until the second painted frame after it. */
  scrollTo(fraction: number): Promise<number>;
  /** Moves the pointer onto the n-th bar in view; ms until its tooltip is painted (-1: no tooltip). */
  hoverBar(index: number): Promise<number>;
  /** ms React spent rendering the panel since the last call (profiling builds only, else 0). */
  takeRenderWork(): number;
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
