import * as protobuf from 'protobufjs';
import type { ServiceDefinition } from '@grpc/grpc-js';

import goPluginProto from '../protocol/goplugin.proto';
import grafanaProto from '../protocol/grafana.proto';
import healthProto from '../protocol/health.proto';

/**
 * Builds grpc-js service definitions from our .proto texts (bundled as strings: a single executable
 * cannot read .proto files from disk). int64 values become JS numbers: they are epoch milliseconds,
 * intervals and ids, all far below 2^53.
 */
const root = new protobuf.Root();
for (const text of [grafanaProto, goPluginProto, healthProto]) {
  protobuf.parse(text, root, { keepCase: true });
}
root.resolveAll();

const DECODE_OPTIONS: protobuf.IConversionOptions = { longs: Number, enums: Number, defaults: true, arrays: true, objects: true };

function serializer(type: protobuf.Type) {
  return (value: object) => Buffer.from(type.encode(type.fromObject(value)).finish());
}

function deserializer(type: protobuf.Type) {
  return (buffer: Buffer) => type.toObject(type.decode(buffer), DECODE_OPTIONS);
}

export function serviceDefinition(fullName: string): ServiceDefinition {
  const service = root.lookupService(fullName);
  const definition: Record<string, ServiceDefinition[string]> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const requestType = method.resolvedRequestType!;
    const responseType = method.resolvedResponseType!;
    definition[method.name] = {
      path: `/${fullName}/${method.name}`,
      requestStream: Boolean(method.requestStream),
      responseStream: Boolean(method.responseStream),
      requestSerialize: serializer(requestType),
      requestDeserialize: deserializer(requestType),
      responseSerialize: serializer(responseType),
      responseDeserialize: deserializer(responseType),
    };
  }
  return definition as ServiceDefinition;
}

export function messageType(fullName: string): protobuf.Type {
  return root.lookupType(fullName);
}
