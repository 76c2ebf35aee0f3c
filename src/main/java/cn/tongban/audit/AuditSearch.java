package cn.tongban.audit;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * Turns an auditor's search — from the API or the page — into a {@link AuditEvents.Filter}. A subject is searched by
 * {@code idNumber}, which becomes its blind index here and is never stored or logged, or directly by
 * {@code subjectIndex}.
 */
@Component
class AuditSearch {

    private final PersonalDataCipher cipher;

    AuditSearch(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    AuditEvents.Filter filter(Instant from, Instant to, String actorId, String action, String resourceType,
            String subjectIndex, String idNumber) {
        return new AuditEvents.Filter(from, to, actorId, action, resourceType, subject(subjectIndex, idNumber));
    }

    /** The blind index of the ID number, if one is given: the search never sees the number itself. */
    private String subject(String subjectIndex, String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return subjectIndex;
        }
        try {
            return cipher.blindIndex(IdNumbers.normalise(idNumber));
        } catch (InvalidValueException e) {
            throw new RuleViolationException(e.at("idNumber"));
        }
    }
}
