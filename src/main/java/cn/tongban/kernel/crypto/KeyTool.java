package cn.tongban.kernel.crypto;

import java.nio.file.Path;

/**
 * Creates and rotates the personal-data key file ({@code personal-data.keys}, see {@link KeyRing}) from the
 * command line.
 *
 * <ul>
 *   <li>{@code generate <dir>}: a fresh key set — SM4 key {@code k1}, active, and the blind-index key — written
 *       owner-only to {@code <dir>/personal-data.keys}; refuses to overwrite an existing file.</li>
 *   <li>{@code rotate <dir>}: adds a new SM4 key {@code k<n+1>} and makes it active, keeping the old keys so that
 *       stored values keep decrypting; the index key is kept. Restart the platform to seal with the new key.</li>
 * </ul>
 *
 * From the built jar, with the platform's default directory:
 * <pre>
 * java -cp target/tongban.jar -Dloader.main=cn.tongban.kernel.crypto.KeyTool \
 *      org.springframework.boot.loader.launch.PropertiesLauncher rotate ./data/keys
 * </pre>
 * Exit status 0 on success, 1 on failure, 2 on wrong usage.
 */
public final class KeyTool {

    private KeyTool() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("generate") || args[0].equals("rotate"))) {
            System.err.println("usage: KeyTool generate|rotate <dir>");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        try {
            if (args[0].equals("generate")) {
                KeyRing.generate(dir);
                System.out.println("generated " + dir.resolve(KeyRing.FILE_NAME).toAbsolutePath() + ", active key k1");
            } else {
                String id = KeyRing.rotate(dir);
                System.out.println("rotated " + dir.resolve(KeyRing.FILE_NAME).toAbsolutePath() + ", active key " + id);
            }
        } catch (RuntimeException e) {
            System.err.println("KeyTool " + args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
