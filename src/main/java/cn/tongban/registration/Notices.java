package cn.tongban.registration;

import java.util.List;

import org.springframework.stereotype.Component;

/** PLACEHOLDER until the documents branch is merged. */
@Component
class Notices {

    enum NoticeKind {
        ACCEPTANCE, SUPPLEMENT, REJECTION
    }

    record IssuedNotice(String noticeNo, NoticeKind kind) {
    }

    IssuedNotice issue(String applicationNo, NoticeKind kind, List<String> items, String reason) {
        return new IssuedNotice(applicationNo + "-" + kind, kind);
    }
}
