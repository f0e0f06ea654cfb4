package io.fleetcast.bridge.hls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Serves HLS from a directory: every file appears by an atomic rename of a finished temp file. */
public final class LocalDirectory implements SegmentStore {
    private final Path root;

    public LocalDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create HLS directory " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void putSegment(String name, Path file) {
        Path target = resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store segment " + target, e);
        }
    }

    @Override
    public void putPlaylist(String name, String text) {
        Path target = resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write playlist " + target, e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete segment " + name, e);
        }
    }

    private Path resolve(String name) {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("HLS name escapes the directory: " + name);
        }
        return target;
    }

    @Override
    public String toString() {
        return "hls-dir " + root;
    }
}
