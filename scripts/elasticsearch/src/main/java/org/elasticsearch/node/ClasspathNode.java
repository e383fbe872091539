package org.elasticsearch.node;

import java.util.Collection;
import java.util.List;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsService;

/**
 * An Elasticsearch node whose plugins come from the classpath (see ClasspathPluginsService).
 * Lives in this package because Node's construction hooks are package-private.
 */
public class ClasspathNode extends Node {

    public ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
        super(NodeConstruction.prepareConstruction(environment, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, Settings settings) {
                return new ClasspathPluginsService(settings, env.configFile(), env.modulesFile(), env.pluginsFile(),
                        List.copyOf(classpathPlugins));
            }
        }, true));
    }
}
