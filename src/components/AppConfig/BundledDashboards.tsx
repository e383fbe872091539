import React, { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Icon, LinkButton, Stack, Text } from '@grafana/ui';

import { bundledDashboardsIds as ids, bundledDashboardsText as text } from './bundledDashboardsText';
import { importPluginDashboard, listPluginDashboards, reasonOf, type PluginDashboard } from './pluginDashboardsApi';

type Listing = { state: 'loading' } | { state: 'failed'; reason: string } | { state: 'ready'; dashboards: PluginDashboard[] };

/** The status line of one bundled dashboard. */
function statusOf(dashboard: PluginDashboard, failure?: string): { text: string; color: 'success' | 'warning' | 'error' | 'secondary' } {
  if (failure) {
    return { text: text.importFailed(failure), color: 'error' };
  }
  if (dashboard.removed) {
    return { text: text.removed, color: 'warning' };
  }
  if (!dashboard.imported) {
    return { text: text.notImported, color: 'secondary' };
  }
  if (dashboard.importedRevision < dashboard.revision) {
    return { text: text.updateAvailable(dashboard.importedRevision, dashboard.revision), color: 'warning' };
  }
  return { text: text.imported, color: 'success' };
}

/** Lists the app's bundled dashboards with their import status, and imports one or all of them. */
export function BundledDashboards({ pluginId }: { pluginId: string }) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string[]>([]);

  useEffect(() => {
    listPluginDashboards(pluginId).then(
      (dashboards) => setListing({ state: 'ready', dashboards }),
      (error) => setListing({ state: 'failed', reason: reasonOf(error) })
    );
  }, [pluginId]);

  const importOne = useCallback(
    async (path: string) => {
      setBusy((paths) => [...paths, path]);
      try {
        const result = await importPluginDashboard(pluginId, path);
        setFailures(({ [path]: _cleared, ...rest }) => rest);
        setListing((current) =>
          current.state === 'ready'
            ? { state: 'ready', dashboards: current.dashboards.map((d) => (d.path === path ? { ...d, ...result, imported: true } : d)) }
            : current
        );
      } catch (error) {
        setFailures((all) => ({ ...all, [path]: reasonOf(error) }));
      } finally {
        setBusy((paths) => paths.filter((p) => p !== path));
      }
    },
    [pluginId]
  );

  if (listing.state === 'loading') {
    return <Text color="secondary">{text.loading}</Text>;
  }
  if (listing.state === 'failed') {
    return <Alert severity="error" title={text.title}>{text.listFailed(listing.reason)}</Alert>;
  }
  const bundled = listing.dashboards.filter((d) => !d.removed);
  const importAll = async () => {
    // one after another: Grafana saves dashboards in one database, and each row shows its own outcome
    for (const dashboard of bundled) {
      await importOne(dashboard.path);
    }
  };

  return (
    <Stack direction="column" gap={1}>
      <Text element="h3">{text.title}</Text>
      <Text color="secondary">{text.intro}</Text>
      {listing.dashboards.length === 0 ? (
        <Text>{text.none}</Text>
      ) : (
        <>
          <ul data-testid={ids.list}>
            {listing.dashboards.map((dashboard) => {
              const status = statusOf(dashboard, failures[dashboard.path]);
              const importing = busy.includes(dashboard.path);
              const label = !dashboard.imported ? text.import : dashboard.importedRevision < dashboard.revision ? text.update : text.reimport;
              return (
                <li key={dashboard.path} data-testid={ids.row(dashboard.path)}>
                  <Stack direction="row" alignItems="center" gap={2}>
                    <Text weight="medium">{dashboard.title}</Text>
                    <span data-testid={ids.status(dashboard.path)}>
                      <Text color={status.color}>{status.text}</Text>
                    </span>
                    {dashboard.imported && dashboard.importedUrl && (
                      <LinkButton size="sm" variant="secondary" fill="text" href={dashboard.importedUrl} icon="apps">
                        {text.open}
                      </LinkButton>
                    )}
                    {!dashboard.removed && (
                      <Button size="sm" variant="secondary" disabled={importing} onClick={() => importOne(dashboard.path)} data-testid={ids.importOne(dashboard.path)}>
                        {importing ? <Icon name="spinner" /> : null} {importing ? text.importing : label}
                      </Button>
                    )}
                  </Stack>
                </li>
              );
            })}
          </ul>
          <div>
            <Button icon="import" disabled={busy.length > 0 || bundled.length === 0} onClick={importAll} data-testid={ids.importAll}>
              {text.importAll}
            </Button>
          </div>
        </>
      )}
    </Stack>
  );
}
