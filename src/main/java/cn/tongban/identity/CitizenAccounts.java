package cn.tongban.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * Citizens' accounts: they sign in with their 公民身份号码, which is kept sealed and found by its blind index — the
 * same index the audit log files their records' accesses under.
 */
@Service
class CitizenAccounts implements CitizenSubjects {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final PasswordEncoder passwords;

    CitizenAccounts(JdbcClient jdbc, PersonalDataCipher cipher, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.passwords = passwords;
    }

    long create(CitizenIdNumber idNumber, String name, String password, boolean demo) {
        return jdbc.sql("""
                INSERT INTO citizen_account (id_number_index, id_number_sealed, name_sealed, password_hash, demo)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(cipher.blindIndex(idNumber.value()), cipher.encrypt(idNumber.value()), cipher.encrypt(name),
                        passwords.encode(password), demo)
                .query(Long.class).single();
    }

    /** The account signing in with this ID number, if the text is one and it has an account. */
    Optional<SignedInPrincipal> byIdNumber(String username) {
        String index;
        try {
            index = cipher.blindIndex(CitizenIdNumber.of(username).value());
        } catch (InvalidValueException notAnIdNumber) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, id_number_index, password_hash, coalesce(locked_until > now(), false) AS locked FROM citizen_account WHERE id_number_index = ?")
                .param(index)
                .query((rs, n) -> new SignedInPrincipal(citizen(rs.getLong("id")), rs.getString("password_hash"), true,
                        rs.getBoolean("locked"), rs.getString("id_number_index")))
                .optional();
    }

    /** The blind index of the text if it is a 公民身份号码 (a citizen's sign-in name), else {@code null}. */
    String subjectIndexOfIdNumber(String text) {
        try {
            return cipher.blindIndex(CitizenIdNumber.of(text).value());
        } catch (InvalidValueException notAnIdNumber) {
            return null;
        }
    }

    /** Counts a wrong password against the citizen's account, as for staff. */
    void failed(String username) {
        try {
            String index = cipher.blindIndex(CitizenIdNumber.of(username).value());
            jdbc.sql("""
                    UPDATE citizen_account SET failed_attempts = failed_attempts + 1,
                           locked_until = CASE WHEN failed_attempts + 1 >= ? THEN now() + make_interval(mins => ?) ELSE locked_until END
                     WHERE id_number_index = ?""")
                    .params(StaffAccounts.MAX_FAILURES, (int) StaffAccounts.LOCK.toMinutes(), index).update();
        } catch (InvalidValueException notAnIdNumber) {
            // a staff user name: counted by StaffAccounts
        }
    }

    /** A citizen as the platform sees them: no department, no permission over anyone else's data. */
    static Caller citizen(long accountId) {
        return new Caller("citizen-" + accountId, ActorKind.CITIZEN, null, null, null, java.util.Set.of(), false,
                java.util.Set.of("citizen"), java.util.Set.of(), java.util.Set.of(), null);
    }

    @Override
    public Optional<Citizen> citizenOf(Caller caller) {
        return accountId(caller).flatMap(id -> jdbc.sql("SELECT id_number_sealed, name_sealed FROM citizen_account WHERE id = ?")
                .param(id).query((rs, n) -> new Citizen(cipher.decrypt(rs.getString(1)), cipher.decrypt(rs.getString(2)))).optional());
    }

    /** The account a citizen caller signed in with. */
    private static Optional<Long> accountId(Caller caller) {
        if (caller.kind() != ActorKind.CITIZEN || !caller.actorId().startsWith("citizen-")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(caller.actorId().substring("citizen-".length())));
    }

    @Override
    public Optional<String> subjectIndexOf(Caller caller) {
        return accountId(caller).flatMap(id -> jdbc.sql("SELECT id_number_index FROM citizen_account WHERE id = ?")
                .param(id).query(String.class).optional());
    }
}
