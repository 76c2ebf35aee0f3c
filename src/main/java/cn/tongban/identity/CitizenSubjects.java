package cn.tongban.identity;

import java.util.Optional;

/**
 * The blind index (hex HMAC-SM3 of the 公民身份号码) of the citizen a caller is: how the audit log answers a
 * citizen's "who accessed my records".
 */
public interface CitizenSubjects {

    /** The caller's subject index, or empty if the caller is not a citizen known by ID number. */
    Optional<String> subjectIndexOf(Caller caller);
}
