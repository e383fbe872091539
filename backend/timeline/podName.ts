/**
 * The pod of a Pod node as Argo names it by default (pod names v2, workflow/util/pod_name.go):
 * `<run>-<template>-<fnv-1a 32 of the node name>`, the prefix cut to 242 characters, and the run's
 * own name for a run that is a single pod. Installations with POD_NAMES=v1 name pods by node id.
 */
const MAX_PREFIX = 253 - 10 - 1;

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function podName(runName: string, nodeName: string, template: string | undefined): string {
  if (runName === nodeName) {
    return runName;
  }
  const prefix = template ? `${runName}-${template}` : runName;
  return `${prefix.slice(0, MAX_PREFIX)}-${fnv1a32(nodeName)}`;
}
