import type { ScopedVars, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

type Format = ((value: unknown) => string) | string | undefined;

const VARIABLE = /\$(\w+)|\$\{(\w+)\}|\[\[(\w+)\]\]/g;

/**
 * A stand-in for Grafana's template service holding fixed values. Like Grafana's, it hands a custom
 * format function the whole value (an array for multi-value variables), lets scoped variables win,
 * keeps unknown variables as written, and renders multi-values as {a,b} otherwise. It imports nothing
 * at run time, so Node scripts (the dashboards' host check) use it as well as jest.
 */
export function templateSrvDouble(variables: Record<string, string | string[]>): TemplateSrv {
  const valueOf = (name: string, scopedVars?: ScopedVars): unknown => scopedVars?.[name]?.value ?? variables[name];
  return {
    getVariables: () => Object.keys(variables).map((name) => ({ name }) as TypedVariableModel),
    containsTemplate: (target?: string) => Boolean(target?.match(VARIABLE)),
    updateTimeRange: () => {},
    replace(target = '', scopedVars?: ScopedVars, format?: Format) {
      return target.replace(VARIABLE, (match, a?: string, b?: string, c?: string) => {
        const value = valueOf(a ?? b ?? c ?? '', scopedVars);
        if (value === undefined) {
          return match;
        }
        if (typeof format === 'function') {
          return format(value);
        }
        return Array.isArray(value) ? `{${value.join(',')}}` : String(value);
      });
    },
  } as unknown as TemplateSrv;
}
