package cn.tongban.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the audit chain: walks {@code audit_event} in {@code seq} order, recomputes every row's hash and checks
 * that each row's {@code prev_hash} is the hash of the row before it, and that the last row is the chain head.
 *
 * <p>Rows removed by archiving are bridged by their {@code audit_archive} records: the archived months must chain
 * from the row before them to the row after them. The first row that remains has no row before it in the database:
 * its {@code prev_hash} is taken as given, provided it is the last hash of the archives before it (or the
 * genesis hash, 64 zeros, if nothing was archived).
 *
 * <p>From the command line, against the production database (exit code 0 verified, 1 broken, 2 not run):
 * <pre>
 * java -cp target/tongban.jar -Dloader.main=cn.tongban.audit.AuditVerifier org.springframework.boot.loader.launch.PropertiesLauncher &lt;jdbc-url&gt; &lt;user&gt; &lt;password&gt;
 * </pre>
 */
public final class AuditVerifier {

    /**
     * @param verified       whether the chain holds over the rows checked
     * @param rowsChecked    rows whose hash and link were found right
     * @param firstBrokenSeq the first row that breaks the chain, or {@code null}
     * @param reason         {@code content-altered}: the row's content does not give its hash;
     *                       {@code link-broken}: its {@code prev_hash} is not the previous row's hash (rows removed or
     *                       inserted); {@code head-mismatch}: the last row is not the chain head (rows removed at the
     *                       end); {@code null} if verified
     */
    record Result(boolean verified, long rowsChecked, Long firstBrokenSeq, String reason) {

        static Result broken(long rowsChecked, long seq, String reason) {
            return new Result(false, rowsChecked, seq, reason);
        }
    }

    private record Archive(long firstSeq, long lastSeq, String firstPrevHash, String lastHash) {
    }

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Verifies the whole chain over a JDBC URL, user and password; the exit code of {@link #main}. */
    static int run(String[] args, PrintStream out) {
        if (args.length != 3) {
            out.println("usage: AuditVerifier <jdbc-url> <user> <password>");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            Result result = verify(connection, null, null);
            connection.rollback();
            if (result.verified()) {
                out.println("audit chain verified: " + result.rowsChecked() + " rows");
                return 0;
            }
            out.println("audit chain BROKEN at seq " + result.firstBrokenSeq() + ": " + result.reason()
                    + " (" + result.rowsChecked() + " rows verified before it)");
            return 1;
        } catch (SQLException e) {
            out.println("audit chain not verified: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Verifies the rows that occurred from {@code from} (inclusive) to {@code to} (exclusive), either bound open. Run in one repeatable-read
     * transaction, so that rows and head are of one moment.
     */
    static Result verify(Connection connection, Instant from, Instant to) throws SQLException {
        List<Archive> archives = archives(connection);
        String sql = "SELECT * FROM audit_event WHERE (?::timestamptz IS NULL OR occurred_at >= ?)"
                + " AND (?::timestamptz IS NULL OR occurred_at < ?) ORDER BY seq";
        long checked = 0;
        Long lastSeq = null;
        String lastHash = null;
        try (PreparedStatement rows = connection.prepareStatement(sql)) {
            rows.setFetchSize(1000);
            Timestamp since = from == null ? null : Timestamp.from(from);
            Timestamp until = to == null ? null : Timestamp.from(to);
            rows.setTimestamp(1, since);
            rows.setTimestamp(2, since);
            rows.setTimestamp(3, until);
            rows.setTimestamp(4, until);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    AuditEntry row = AuditEntry.from(rs);
                    if (lastSeq == null) {
                        String[] before = rowBefore(connection, row.seq());
                        lastSeq = Long.parseLong(before[0]);
                        lastHash = before[1];
                    }
                    if (!row.prevHash().equals(lastHash) && !bridged(archives, lastSeq, lastHash, row.seq(), row.prevHash())) {
                        return Result.broken(checked, row.seq(), "link-broken");
                    }
                    if (!AuditHash.of(row).equals(row.hash())) {
                        return Result.broken(checked, row.seq(), "content-altered");
                    }
                    checked++;
                    lastSeq = row.seq();
                    lastHash = row.hash();
                }
            }
        }
        if (to == null) {
            if (lastSeq == null) {
                String[] before = rowBefore(connection, Long.MAX_VALUE);
                lastSeq = Long.parseLong(before[0]);
                lastHash = before[1];
            }
            try (PreparedStatement head = connection.prepareStatement("SELECT seq, hash FROM audit_chain_head");
                    ResultSet rs = head.executeQuery()) {
                rs.next();
                long headSeq = rs.getLong("seq");
                String headHash = rs.getString("hash");
                boolean atHead = headSeq == lastSeq && headHash.equals(lastHash);
                if (!atHead && !bridged(archives, lastSeq, lastHash, headSeq + 1, headHash)) {
                    return Result.broken(checked, headSeq, "head-mismatch");
                }
            }
        }
        return new Result(true, checked, null, null);
    }

    /** The seq and hash of the last row before {@code seq}, or 0 and the genesis hash if there is none. */
    private static String[] rowBefore(Connection connection, long seq) throws SQLException {
        try (PreparedStatement before = connection.prepareStatement(
                "SELECT seq, hash FROM audit_event WHERE seq < ? ORDER BY seq DESC LIMIT 1")) {
            before.setLong(1, seq);
            try (ResultSet rs = before.executeQuery()) {
                return rs.next() ? new String[] {Long.toString(rs.getLong(1)), rs.getString(2)}
                        : new String[] {"0", AuditHash.GENESIS};
            }
        }
    }

    /** Whether archived months fill the gap between two rows: they chain from the one to the other. */
    private static boolean bridged(List<Archive> archives, long prevSeq, String prevHash, long nextSeq, String nextPrevHash) {
        String hash = prevHash;
        boolean any = false;
        for (Archive archive : archives) {
            if (archive.firstSeq() > prevSeq && archive.lastSeq() < nextSeq) {
                if (!archive.firstPrevHash().equals(hash)) {
                    return false;
                }
                hash = archive.lastHash();
                any = true;
            }
        }
        return any && hash.equals(nextPrevHash);
    }

    private static List<Archive> archives(Connection connection) throws SQLException {
        List<Archive> archives = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT first_seq, last_seq, first_prev_hash, last_hash FROM audit_archive ORDER BY first_seq");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                archives.add(new Archive(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
        }
        return archives;
    }
}
