package dev.firebreak.connect.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The connector types on the classpath, by the name configuration files use. Connectors are
 * discovered with {@link ServiceLoader} ({@code META-INF/services/dev.firebreak.connect.api.Connector}),
 * so this contract names none of them: a new platform is a new jar, not an edit here.
 */
public final class ConnectorTypes {
    private static final Map<String, ServiceLoader.Provider<Connector>> TYPES = discover();

    private ConnectorTypes() { }

    private static Map<String, ServiceLoader.Provider<Connector>> discover() {
        Map<String, ServiceLoader.Provider<Connector>> types = new LinkedHashMap<>();
        ServiceLoader.load(Connector.class, ConnectorTypes.class.getClassLoader()).stream()
                .forEach(provider -> types.putIfAbsent(provider.get().type(), provider));
        return types;
    }

    /** The known type names, in discovery order, for error messages. */
    public static String known() {
        return TYPES.isEmpty() ? "none on the classpath" : String.join(", ", TYPES.keySet());
    }

    /** A configured connector of the config's type, or why there cannot be one. */
    public static Connector create(ConnectorConfig config) throws ConfigException {
        ServiceLoader.Provider<Connector> provider = TYPES.get(config.type());
        if (provider == null) {
            throw new ConfigException("unknown type \"" + config.type() + "\" (expected " + known() + ")");
        }
        Connector connector = provider.get();
        connector.configure(config.checkedAgainst(connector.configDef()));
        return connector;
    }
}
