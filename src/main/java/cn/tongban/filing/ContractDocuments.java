package cn.tongban.filing;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.identity.PlatformActor;
import cn.tongban.kernel.crypto.Sm3;

/**
 * 自动生成合同文本 (建房规〔2020〕4号 三（九）): the contract's text from the template of its type — the district's own
 * if it has one, else the default — and its PDF ({@link ContractPdf}: the filing code on every page, an embedded
 * font), rendered after the filing commits, from the {@link ContractFiled} event (kept in the event publication
 * registry, so a crash before rendering only delays it) or on first request, and kept with their SM3 digests. Filing
 * never waits for them; what is served is what was kept.
 *
 * <p>Rendering holds no database connection: the contract is read in one short transaction, the PDF made without
 * one, and the result kept in another — a render takes milliseconds of CPU, and connections are what filings wait
 * for. Renders from events run one at a time on their own thread ({@link Renderers}), so a burst of filings queues
 * renders instead of taking the CPU from the filings; a render asked for by a request runs at once.
 */
@Service
class ContractDocuments {

    /** The renderer thread for filing events. */
    @Configuration(proxyBeanMethods = false)
    static class Renderers {

        static final String EXECUTOR = "contractRenderers";

        @Bean(EXECUTOR)
        ThreadPoolTaskExecutor contractRenderers() {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setCorePoolSize(1);
            executor.setMaxPoolSize(1);
            executor.setThreadNamePrefix("contract-renderer-");
            executor.setWaitForTasksToCompleteOnShutdown(false); // unfinished renders are republished on restart
            return executor;
        }
    }

    /** The rendered text and its digest; {@code pdfRendered} once its PDF is kept too. */
    record Document(String filingCode, String content, String sm3, long templateVersion, String templateRegion,
            boolean pdfRendered) {
    }

    /** The kept PDF and the SM3 digest of exactly these bytes. */
    record Pdf(String filingCode, byte[] content, String sm3) {
    }

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final ContractPdf pdfs;
    private final TransactionTemplate transactions;

    ContractDocuments(JdbcClient jdbc, Contracts contracts, ContractPdf pdfs, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.pdfs = pdfs;
        this.transactions = transactions;
    }

    /** After the filing commits; the event publication stays incomplete (and is republished) until this returns. */
    @Async(Renderers.EXECUTOR)
    @TransactionalEventListener
    void on(ContractFiled filed) {
        PlatformActor.run("contract-renderer", () -> render(filed.filingCode()));
    }

    /** The document, rendered now if the event has not yet done it. */
    Document document(String filingCode) {
        contracts.get(filingCode); // outside the caller's scope: not found
        return stored(filingCode).orElseGet(() -> render(filingCode));
    }

    /** The PDF, rendered now if the event has not yet done it. */
    Pdf pdf(String filingCode) {
        contracts.get(filingCode); // outside the caller's scope: not found
        return storedPdf(filingCode).orElseGet(() -> {
            render(filingCode);
            return storedPdf(filingCode).orElseThrow();
        });
    }

    /** What a render needs, read in one transaction. */
    private record Source(Optional<Document> existing, ContractView contract, Map<String, Object> template) {
    }

    /** Text and PDF; the PDF of a text kept before PDFs existed is made from that same kept text. */
    Document render(String filingCode) {
        Source source = transactions.execute(status -> {
            Optional<Document> existing = stored(filingCode);
            if (existing.isPresent() && existing.get().pdfRendered()) {
                return new Source(existing, null, null);
            }
            ContractView contract = contracts.get(filingCode);
            return new Source(existing, contract, existing.isPresent() ? null : jdbc.sql("""
                    SELECT type, region, body, version FROM contract_template
                     WHERE type = ? AND region IN (?, '*') ORDER BY region = '*' LIMIT 1""")
                    .params(contract.type().name(), contract.districtCode()).query().singleRow());
        });
        if (source.contract() == null) {
            return source.existing().orElseThrow();
        }
        if (source.existing().isPresent()) {
            byte[] pdf = pdfs.render(filingCode, source.existing().get().content(), source.contract().filedAt());
            return transactions.execute(status -> {
                jdbc.sql("""
                        UPDATE contract_document SET pdf = ?, pdf_sm3 = ?
                         WHERE contract_id = (SELECT id FROM contract WHERE filing_code = ?) AND pdf IS NULL""")
                        .params(pdf, Sm3.hex(pdf), filingCode).update();
                return stored(filingCode).orElseThrow();
            });
        }
        Map<String, Object> template = source.template();
        String content = fill((String) template.get("body"), source.contract());
        byte[] pdf = pdfs.render(filingCode, content, source.contract().filedAt());
        return transactions.execute(status -> {
            jdbc.sql("""
                    INSERT INTO contract_document (contract_id, template_type, template_region, template_version, content, sm3,
                                                   pdf, pdf_sm3)
                    SELECT id, ?, ?, ?, ?, ?, ?, ? FROM contract WHERE filing_code = ? ON CONFLICT (contract_id) DO NOTHING""")
                    .params(template.get("type"), template.get("region"), template.get("version"), content, Sm3.hex(content),
                            pdf, Sm3.hex(pdf), filingCode)
                    .update();
            return stored(filingCode).orElseThrow();
        });
    }

    private Optional<Document> stored(String filingCode) {
        return jdbc.sql("""
                SELECT d.content, d.sm3, d.template_version, d.template_region, d.pdf IS NOT NULL FROM contract_document d
                  JOIN contract c ON c.id = d.contract_id WHERE c.filing_code = ?""")
                .param(filingCode)
                .query((rs, n) -> new Document(filingCode, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getBoolean(5)))
                .optional();
    }

    private Optional<Pdf> storedPdf(String filingCode) {
        return jdbc.sql("""
                SELECT d.pdf, d.pdf_sm3 FROM contract_document d
                  JOIN contract c ON c.id = d.contract_id WHERE c.filing_code = ? AND d.pdf IS NOT NULL""")
                .param(filingCode)
                .query((rs, n) -> new Pdf(filingCode, rs.getBytes(1), rs.getString(2)))
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
