package io.fleetcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> VALUED = Set.of("--robot", "--name", "--duration-s");
    private static final Set<String> FLAGS = Set.of("--playroom");

    @Test
    void readsPositionalsOptionsAndFlags() {
        Args args = Args.parse(List.of("alice", "--robot", "7", "--playroom", "trace.csv"), VALUED, FLAGS);
        assertThat(args.positional()).containsExactly("alice", "trace.csv");
        assertThat(args.requiredLong("--robot", 1)).isEqualTo(7);
        assertThat(args.flag("--playroom")).isTrue();
        assertThat(args.option("--name", "robot")).isEqualTo("robot");
        assertThat(args.longOption("--duration-s", 60, 1)).isEqualTo(60);
    }

    @Test
    void badCommandLinesNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> Args.parse(List.of("--colour", "red"), VALUED, FLAGS))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> Args.parse(List.of("--robot"), VALUED, FLAGS)).hasMessage("--robot needs a value");
        Args args = Args.parse(List.of("--robot", "seven", "--duration-s", "0"), VALUED, FLAGS);
        assertThatThrownBy(() -> args.requiredLong("--robot", 1))
                .hasMessage("--robot must be a whole number, got 'seven'");
        assertThatThrownBy(() -> args.longOption("--duration-s", 60, 1)).hasMessage("--duration-s must be >= 1, got 0");
        assertThatThrownBy(() -> args.required("--name")).isInstanceOf(ConfigException.class)
                .hasMessage("--name is required");
    }
}
