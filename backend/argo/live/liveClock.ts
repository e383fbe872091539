/**
 * "Now" for the live query. Running workflows are always read at the wall clock, whatever the
 * dashboard's time range; tests replace `nowMs` to read a generated history at its own end.
 */
export const liveClock = {
  nowMs: (): number => Date.now(),
};
