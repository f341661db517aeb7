package dev.firebreak.daemon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from the resource Maven fills in at build time ({@code firebreak --version}). */
public final class Version {
    private static final String RESOURCE = "/dev/firebreak/daemon/version.properties";

    private Version() { }

    /** The version, e.g. "0.1.0-SNAPSHOT"; "unknown" when the resource is missing (classes run unpackaged). */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
