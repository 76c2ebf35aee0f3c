package cn.tongban.audit;

import java.util.Optional;

import cn.tongban.identity.Caller;

/**
 * The blind index (hex HMAC-SM3 of the 公民身份号码) of the citizen a caller is, for "who accessed my records".
 * Identity implements it for signed-in citizens; until then no caller is known as a subject and the citizen's list
 * of accesses is empty.
 */
public interface CitizenSubjects {

    /** The caller's subject index, or empty if the caller is not a citizen known by ID number. */
    Optional<String> subjectIndexOf(Caller caller);
}
