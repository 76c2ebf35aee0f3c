package cn.tongban.registration;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.DivisionKind;
import cn.tongban.kernel.InvalidValueException;

/**
 * 不动产权证书号 and 不动产登记证明号 in the national form printed on the certificates the 国土资源部 (now 自然资源部)
 * issues for the whole country (不动产登记暂行条例实施细则: 不动产权属证书和不动产登记证明的样式由国土资源部统一规定): {@code 苏（2026）常州市不动产权第0000001号} — the province's
 * abbreviation, the year, the registration authority's city or county, the kind and a sequence per authority, year and
 * kind (不动产权证书 for ownership; 不动产登记证明 for mortgages, pre-notices and other rights that get a proof).
 * Units of a 市辖区 are registered by their prefecture city's authority; a 县 or 县级市 has its own.
 */
@Component
class CertificateNumbers {

    /** 证书 or 证明. */
    enum Kind {
        /** 不动产权证书. */
        RIGHT("不动产权"),
        /** 不动产登记证明. */
        PROOF("不动产证明");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Province abbreviations (简称) of the provinces the platform serves, by their GB/T 2260 province digits. */
    private static final Map<String, String> PROVINCES = Map.of("32", "苏");

    private final JdbcClient jdbc;

    CertificateNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the authority registering units of the district.
     *
     * @throws InvalidValueException if the district is unknown or its province is not served
     */
    @Transactional
    String next(String districtCode, int year, Kind kind) {
        AdministrativeDivision district = AdministrativeDivision.of(districtCode);
        String province = PROVINCES.get(districtCode.substring(0, 2));
        if (province == null) {
            throw new InvalidValueException("certificate.province-not-served", districtCode);
        }
        String authority = district.kind() == DivisionKind.URBAN_DISTRICT
                ? AdministrativeDivision.of(district.parentCode()).name() : district.name();
        long number = jdbc.sql("""
                INSERT INTO certificate_number_sequence (authority, year, kind, last_value) VALUES (?, ?, ?, 1)
                ON CONFLICT (authority, year, kind) DO UPDATE SET last_value = certificate_number_sequence.last_value + 1
                RETURNING last_value""")
                .params(authority, year, kind.name()).query(Long.class).single();
        return "%s（%d）%s%s第%07d号".formatted(province, year, authority, kind.label, number);
    }
}
