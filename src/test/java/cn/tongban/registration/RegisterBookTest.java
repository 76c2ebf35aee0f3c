package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.tongban.IntegrationTest;
import cn.tongban.OwnerDatabase;
import cn.tongban.TestData;

/** 不动产登记簿 (issue #7 item 5): append-only, hash-chained per unit, owners sealed at rest. */
@IntegrationTest
class RegisterBookTest {

    @Autowired
    RegisterBook book;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnerDatabase owner;

    private static String unit() {
        return "320402001001GB00100F" + "%08d".formatted(90_000_000 + TestData.next());
    }

    private static Map<String, Object> ownership(String... idNumbers) {
        List<Map<String, Object>> owners = new ArrayList<>();
        for (String id : idNumbers) {
            owners.add(Map.of("idNumber", id, "name", "业主" + id.substring(14), "coOwnership", "03",
                    "share", "1/" + idNumbers.length));
        }
        return Map.of("owners", owners, "basis", "转移登记");
    }

    @Test
    void entriesAreChainedPerUnitInOrderAndReadBackAsRegistered() {
        String unit = unit();
        String husband = TestData.citizenId("19800303");
        String wife = TestData.citizenId("19820404");
        RegisterEntry first = book.append(unit, RegisterEntry.Kind.OWNERSHIP, ownership(husband, wife), "DJ-1", "registrar-1");
        RegisterEntry second = book.append(unit, RegisterEntry.Kind.MORTGAGE,
                Map.of("mortgagee", "91320400MA00000013", "amount", "1200000.00", "rank", 1, "endOn", "2046-11-23"), "DJ-2", "registrar-2");

        assertThat(first.prevHash()).isEqualTo(RegisterEntry.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        List<RegisterEntry> entries = book.entries(unit);
        assertThat(entries).extracting(RegisterEntry::seq).containsExactly(1, 2);
        assertThat(entries.get(0).content().get("owners").toString()).contains(husband, wife);
        assertThat(entries.get(1).hash()).isEqualTo(second.hash());
        assertThat(book.firstBroken(unit)).isEmpty();
    }

    @Test
    void anEditOfAStoredEntryBreaksTheChainFromThere() {
        String unit = unit();
        book.append(unit, RegisterEntry.Kind.OWNERSHIP, ownership(TestData.citizenId("19750505")), "DJ-3", "registrar-1");
        book.append(unit, RegisterEntry.Kind.SEIZURE, Map.of("court", "常州市天宁区人民法院", "documentNo", "(2026)苏0402执1号"),
                "DJ-4", "registrar-1");
        // even the schema owner has to switch the guard off to edit the book; the chain still tells
        JdbcClient db = owner.jdbc();
        db.sql("ALTER TABLE register_entry DISABLE TRIGGER register_entry_no_update").update();
        try {
            db.sql("UPDATE register_entry SET content = jsonb_set(content, '{documentNo}', '\"(2026)苏0402执2号\"') "
                    + "WHERE unit_code = ? AND seq = 2").param(unit).update();
        } finally {
            db.sql("ALTER TABLE register_entry ENABLE TRIGGER register_entry_no_update").update();
        }
        assertThat(book.firstBroken(unit)).contains(2);
    }

    @Test
    void theApplicationCannotChangeOrRemoveAnEntry() {
        String unit = unit();
        book.append(unit, RegisterEntry.Kind.OBJECTION, Map.of("applicant", "利害关系人"), "DJ-5", "registrar-1");
        assertThatThrownBy(() -> jdbc.sql("UPDATE register_entry SET registrar = 'x' WHERE unit_code = ?").param(unit).update())
                .hasMessageContaining("register_entry");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM register_entry WHERE unit_code = ?").param(unit).update())
                .hasMessageContaining("register_entry");
    }

    @Test
    void ownersAreSealedAtRest() {
        String unit = unit();
        String id = TestData.citizenId("19700606");
        book.append(unit, RegisterEntry.Kind.OWNERSHIP, ownership(id), "DJ-6", "registrar-1");
        String stored = owner.jdbc().sql("SELECT content::text FROM register_entry WHERE unit_code = ?").param(unit)
                .query(String.class).single();
        assertThat(stored).doesNotContain(id).doesNotContain("业主").contains("idNumberSealed", "idNumberIndex");
    }

    @Test
    void concurrentRegistrationsOfOneUnitAreNumberedWithoutGapsAndChainedInOrder() throws Exception {
        String unit = unit();
        ExecutorService registrars = Executors.newFixedThreadPool(4);
        try {
            List<Future<RegisterEntry>> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                done.add(registrars.submit(() -> book.append(unit, RegisterEntry.Kind.CORRECTION, Map.of("note", "更正" + n),
                        "DJ-C" + n, "registrar-" + (n % 4))));
            }
            for (Future<RegisterEntry> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            registrars.shutdownNow();
        }
        assertThat(book.entries(unit)).extracting(RegisterEntry::seq)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(book.firstBroken(unit)).isEmpty();
    }

    @Test
    void theStateInForceIsDerivedFromTheBookReleasesIncluded() {
        String unit = unit();
        String seller = TestData.citizenId("19650707");
        String buyer = TestData.citizenId("19900808");
        book.append(unit, RegisterEntry.Kind.OWNERSHIP, ownership(seller), "DJ-10", "registrar-1");
        book.append(unit, RegisterEntry.Kind.MORTGAGE, Map.of("mortgagee", "银行甲", "rank", 2), "DJ-11", "registrar-1");
        book.append(unit, RegisterEntry.Kind.MORTGAGE, Map.of("mortgagee", "银行乙", "rank", 1), "DJ-12", "registrar-1");
        book.append(unit, RegisterEntry.Kind.SEIZURE, Map.of("court", "天宁区人民法院"), "DJ-13", "registrar-1");
        book.append(unit, RegisterEntry.Kind.MORTGAGE_RELEASE, Map.of("releases", 2), "DJ-14", "registrar-1");
        book.append(unit, RegisterEntry.Kind.SEIZURE_RELEASE, Map.of("releases", 4), "DJ-15", "registrar-1");
        book.append(unit, RegisterEntry.Kind.OWNERSHIP, ownership(buyer), "DJ-16", "registrar-2");

        RegisterState state = book.state(unit);
        assertThat(state.owners()).singleElement().satisfies(o -> assertThat(o.get("idNumber")).isEqualTo(buyer));
        assertThat(state.mortgages()).extracting(e -> e.content().get("mortgagee")).containsExactly("银行乙");
        assertThat(state.seizures()).isEmpty();
        assertThat(state.preNotice()).isEmpty();
        assertThat(state.objection()).isEmpty();
    }
}
