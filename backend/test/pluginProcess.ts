import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { credentials, makeGenericClientConstructor, type Client, type ServiceError } from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';

import type {
  CallResourceRequest,
  CallResourceResponse,
  CheckHealthRequest,
  CheckHealthResponse,
  DataResponse,
  QueryDataRequest,
} from '../protocol/messages';
import { messageType, serviceDefinition } from '../server/protocol';
import { handshakeTarget } from './pluginHandshake';

/**
 * The built backend (build/backend/main.cjs) as a process started the way Grafana starts it (magic
 * cookie, handshake line on stdout, hclog on stderr), with gRPC clients for the three services. Every
 * call has a deadline; a call that misses it rejects with gRPC status DEADLINE_EXCEEDED (4).
 */
export const BUNDLE = join(__dirname, '../../build/backend/main.cjs');

/** A QueryData answer as sent: every (refId, response) map entry, in wire order, duplicates and all. */
export interface QueryDataEntries {
  entries: Array<[string, DataResponse]>;
}

/**
 * Reads QueryDataResponse's map by hand: decoding it into a plain object (as protobufjs does) would
 * itself drop a refId such as `__proto__`, hiding exactly what the caller wants to see.
 */
function decodeQueryDataEntries(buffer: Buffer): QueryDataEntries {
  const dataResponse = messageType('pluginv2.DataResponse');
  const options = { longs: Number, enums: Number, defaults: true, arrays: true };
  const reader = protobuf.Reader.create(buffer);
  const entries: Array<[string, DataResponse]> = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 !== 1) {
      reader.skipType(tag & 7);
      continue;
    }
    const end = reader.uint32() + reader.pos;
    let key = '';
    let value = {} as DataResponse;
    while (reader.pos < end) {
      const inner = reader.uint32();
      if (inner >>> 3 === 1) {
        key = reader.string();
      } else if (inner >>> 3 === 2) {
        value = dataResponse.toObject(dataResponse.decode(reader, reader.uint32()), options) as DataResponse;
      } else {
        reader.skipType(inner & 7);
      }
    }
    entries.push([key, value]);
  }
  return { entries };
}

export interface PluginProcess {
  readonly pid: number;
  /** Exit code or signal once the process has ended, else undefined. */
  readonly exited: string | undefined;
  queryData(request: QueryDataRequest, deadlineMs: number): Promise<QueryDataEntries>;
  /** All messages of the stream (the backend sends one). */
  callResource(request: CallResourceRequest, deadlineMs: number): Promise<CallResourceResponse[]>;
  checkHealth(request: CheckHealthRequest, deadlineMs: number): Promise<CheckHealthResponse>;
  /** Diagnostics.CollectMetrics, as Grafana calls it for /metrics/plugins/<id>: the Prometheus text body. */
  collectMetrics(deadlineMs: number): Promise<string>;
  /** Called with every complete stderr line. */
  onStderrLine(listener: (line: string) => void): void;
  /** Shutdown over gRPC, then a kill of this pid if it has not exited within a second and a half. */
  stop(): Promise<void>;
}

type Unary = (
  request: unknown,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: unknown) => void
) => void;

function unaryCall<T>(client: Client, method: string, request: unknown, deadlineMs: number): Promise<T> {
  return new Promise((resolve, reject) =>
    (client as unknown as Record<string, Unary>)[method].call(
      client,
      request,
      { deadline: Date.now() + deadlineMs },
      (error, response) => (error ? reject(error) : resolve(response as T))
    )
  );
}

export async function startPlugin(env: Record<string, string> = {}): Promise<PluginProcess> {
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run npm run build:backend first`);
  }
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BUNDLE], {
    env: { PATH: process.env.PATH ?? '', grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'debug', ...env },
  });
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = signal ?? String(code);
      resolve();
    })
  );
  const listeners: Array<(line: string) => void> = [];
  let partial = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach((line) => listeners.forEach((listener) => listener(line)));
  });
  const address = await handshakeTarget(child, 'the backend');
  const options = { 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 };
  const client = (service: string, definition = serviceDefinition(service)) =>
    new (makeGenericClientConstructor(definition, service))(address, credentials.createInsecure(), options);
  const dataService = serviceDefinition('pluginv2.Data');
  const data = client('pluginv2.Data', {
    QueryData: { ...dataService.QueryData, responseDeserialize: decodeQueryDataEntries },
  });
  const resource = client('pluginv2.Resource');
  const diagnostics = client('pluginv2.Diagnostics');
  const controller = client('plugin.GRPCController');

  return {
    pid: child.pid!,
    get exited() {
      return exited;
    },
    queryData: (request, deadlineMs) => unaryCall(data, 'QueryData', request, deadlineMs),
    checkHealth: (request, deadlineMs) => unaryCall(diagnostics, 'CheckHealth', request, deadlineMs),
    collectMetrics: async (deadlineMs) => {
      const response = await unaryCall<{ metrics?: { prometheus?: Uint8Array } }>(diagnostics, 'CollectMetrics', {}, deadlineMs);
      return Buffer.from(response.metrics?.prometheus ?? new Uint8Array()).toString('utf8');
    },
    callResource: (request, deadlineMs) =>
      new Promise((resolve, reject) => {
        const messages: CallResourceResponse[] = [];
        const stream = (resource as unknown as { CallResource: Function }).CallResource(request, {
          deadline: Date.now() + deadlineMs,
        });
        stream.on('data', (message: CallResourceResponse) => messages.push(message));
        stream.on('error', reject);
        stream.on('end', () => resolve(messages));
      }),
    onStderrLine: (listener) => listeners.push(listener),
    async stop() {
      if (exited === undefined) {
        await unaryCall(controller, 'Shutdown', {}, 1000).catch(() => undefined);
        const timer = setTimeout(() => child.kill('SIGKILL'), 1500);
        await exit;
        clearTimeout(timer);
      }
      [data, resource, diagnostics, controller].forEach((c) => c.close());
    },
  };
}
