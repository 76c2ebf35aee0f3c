package cn.tongban.identity;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * 实名核验: whether a name belongs to a 公民身份号码, by the records the police (户籍) and 民政 share
 * (建房规〔2020〕4号 二（五）: 自动核验交易主体的身份). Where no record has been shared, the answer is unknown.
 */
public interface RealNameRegistry {

    /** Empty when the registry has no record of the number; else whether the name matches, and whose record it is. */
    Optional<Match> check(String idNumber, String name);

    /** Records (or replaces) what a source says a number's holder is called. */
    void record(String idNumber, String name, String source);

    record Match(boolean nameMatches, String source, OffsetDateTime recordedAt) {
    }
}
