/** FNV-1a, 32 bit, over the UTF-8 bytes: the hash Argo uses in node IDs and pod names. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  if (/^[\x00-\x7f]*$/.test(text)) {
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return hash;
  }
  for (const byte of Buffer.from(text, 'utf8')) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

/** A node's ID: the workflow name for the root node, else `<workflow>-<fnv32a(node name)>`. */
export function nodeId(workflowName: string, nodeName: string): string {
  return nodeName === workflowName ? workflowName : `${workflowName}-${fnv32a(nodeName)}`;
}

/** Pod name in the v2 format: `<workflow>-<template>-<hash>` (the node ID with the template inserted). */
export function podName(workflowName: string, templateName: string, nodeName: string): string {
  return nodeName === workflowName ? workflowName : `${workflowName}-${templateName}-${fnv32a(nodeName)}`;
}
