package io.fleetcast.media.format;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The one native interrupt callback of the process, shared by every demuxer and muxer.
 * JavaCPP backs each callback class with a fixed table of native thunks (ten for
 * AVIOInterruptCB's): while ten callback objects are alive (uncollected), later ones are never
 * called, so FFmpeg's blocking calls would stop returning when their owner closes (measured: the
 * eleventh listening input in a row ignored its interrupt). Each context registers its
 * condition here instead, under its own opaque pointer.
 */
final class Interrupts {
    private static final Map<Long, BooleanSupplier> CONDITIONS = new ConcurrentHashMap<>();
    private static final Callback CALLBACK = new Callback();

    private Interrupts() {
    }

    /** FFmpeg polls {@code condition} for the blocking calls made through {@code target} until the handle closes. */
    static Registration register(AVIOInterruptCB target, BooleanSupplier condition) {
        // A unique address for the opaque pointer, owned by the registration.
        BytePointer key = new BytePointer(1);
        CONDITIONS.put(key.address(), condition);
        target.callback(CALLBACK);
        target.opaque(key);
        return new Registration(key);
    }

    /** One context's entry; close it after the context is freed (its calls then see "not interrupted"). */
    static final class Registration implements AutoCloseable {
        private BytePointer key;

        private Registration(BytePointer key) {
            this.key = key;
        }

        @Override
        public void close() {
            if (key != null) {
                CONDITIONS.remove(key.address());
                key.close();
                key = null;
            }
        }
    }

    private static final class Callback extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            BooleanSupplier condition = opaque == null ? null : CONDITIONS.get(opaque.address());
            return condition != null && condition.getAsBoolean() ? 1 : 0;
        }
    }
}
