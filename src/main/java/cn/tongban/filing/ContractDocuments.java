package cn.tongban.filing;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.identity.PlatformActor;
import cn.tongban.kernel.crypto.Sm3;

/**
 * 自动生成合同文本 (建房规〔2020〕4号 三（九）): the contract's text from the template of its type — the district's own
 * if it has one, else the default — rendered after the filing commits, from the {@link ContractFiled} event (kept
 * in the event publication registry, so a crash before rendering only delays it) or on first request, and kept
 * with its SM3 digest. Filing never waits for it.
 */
@Service
class ContractDocuments {

    /** The rendered text and its digest. */
    record Document(String filingCode, String content, String sm3, long templateVersion, String templateRegion) {
    }

    private final JdbcClient jdbc;
    private final Contracts contracts;

    ContractDocuments(JdbcClient jdbc, Contracts contracts) {
        this.jdbc = jdbc;
        this.contracts = contracts;
    }

    @ApplicationModuleListener
    void on(ContractFiled filed) {
        PlatformActor.run("contract-renderer", () -> render(filed.filingCode()));
    }

    /** The document, rendered now if the event has not yet done it. */
    @Transactional
    Document document(String filingCode) {
        contracts.get(filingCode); // outside the caller's scope: not found
        return stored(filingCode).orElseGet(() -> render(filingCode));
    }

    @Transactional
    Document render(String filingCode) {
        Optional<Document> existing = stored(filingCode);
        if (existing.isPresent()) {
            return existing.get();
        }
        ContractView contract = contracts.get(filingCode);
        Map<String, Object> template = jdbc.sql("""
                SELECT type, region, body, version FROM contract_template
                 WHERE type = ? AND region IN (?, '*') ORDER BY region = '*' LIMIT 1""")
                .params(contract.type().name(), contract.districtCode()).query().singleRow();
        String content = fill((String) template.get("body"), contract);
        String digest = Sm3.hex(content);
        jdbc.sql("""
                INSERT INTO contract_document (contract_id, template_type, template_region, template_version, content, sm3)
                SELECT id, ?, ?, ?, ?, ? FROM contract WHERE filing_code = ? ON CONFLICT (contract_id) DO NOTHING""")
                .params(template.get("type"), template.get("region"), template.get("version"), content, digest, filingCode)
                .update();
        return stored(filingCode).orElseThrow();
    }

    private Optional<Document> stored(String filingCode) {
        return jdbc.sql("""
                SELECT d.content, d.sm3, d.template_version, d.template_region FROM contract_document d
                  JOIN contract c ON c.id = d.contract_id WHERE c.filing_code = ?""")
                .param(filingCode)
                .query((rs, n) -> new Document(filingCode, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }

    /** Fills {name} placeholders; the parties appear with their full names, as a contract must name them. */
    private static String fill(String body, ContractView contract) {
        Map<String, String> values = Map.of(
                "filingCode", contract.filingCode(),
                "signedOn", String.valueOf(contract.signedOn()),
                "unitCode", contract.unitCode(),
                "location", String.valueOf(contract.unit().get("location")),
                "buildingArea", String.valueOf(contract.unit().get("buildingArea")),
                "innerArea", String.valueOf(contract.unit().get("innerArea")),
                "sharedArea", String.valueOf(contract.unit().get("sharedArea")),
                "price", contract.price().toPlainString(),
                "sellers", contract.sellers().stream().map(ContractView.PartyView::name).collect(Collectors.joining("、")),
                "buyers", contract.buyers().stream().map(ContractView.PartyView::name).collect(Collectors.joining("、")));
        String text = body;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
