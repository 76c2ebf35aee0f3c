package cn.tongban.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.tongban.identity.PlatformActor;

/**
 * Loads Annex 1 of 常经办发〔2023〕19号 — 212 items of 42 providers, numbered as in the document, transcribed into
 * {@code sharing/changzhou-catalog.csv} — into an empty catalog on start. Not demo data: it is the catalog in force,
 * so every installation starts with it; afterwards administrators edit and import, and each change is a version.
 */
@Component
@Order(0)
class CatalogSeed implements ApplicationRunner {

    static final String RESOURCE = "sharing/changzhou-catalog.csv";
    private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

    private final Catalog catalog;

    CatalogSeed(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        PlatformActor.run("catalog-seed", () -> {
            try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
                if (catalog.seed(in)) {
                    log.info("Loaded the sharing catalog of 常经办发〔2023〕19号 附件1 from {}", RESOURCE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
