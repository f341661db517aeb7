package dev.firebreak.connectors.spi;

import dev.firebreak.connectors.douyin.DouyinConnector;
import dev.firebreak.connectors.push.PushConnector;
import dev.firebreak.connectors.replay.ReplayConnector;
import dev.firebreak.connectors.weibo.WeiboConnector;
import dev.firebreak.connectors.xiaohongshu.XiaohongshuConnector;
import dev.firebreak.connectors.xiaohongshu.XiaohongshuImportConnector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The connector types this build knows, by the name configuration files use. */
public final class ConnectorTypes {
    private static final Map<String, Supplier<Connector>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("weibo", WeiboConnector::new);
        TYPES.put("douyin", DouyinConnector::new);
        TYPES.put(XiaohongshuConnector.TYPE, XiaohongshuConnector::new);
        TYPES.put(XiaohongshuImportConnector.TYPE, XiaohongshuImportConnector::new);
        TYPES.put("replay", ReplayConnector::new);
        TYPES.put("push", PushConnector::new);
    }

    private ConnectorTypes() { }

    public static String known() {
        return String.join(", ", TYPES.keySet());
    }

    /** A configured connector of the config's type, or why there cannot be one. */
    public static Connector create(ConnectorConfig config) throws ConfigException {
        Supplier<Connector> factory = TYPES.get(config.type());
        if (factory == null) {
            throw new ConfigException("unknown type \"" + config.type() + "\" (expected " + known() + ")");
        }
        Connector connector = factory.get();
        connector.configure(config.checkedAgainst(connector.configDef()));
        return connector;
    }
}
