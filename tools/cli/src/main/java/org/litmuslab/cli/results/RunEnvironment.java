package org.litmuslab.cli.results;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine and JVM a result came from: the system properties jcstress records in each result (its
 * {@code Environment}: {@code java.version}, {@code java.vm.name}, {@code os.arch}, ...) and the number of CPUs its
 * scheduler saw.
 *
 * @param properties the recorded system properties, sorted by name
 * @param cpus       hardware threads jcstress could schedule on; 0 when the result does not say
 */
public record RunEnvironment(Map<String, String> properties, int cpus) {

    public RunEnvironment {
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** The JDK version, e.g. {@code 17.0.15}. */
    public String jdk() {
        return get("java.version");
    }

    /** The JVM, e.g. {@code OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1 (Debian)}. */
    public String vm() {
        String vendor = properties.get("java.vm.vendor");
        return get("java.vm.name") + " " + get("java.vm.version") + (vendor == null ? "" : " (" + vendor + ")");
    }

    /** The operating system, e.g. {@code Linux 6.1.0}. */
    public String os() {
        return get("os.name") + " " + get("os.version");
    }

    /** The CPU architecture as the JVM names it, e.g. {@code amd64}. */
    public String arch() {
        return get("os.arch");
    }

    private String get(String key) {
        return properties.getOrDefault(key, "unknown");
    }
}
