package cn.tongban.filing;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** A signed-in citizen's own contracts, for the portal. */
@RestController
class MyContractsController {

    private final MyContracts contracts;

    MyContractsController(MyContracts contracts) {
        this.contracts = contracts;
    }

    @Operation(summary = "我的合同", description = "登录的公民作为当事人（出卖人、买受人等）的已备案合同，最新在前；只限本人，其他调用方被拒绝。")
    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/api/v1/contracts/mine")
    java.util.List<MyContracts.MyContract> mine() {
        return contracts.mine();
    }
}
