/**
 * Argo Server versions and what each can do for a reading client (notes/argo-api.md, section 8).
 * Unparsable versions (dev builds, "latest") are taken as the newest.
 */
export interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
  /** False when the string was not vX.Y.Z and the newest behaviour is assumed. */
  known: boolean;
}

/** Parses "v3.7.12", "3.6.2", "v4.1.2+abc"; anything else counts as the newest. */
export function parseArgoVersion(version: string | undefined): ParsedVersion {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version?.trim() ?? '');
  return m
    ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), known: true }
    : { major: 99, minor: 0, patch: 0, known: false };
}

/** version >= major.minor.patch. */
export function versionAtLeast(version: ParsedVersion, major: number, minor: number, patch: number): boolean {
  if (version.major !== major) {
    return version.major > major;
  }
  if (version.minor !== minor) {
    return version.minor > minor;
  }
  return version.patch >= patch;
}

/** What the client may send to, and expect from, a server of this version. */
export interface ServerFeatures {
  /** Live list `continue` is a decimal offset (v3.5.7+); before, an opaque Kubernetes token. */
  offsetTokens: boolean;
  /** The live list accepts Argo's field selectors: spec.startedAt bounds, ext.showRemainingItemCount (v3.5.7+). */
  argoFieldSelectors: boolean;
  /** v4.0–v4.1 leave out `continue` unless ext.showRemainingItemCount=true is sent. */
  continueNeedsRemainingCount: boolean;
  /**
   * The live list pages through archived workflows too (v3.5.7+). v3.5.0–v3.5.6 merged them but could not
   * page the archive part, so the client treats them like v3.4 and pages the archive itself.
   */
  listMergesArchive: boolean;
  /** createdAfter/finishedBefore filter the live list and its archive part (v3.7.1+). */
  createdAfterFilter: boolean;
  /** The archive list takes a `namespace` parameter (v3.4.5+); older servers need the field selector. */
  archiveNamespaceParam: boolean;
  /** GET workflow takes `uid` (v3.7.11+ in 3.7, v4.0.2+). */
  getByUid: boolean;
}

/** The features of a version string. */
export function serverFeatures(versionText: string | undefined): ServerFeatures {
  const v = parseArgoVersion(versionText);
  const atLeast = (major: number, minor: number, patch: number) => versionAtLeast(v, major, minor, patch);
  return {
    offsetTokens: atLeast(3, 5, 7),
    argoFieldSelectors: atLeast(3, 5, 7),
    continueNeedsRemainingCount: atLeast(4, 0, 0),
    listMergesArchive: atLeast(3, 5, 7),
    createdAfterFilter: atLeast(3, 7, 1),
    archiveNamespaceParam: atLeast(3, 4, 5),
    getByUid: atLeast(4, 0, 2) || (v.major === 3 && v.minor === 7 && v.patch >= 11),
  };
}
