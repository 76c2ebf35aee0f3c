package cn.tongban.registration;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;

/**
 * 收件材料 of a registration application (互联网+不动产登记建设指南 二（一）3). An upload's body is the file itself, its
 * Content-Type the file's type (or {@code application/octet-stream}), its name in {@code X-File-Name} (percent-encoded
 * UTF-8 or RFC 5987 allowed); the checklist item in {@code ?item=}. No multipart: the file streams to disk.
 * Whose application it is, {@link ApplicationAccess} decides; to anyone else it does not exist (404).
 */
@RestController
@RequestMapping("/api/v1/registrations/{applicationNo}/materials")
class MaterialController {

    private static final String MAY_UPLOAD = "hasAuthority('" + Permissions.REGISTRATION_MATERIAL_UPLOAD + "') or hasRole('citizen')";

    private final Materials materials;

    MaterialController(Materials materials) {
        this.materials = materials;
    }

    /** Uploads (or replaces) the file of one checklist item; 201 with what was kept. */
    @PreAuthorize(MAY_UPLOAD)
    @PostMapping
    ResponseEntity<Materials.Upload> upload(@PathVariable String applicationNo, @RequestParam(name = Materials.ITEM) String item,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = Materials.FILE_NAME, required = false) String fileName,
            @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength, InputStream body) {
        Materials.Upload upload = materials.upload(applicationNo, item, contentType, contentLength == null ? -1 : contentLength,
                fileName, body);
        return ResponseEntity.created(URI.create("/api/v1/registrations/" + applicationNo + "/materials/" + upload.id())).body(upload);
    }

    /** The checklist of the application's business type: each item provided, missing, or 免提交 from a shared source. */
    @PreAuthorize(MAY_UPLOAD)
    @GetMapping
    Materials.Checklist checklist(@PathVariable String applicationNo) {
        return materials.checklist(applicationNo);
    }

    /** The bytes of one upload, with their SM3 in {@code X-Content-SM3}. */
    @PreAuthorize(MAY_UPLOAD)
    @GetMapping("/{id}")
    ResponseEntity<Resource> download(@PathVariable String applicationNo, @PathVariable long id) {
        Materials.Download download = materials.download(applicationNo, id);
        Materials.Upload upload = download.upload();
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(upload.fileName() != null ? upload.fileName()
                        : id + MaterialFormat.ofMediaType(upload.contentType()).map(f -> f.extension).orElse(""),
                        StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(upload.contentType()))
                .contentLength(upload.bytes())
                .header("X-Content-SM3", upload.sm3())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(download.file()));
    }
}
