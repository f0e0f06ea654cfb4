package io.fleetcast.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Owns one AVPacket; close frees it once. */
public final class Packet implements AutoCloseable {
    private AVPacket packet;

    public Packet() {
        packet = AvCall.allocated("av_packet_alloc", av_packet_alloc());
    }

    public AVPacket av() {
        if (packet == null) {
            throw new IllegalStateException("packet already freed");
        }
        return packet;
    }

    /** A new packet referencing the same payload (no byte copy). */
    public Packet newReference() {
        Packet copy = new Packet();
        AvCall.check("av_packet_ref", av_packet_ref(copy.packet, av()));
        return copy;
    }

    /** Moves this packet's payload into a new owner and leaves this one empty for reuse. */
    public Packet moveOut() {
        Packet moved = new Packet();
        av_packet_move_ref(moved.packet, av());
        return moved;
    }

    public void unref() {
        av_packet_unref(av());
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
    }
}
