package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrowserTest {
    @Test
    void failsNamingTheDebianPackagesWhenNoBrowserIsInstalled() {
        assertThatThrownBy(() -> Browser.open(Path.of("/nonexistent/chromium"), Path.of("/nonexistent/chromedriver")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }
}
