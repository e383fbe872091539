package org.elasticsearch.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.jdk.ModuleQualifiedExportsService;

/**
 * A PluginsService that, besides the (empty) modules and plugins folders of the node home, loads
 * plugin classes that are already on the JVM classpath (the transport-netty4 module jar and our
 * own root-info plugin). Lives in this package because the hooks it needs are package-private.
 * Written for the test node of Argo Workflows Performance (scripts/elasticsearch).
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> allPlugins;
    private final PluginsAndModules allInfo;

    public ClasspathPluginsService(Settings settings, Path configDir, Path modulesDir, Path pluginsDir,
            Collection<Class<? extends Plugin>> classpathPlugins) {
        super(settings, configDir, modulesDir, pluginsDir);

        List<LoadedPlugin> loaded = new ArrayList<>();
        List<PluginRuntimeInfo> infos = new ArrayList<>(super.info().getPluginInfos());
        String javaVersion = Integer.toString(Runtime.version().feature());
        for (Class<? extends Plugin> type : classpathPlugins) {
            Plugin instance = loadPlugin(type, settings, configDir);
            PluginDescriptor descriptor = new PluginDescriptor(type.getName(), "loaded from the classpath",
                    Build.current().version(), Build.current().version(), javaVersion, type.getName(), null,
                    List.of(), false, false, false, false);
            loaded.add(new LoadedPlugin(descriptor, instance));
            infos.add(new PluginRuntimeInfo(descriptor));
        }
        loadExtensions(loaded);
        loaded.addAll(super.plugins());
        this.allPlugins = List.copyOf(loaded);
        this.allInfo = new PluginsAndModules(infos, super.info().getModuleInfos());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return allPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return allInfo;
    }

    @Override
    protected void addServerExportsService(Map<String, List<ModuleQualifiedExportsService>> qualifiedExports) {
        // The server runs from the classpath (unnamed module): there are no qualified exports to wire.
    }
}
