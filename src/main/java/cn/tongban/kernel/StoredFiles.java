package cn.tongban.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The two moves of a module's file store that streams a body to a temporary file first: put a received file in its
 * place at once (never a half-moved file), or throw it away.
 */
public final class StoredFiles {

    private StoredFiles() {
    }

    /** Moves a received file to its place atomically, creating the folders; returns the path relative to the root. */
    public static String keep(Path received, Path root, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root.relativize(target).toString();
    }

    /** Removes a file that is not to be kept, quietly: a leftover is never read and may be removed by hand at any time. */
    public static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to do: the file is being thrown away
        }
    }
}
