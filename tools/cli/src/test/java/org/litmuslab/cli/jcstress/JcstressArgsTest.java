package org.litmuslab.cli.jcstress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.UserException;

class JcstressArgsTest {

    private static final List<String> PRESET = List.of("-m", "quick", "-sc", "false", "-f", "1", "-time", "200",
            "-jvmArgs", "-XX:-TieredCompilation");

    @Test
    void userOptionsReplaceThePresetsOfTheSameName() {
        assertThat(JcstressArgs.merge(PRESET, List.of("-time", "500", "-jvmArgs", "-Xint", "-v")))
                .containsExactly("-m", "quick", "-sc", "false", "-f", "1", "-time", "500", "-jvmArgs", "-Xint", "-v");
    }

    @Test
    void noUserOptionsKeepsThePreset() {
        assertThat(JcstressArgs.merge(PRESET, List.of())).isEqualTo(PRESET);
    }

    @Test
    void optionalValuesAndFlagsAreTold() {
        assertThat(JcstressArgs.names(List.of("-sc", "-v", "-f", "2", "-jvmArgsPrepend", "-Xmx1g")))
                .containsExactly("-sc", "-v", "-f", "-jvmArgsPrepend");
    }

    @Test
    void optionsLitmusOwnsAreRefusedWithTheLitmusOption() {
        assertThatThrownBy(() -> JcstressArgs.merge(PRESET, List.of("-t", "Counter")))
                .isInstanceOf(UserException.class).hasMessageContaining("--tests");
        assertThatThrownBy(() -> JcstressArgs.merge(PRESET, List.of("-r", "x")))
                .isInstanceOf(UserException.class).hasMessageContaining("--out");
    }

    @Test
    void strayValuesAndMissingValuesAreUserErrors() {
        assertThatThrownBy(() -> JcstressArgs.merge(PRESET, List.of("500")))
                .isInstanceOf(UserException.class).hasMessageContaining("'500'");
        assertThatThrownBy(() -> JcstressArgs.merge(PRESET, List.of("-time")))
                .isInstanceOf(UserException.class).hasMessageContaining("-time").hasMessageContaining("value");
    }

    @Test
    void cpusComesFromMinusC() {
        assertThat(JcstressArgs.cpus(List.of("-c", "1", "-v"))).contains(1);
        assertThat(JcstressArgs.cpus(List.of("-v"))).isEmpty();
        assertThatThrownBy(() -> JcstressArgs.cpus(List.of("-c", "two"))).isInstanceOf(UserException.class);
    }
}
