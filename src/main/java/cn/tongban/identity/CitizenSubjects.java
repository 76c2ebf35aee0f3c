package cn.tongban.identity;

import java.util.Optional;

/**
 * The blind index (hex HMAC-SM3 of the 公民身份号码) of the citizen a caller is: how the audit log answers a
 * citizen's "who accessed my records".
 */
public interface CitizenSubjects {

    /** The caller's subject index, or empty if the caller is not a citizen known by ID number. */
    Optional<String> subjectIndexOf(Caller caller);

    /**
     * The 公民身份号码 and name of the citizen the caller is, as their account holds them: for a document a citizen
     * asks about themself (无房证明), or empty if the caller is not a citizen with an account.
     */
    Optional<Citizen> citizenOf(Caller caller);

    /** A citizen in clear; the caller's module decides what to show and audits. */
    record Citizen(String idNumber, String name) {
    }
}
