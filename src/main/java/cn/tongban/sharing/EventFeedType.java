package cn.tongban.sharing;

/**
 * 事件类型: one kind of event a department may subscribe to, e.g. {@code contract.filed}. Each
 * {@link EventFeedSource} declares the types it records.
 *
 * @param code   {@code <subject>.<what-happened>}, lower case, as it appears in events and subscriptions
 * @param nameZh the name a department's administrator sees
 * @param nameEn the English name
 * @param source the module whose domain event it is
 */
record EventFeedType(String code, String nameZh, String nameEn, String source) {

    EventFeedType {
        if (!code.matches("[a-z]+(\\.[a-z-]+)+")) {
            throw new IllegalArgumentException("event type code must be <subject>.<what-happened> in lower case: " + code);
        }
    }
}
