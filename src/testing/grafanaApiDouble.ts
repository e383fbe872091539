import { Observable } from 'rxjs';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest, type FetchResponse } from '@grafana/runtime';

/** One answer of the double: a status and Grafana's JSON body. */
export interface Answer {
  status: number;
  data: unknown;
}

/**
 * A stand-in for Grafana's HTTP API as the frontend's backend service reaches it: each "METHOD url"
 * gets the answer given (Grafana's status and body), anything else a 404 as Grafana answers it. A
 * status of 400 and up errors the observable with Grafana's FetchError shape, as getBackendSrv does.
 * Records every request.
 */
export function installGrafanaApiDouble(routes: Record<string, Answer>) {
  const requests: BackendSrvRequest[] = [];
  const fetch = <T,>(options: BackendSrvRequest) =>
    new Observable<FetchResponse<T>>((subscriber) => {
      requests.push(options);
      const answer = routes[`${options.method ?? 'GET'} ${options.url}`] ?? { status: 404, data: { message: 'Not found' } };
      setTimeout(() => {
        if (answer.status >= 400) {
          subscriber.error({ status: answer.status, statusText: 'error', data: answer.data, config: options });
        } else {
          subscriber.next({ data: answer.data as T, status: answer.status } as FetchResponse<T>);
          subscriber.complete();
        }
      });
    });
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return { requests };
}
