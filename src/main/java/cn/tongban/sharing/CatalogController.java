package cn.tongban.sharing;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.sharing.Catalog.CatalogDetail;
import cn.tongban.sharing.Catalog.CatalogEdit;
import cn.tongban.sharing.Catalog.CatalogEntry;
import cn.tongban.sharing.Catalog.CatalogImportReport;
import cn.tongban.sharing.Catalog.CatalogProvider;
import cn.tongban.sharing.Catalog.CatalogVersion;

/** The sharing catalog of 常经办发〔2023〕19号 附件1: list with due dates, edit, versions, CSV import and export. */
@RestController
@RequestMapping("/api/v1/sharing/catalog")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every item; for scheduled ones the next period due on or after {@code asOf} (today if omitted) and its date. */
    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_QUERY + "')")
    @GetMapping
    List<CatalogEntry> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return catalog.list(asOf == null ? Catalog.today() : asOf);
    }

    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_QUERY + "')")
    @GetMapping("/{no}")
    CatalogDetail detail(@PathVariable int no,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return catalog.detail(no, asOf == null ? Catalog.today() : asOf);
    }

    /** Edits an item; {@code version} must be the version edited, and the edit becomes the next one. */
    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_EDIT + "')")
    @PutMapping("/{no}")
    CatalogDetail edit(@PathVariable int no, @RequestBody CatalogEdit edit) {
        return catalog.edit(no, edit);
    }

    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_QUERY + "')")
    @GetMapping("/{no}/versions")
    List<CatalogVersion> versions(@PathVariable int no) {
        return catalog.versions(no);
    }

    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_QUERY + "')")
    @GetMapping("/providers")
    List<CatalogProvider> providers() {
        return catalog.providers();
    }

    /** The department code (统一社会信用代码) bound to deliver for a provider. */
    record Binding(String departmentCode) {
    }

    /** Binds the platform department that delivers for the provider (谁主管，谁提供，谁负责). */
    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_EDIT + "')")
    @PutMapping("/providers/{no}")
    CatalogProvider bind(@PathVariable int no, @RequestBody Binding binding) {
        return catalog.bind(no, binding.departmentCode());
    }

    /** The whole catalog as UTF-8 CSV, in the import format. */
    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_QUERY + "')")
    @GetMapping(path = "/export", produces = "text/csv")
    void export(HttpServletResponse response) throws java.io.IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sharing-catalog.csv\"");
        OutputStreamWriter out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CatalogCsv.write(catalog.items(), out);
        out.flush();
    }

    /** A catalog CSV: new items created, changed ones versioned; any bad row rejects the file (400, each row named). */
    @PreAuthorize("hasAuthority('" + Permissions.CATALOG_EDIT + "')")
    @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    CatalogImportReport importCsv(InputStream body) {
        return catalog.importCsv(body);
    }
}
