#!/usr/bin/env node
// grpc.health.v1.Health/Check against a plugin address; exits 0 only when the answer is SERVING.
//   node test/alpine/health-check.cjs <127.0.0.1:port | unix:/path> [service=plugin] [timeoutMs=5000]
// Uses @grpc/grpc-js from the repo's node_modules with a hand-written codec for the two messages:
//   HealthCheckRequest  { string service = 1; }
//   HealthCheckResponse { ServingStatus status = 1; }  UNKNOWN=0 SERVING=1 NOT_SERVING=2 SERVICE_UNKNOWN=3
'use strict';
const path = require('node:path');
const grpc = require(require.resolve('@grpc/grpc-js', { paths: [path.resolve(__dirname, '../..')] }));

const [addr, service = 'plugin', timeoutArg = '5000'] = process.argv.slice(2);
if (!addr) {
  process.stderr.write('usage: health-check.cjs <host:port | unix:/path> [service] [timeoutMs]\n');
  process.exit(2);
}
const STATUS = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];

function varint(n) {
  const out = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
function encodeRequest(svc) {
  const s = Buffer.from(svc, 'utf8');
  return s.length ? Buffer.concat([Buffer.from([0x0a, ...varint(s.length)]), s]) : Buffer.alloc(0);
}
function decodeResponse(buf) {
  let status = 0;
  for (let i = 0; i < buf.length; ) {
    const tag = buf[i++];
    let v = 0;
    let shift = 0;
    let b;
    const wire = tag & 7;
    if (wire === 0) {
      do {
        b = buf[i++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      if (tag >> 3 === 1) {status = v;}
    } else if (wire === 2) {
      do {
        b = buf[i++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      i += v;
    } else {
      throw new Error(`unexpected wire type ${wire} in HealthCheckResponse`);
    }
  }
  return status;
}

const client = new grpc.Client(addr, grpc.credentials.createInsecure());
const deadline = Date.now() + Number(timeoutArg);
client.makeUnaryRequest(
  '/grpc.health.v1.Health/Check',
  encodeRequest,
  decodeResponse,
  service,
  new grpc.Metadata(),
  { deadline },
  (err, status) => {
    client.close();
    if (err) {
      process.stderr.write(`health-check: Check(${JSON.stringify(service)}) at ${addr} failed: ${err.message}\n`);
      process.exit(1);
    }
    const name = STATUS[status] || `status ${status}`;
    if (status !== 1) {
      process.stderr.write(`health-check: ${addr} service ${JSON.stringify(service)} is ${name}, want SERVING\n`);
      process.exit(1);
    }
    process.stdout.write(`${name}\n`);
  }
);
