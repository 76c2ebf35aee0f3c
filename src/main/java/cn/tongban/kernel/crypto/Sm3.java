package cn.tongban.kernel.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * SM3 密码杂凑算法 of GB/T 32905-2016: a 256-bit digest, e.g. for the audit log's hash chain (issue #3).
 *
 * <p>BouncyCastle's lightweight {@link SM3Digest}; no JCE provider is registered.
 */
public final class Sm3 {

    private static final HexFormat HEX = HexFormat.of();

    private Sm3() {
    }

    /** The 32-byte digest of the parts, concatenated in order (no separators or lengths are added). */
    public static byte[] digest(byte[]... parts) {
        SM3Digest sm3 = new SM3Digest();
        for (byte[] part : parts) {
            sm3.update(part, 0, part.length);
        }
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return digest;
    }

    /** The digest of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String hex(String utf8Text) {
        return hex(utf8Text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of the parts, concatenated in order, as 64 lower-case hex digits. */
    public static String hex(byte[]... parts) {
        return HEX.formatHex(digest(parts));
    }
}
