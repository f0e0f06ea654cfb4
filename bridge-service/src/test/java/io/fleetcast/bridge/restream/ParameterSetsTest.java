package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ParameterSetsTest {
    @Test
    void takesSpsAndPpsFromAnAnnexBKeyframeWhateverTheStartCodes() {
        byte[] keyframe = {
                0, 0, 0, 1, 0x09, (byte) 0xF0,                  // access unit delimiter
                0, 0, 0, 1, 0x67, 0x4D, 0x40, 0x1F, 0x00,        // SPS (trailing zero byte before the next start code)
                0, 0, 1, 0x68, (byte) 0xEE, 0x3C, (byte) 0x80,   // PPS, three-byte start code
                0, 0, 1, 0x06, 0x05, 0x01,                       // SEI
                0, 0, 1, 0x65, (byte) 0x88, (byte) 0x84};        // IDR slice
        assertThat(ParameterSets.of(ByteBuffer.wrap(keyframe))).containsExactly(
                0, 0, 0, 1, 0x67, 0x4D, 0x40, 0x1F,
                0, 0, 0, 1, 0x68, (byte) 0xEE, 0x3C, (byte) 0x80);
    }

    @Test
    void isEmptyUnlessBothSetsAreThere() {
        assertThat(ParameterSets.of(ByteBuffer.wrap(new byte[] {0, 0, 1, 0x67, 0x4D, 0, 0, 1, 0x65, 1}))).isEmpty();
        assertThat(ParameterSets.of(ByteBuffer.wrap(new byte[] {0, 0, 1, 0x41, 0x11}))).isEmpty();
        assertThat(ParameterSets.of(ByteBuffer.wrap(new byte[0]))).isEmpty();
    }

    @Test
    void audioSpecificConfigForAacLc() {
        assertThat(AudioSpecificConfig.aacLc(48_000, 2)).containsExactly(0x11, 0x90);
        assertThat(AudioSpecificConfig.aacLc(44_100, 1)).containsExactly(0x12, 0x08);
        assertThatThrownBy(() -> AudioSpecificConfig.aacLc(12_345, 2)).hasMessageContaining("12345");
    }
}
