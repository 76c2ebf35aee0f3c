package cn.tongban.tax;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.tongban.identity.Permissions;
import cn.tongban.tax.TaxDeclarations.DeclarationView;
import cn.tongban.tax.TaxDeclarations.NewDeclaration;

/** 免填单 declarations pre-filled from a filed contract (建房〔2020〕61号 四). */
@RestController
@RequestMapping("/api/v1/tax/declarations")
class TaxDeclarationController {

    private final TaxDeclarations declarations;

    TaxDeclarationController(TaxDeclarations declarations) {
        this.declarations = declarations;
    }

    @Operation(summary = "按备案编号创建申报（免填单）", description = "合同日期、行政区划、成交价格、建筑面积、房屋用途由备案合同和楼盘表预填；"
            + "平台不掌握的事实由申报人填写，缺少的列入 calculation.undetermined。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_CREATE + "')")
    @PostMapping
    ResponseEntity<DeclarationView> create(@RequestBody NewDeclaration request) {
        DeclarationView created = declarations.create(request);
        return ResponseEntity.created(URI.create("/api/v1/tax/declarations/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_QUERY + "')")
    @GetMapping("/{id}")
    DeclarationView get(@PathVariable long id) {
        return declarations.get(id);
    }
}
