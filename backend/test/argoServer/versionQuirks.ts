import { parseArgoVersion, versionAtLeast } from '../../argo/client/serverVersion';

/**
 * What differs between Argo Server versions, as far as a reading client can see (notes/argo-api.md,
 * sections 4, 7 and 8). `quirksFor(version)` gives the defaults; tests override single switches.
 */
export interface ArgoQuirks {
  /** The version string /api/v1/version reports. */
  version: string;
  /** Live list paging: Kubernetes opaque tokens (≤ v3.5.6) or decimal offsets (v3.5.7+, SQLite cache). */
  liveListTokens: 'k8s' | 'offset';
  /**
   * The live list includes archived workflows, in offset mode (v3.5.7+). v3.5.0–v3.5.6 merged them too but
   * could not page the archive part (issues #11715, #12725); that is not modelled: they list live objects only.
   */
  mergeArchive: boolean;
  /** v4.0–v4.1: `continue` only when the archive alone has more, unless ext.showRemainingItemCount=true. */
  continueBug: boolean;
  /** Never send `continue` (worst case: the list silently ends after one page). */
  omitContinue: boolean;
  /** Always send back the same `continue` token (a broken server or caching proxy). */
  repeatContinue: boolean;
  /** Archive list items: v3.4 minimal, v3.5.0–3.5.5 full (with nodes), v3.5.6+ slim. */
  archiveItems: 'minimal' | 'full' | 'slim';
  /** The archive list reads the `namespace` query parameter (v3.4.5+); older ones only the field selector. */
  archiveNamespaceParam: boolean;
  /** `createdAfter` / `finishedBefore` on the live list (v3.7.1+). */
  createdAfterFilter: boolean;
  /** GET workflow falls back to the archive (v3.5+). */
  getFallsBackToArchive: boolean;
  /** `Grpc-Metadata-Argo-Version` response header (v3.6+). */
  versionHeader: boolean;
  /**
   * The CronWorkflow fields of the version's Go type (pkg/apis/workflow/v1alpha1/cron_workflow_types.go):
   * `schedule` only (≤ v3.5, no when/stopStrategy/status.phase either), both (v3.6–v3.7), `schedules` only
   * (v4.0+). The server decodes objects into that type, so it drops the fields the type lacks.
   */
  cronFields: 'schedule' | 'both' | 'schedules';
  /** Every Nth live workflow (by uid hash) has compressedNodes instead of nodes; 0 = none. */
  compressEvery: number;
  /** Every Nth live workflow has its nodes offloaded (offloadNodeStatusVersion); 0 = none. */
  offloadEvery: number;
  /** The list fills offloaded nodes (a server with persistence configured); false: items come without them. */
  offloadListFills: boolean;
  /** An empty list is `"items": null` (Go's nil slice), as real servers often answer. */
  itemsNullWhenEmpty: boolean;
}

/** version >= wanted, comparing major.minor.patch ("latest" and other non-semver strings count as newest). */
export function atLeast(version: string, wanted: string): boolean {
  const { major, minor, patch } = parseArgoVersion(wanted);
  return versionAtLeast(parseArgoVersion(version), major, minor, patch);
}

/** The quirks of a given server version. */
export function quirksFor(version: string): ArgoQuirks {
  return {
    version,
    liveListTokens: atLeast(version, 'v3.5.7') ? 'offset' : 'k8s',
    mergeArchive: atLeast(version, 'v3.5.7'),
    continueBug: atLeast(version, 'v4.0.0'),
    omitContinue: false,
    repeatContinue: false,
    archiveItems: atLeast(version, 'v3.5.6') ? 'slim' : atLeast(version, 'v3.5.0') ? 'full' : 'minimal',
    archiveNamespaceParam: atLeast(version, 'v3.4.5'),
    createdAfterFilter: atLeast(version, 'v3.7.1'),
    getFallsBackToArchive: atLeast(version, 'v3.5.0'),
    versionHeader: atLeast(version, 'v3.6.0'),
    cronFields: atLeast(version, 'v4.0.0') ? 'schedules' : atLeast(version, 'v3.6.0') ? 'both' : 'schedule',
    compressEvery: 0,
    offloadEvery: 0,
    offloadListFills: false,
    itemsNullWhenEmpty: true,
  };
}
