package org.graphlint.validate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * graphlint's own version, as the build wrote it ({@code graphlint-version.properties}, filtered from the POM's
 * version): what {@code graphlint --version}, the SARIF driver and the Maven plugin report. A jar manifest is not used:
 * the shaded jar and a plain classpath both carry the resource, where manifests differ.
 */
public final class GraphlintVersion {
    private static final String VERSION = read();

    private GraphlintVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} only when the resource is missing (a broken build). */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = GraphlintVersion.class.getResourceAsStream("graphlint-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
