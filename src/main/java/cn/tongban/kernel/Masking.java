package cn.tongban.kernel;

/**
 * 去标识化 for display: personal data is shown masked unless the caller's grant says otherwise
 * (互联网+不动产登记建设指南 五: 在界面展示时予以去标识化处理; 建办房〔2020〕14号: 数据共享应用时做好保密和脱敏处理).
 */
public final class Masking {

    private Masking() {
    }

    /** 张三 → 张*, 欧阳小明 → 欧阳**; a company name is not personal data and is kept. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        if (name.length() > 6) {
            return name; // longer than any personal name: an organisation
        }
        int keep = name.length() >= 4 ? 2 : 1;
        return name.substring(0, keep) + "*".repeat(name.length() - keep);
    }

    /**
     * An 18-character 公民身份号码 or 统一社会信用代码 keeps its 6-character area code and last 4 characters
     * (320402199001011234 → 320402********1234): the birth date and order code go. Shorter identifiers (passports,
     * certificates) keep 2 and 2.
     */
    public static String identifier(String id) {
        if (id == null) {
            return null;
        }
        int keepStart = id.length() >= 18 ? 6 : 2;
        int keepEnd = id.length() >= 18 ? 4 : 2;
        if (id.length() <= keepStart + keepEnd) {
            return "*".repeat(id.length());
        }
        return id.substring(0, keepStart) + "*".repeat(id.length() - keepStart - keepEnd) + id.substring(id.length() - keepEnd);
    }

    /** 13912345678 → 139****5678. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
