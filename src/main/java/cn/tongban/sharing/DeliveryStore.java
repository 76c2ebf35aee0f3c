package cn.tongban.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.StoredFiles;

/**
 * Where delivered files are kept: {@code tongban.sharing.deliveries-dir} (default {@code ${TONGBAN_DATA_DIR}/deliveries}),
 * one file per delivery under {@code <item no>/<period>/}. A body streams to a temporary file in 64 KiB pieces while
 * its SM3 and its records are counted, so a 1 GB delivery never sits in memory; only a verified file is kept.
 */
@Component
class DeliveryStore {

    /** What arrived: the temporary file, its size, its records and its SM3. */
    record Received(Path file, long bytes, long records, String sm3) {
    }

    private final Path root;

    DeliveryStore(@Value("${tongban.sharing.deliveries-dir:${TONGBAN_DATA_DIR:./data}/deliveries}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Streams the body to a temporary file, digesting and counting as it goes. A record is a line with something on
     * it (CSV: after the header line; JSON lines: every line); line breaks inside quoted CSV values are not allowed.
     */
    Received receive(InputStream body, DeliveryFormat format) {
        Path tmp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        SM3Digest sm3 = new SM3Digest();
        long bytes = 0;
        long lines = 0;
        boolean content = false;
        try {
            Files.createDirectories(tmp.getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    sm3.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            if (content) {
                                lines++;
                            }
                            content = false;
                        } else if (b != '\r' && b != ' ' && b != '\t') {
                            content = true;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            discard(tmp);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        if (content) {
            lines++;
        }
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        long records = format == DeliveryFormat.CSV ? Math.max(0, lines - 1) : lines;
        return new Received(tmp, bytes, records, HexFormat.of().formatHex(digest));
    }

    /** Moves a verified file to its place; returns the path relative to the store. */
    String keep(Received received, int itemNo, String period, long deliveryId, DeliveryFormat format) {
        Path target = root.resolve(Integer.toString(itemNo)).resolve(period).resolve(deliveryId + format.extension);
        return StoredFiles.keep(received.file(), root, target);
    }

    /** The kept file at this relative path. */
    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Removes a file that is not to be kept (quietly: it is being thrown away). */
    void discard(Path file) {
        StoredFiles.discard(file);
    }
}
