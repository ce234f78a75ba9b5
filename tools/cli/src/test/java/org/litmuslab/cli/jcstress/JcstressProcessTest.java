package org.litmuslab.cli.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class JcstressProcessTest {

    @Test
    void classPathEntriesBecomeAbsoluteSoTheChildFindsThemFromItsOwnDirectory() {
        String relative = String.join(File.pathSeparator, "tools/cli/target/litmus.jar", "", "lib/../x.jar");
        String absolute = JcstressProcess.absoluteClassPath(relative);
        assertThat(absolute.split(File.pathSeparator)).containsExactly(
                Path.of("tools/cli/target/litmus.jar").toAbsolutePath().toString(),
                Path.of("x.jar").toAbsolutePath().toString());
    }

    @Test
    void commandRunsJcstressMainWithAnAbsoluteClassPath() {
        List<String> cmd = JcstressProcess.command(List.of("-l"));
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        for (String entry : cp.split(File.pathSeparator)) {
            assertThat(Path.of(entry).isAbsolute()).as(entry).isTrue();
        }
        assertThat(cmd).endsWith("org.openjdk.jcstress.Main", "-l");
    }
}
