package cn.tongban.building;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
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
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.UnifiedSocialCreditCode;

/** 楼盘表 projects (项目). */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

    private final Projects projects;

    ProjectController(Projects projects) {
        this.projects = projects;
    }

    /**
     * @param name                项目名称
     * @param developerCreditCode 开发企业统一社会信用代码
     * @param districtCode        区县 (GB/T 2260, county level)
     * @param parcelCode          宗地代码: the first 19 characters of the 不动产单元代码 (GB/T 37346-2019)
     * @param landUse             土地用途 as in the land certificate
     */
    record ProjectRequest(@NotBlank @Size(max = 200) String name, @NotNull UnifiedSocialCreditCode developerCreditCode,
            @NotNull AdministrativeDivision districtCode, @NotBlank String parcelCode, @NotBlank @Size(max = 50) String landUse,
            LocalDate landTermStart, LocalDate landTermEnd, @PositiveOrZero Long version) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.PROJECT_EDIT + "')")
    @PostMapping
    ResponseEntity<ProjectView> create(@Valid @RequestBody ProjectRequest request) {
        ProjectView created = projects.create(request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.PROJECT_QUERY + "')")
    @GetMapping
    Page<ProjectView> list(@RequestParam(required = false) AdministrativeDivision districtCode,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) UnifiedSocialCreditCode developerCreditCode,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return projects.list(districtCode, name, developerCreditCode, new PageRequest(page, size));
    }

    @PreAuthorize("hasAuthority('" + Permissions.PROJECT_QUERY + "')")
    @GetMapping("/{id}")
    ProjectView get(@PathVariable long id) {
        return projects.get(id);
    }

    /** Changes a project; the body's {@code version} must be the one last read (optimistic locking). */
    @PreAuthorize("hasAuthority('" + Permissions.PROJECT_EDIT + "')")
    @PutMapping("/{id}")
    ProjectView update(@PathVariable long id, @Valid @RequestBody ProjectRequest request) {
        return projects.update(id, request);
    }
}
