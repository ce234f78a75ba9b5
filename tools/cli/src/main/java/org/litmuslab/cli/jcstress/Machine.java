package org.litmuslab.cli.jcstress;

import java.util.Locale;

/** Facts about this machine that decide what jcstress can run here. */
public final class Machine {
    private Machine() {
    }

    /** CPUs available to this JVM; jcstress skips tests with more actors than this ("No scheduling is possible"). */
    public static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** This CPU's architecture as {@code @ObservedOn} names it ({@code x86_64}, {@code aarch64}, ...). */
    public static String arch() {
        return arch(System.getProperty("os.arch"));
    }

    /** Java's {@code os.arch} spelled as {@code @ObservedOn} spells it: the names {@code uname -m} prints. */
    public static String arch(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86-64", "x64" -> "x86_64";
            case "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> a;
        };
    }
}
