package cn.tongban.registration;

/** The three notices of acceptance (受理, 补正, 不予受理: 不动产登记暂行条例 第十七条). */
enum NoticeKind {
    ACCEPTANCE("不动产登记受理通知书"), SUPPLEMENT("不动产登记补正材料通知书"), REJECTION("不动产登记不予受理通知书");

    final String title;

    NoticeKind(String title) {
        this.title = title;
    }
}
