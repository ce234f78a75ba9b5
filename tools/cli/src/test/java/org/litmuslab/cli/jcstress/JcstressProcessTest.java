package org.litmuslab.cli.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class JcstressProcessTest {

    @Test
    void relativeClassPathEntriesBecomeAbsolute() {
        // java -jar tools/cli/target/litmus.jar has a relative class path; the child runs elsewhere.
        String cp = JcstressProcess.absoluteClassPath("tools/cli/target/litmus.jar" + File.pathSeparator + "/abs/x.jar");
        assertThat(cp.split(File.pathSeparator)).containsExactly(
                Path.of("tools/cli/target/litmus.jar").toAbsolutePath().toString(), "/abs/x.jar");
    }

    @Test
    void commandStartsJcstressMainWithTheArgs() {
        assertThat(JcstressProcess.command(java.util.List.of("-m", "sanity"), 17))
                .contains("org.openjdk.jcstress.Main").endsWith("-m", "sanity");
    }

    @Test
    void onJdk22AndLaterEveryForkGetsNativeAccess() {
        assertThat(JcstressProcess.command(java.util.List.of("-m", "sanity"), 25))
                .contains("--enable-native-access=ALL-UNNAMED")
                .endsWith("-m", "sanity", "-jvmArgsPrepend", "--enable-native-access=ALL-UNNAMED");
        assertThat(JcstressProcess.command(java.util.List.of("-jvmArgsPrepend", "-Xint", "-v"), 25))
                .endsWith("-jvmArgsPrepend", "--enable-native-access=ALL-UNNAMED -Xint", "-v");
    }

    @Test
    void beforeJdk22NothingIsAdded() {
        assertThat(JcstressProcess.command(java.util.List.of("-m", "sanity"), 17))
                .doesNotContain("--enable-native-access=ALL-UNNAMED", "-jvmArgsPrepend").endsWith("-m", "sanity");
    }
}
