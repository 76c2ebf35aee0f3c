package cn.tongban.identity;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** The local copy of the shared real-name records, kept as blind indexes only. */
@Service
class RealNameRecords implements RealNameRegistry {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    RealNameRecords(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public Optional<Match> check(String idNumber, String name) {
        String nameIndex = cipher.blindIndex(name.strip());
        return jdbc.sql("SELECT name_index, source, recorded_at FROM real_name_record WHERE id_number_index = ?")
                .param(cipher.blindIndex(IdNumbers.normalise(idNumber)))
                .query((rs, n) -> new Match(nameIndex.equals(rs.getString("name_index")), rs.getString("source"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .optional();
    }

    @Override
    public void record(String idNumber, String name, String source) {
        jdbc.sql("""
                INSERT INTO real_name_record (id_number_index, name_index, source) VALUES (?, ?, ?)
                ON CONFLICT (id_number_index) DO UPDATE SET name_index = EXCLUDED.name_index, source = EXCLUDED.source,
                                                            recorded_at = now()""")
                .params(cipher.blindIndex(IdNumbers.normalise(idNumber)), cipher.blindIndex(name.strip()), source)
                .update();
    }
}
