package cn.tongban.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.StoredFiles;
import cn.tongban.kernel.Violation;

/**
 * Where the files of 收件材料 are kept: {@code tongban.registration.materials-dir}, one file per upload under
 * {@code <application no>/<material id>.<ext>}. A body streams to a temporary file in 64 KiB pieces while its SM3 is
 * computed, so a 50 MB scan never sits in memory; its format is judged by its first bytes before anything is written,
 * and the stream is cut off as soon as it passes the item's size limit. A refused file is removed at once.
 */
@Component
class MaterialStore {

    static final String FILE = "file";
    static final String CONTENT_TYPE = "Content-Type";

    /** What arrived: the temporary file, its size, SM3 and format. */
    record Received(Path file, long bytes, String sm3, MaterialFormat format) {
    }

    /**
     * What a file must be: one of these formats, at most so many MiB, of the declared format if one was declared; the
     * declared length (Content-Length, -1 if none) lets a file too large be refused before a byte is read.
     */
    record Limits(List<MaterialFormat> formats, int maxMegabytes, MaterialFormat declared, long declaredBytes) {

        long maxBytes() {
            return maxMegabytes * 1024L * 1024L;
        }
    }

    private final Path root;

    MaterialStore(@Value("${tongban.registration.materials-dir:${TONGBAN_DATA_DIR:./data}/registration-materials}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Streams the body to a temporary file within the limits; refuses (and keeps nothing of) a file outside them. */
    Received receive(InputStream body, Limits limits) {
        if (limits.declaredBytes() > limits.maxBytes()) {
            throw refused(FILE, "material.too-large", limits.maxMegabytes());
        }
        byte[] buffer = new byte[64 * 1024];
        int head;
        try {
            head = body.readNBytes(buffer, 0, MaterialFormat.SIGNATURE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MaterialFormat format = check(buffer, head, limits);
        Path tmp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        SM3Digest sm3 = new SM3Digest();
        long bytes = head;
        try {
            Files.createDirectories(tmp.getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                sm3.update(buffer, 0, head);
                out.write(buffer, 0, head);
                int n;
                while ((n = body.read(buffer)) > 0) {
                    bytes += n;
                    if (bytes > limits.maxBytes()) {
                        // 互联网+不动产登记建设指南 二（一）3: 规格要求 — not a byte more is taken than the item allows
                        throw refused(FILE, "material.too-large", limits.maxMegabytes());
                    }
                    sm3.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            discard(tmp);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return new Received(tmp, bytes, HexFormat.of().formatHex(digest), format);
    }

    private static MaterialFormat check(byte[] head, int length, Limits limits) {
        if (length == 0) {
            throw refused(FILE, "material.empty");
        }
        MaterialFormat format = MaterialFormat.sniff(head, length).orElse(null);
        List<String> accepted = limits.formats().stream().map(f -> f.code).toList();
        if (format == null || !limits.formats().contains(format)) {
            throw refused(FILE, "material.format-not-accepted", format == null ? "?" : format.code, String.join(", ", accepted));
        }
        if (limits.declared() != null && limits.declared() != format) {
            throw refused(CONTENT_TYPE, "material.type-mismatch", limits.declared().mediaType, format.code);
        }
        return format;
    }

    private static RuleViolationException refused(String field, String code, Object... args) {
        return new RuleViolationException(new Violation(field, code, args));
    }

    /** Moves a received file to its place; returns the path relative to the store. */
    String keep(Received received, String applicationNo, long id) {
        Path target = root.resolve(applicationNo).resolve(id + received.format().extension);
        return StoredFiles.keep(received.file(), root, target);
    }

    /** The directory files are kept in. */
    Path root() {
        return root;
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
