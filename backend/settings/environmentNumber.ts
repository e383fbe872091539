/**
 * A number from the plugin process's environment, read when called (the executable's startup snapshot is
 * built with another environment than the one Grafana starts it with): the fallback when the variable
 * is unset, not a number, or refused by `accept` (by default: not above 0).
 */
export function environmentNumber(name: string, fallback: number, accept: (value: number) => boolean = (value) => value > 0): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && accept(value) ? value : fallback;
}
