package org.litmuslab.cli.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {
    @Test
    void archIsSpelledAsObservedOnSpellsIt() {
        assertThat(Machine.arch("amd64")).isEqualTo("x86_64");
        assertThat(Machine.arch("x86_64")).isEqualTo("x86_64");
        assertThat(Machine.arch("aarch64")).isEqualTo("aarch64");
        assertThat(Machine.arch("ppc64le")).isEqualTo("ppc64le");
    }
}
