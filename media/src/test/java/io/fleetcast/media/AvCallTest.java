package io.fleetcast.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AvCallTest {
    @Test
    void passesNonNegativeCodesThrough() {
        assertThat(AvCall.check("avcodec_open2", 0)).isZero();
        assertThat(AvCall.check("av_read_frame", 17)).isEqualTo(17);
    }

    @Test
    void failureNamesCallSubjectCodeAndFfmpegText() {
        int enoent = -2;
        assertThatThrownBy(() -> AvCall.check("avformat_open_input", "/media/missing.mp4", enoent))
                .isInstanceOf(MediaException.class)
                .hasMessage("avformat_open_input(/media/missing.mp4) failed: No such file or directory (-2)")
                .extracting(e -> ((MediaException) e).code()).isEqualTo(enoent);
    }

    @Test
    void recognisesEndOfStream() {
        assertThat(new MediaException("end", AvCall.EOF).isEndOfStream()).isTrue();
        assertThat(AvCall.errorText(AvCall.EOF)).isEqualTo("End of file");
    }
}
