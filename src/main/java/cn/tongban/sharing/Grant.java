package cn.tongban.sharing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cn.tongban.kernel.Masking;
import cn.tongban.kernel.PersonalData;

/**
 * 数据共享授权: a consumer department may receive one data item (a real-time interface or a catalog item) for the
 * listed purposes, seeing the listed personal fields in full and the rest masked, within a validity window, on a
 * legal basis (建房〔2020〕61号 八: 加强个人隐私信息保护，非因工作需要不得访问; 建办房〔2020〕14号: 数据共享应用时做好脱敏处理).
 *
 * @param item       a {@link SharingInterface} code, or {@code catalog:<no>} for an item of the sharing catalog
 * @param fullFields personal fields shown in full: {@code name}, {@code idNumber}, {@code phone}; the others masked
 */
record Grant(long id, String departmentCode, String item, List<String> purposes, List<String> fullFields, LocalDate validFrom,
        LocalDate validTo, String legalBasis, String createdBy, OffsetDateTime createdAt, OffsetDateTime revokedAt,
        String revokedBy, String revokeReason, long version) {

    /** The personal fields a grant may show in full. */
    static final Set<String> PERSONAL_FIELDS = Set.of("name", "idNumber", "phone");

    boolean revoked() {
        return revokedAt != null;
    }

    boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** The value as this grant shows it: in full if the field is granted in full, else masked by its kind. */
    String shown(PersonalData.Kind kind, String value) {
        String field = switch (kind) {
            case NAME -> "name";
            case ID_NUMBER -> "idNumber";
            case PHONE -> "phone";
        };
        if (value == null || fullFields.contains(field)) {
            return value;
        }
        return switch (kind) {
            case NAME -> Masking.name(value);
            case ID_NUMBER -> Masking.identifier(value);
            case PHONE -> Masking.phone(value);
        };
    }
}
