import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';

import type { QueryDataRequest, QueryDataResponse } from '../protocol/messages';
import { serviceDefinition } from '../server/protocol';

/** QueryData over gRPC to a running backend (its handshake address), as Grafana calls it; no size limit on answers. */
export function queryDataClient(address: string): { queryData(request: QueryDataRequest): Promise<QueryDataResponse>; close(): void } {
  const Data = makeGenericClientConstructor(serviceDefinition('pluginv2.Data'), 'Data');
  const data = new Data(address, credentials.createInsecure(), { 'grpc.max_receive_message_length': -1 });
  return {
    queryData: (request) =>
      new Promise<QueryDataResponse>((resolve, reject) =>
        (data as unknown as { QueryData: Function }).QueryData(request, (error: Error | null, response: QueryDataResponse) =>
          error ? reject(error) : resolve(response)
        )
      ),
    close: () => data.close(),
  };
}
